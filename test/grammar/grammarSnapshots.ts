// Shared by the grammar tests (grammarWiring, sqlDirectiveSnapshots, phpSqlSnapshots): Cutover's TextMate grammars
// (syntaxes/*.tmLanguage.json) tokenised with vscode-textmate and the real SQL/PHP grammars of the VS Code that the
// integration tests install (bash scripts/install-vscode-server.sh).
//
// A snapshot lists each token as [text, scopes]: its innermost scopes (at most SNAPSHOT_DEPTH of them, outermost
// first) below the fixture's context: `source.sql` for SQL, `text.html.php meta.embedded.block.php source.php` for
// PHP (a `<?php` line is put in front of PHP fixtures and left out). ['\n', ''] separates the lines of a fixture.
import assert from 'node:assert/strict';
import type { IGrammar } from 'vscode-textmate';
import { loadGrammar, tokenize, type GrammarWorld, type ScopedToken, type Snap } from './textmate';

export const SNAPSHOT_DEPTH = 3;
const SQL_CONTEXT = ['source.sql'];
const PHP_CONTEXT = ['text.html.php', 'meta.embedded.block.php', 'source.php'];

export interface Grammars {
  world: GrammarWorld;
  sql: IGrammar;
  php: IGrammar;
}

export async function loadGrammars(world: GrammarWorld): Promise<Grammars> {
  return {
    world,
    sql: await loadGrammar(world, world.scopeForLanguage('sql')),
    php: await loadGrammar(world, world.scopeForLanguage('php')),
  };
}

export function sqlTokens(g: Grammars, source: string): ScopedToken[] {
  return tokenize(g.sql, source, SQL_CONTEXT);
}

export function phpTokens(g: Grammars, source: string): ScopedToken[] {
  return tokenize(g.php, `<?php\n${source}`, PHP_CONTEXT, 1);
}

/** Splits a token list at the NEWLINE separators. */
export function byLine(tokens: readonly ScopedToken[]): ScopedToken[][] {
  const lines: ScopedToken[][] = [[]];
  for (const t of tokens) {
    if (t.text === '\n' && t.scopes.length === 0) lines.push([]);
    else lines[lines.length - 1].push(t);
  }
  return lines;
}

/** Every line in which Cutover's grammars put no scope of theirs is tokenised exactly as by VS Code alone. */
export function assertUnchangedOutsideCutoverScopes(ours: readonly ScopedToken[], theirs: readonly ScopedToken[]): void {
  const a = byLine(ours);
  const b = byLine(theirs);
  assert.equal(a.length, b.length);
  let compared = 0;
  a.forEach((line, i) => {
    if (line.some((t) => t.scopes.some((s) => s.endsWith('.cutover')))) return;
    assert.deepEqual(line, b[i], `line ${i + 1} differs from VS Code's own tokenisation`);
    compared++;
  });
  assert.ok(compared > 0, 'no line was left to compare');
}

export interface SnapshotCase {
  name: string;
  source: string;
  expected: Snap[];
}
