// Loads the TextMate grammars of the real VS Code (from the VS Code server the integration tests install) together
// with Cutover's grammars, wired the way VS Code's TMGrammarFactory does it: grammars by scope name from every
// built-in extension's package.json, `injectTo` collected per scope, and getInjections(scope) answering for the
// scope and each of its dotted prefixes. Then tokenises text into [text, scopes] pairs for snapshot tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

export const repoRoot = path.resolve(__dirname, '../../..');

const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const cacheRoot =
  process.env.CUTOVER_VSCODE_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cutover-vscode-test');
export const vscodeExtensionsDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/code-server/lib/vscode/extensions');

/** An entry of package.json `contributes.grammars`. */
export interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}

/** What Cutover's package.json should contribute (checked against package.json once it lists them). */
export const CUTOVER_GRAMMARS: GrammarContribution[] = [
  {
    scopeName: 'cutover.sql.directives.injection',
    path: './syntaxes/sql-migration-directives.injection.tmLanguage.json',
    injectTo: ['source.sql'],
  },
  {
    scopeName: 'cutover.php.sql.injection',
    path: './syntaxes/php-sql.injection.tmLanguage.json',
    injectTo: ['text.html.php', 'source.php'],
    embeddedLanguages: { 'source.sql': 'sql' },
  },
];

/** Cutover's grammar entries in package.json, or undefined while package.json has none. */
export function packageJsonGrammars(): GrammarContribution[] | undefined {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes?: { grammars?: GrammarContribution[] } };
  const ours = (pkg.contributes?.grammars ?? []).filter((g) => g.scopeName.startsWith('cutover.'));
  return ours.length > 0 ? ours : undefined;
}

function assertVsCodeInstalled(): void {
  if (!fs.existsSync(path.join(vscodeExtensionsDir, 'sql', 'syntaxes', 'sql.tmLanguage.json'))) {
    throw new Error(
      `VS Code's built-in grammars were not found in ${vscodeExtensionsDir}.\n` +
        'The grammar tests tokenise with the real SQL and PHP grammars of VS Code: run `bash scripts/install-vscode-server.sh` first ' +
        '(or point CUTOVER_VSCODE_CACHE at the cache holding code-server).',
    );
  }
}

interface Contributed {
  file: string;
  contribution: GrammarContribution;
}

/** Every grammar the built-in extensions contribute, in the order VS Code registers them. */
function builtInGrammars(): Contributed[] {
  assertVsCodeInstalled();
  const out: Contributed[] = [];
  for (const ext of fs.readdirSync(vscodeExtensionsDir).sort()) {
    const manifest = path.join(vscodeExtensionsDir, ext, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { contributes?: { grammars?: GrammarContribution[] } };
    for (const g of pkg.contributes?.grammars ?? []) out.push({ file: path.join(vscodeExtensionsDir, ext, g.path), contribution: g });
  }
  return out;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

export interface GrammarWorld {
  registry: vsctm.Registry;
  /** The root scope VS Code uses for a language id (the last grammar contributed for it wins, as in TMGrammarFactory). */
  scopeForLanguage(languageId: string): string;
  /** What getInjections answers for a root scope. */
  injectionsFor(scopeName: string): string[];
  /** The file of the grammar contributed for a scope, if any. */
  grammarFile(scopeName: string): string | undefined;
}

/**
 * A registry holding VS Code's built-in grammars plus, unless `withCutover` is false, Cutover's grammars
 * (package.json's entries once present, else CUTOVER_GRAMMARS).
 */
export function createWorld(options: { withCutover?: boolean; theme?: vsctm.IRawTheme } = {}): GrammarWorld {
  const grammars = builtInGrammars();
  if (options.withCutover !== false) {
    for (const g of packageJsonGrammars() ?? CUTOVER_GRAMMARS) grammars.push({ file: path.join(repoRoot, g.path), contribution: g });
  }
  const files = new Map<string, string>();
  const injections = new Map<string, string[]>();
  const languages = new Map<string, string>();
  for (const { file, contribution } of grammars) {
    files.set(contribution.scopeName, file);
    for (const target of contribution.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), contribution.scopeName]);
    if (contribution.language) languages.set(contribution.language, contribution.scopeName);
  }
  const injectionsFor = (scopeName: string): string[] => {
    const parts = scopeName.split('.');
    const result: string[] = [];
    for (let i = 1; i <= parts.length; i++) result.push(...(injections.get(parts.slice(0, i).join('.')) ?? []));
    return result;
  };
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    theme: options.theme,
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      if (!file || !fs.existsSync(file)) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    getInjections: injectionsFor,
  });
  return {
    registry,
    injectionsFor,
    grammarFile: (scopeName) => files.get(scopeName),
    scopeForLanguage: (languageId) => {
      const scope = languages.get(languageId);
      if (!scope) throw new Error(`No grammar for language ${languageId}`);
      return scope;
    },
  };
}

export async function loadGrammar(world: GrammarWorld, scopeName: string): Promise<vsctm.IGrammar> {
  const grammar = await world.registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`Grammar ${scopeName} did not load`);
  return grammar;
}

/** A token with all its scopes below the fixture's context. */
export interface ScopedToken {
  text: string;
  scopes: string[];
}
/** Separates the lines of a multi-line fixture in a token list. */
export const NEWLINE: ScopedToken = { text: '\n', scopes: [] };

/**
 * Tokenises `source` line by line, dropping the first `skipLines` lines from the result. Each token's scopes must
 * start with `context` (the root scope and, for PHP, the `<?php` block around the fixture), which is left out.
 */
export function tokenize(grammar: vsctm.IGrammar, source: string, context: readonly string[], skipLines = 0): ScopedToken[] {
  const out: ScopedToken[] = [];
  let state = vsctm.INITIAL;
  source.split('\n').forEach((line, index) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    if (index < skipLines) return;
    if (index > skipLines) out.push(NEWLINE);
    for (const token of tokens) {
      const text = line.slice(token.startIndex, token.endIndex);
      if (token.scopes.slice(0, context.length).join(' ') !== context.join(' ')) {
        throw new Error(`Token ${JSON.stringify(text)} in line ${index + 1} is outside the fixture context: ${token.scopes.join(' ')}`);
      }
      out.push({ text, scopes: token.scopes.slice(context.length) });
    }
  });
  return out;
}

/** A snapshot entry: a token's text and its most specific scopes (the innermost `depth`), space-separated. */
export type Snap = [text: string, scopes: string];

export function snapshot(tokens: readonly ScopedToken[], depth: number): Snap[] {
  return tokens.map((t) => [t.text, t.scopes.slice(-depth).join(' ')]);
}

/**
 * Foreground colour (#RRGGBB) under the registry's theme of the first occurrence of `text` in `line`.
 * Colours come from vscode-textmate's binary tokens, which merge neighbours of the same colour.
 */
export function foregroundOf(world: GrammarWorld, grammar: vsctm.IGrammar, line: string, text: string): string {
  const offset = line.indexOf(text);
  if (offset < 0) throw new Error(`${JSON.stringify(text)} is not in ${JSON.stringify(line)}`);
  const { tokens } = grammar.tokenizeLine2(line, vsctm.INITIAL);
  let metadata = tokens[1];
  for (let i = 0; i < tokens.length && tokens[i] <= offset; i += 2) metadata = tokens[i + 1];
  const foreground = (metadata & 0x00ff8000) >>> 15; // EncodedTokenAttributes: the colour id is in bits 15..23
  return world.registry.getColorMap()[foreground].toUpperCase();
}

/** A built-in colour theme with its `include` chain resolved, in vscode-textmate's raw theme form. */
export function loadBuiltInTheme(file: string): vsctm.IRawTheme {
  const settings: vsctm.IRawTheme['settings'] = [];
  const visit = (themeFile: string) => {
    const theme = JSON.parse(fs.readFileSync(themeFile, 'utf8')) as { include?: string; colors?: Record<string, string>; tokenColors?: vsctm.IRawTheme['settings'] };
    if (theme.include) visit(path.join(path.dirname(themeFile), theme.include));
    else settings.push({ settings: { foreground: theme.colors?.['editor.foreground'] ?? '#D4D4D4', background: theme.colors?.['editor.background'] ?? '#1E1E1E' } });
    settings.push(...(theme.tokenColors ?? []));
  };
  visit(path.join(vscodeExtensionsDir, 'theme-defaults', 'themes', file));
  return { name: file, settings };
}
