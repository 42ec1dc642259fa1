/**
 * phpAst: the shared PHP layer of the migration readers (Laravel's Schema builder, Doctrine's addSql). It is the only
 * module that knows php-parser's AST shapes; the readers ask it these questions. Every offset is a UTF-16 offset into
 * the PHP source (php-parser works on the JS string, so its offsets already are).
 *
 * - `parsePhp(source)` → `{ program }` or `{ problem }` (PHP 8 syntax, positions and comments on; never throws; the
 *   last source's result is memoised, so two readers of one file parse it once. Treat the AST as read-only).
 * - `migrationMethods(program)` → the `up()` / `down()` methods of every class in the file (anonymous
 *   `return new class extends Migration {…}` and named classes, namespaced or not), with `rollback` true for down().
 * - `walk(node, visit)` visits a node and everything under it, depth first; `visit` returning `false` skips the
 *   node's children. Comments are not visited (see `ignoreComments`).
 * - `staticCallOf(node)` reads `Schema::create(…)` / `\DB::statement(…)`; `methodChain(source, node)` reads
 *   `$table->string('a')->nullable()` as its root (`$table`) and links (`string`, `nullable`) with name spans.
 * - `argument(args, index, name)` finds a positional or named argument; `stringLiteral(node)` reads a single- or
 *   double-quoted string without interpolation (or a nowdoc) with the span of its contents; `stringList` reads
 *   `'a'` or `['a', 'b']`; `numberLiteral` / `booleanLiteral` likewise. Anything non-literal gives `undefined`.
 * - `span(node)`, `expressionEnd(source, node)` (php-parser sometimes counts the statement's `;` into an
 *   expression: this trims it) and `statementSpan(source, node)` (the statement with its `;`).
 * - `ignoreComments(source, program)` → every `// cutover-ignore …`, `# cutover-ignore …`, `/* cutover-ignore … *\/`
 *   comment with the statement it applies to: the statement it stands on the line of (trailing comment), else the
 *   next statement; `cutover-ignore-file` applies to the whole source.
 * - `chainLinkRemoval(source, link)` → the edit deleting `->name(…)` from a chain, with the line break and
 *   indentation before it when the call stands on its own line.
 */
import { Engine } from 'php-parser';
import type { Block, Call, Method, Node, Program } from 'php-parser';
import { Span } from '../model/changes';
import { OffsetEdit } from '../types';
import { PhpIgnoreComment, PhpProblem } from './types';

/** Any php-parser node. Read its fields through the helpers here rather than by shape. */
export type PhpNode = Node;
export type PhpCall = Call;

/** php-parser's declared types are looser than its nodes; this is how we read a field. */
type Loose = Node & Record<string, any>;

let memo: { source: string; result: { program: Program } | { problem: PhpProblem } } | undefined;

/** Parses a PHP file. A syntax error gives one problem with php-parser's message at its position. */
export function parsePhp(source: string): { program: Program; problem?: undefined } | { program?: undefined; problem: PhpProblem } {
  if (memo?.source === source) return memo.result;
  const engine = new Engine({ parser: { extractDoc: true, suppressErrors: false }, ast: { withPositions: true }, lexer: { short_tags: true } });
  let result: { program: Program } | { problem: PhpProblem };
  try {
    result = { program: engine.parseCode(source, 'migration.php') };
  } catch (error) {
    result = { problem: syntaxProblem(source, error) };
  }
  memo = { source, result };
  return result;
}

function syntaxProblem(source: string, error: unknown): PhpProblem {
  const e = error as { message?: string; lineNumber?: number; columnNumber?: number };
  const message = `PHP ${String(e.message ?? error).replace(/^Parse Error : /, '')}`;
  if (typeof e.lineNumber !== 'number') return { start: 0, end: Math.min(1, source.length), message };
  let line = 1;
  let offset = 0;
  while (line < e.lineNumber && offset < source.length) {
    const ch = source[offset++];
    if (ch === '\n' || (ch === '\r' && source[offset] !== '\n')) line++;
  }
  let start = Math.min(source.length, offset + (e.columnNumber ?? 0));
  // At the end of the file, point at the last thing written rather than at nothing.
  if (start >= source.length) start = Math.max(0, source.trimEnd().length - 1);
  const token = /^[^\s]+/.exec(source.slice(start, start + 80));
  return { start, end: Math.min(source.length, start + Math.max(1, token ? token[0].length : 1)), message };
}

export function span(node: Node): Span {
  return { start: node.loc?.start.offset ?? 0, end: node.loc?.end.offset ?? 0 };
}

/** End of an expression, without the `;` (and blanks) php-parser may count into the outermost call of a statement. */
export function expressionEnd(source: string, node: Node): number {
  const { start, end } = span(node);
  let e = end;
  while (e > start && /[\s;]/.test(source[e - 1])) e--;
  return e;
}

/** A statement's span with its terminating `;`. */
export function statementSpan(source: string, node: Node): Span {
  const { start, end } = span(node);
  if (source[end - 1] === ';') return { start, end };
  const after = /^[ \t\r\n]*;/.exec(source.slice(end, end + 200));
  return { start, end: after ? end + after[0].length : end };
}

const COMMENT_KINDS = new Set(['commentline', 'commentblock']);
const SKIPPED_KEYS = new Set(['loc', 'leadingComments', 'trailingComments', 'comments', 'tokens', 'errors']);

/** The nodes directly under a node, in source order (comments excluded). */
export function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (SKIPPED_KEYS.has(key) || value === null || typeof value !== 'object') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item && typeof item === 'object' && typeof item.kind === 'string' && !COMMENT_KINDS.has(item.kind)) children.push(item);
    }
  }
  return children.sort((a, b) => span(a).start - span(b).start);
}

/** Depth-first walk; `visit` returning `false` skips the node's children. */
export function walk(node: Node, visit: (node: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (visit(node, parent) === false) return;
  for (const child of childNodes(node)) walk(child, visit, node);
}

export interface MigrationMethod {
  name: 'up' | 'down';
  /** True for down(). */
  rollback: boolean;
  method: Method;
  body: Block;
}

/** The up() and down() methods of every class in the file, in source order. */
export function migrationMethods(program: Program): MigrationMethod[] {
  const methods: MigrationMethod[] = [];
  walk(program, (node) => {
    if (node.kind !== 'method') return undefined;
    const method = node as Loose;
    const name = String(method.name?.name ?? method.name ?? '').toLowerCase();
    if ((name === 'up' || name === 'down') && method.body) methods.push({ name, rollback: name === 'down', method: method as Method, body: method.body });
    return false;
  });
  return methods;
}

/** The last segment of a class name: `\Illuminate\Support\Facades\Schema` → `Schema`. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('\\') + 1);
}

export interface StaticCall {
  /** As written, namespace included (compare with `baseName`). */
  className: string;
  method: string;
  call: Call;
  args: Node[];
}

/** `Schema::create(…)`: a static call on a named class with a plain method name. */
export function staticCallOf(node: Node): StaticCall | undefined {
  const call = node as Loose;
  if (call.kind !== 'call' || call.what?.kind !== 'staticlookup') return undefined;
  const lookup = call.what as Loose;
  if (lookup.what?.kind !== 'name' || lookup.offset?.kind !== 'identifier') return undefined;
  return { className: String(lookup.what.name), method: String(lookup.offset.name), call: call as Call, args: call.arguments ?? [] };
}

/** One `->name(…)` of a method chain. */
export interface ChainLink {
  name: string;
  /** The method name as written. */
  nameSpan: Span;
  call: Call;
  args: Node[];
  /** End of what the method is called on: where `->` (and any line break before it) starts. */
  receiverEnd: number;
  /** End of the call, at its `)`. */
  end: number;
}

/**
 * `$table->string('a')->nullable()` → root `$table`, links `string`, `nullable`. The root is whatever the first
 * `->` applies to (a variable, or a static call such as `Schema::connection('x')`). Undefined for anything else,
 * including dynamic method names.
 */
export function methodChain(source: string, node: Node): { root: Node; links: ChainLink[] } | undefined {
  const links: ChainLink[] = [];
  let current = node as Loose;
  while (current.kind === 'call' && (current.what?.kind === 'propertylookup' || current.what?.kind === 'nullsafepropertylookup')) {
    const lookup = current.what as Loose;
    if (lookup.offset?.kind !== 'identifier') return undefined;
    links.unshift({
      name: String(lookup.offset.name),
      nameSpan: span(lookup.offset),
      call: current as Call,
      args: current.arguments ?? [],
      receiverEnd: expressionEnd(source, lookup.what),
      end: expressionEnd(source, current),
    });
    current = lookup.what;
  }
  return links.length > 0 ? { root: current, links } : undefined;
}

/** The name of a plain variable node (`$table` → `table`). */
export function variableName(node: Node | undefined): string | undefined {
  const v = node as Loose | undefined;
  return v?.kind === 'variable' && typeof v.name === 'string' ? v.name : undefined;
}

/** The argument at `index`, or the named argument `name:` (PHP 8). */
export function argument(args: readonly Node[], index: number, name?: string): Node | undefined {
  const named = name ? (args as Loose[]).find((a) => a.kind === 'namedargument' && a.name === name) : undefined;
  if (named) return named.value;
  const positional = args[index] as Loose | undefined;
  if (!positional || positional.kind === 'namedargument') return undefined;
  // A named argument before it means positions no longer line up.
  return (args.slice(0, index) as Loose[]).some((a) => a.kind === 'namedargument') ? undefined : positional;
}

export interface PhpString extends Span {
  /** The decoded value. */
  value: string;
  /** The literal with its quotes. */
  node: Node;
}

/** A string literal without interpolation; its span is that of the contents (quotes excluded). */
export function stringLiteral(node: Node | undefined): PhpString | undefined {
  const s = node as Loose | undefined;
  if (!s?.loc) return undefined;
  if (s.kind === 'string' && typeof s.value === 'string') {
    const { start, end } = span(s);
    const raw = String(s.raw ?? '');
    const quote = raw.search(/['"]/);
    return { value: s.value, start: start + quote + 1, end: end - 1, node: s };
  }
  if (s.kind === 'nowdoc' && typeof s.value === 'string') {
    const raw = String(s.raw ?? '');
    const bodyStart = raw.indexOf('\n') + 1;
    const bodyEnd = Math.max(bodyStart, raw.lastIndexOf('\n'));
    return { value: s.value, start: span(s).start + bodyStart, end: span(s).start + bodyEnd, node: s };
  }
  return undefined;
}

/** `'a'` → one string; `['a', 'b']` → both; undefined when any item is not a plain string literal. */
export function stringList(node: Node | undefined): PhpString[] | undefined {
  const single = stringLiteral(node);
  if (single) return [single];
  const array = node as Loose | undefined;
  if (array?.kind !== 'array') return undefined;
  const items: PhpString[] = [];
  for (const item of array.items as Loose[]) {
    const entry = item?.kind === 'entry' ? item : undefined;
    const value = stringLiteral(entry && !entry.key && !entry.unpack ? entry.value : item?.kind === 'string' ? item : undefined);
    if (!value) return undefined;
    items.push(value);
  }
  return items;
}

/** An integer or decimal literal, negative ones included. */
export function numberLiteral(node: Node | undefined): number | undefined {
  const n = node as Loose | undefined;
  if (n?.kind === 'number') {
    const value = Number(String(n.value).replace(/_/g, ''));
    return Number.isFinite(value) ? value : undefined;
  }
  if (n?.kind === 'unary' && (n.type === '-' || n.type === '+')) {
    const inner = numberLiteral(n.what);
    return inner === undefined ? undefined : n.type === '-' ? -inner : inner;
  }
  return undefined;
}

export function booleanLiteral(node: Node | undefined): boolean | undefined {
  const b = node as Loose | undefined;
  return b?.kind === 'boolean' && typeof b.value === 'boolean' ? b.value : undefined;
}

export function isNullLiteral(node: Node | undefined): boolean {
  return node?.kind === 'nullkeyword';
}

/** Every statement of the program: the items of each block, class body, namespace and program. */
function statements(program: Program): Node[] {
  const found: Node[] = [];
  walk(program, (node) => {
    const n = node as Loose;
    for (const key of ['children', 'body']) {
      if (Array.isArray(n[key])) for (const item of n[key] as Node[]) if (item?.loc && !COMMENT_KINDS.has(item.kind)) found.push(item);
    }
  });
  return found;
}

const DIRECTIVE = /^(?:\/\/|#|\/\*+)\s*cutover-ignore(-file)?(?![\w-])/;

/** Every cutover-ignore comment, with the statement it applies to. */
export function ignoreComments(source: string, program: Program): PhpIgnoreComment[] {
  const comments = ((program.comments ?? []) as Loose[]).filter((c) => c.loc && DIRECTIVE.test(String(c.value ?? '')));
  if (comments.length === 0) return [];
  const spans = statements(program).map((s) => statementSpan(source, s));
  return comments.map((comment) => {
    const start = span(comment).start;
    const text = String(comment.value).replace(/\r?\n$|\r$/, '');
    const end = start + text.length;
    const file = DIRECTIVE.exec(text)?.[1] !== undefined;
    return { start, end, text, appliesTo: file ? { start: 0, end: source.length } : appliesTo(source, spans, start, end) };
  });
}

function appliesTo(source: string, spans: readonly Span[], start: number, end: number): Span {
  // A trailing comment (`$table->id(); // cutover-ignore …`) applies to the statement it follows on the line.
  const trailing = spans.filter((s) => s.end <= start && /^[ \t]*$/.test(source.slice(s.end, start)));
  if (trailing.length > 0) return trailing.reduce((a, b) => (b.start > a.start ? b : a));
  const next = spans.filter((s) => s.start >= end);
  if (next.length === 0) return { start: end, end };
  return next.reduce((a, b) => (b.start < a.start || (b.start === a.start && b.end > a.end) ? b : a));
}

/**
 * Deletes `->name(…)`: from the end of its receiver, so the line break and indentation before `->` go too when the
 * call stands on its own line. A comment between the receiver and `->` is kept.
 */
export function chainLinkRemoval(source: string, link: ChainLink): OffsetEdit {
  return { start: chainLinkStart(source, link), end: link.end, newText: '' };
}

/** Where `->name(…)` starts once the blanks (and line break) before it are counted in. */
export function chainLinkStart(source: string, link: ChainLink): number {
  const gap = source.slice(link.receiverEnd, link.nameSpan.start);
  if (/^\s*\??->\s*$/.test(gap)) return link.receiverEnd;
  // A comment stands between: keep it and its line break (a `//` comment would swallow what joined its line).
  let arrow = link.receiverEnd + gap.lastIndexOf('->');
  if (source[arrow - 1] === '?') arrow--;
  let lineStart = arrow;
  while (lineStart > 0 && (source[lineStart - 1] === ' ' || source[lineStart - 1] === '\t')) lineStart--;
  return lineStart > 0 && (source[lineStart - 1] === '\n' || source[lineStart - 1] === '\r') ? lineStart : arrow;
}
