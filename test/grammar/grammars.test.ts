// Scope snapshots for Cutover's TextMate grammars (syntaxes/*.tmLanguage.json), tokenised with vscode-textmate and
// the real SQL/PHP grammars of the VS Code that the integration tests install (bash scripts/install-vscode-server.sh).
//
// A snapshot lists each token as [text, scopes]: its innermost scopes (at most SNAPSHOT_DEPTH of them, outermost
// first) below the fixture's context: `source.sql` for SQL, `text.html.php meta.embedded.block.php source.php` for
// PHP (a `<?php` line is put in front of PHP fixtures and left out). ['\n', ''] separates the lines of a fixture.
// When a grammar change moves scopes on purpose, the assertion diff shows the new tokens to paste here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import {
  CUTOVER_GRAMMARS,
  createWorld,
  foregroundOf,
  loadBuiltInTheme,
  loadGrammar,
  packageJsonGrammars,
  repoRoot,
  snapshot,
  tokenize,
  type GrammarWorld,
  type ScopedToken,
  type Snap,
} from './textmate';

const SNAPSHOT_DEPTH = 3;
const SQL_CONTEXT = ['source.sql'];
const PHP_CONTEXT = ['text.html.php', 'meta.embedded.block.php', 'source.php'];

interface Grammars {
  world: GrammarWorld;
  sql: IGrammar;
  php: IGrammar;
}

async function loadGrammars(world: GrammarWorld): Promise<Grammars> {
  return {
    world,
    sql: await loadGrammar(world, world.scopeForLanguage('sql')),
    php: await loadGrammar(world, world.scopeForLanguage('php')),
  };
}

let withCutover: Grammars;
let vscodeOnly: Grammars;
let darkPlus: Grammars;

before(async () => {
  withCutover = await loadGrammars(createWorld());
  vscodeOnly = await loadGrammars(createWorld({ withCutover: false }));
  darkPlus = await loadGrammars(createWorld({ theme: loadBuiltInTheme('dark_plus.json') }));
});

after(() => {
  for (const g of [withCutover, vscodeOnly, darkPlus]) g?.world.registry.dispose();
});

function sqlTokens(g: Grammars, source: string): ScopedToken[] {
  return tokenize(g.sql, source, SQL_CONTEXT);
}

function phpTokens(g: Grammars, source: string): ScopedToken[] {
  return tokenize(g.php, `<?php\n${source}`, PHP_CONTEXT, 1);
}

/** Splits a token list at the NEWLINE separators. */
function byLine(tokens: readonly ScopedToken[]): ScopedToken[][] {
  const lines: ScopedToken[][] = [[]];
  for (const t of tokens) {
    if (t.text === '\n' && t.scopes.length === 0) lines.push([]);
    else lines[lines.length - 1].push(t);
  }
  return lines;
}

/** Every line in which Cutover's grammars put no scope of theirs is tokenised exactly as by VS Code alone. */
function assertUnchangedOutsideCutoverScopes(ours: readonly ScopedToken[], theirs: readonly ScopedToken[]): void {
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

interface SnapshotCase {
  name: string;
  source: string;
  expected: Snap[];
}

describe('grammar wiring', () => {
  test('VS Code tokenises .sql files with source.sql and .php files with text.html.php', () => {
    assert.equal(withCutover.world.scopeForLanguage('sql'), 'source.sql');
    // The php extension contributes source.php and then text.html.php for the same language: the last one wins.
    assert.equal(withCutover.world.scopeForLanguage('php'), 'text.html.php');
  });

  test("getInjections answers with Cutover's grammars for the scopes they inject into", () => {
    assert.deepEqual(withCutover.world.injectionsFor('source.sql'), ['cutover.sql.directives.injection']);
    assert.deepEqual(withCutover.world.injectionsFor('text.html.php'), ['cutover.php.sql.injection']);
    assert.deepEqual(withCutover.world.injectionsFor('source.php'), ['cutover.php.sql.injection']);
    assert.deepEqual(vscodeOnly.world.injectionsFor('source.sql'), []);
  });

  test('package.json contributes the grammars as the tests load them', (t) => {
    const listed = packageJsonGrammars();
    if (!listed) {
      t.skip('package.json has no contributes.grammars entries for Cutover yet');
      return;
    }
    assert.deepEqual(listed, CUTOVER_GRAMMARS);
  });

  test('grammar files are valid JSON whose includes all resolve, also those into VS Code\'s grammars', () => {
    const repositoryOf = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { repository?: Record<string, unknown> }).repository ?? {};
    for (const { path: file, scopeName } of CUTOVER_GRAMMARS) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      const grammar = JSON.parse(text) as { scopeName: string; injectionSelector?: string; repository: Record<string, unknown> };
      assert.equal(grammar.scopeName, scopeName);
      assert.match(grammar.injectionSelector ?? '', /^L:/, `${file} must be a left injection to win over the base grammar`);
      const includes = [...text.matchAll(/"include":\s*"([^"]+)"/g)].map((m) => m[1]);
      assert.ok(includes.length > 0);
      for (const include of includes) {
        const [scope, rule] = include.split('#');
        if (scope === '') {
          assert.ok(rule in grammar.repository, `${file}: ${include} is not in the repository`);
          continue;
        }
        const target = withCutover.world.grammarFile(scope);
        assert.ok(target, `${file}: no grammar for ${scope}`);
        // vscode-textmate silently drops an include it cannot resolve: make a renamed rule in VS Code's grammars fail here.
        if (rule !== undefined) assert.ok(rule in repositoryOf(target), `${file}: ${include} is not in ${target}`);
      }
    }
  });
});

describe('SQL migration directives (injected into source.sql)', () => {
  const cases: SnapshotCase[] = [
    {
      name: 'goose Up',
      source: String.raw`-- +goose Up`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['Up', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.up.cutover'],
      ],
    },
    {
      name: 'goose Down',
      source: String.raw`-- +goose Down`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['Down', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.down.cutover'],
      ],
    },
    {
      name: 'goose StatementBegin … StatementEnd around a statement',
      source: String.raw`-- +goose StatementBegin
CREATE TABLE t (id INT);
-- +goose StatementEnd`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['StatementBegin', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.statement-begin.cutover'],
        ['\n', ''],
        ['CREATE', 'meta.create.sql keyword.other.create.sql'],
        [' ', 'meta.create.sql'],
        ['TABLE', 'meta.create.sql keyword.other.sql'],
        [' ', 'meta.create.sql'],
        ['t', 'meta.create.sql entity.name.function.sql'],
        [' (id ', ''],
        ['INT', 'storage.type.sql'],
        [');', ''],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['StatementEnd', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.statement-end.cutover'],
      ],
    },
    {
      name: 'goose NO TRANSACTION',
      source: String.raw`-- +goose NO TRANSACTION`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['NO TRANSACTION', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.no-transaction.cutover'],
      ],
    },
    {
      name: 'goose: the word after +goose in any case; an unknown word leaves only the marker',
      source: String.raw`-- +goose statementbegin
-- +goose Sideways`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['statementbegin', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.statement-begin.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' Sideways', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
      ],
    },
    {
      name: 'dbmate migrate:up with an option, migrate:down',
      source: String.raw`-- migrate:up transaction:false
-- migrate:down`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.dbmate.cutover'],
        ['migrate', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.other.directive.marker.dbmate.cutover'],
        [':', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.separator.directive.cutover'],
        ['up', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.control.directive.up.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.dbmate.cutover'],
        ['transaction', 'comment.line.double-dash.sql meta.directive.dbmate.cutover entity.other.attribute-name.option.cutover'],
        [':', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.separator.key-value.cutover'],
        ['false', 'comment.line.double-dash.sql meta.directive.dbmate.cutover constant.language.option-value.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.dbmate.cutover'],
        ['migrate', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.other.directive.marker.dbmate.cutover'],
        [':', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.separator.directive.cutover'],
        ['down', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.control.directive.down.cutover'],
      ],
    },
    {
      name: 'drizzle statement-breakpoint after a statement and on its own line',
      source: String.raw`CREATE TABLE t (id INT);--> statement-breakpoint
--> statement-breakpoint`,
      expected: [
        ['CREATE', 'meta.create.sql keyword.other.create.sql'],
        [' ', 'meta.create.sql'],
        ['TABLE', 'meta.create.sql keyword.other.sql'],
        [' ', 'meta.create.sql'],
        ['t', 'meta.create.sql entity.name.function.sql'],
        [' (id ', ''],
        ['INT', 'storage.type.sql'],
        [');', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.drizzle.cutover punctuation.definition.comment.sql'],
        ['>', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.other.directive.marker.drizzle.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.drizzle.cutover'],
        ['statement-breakpoint', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.control.directive.statement-breakpoint.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.drizzle.cutover punctuation.definition.comment.sql'],
        ['>', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.other.directive.marker.drizzle.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.drizzle.cutover'],
        ['statement-breakpoint', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.control.directive.statement-breakpoint.cutover'],
      ],
    },
    {
      name: '-- cutover-ignore, one rule',
      source: String.raw`-- cutover-ignore drop-column`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: '-- cutover-ignore, two rules and a reason, indented',
      source: String.raw`  -- cutover-ignore drop-column, rename-column -- code stopped using it in #123`,
      expected: [
        ['  ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.whitespace.comment.leading.sql'],
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [',', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.separator.comma.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['rename-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['--', 'meta.directive.cutover-ignore.cutover meta.reason.cutover punctuation.separator.reason.cutover'],
        [' code stopped using it in #123', 'meta.directive.cutover-ignore.cutover meta.reason.cutover comment.reason.cutover'],
      ],
    },
    {
      name: '-- cutover-ignore after a statement',
      source: String.raw`ALTER TABLE t DROP COLUMN c; -- cutover-ignore drop-column`,
      expected: [
        ['ALTER', 'meta.alter.sql keyword.other.create.sql'],
        [' ', 'meta.alter.sql'],
        ['TABLE', 'meta.alter.sql keyword.other.table.sql'],
        [' ', 'meta.alter.sql'],
        ['t ', ''],
        ['DROP', 'keyword.other.sql'],
        [' COLUMN c; ', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: '# cutover-ignore, one rule',
      source: String.raw`# cutover-ignore no-foreign-keys`,
      expected: [
        ['#', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['no-foreign-keys', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: '# cutover-ignore, two rules and a reason',
      source: String.raw`# cutover-ignore no-foreign-keys no-cascade # legacy schema`,
      expected: [
        ['#', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['no-foreign-keys', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['no-cascade', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['#', 'meta.directive.cutover-ignore.cutover meta.reason.cutover punctuation.separator.reason.cutover'],
        [' legacy schema', 'meta.directive.cutover-ignore.cutover meta.reason.cutover comment.reason.cutover'],
      ],
    },
    {
      name: '/* cutover-ignore */, one rule',
      source: String.raw`/* cutover-ignore drop-table */`,
      expected: [
        ['/*', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.block.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['drop-table', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['*/', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
      ],
    },
    {
      name: '/* cutover-ignore */, two rules and a reason',
      source: String.raw`/* cutover-ignore drop-table, drop-column -- cleanup */`,
      expected: [
        ['/*', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.block.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['drop-table', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [',', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.separator.comma.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['--', 'meta.directive.cutover-ignore.cutover meta.reason.cutover punctuation.separator.reason.cutover'],
        [' cleanup ', 'meta.directive.cutover-ignore.cutover meta.reason.cutover comment.reason.cutover'],
        ['*/', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
      ],
    },
    {
      name: '/* cutover-ignore-file */ over two lines: rules only on the first',
      source: String.raw`/* cutover-ignore-file lock-table
   not -- a reason */`,
      expected: [
        ['/*', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore-file', 'comment.block.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore-file.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['lock-table', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        ['\n', ''],
        ['   not -- a reason ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['*/', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
      ],
    },
    {
      name: '-- cutover-ignore-file, without and with rules',
      source: String.raw`-- cutover-ignore-file
-- cutover-ignore-file drop-table, no-cascade`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore-file', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore-file.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore-file', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore-file.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-table', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [',', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.separator.comma.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['no-cascade', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: 'a normal comment',
      source: String.raw`-- drop the old column once the app stopped reading it`,
      expected: [
        ['--', 'comment.line.double-dash.sql punctuation.definition.comment.sql'],
        [' drop the old column once the app stopped reading it', 'comment.line.double-dash.sql'],
      ],
    },
  ];
  for (const c of cases) {
    test(`snapshot: ${c.name}`, () => {
      assert.deepEqual(snapshot(sqlTokens(withCutover, c.source), SNAPSHOT_DEPTH), c.expected);
    });
  }

  test('every token Cutover scopes in a directive keeps a comment scope (VS Code still treats the line as a comment)', () => {
    for (const c of cases) {
      for (const t of sqlTokens(withCutover, c.source)) {
        if (t.scopes.some((s) => s.endsWith('.cutover'))) assert.ok(t.scopes.some((s) => s.startsWith('comment.')), `${c.name}: ${JSON.stringify(t)}`);
      }
    }
  });

  const notDirectives = [
    '-- just a note about goose and cutover-ignore',
    '-- cutover-ignored drop-column',
    '-- see cutover-ignore in the docs',
    '  -- +goose Up',
    '-- migrate:upgrade later',
    '--> not a breakpoint',
    '# plain hash comment',
    '/* cutover-ignorefile drop-table */',
    "SELECT '-- cutover-ignore drop-column' AS text;",
  ];
  for (const source of notDirectives) {
    test(`not a directive, tokenised as by VS Code alone: ${source}`, () => {
      assert.deepEqual(sqlTokens(withCutover, source), sqlTokens(vscodeOnly, source));
    });
  }

  test('a goose migration: only the directive lines change', () => {
    const source = [
      '-- +goose Up',
      '-- cutover-ignore no-foreign-keys -- orgs is tiny',
      'ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs (id);',
      '-- +goose StatementBegin',
      'CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW SET NEW.x = 1;',
      '-- +goose StatementEnd',
      '',
      '-- +goose Down',
      'ALTER TABLE users DROP FOREIGN KEY fk_org;',
    ].join('\n');
    const ours = sqlTokens(withCutover, source);
    assertUnchangedOutsideCutoverScopes(ours, sqlTokens(vscodeOnly, source));
    assert.equal(byLine(ours).filter((line) => line.some((t) => t.scopes.some((s) => s.endsWith('.cutover')))).length, 5);
  });

  test('Dark+ colours the directive words; the rest of the line keeps the comment colour', () => {
    const colour = (line: string, text: string) => foregroundOf(darkPlus.world, darkPlus.sql, line, text);
    const comment = colour('-- just a comment', ' just a comment');
    assert.equal(colour('-- +goose Up', '--'), comment);
    assert.notEqual(colour('-- +goose Up', 'Up'), comment);
    assert.notEqual(colour('-- +goose Up', '+goose'), comment);
    assert.notEqual(colour('-- +goose Up', '+goose'), colour('-- +goose Up', 'Up'));
    assert.notEqual(colour('-- migrate:down', 'down'), comment);
    assert.notEqual(colour('--> statement-breakpoint', 'statement-breakpoint'), comment);
    const ignore = '-- cutover-ignore drop-column -- why';
    assert.notEqual(colour(ignore, 'cutover-ignore'), comment);
    assert.notEqual(colour(ignore, 'drop-column'), comment);
    assert.notEqual(colour(ignore, 'drop-column'), colour(ignore, 'cutover-ignore'));
    assert.equal(colour(ignore, ' why'), comment);
  });
});

describe('SQL in PHP migrations (injected into text.html.php)', () => {
  const cases: SnapshotCase[] = [
    {
      name: 'Doctrine addSql, single-quoted',
      source: String.raw`$this->addSql('ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id)');`,
      expected: [
        ['$', 'variable.language.this.php punctuation.definition.variable.php'],
        ['this', 'variable.language.this.php'],
        ['->', 'meta.method-call.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['addSql', 'meta.method-call.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.begin.php'],
        ['ALTER', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['TABLE', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.sql'],
        [' users ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['ADD', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['CONSTRAINT', 'string.quoted.single.sql.php source.sql.embedded.php storage.modifier.sql'],
        [' fk ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['FOREIGN KEY', 'string.quoted.single.sql.php source.sql.embedded.php storage.modifier.sql'],
        [' (org_id) ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['REFERENCES', 'string.quoted.single.sql.php source.sql.embedded.php storage.modifier.sql'],
        [' orgs (id)', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.end.php'],
        [')', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'Doctrine addSql, double-quoted with \\" inside',
      source: String.raw`$this->addSql("ALTER TABLE users ALTER note SET DEFAULT \"n/a\"");`,
      expected: [
        ['$', 'variable.language.this.php punctuation.definition.variable.php'],
        ['this', 'variable.language.this.php'],
        ['->', 'meta.method-call.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['addSql', 'meta.method-call.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['"', 'meta.migration-sql.cutover string.quoted.double.sql.php punctuation.definition.string.begin.php'],
        ['ALTER', 'string.quoted.double.sql.php source.sql.embedded.php keyword.other.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.double.sql.php source.sql.embedded.php'],
        ['TABLE', 'string.quoted.double.sql.php source.sql.embedded.php keyword.other.sql'],
        [' users ', 'meta.migration-sql.cutover string.quoted.double.sql.php source.sql.embedded.php'],
        ['ALTER', 'string.quoted.double.sql.php source.sql.embedded.php keyword.other.sql'],
        [' note ', 'meta.migration-sql.cutover string.quoted.double.sql.php source.sql.embedded.php'],
        ['SET', 'string.quoted.double.sql.php source.sql.embedded.php keyword.other.DML.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.double.sql.php source.sql.embedded.php'],
        ['DEFAULT', 'string.quoted.double.sql.php source.sql.embedded.php storage.modifier.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.double.sql.php source.sql.embedded.php'],
        ['\\"', 'string.quoted.double.sql punctuation.definition.string.begin.sql constant.character.escape.php'],
        ['n/a', 'string.quoted.double.sql.php source.sql.embedded.php string.quoted.double.sql'],
        ['\\"', 'string.quoted.double.sql punctuation.definition.string.end.sql constant.character.escape.php'],
        ['"', 'meta.migration-sql.cutover string.quoted.double.sql.php punctuation.definition.string.end.php'],
        [')', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'Doctrine addSql, \\\' inside: SQL strings and MySQL escapes',
      source: String.raw`$this->addSql('UPDATE users SET name = \'O\\\'Brien\' WHERE id = ?', [$id]);`,
      expected: [
        ['$', 'variable.language.this.php punctuation.definition.variable.php'],
        ['this', 'variable.language.this.php'],
        ['->', 'meta.method-call.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['addSql', 'meta.method-call.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.begin.php'],
        ['UPDATE', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.DML.sql'],
        [' users ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['SET', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.DML.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['name', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['=', 'string.quoted.single.sql.php source.sql.embedded.php keyword.operator.comparison.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['\\\'', 'string.quoted.single.sql punctuation.definition.string.begin.sql constant.character.escape.php'],
        ['O', 'string.quoted.single.sql.php source.sql.embedded.php string.quoted.single.sql'],
        ['\\\\\\\'', 'source.sql.embedded.php string.quoted.single.sql constant.character.escape.sql'],
        ['Brien', 'string.quoted.single.sql.php source.sql.embedded.php string.quoted.single.sql'],
        ['\\\'', 'string.quoted.single.sql punctuation.definition.string.end.sql constant.character.escape.php'],
        [' ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['WHERE', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.DML.sql'],
        [' id ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['=', 'string.quoted.single.sql.php source.sql.embedded.php keyword.operator.comparison.sql'],
        [' ?', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.end.php'],
        [',', 'meta.method-call.php meta.migration-sql.cutover punctuation.separator.delimiter.php'],
        [' ', 'meta.method-call.php meta.migration-sql.cutover'],
        ['[', 'meta.method-call.php meta.migration-sql.cutover punctuation.section.array.begin.php'],
        ['$', 'meta.migration-sql.cutover variable.other.php punctuation.definition.variable.php'],
        ['id', 'meta.method-call.php meta.migration-sql.cutover variable.other.php'],
        [']', 'meta.method-call.php meta.migration-sql.cutover punctuation.section.array.end.php'],
        [')', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'Laravel DB::statement over several lines',
      source: String.raw`DB::statement('
    alter table orders
        drop foreign key orders_user_id_foreign
');`,
      expected: [
        ['DB', 'support.class.php'],
        ['::', 'meta.method-call.static.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['statement', 'meta.method-call.static.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.begin.php'],
        ['\n', ''],
        ['    ', 'string.quoted.single.sql.php source.sql.embedded.php meta.alter.sql'],
        ['alter', 'source.sql.embedded.php meta.alter.sql keyword.other.create.sql'],
        [' ', 'string.quoted.single.sql.php source.sql.embedded.php meta.alter.sql'],
        ['table', 'source.sql.embedded.php meta.alter.sql keyword.other.table.sql'],
        [' ', 'string.quoted.single.sql.php source.sql.embedded.php meta.alter.sql'],
        ['orders', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['\n', ''],
        ['        ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['drop', 'string.quoted.single.sql.php source.sql.embedded.php keyword.other.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['foreign key', 'string.quoted.single.sql.php source.sql.embedded.php storage.modifier.sql'],
        [' orders_user_id_foreign', 'meta.migration-sql.cutover string.quoted.single.sql.php source.sql.embedded.php'],
        ['\n', ''],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.end.php'],
        [')', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'Laravel DB::unprepared, string on the next line, interpolation',
      source: String.raw`DB::unprepared(
    "DROP TABLE {$table}" // legacy
);`,
      expected: [
        ['DB', 'support.class.php'],
        ['::', 'meta.method-call.static.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['unprepared', 'meta.method-call.static.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['\n', ''],
        ['    ', 'meta.method-call.static.php meta.migration-sql.cutover'],
        ['"', 'meta.migration-sql.cutover string.quoted.double.sql.php punctuation.definition.string.begin.php'],
        ['DROP', 'string.quoted.double.sql.php source.sql.embedded.php keyword.other.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.double.sql.php source.sql.embedded.php'],
        ['TABLE', 'string.quoted.double.sql.php source.sql.embedded.php keyword.other.sql'],
        [' ', 'meta.migration-sql.cutover string.quoted.double.sql.php source.sql.embedded.php'],
        ['{', 'string.quoted.double.sql.php source.sql.embedded.php punctuation.definition.variable.php'],
        ['$', 'source.sql.embedded.php variable.other.php punctuation.definition.variable.php'],
        ['table', 'string.quoted.double.sql.php source.sql.embedded.php variable.other.php'],
        ['}', 'string.quoted.double.sql.php source.sql.embedded.php punctuation.definition.variable.php'],
        ['"', 'meta.migration-sql.cutover string.quoted.double.sql.php punctuation.definition.string.end.php'],
        [' ', 'meta.method-call.static.php meta.migration-sql.cutover'],
        ['//', 'meta.migration-sql.cutover comment.line.double-slash.php punctuation.definition.comment.php'],
        [' legacy', 'meta.method-call.static.php meta.migration-sql.cutover comment.line.double-slash.php'],
        ['\n', ''],
        [')', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'only the first argument is SQL',
      source: String.raw`\DB::statement('drop table a', ['drop table b']);`,
      expected: [
        ['\\', 'support.other.namespace.php punctuation.separator.inheritance.php'],
        ['DB', 'support.class.php'],
        ['::', 'meta.method-call.static.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['statement', 'meta.method-call.static.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.begin.php'],
        ['drop', 'source.sql.embedded.php meta.drop.sql keyword.other.create.sql'],
        [' ', 'string.quoted.single.sql.php source.sql.embedded.php meta.drop.sql'],
        ['table', 'source.sql.embedded.php meta.drop.sql keyword.other.table.sql'],
        [' ', 'string.quoted.single.sql.php source.sql.embedded.php meta.drop.sql'],
        ['a', 'source.sql.embedded.php meta.drop.sql entity.name.function.sql'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.sql.php punctuation.definition.string.end.php'],
        [',', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.separator.delimiter.php'],
        [' ', 'meta.method-call.static.php meta.migration-sql.cutover'],
        ['[', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.section.array.begin.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.php punctuation.definition.string.begin.php'],
        ['drop table b', 'meta.method-call.static.php meta.migration-sql.cutover string.quoted.single.php'],
        ['\'', 'meta.migration-sql.cutover string.quoted.single.php punctuation.definition.string.end.php'],
        [']', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.section.array.end.php'],
        [')', 'meta.method-call.static.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'nowdoc',
      source: String.raw`$this->addSql(<<<'SQL'
    ALTER TABLE users DROP COLUMN legacy_id
    SQL);`,
      expected: [
        ['$', 'variable.language.this.php punctuation.definition.variable.php'],
        ['this', 'variable.language.this.php'],
        ['->', 'meta.method-call.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['addSql', 'meta.method-call.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['<<<', 'meta.embedded.sql punctuation.section.embedded.begin.php punctuation.definition.string.php'],
        ['\'', 'string.unquoted.nowdoc.php meta.embedded.sql punctuation.section.embedded.begin.php'],
        ['SQL', 'meta.embedded.sql punctuation.section.embedded.begin.php keyword.operator.nowdoc.php'],
        ['\'', 'string.unquoted.nowdoc.php meta.embedded.sql punctuation.section.embedded.begin.php'],
        ['\n', ''],
        ['    ', 'meta.embedded.sql source.sql meta.alter.sql'],
        ['ALTER', 'source.sql meta.alter.sql keyword.other.create.sql'],
        [' ', 'meta.embedded.sql source.sql meta.alter.sql'],
        ['TABLE', 'source.sql meta.alter.sql keyword.other.table.sql'],
        [' ', 'meta.embedded.sql source.sql meta.alter.sql'],
        ['users ', 'string.unquoted.nowdoc.php meta.embedded.sql source.sql'],
        ['DROP', 'meta.embedded.sql source.sql keyword.other.sql'],
        [' COLUMN legacy_id', 'string.unquoted.nowdoc.php meta.embedded.sql source.sql'],
        ['\n', ''],
        ['    ', 'string.unquoted.nowdoc.php meta.embedded.sql punctuation.section.embedded.end.php'],
        ['SQL', 'meta.embedded.sql punctuation.section.embedded.end.php keyword.operator.nowdoc.php'],
        [')', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'heredoc with interpolation',
      source: String.raw`$this->addSql(<<<EOT
    DROP TABLE {$table}
    EOT);`,
      expected: [
        ['$', 'variable.language.this.php punctuation.definition.variable.php'],
        ['this', 'variable.language.this.php'],
        ['->', 'meta.method-call.php meta.migration-sql.cutover keyword.operator.class.php'],
        ['addSql', 'meta.method-call.php meta.migration-sql.cutover entity.name.function.php'],
        ['(', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.begin.bracket.round.php'],
        ['<<<', 'meta.embedded.sql punctuation.section.embedded.begin.php punctuation.definition.string.php'],
        ['EOT', 'meta.embedded.sql punctuation.section.embedded.begin.php keyword.operator.heredoc.php'],
        ['\n', ''],
        ['    ', 'meta.embedded.sql source.sql meta.drop.sql'],
        ['DROP', 'source.sql meta.drop.sql keyword.other.create.sql'],
        [' ', 'meta.embedded.sql source.sql meta.drop.sql'],
        ['TABLE', 'source.sql meta.drop.sql keyword.other.sql'],
        [' ', 'string.unquoted.heredoc.php meta.embedded.sql source.sql'],
        ['{', 'meta.embedded.sql source.sql punctuation.definition.variable.php'],
        ['$', 'source.sql variable.other.php punctuation.definition.variable.php'],
        ['table', 'meta.embedded.sql source.sql variable.other.php'],
        ['}', 'meta.embedded.sql source.sql punctuation.definition.variable.php'],
        ['\n', ''],
        ['    ', 'string.unquoted.heredoc.php meta.embedded.sql punctuation.section.embedded.end.php'],
        ['EOT', 'meta.embedded.sql punctuation.section.embedded.end.php keyword.operator.heredoc.php'],
        [')', 'meta.method-call.php meta.migration-sql.cutover punctuation.definition.arguments.end.bracket.round.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
    {
      name: 'a plain string assignment stays a plain string',
      source: String.raw`$table = 'users';`,
      expected: [
        ['$', 'variable.other.php punctuation.definition.variable.php'],
        ['table', 'variable.other.php'],
        [' ', ''],
        ['=', 'keyword.operator.assignment.php'],
        [' ', ''],
        ['\'', 'string.quoted.single.php punctuation.definition.string.begin.php'],
        ['users', 'string.quoted.single.php'],
        ['\'', 'string.quoted.single.php punctuation.definition.string.end.php'],
        [';', 'punctuation.terminator.expression.php'],
      ],
    },
  ];
  for (const c of cases) {
    test(`snapshot: ${c.name}`, () => {
      assert.deepEqual(snapshot(phpTokens(withCutover, c.source), SNAPSHOT_DEPTH), c.expected);
    });
  }

  const otherStrings = [
    "$table = 'users';",
    "$sql = 'drop table users';",
    // VS Code's PHP grammar itself embeds SQL in any string that starts with an upper-case SELECT/INSERT/UPDATE/
    // DELETE/CREATE/REPLACE/ALTER/AND/WITH; Cutover leaves that as it is.
    "$x = 'ALTER TABLE t';",
    "$this->connection->executeStatement('drop table users');",
    "$db->statement('drop table users');",
    "MyDB::statement('drop table users');",
    "$that->addSql('drop table users');",
    "addSql('drop table users');",
    "// $this->addSql('drop table users');",
    "echo \"DB::statement('drop table users')\";",
  ];
  for (const source of otherStrings) {
    test(`left to the PHP grammar: ${source}`, () => {
      assert.deepEqual(phpTokens(withCutover, source), phpTokens(vscodeOnly, source));
    });
  }

  test('escaped quotes in SQL strings and comments, concatenation and comments: the call still ends where PHP says', () => {
    const source = String.raw`$this->addSql('SELECT "a\'b", 1 /* it\'s */ FROM t -- don\'t
'); $after = 1;
$this->addSql("SELECT 'a\"b' FROM t WHERE x = '" . $v . "'"); $after = 2;
$this->addSql('ALTER TABLE ' . $t . ' DROP x'); $after = 3;
$this->addSql(
    // the statement
    'DROP TABLE x',
); $after = 4;`;
    const after = phpTokens(withCutover, source).filter((t) => t.text === 'after');
    assert.equal(after.length, 4);
    for (const t of after) assert.deepEqual(t.scopes, ['variable.other.php']);
  });

  test('a Doctrine migration class: nothing changes outside the addSql calls, and each call ends where it should', () => {
    const source = [
      'namespace DoctrineMigrations;',
      '',
      'use Doctrine\\DBAL\\Schema\\Schema;',
      'use Doctrine\\Migrations\\AbstractMigration;',
      '',
      'final class Version20240101000000 extends AbstractMigration',
      '{',
      '    public function up(Schema $schema): void',
      '    {',
      "        $this->addSql('ALTER TABLE users ADD org_id INT DEFAULT NULL');",
      "        $this->addSql('CREATE INDEX IDX_1483A5E9 ON users (org_id)'); $this->count++;",
      '        $this->addSql(',
      "            'ALTER TABLE users ADD CONSTRAINT FK_1483A5E9 FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE'",
      '        );',
      "        $this->addSql(sprintf('drop table %s', 'legacy'));",
      '    }',
      '',
      '    public function down(Schema $schema): void',
      '    {',
      "        $this->addSql(<<<'SQL'",
      '            ALTER TABLE users DROP FOREIGN KEY FK_1483A5E9',
      '            SQL);',
      "        $sql = 'ALTER TABLE users DROP org_id';",
      '        $this->warnIf(true, "Data loss");',
      '    }',
      '}',
    ].join('\n');
    const ours = phpTokens(withCutover, source);
    assertUnchangedOutsideCutoverScopes(ours, phpTokens(vscodeOnly, source));
    const calls = byLine(ours).filter((line) => line.some((t) => t.scopes.includes('meta.migration-sql.cutover')));
    assert.equal(calls.length, 9);
    // `$this->count++` after the second call on its line is ordinary PHP again.
    const count = byLine(ours)[10].find((t) => t.text === 'count');
    assert.ok(count && !count.scopes.includes('meta.migration-sql.cutover'));
  });

  test('Dark+ colours SQL keywords inside addSql differently from the string around them', () => {
    const line = "<?php $this->addSql('drop table users');";
    const colour = (text: string) => foregroundOf(darkPlus.world, darkPlus.php, line, text);
    assert.notEqual(colour('drop'), colour(' users'));
    assert.equal(colour("'"), colour(' users'));
  });
});
