// Helpers of the node-sql-parser adapter (parserAdapter.ts): lining AST items up with our tokens, and reading
// column, index, foreign key and table option definitions. node-sql-parser gives no positions, so every span comes
// from the tokens; the AST decides what an item is, and any disagreement between the two aborts the whole reading.
import { ColumnDefinition, ColumnType, DefaultValue, ForeignKeyDefinition, IndexDefinition, IndexKind, Name, ReferentialAction, ReferentialActionName, Span, TableOption } from '../model/changes';
import { Token } from './lexer';
import { identifierOf, isKeyword, isPunct, splitTopLevel } from './tokenCursor';

/** node-sql-parser's AST, as plain JSON: its published types are incomplete (e.g. `primary_key`, `over`, `generated`). */
export type Ast = any;

/** Thrown when the AST and the tokens disagree; readWithParser turns it into `undefined`. */
export class Misaligned extends Error {}

export function need<T>(value: T | undefined | null | false): T {
  if (value === undefined || value === null || value === false) throw new Misaligned();
  return value;
}

/** Lower-case, no spaces or underscores: AST keywords come as `on delete`, `set null`, `default charset`, … */
export function squash(text: unknown): string {
  return typeof text === 'string' ? text.toLowerCase().replace(/[\s_]+/g, '') : '';
}

/** The significant tokens of one statement, with the source text they came from. */
export class Tokens {
  constructor(readonly t: readonly Token[], private readonly text: string, private readonly base: number) {}

  get length(): number {
    return this.t.length;
  }

  /** Source text of tokens [from, to), trivia between them included. */
  source(from: number, to: number): string {
    return this.text.slice(this.t[from].start - this.base, this.t[to - 1].end - this.base);
  }

  span(from: number, to: number): Span {
    need(from < to && to <= this.t.length);
    return { start: this.t[from].start, end: this.t[to - 1].end };
  }

  word(i: number, ...words: string[]): boolean {
    return isKeyword(this.t[i], ...words);
  }

  /** True when tokens i, i+1, … are exactly these keywords. */
  words(i: number, ...words: string[]): boolean {
    return words.every((w, k) => isKeyword(this.t[i + k], w));
  }

  punct(i: number, text: string): boolean {
    return isPunct(this.t[i], text);
  }

  /** Index of the `)` matching the `(` at `open`. */
  close(open: number): number {
    need(this.punct(open, '('));
    let depth = 0;
    for (let i = open; i < this.t.length; i++) {
      if (this.punct(i, '(')) depth++;
      else if (this.punct(i, ')') && --depth === 0) return i;
    }
    throw new Misaligned();
  }

  /** First token in [from, to), outside parentheses, that satisfies `test`; -1 if none. */
  find(from: number, to: number, test: (t: Token, i: number) => boolean): number {
    let depth = 0;
    for (let i = from; i < to; i++) {
      if (depth === 0 && test(this.t[i], i)) return i;
      if (this.punct(i, '(')) depth++;
      else if (this.punct(i, ')')) depth--;
    }
    return -1;
  }

  findWord(from: number, to: number, ...words: string[]): number {
    return this.find(from, to, (t) => isKeyword(t, ...words));
  }

  /** The identifier at i, which must be the name the AST gave. */
  name(i: number, expected: unknown): Name {
    const id = need(identifierOf(this.t[i]));
    need(typeof expected === 'string' && sameName(id.name, expected));
    return id;
  }

  /** `name` or `schema.name` at i, whose last part must be `expected`; returns it and the index after it. */
  qualified(i: number, expected: unknown): { name: Name; next: number } {
    let at = i;
    while (this.punct(at + 1, '.') && identifierOf(this.t[at + 2])) at += 2;
    return { name: this.name(at, expected), next: at + 1 };
  }
}

/** node-sql-parser keeps doubled backticks inside quoted names (`a``b` → "a``b"); our lexer resolves them. */
function sameName(ours: string, theirs: string): boolean {
  return ours === theirs || ours === theirs.replace(/``/g, '`');
}

/** The column name of a column_ref node (a plain string, or `{ expr: { value } }` in some positions). */
export function columnName(ref: Ast): unknown {
  const column = ref?.column;
  return typeof column === 'string' ? column : column?.expr?.value;
}

/** The table name of a `{ db, table }` node or of the first entry of an array of them. */
export function tableName(node: Ast): unknown {
  return (Array.isArray(node) ? node[0] : node)?.table;
}

const TYPE_SYNONYMS: Record<string, { name: string; args?: number[] }> = {
  INTEGER: { name: 'INT' }, INT1: { name: 'TINYINT' }, INT2: { name: 'SMALLINT' }, INT3: { name: 'MEDIUMINT' },
  MIDDLEINT: { name: 'MEDIUMINT' }, INT4: { name: 'INT' }, INT8: { name: 'BIGINT' },
  BOOL: { name: 'TINYINT', args: [1] }, BOOLEAN: { name: 'TINYINT', args: [1] },
  REAL: { name: 'DOUBLE' }, FLOAT4: { name: 'FLOAT' }, FLOAT8: { name: 'DOUBLE' },
  DEC: { name: 'DECIMAL' }, NUMERIC: { name: 'DECIMAL' }, FIXED: { name: 'DECIMAL' }, CHARACTER: { name: 'CHAR' },
};

const CURRENT_TIMESTAMP = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);

/** Upper-case name of a function call or keyword value node (`{ name: { name: [{ value }] } }` or `{ value }`). */
function functionName(node: Ast): string {
  return String(node?.name?.name?.[0]?.value ?? node?.value ?? '').toUpperCase();
}

/** Where a column definition sits: its name token, where its attributes end, and where the whole span ends. */
export interface ColumnPlace {
  nameAt: number;
  /** End (exclusive) of the attributes: before a trailing FIRST / AFTER col. */
  attributesEnd: number;
  /** End (exclusive) of the definition's span. */
  end: number;
  position?: ColumnDefinition['position'];
}

/** Index of the token after an optional keyword at i. */
export function skip(r: Tokens, i: number, ...words: string[]): number {
  return r.word(i, ...words) ? i + 1 : i;
}

/** The column definition of ADD/MODIFY/CHANGE: name at nameAt, a trailing FIRST / AFTER col read from the AST suffix. */
export function columnPlace(r: Tokens, nameAt: number, e: number, suffix: Ast): ColumnPlace {
  const keyword = squash(suffix?.keyword);
  if (keyword === 'first') {
    need(r.word(e - 1, 'FIRST'));
    return { nameAt, attributesEnd: e - 1, end: e, position: { kind: 'first' } };
  }
  if (keyword === 'after') {
    need(r.word(e - 2, 'AFTER'));
    return { nameAt, attributesEnd: e - 2, end: e, position: { kind: 'after', column: r.name(e - 1, columnName(suffix.expr)) } };
  }
  need(keyword === '');
  return { nameAt, attributesEnd: e, end: e };
}

/** A column definition (CREATE TABLE item, or ADD/MODIFY/CHANGE in ALTER TABLE) from its AST node. */
export function readColumn(r: Tokens, place: ColumnPlace, node: Ast): ColumnDefinition {
  const { nameAt, attributesEnd } = place;
  const name = r.name(nameAt, columnName(node.column));
  const definition = need(node.definition);
  const written = String(need(definition.dataType)).toUpperCase();
  need(r.t[nameAt + 1]?.upper === written);
  let at = nameAt + 2;
  const synonym = TYPE_SYNONYMS[written];
  const type: ColumnType = { name: synonym?.name ?? written, args: [...(synonym?.args ?? [])] };
  if (r.punct(at, '(')) {
    const close = r.close(at);
    need(close < attributesEnd);
    const parts = splitTopLevel(r.t, at + 1, close);
    const single = (kind: string) => parts.map(([s, e]) => (need(e === s + 1 && r.t[s].kind === kind), r.t[s]));
    if (written === 'ENUM' || written === 'SET') {
      type.values = single('string').map((t) => t.value ?? '');
      need(type.values.length === need(definition.expr?.value).length);
    } else {
      type.args = single('number').map((t) => Number(t.text));
      need(type.args[0] === definition.length && (type.args.length < 2 || type.args[1] === definition.scale));
    }
    at = close + 1;
  }
  const suffix: unknown[] = Array.isArray(definition.suffix) ? definition.suffix : [];
  if (suffix.includes('SIGNED')) type.unsigned = false;
  if (suffix.includes('UNSIGNED')) type.unsigned = true;
  if (suffix.includes('ZEROFILL')) type.zerofill = type.unsigned = true; // ZEROFILL implies UNSIGNED
  const charset = node.character_set?.value;
  if (charset) type.charset = String(need(typeof charset === 'string' ? charset : charset.value)).toLowerCase();
  if (node.collate) type.collate = String(need(node.collate.collate?.name)).toLowerCase();

  const column: ColumnDefinition = { name, type, ...r.span(nameAt, place.end) };
  const nullable = squash(node.nullable?.type);
  if (nullable) column.nullable = nullable === 'null';
  if (node.default_val) column.default = readDefault(r, at, attributesEnd, node.default_val.value);
  if (node.auto_increment) column.autoIncrement = true;
  if (node.primary_key || node.primary) column.primaryKey = true;
  if (node.unique) column.unique = true;
  if (node.generated) column.generated = { stored: squash(node.generated.storage_type) === 'stored' };
  // ON UPDATE CURRENT_TIMESTAMP hangs off the default's function (`over`) or, without a DEFAULT before it, comes as
  // an `on_action` of a reference definition (alongside a real inline REFERENCES' ON UPDATE CASCADE, if any).
  const over = node.default_val?.value?.over;
  const onUpdate = [over && { type: over.type, value: { value: over.keyword } }, ...(node.reference_definition?.on_action ?? [])];
  if (onUpdate.some((a: Ast) => squash(a?.type) === 'onupdate' && CURRENT_TIMESTAMP.has(functionName(a.value)))) {
    need(r.find(at, attributesEnd, (t, i) => r.words(i - 2, 'ON', 'UPDATE') && CURRENT_TIMESTAMP.has(t.upper ?? '')) >= 0);
    column.onUpdateCurrentTimestamp = true;
  }
  if (node.reference_definition?.keyword === 'references') column.inlineReferences = true;
  if (node.comment) {
    const c = r.findWord(at, attributesEnd, 'COMMENT');
    need(c >= 0 && r.t[c + 1]?.kind === 'string');
    column.comment = r.t[c + 1].value;
  }
  if (place.position) column.position = place.position;
  return column;
}

function readDefault(r: Tokens, from: number, to: number, value: Ast): DefaultValue {
  const d = r.findWord(from, to, 'DEFAULT');
  need(d >= 0 && value);
  const v = d + 1;
  need(v < to);
  const first = r.t[v];
  if (value.type === 'null') {
    need(isKeyword(first, 'NULL'));
    return { kind: 'null' };
  }
  let last = v;
  if (r.punct(v, '(')) last = r.close(v);
  else if (r.punct(v, '-') || r.punct(v, '+')) last = v + 1;
  else if (first.kind === 'word' && r.punct(v + 1, '(')) last = r.close(v + 1);
  else if (first.kind === 'word' && r.t[v + 1]?.kind === 'string' && (r.t[v + 1].start === first.end || r.word(v, 'DATE', 'TIME', 'TIMESTAMP'))) last = v + 1;
  need(last < to);
  const text = r.source(v, last + 1);
  const parenthesised = r.punct(v, '(');
  need(parenthesised === (value.parentheses === true));
  if (parenthesised) return { kind: 'expression', text };
  if (value.type === 'function') {
    const fn = functionName(value);
    need(fn === first.upper);
    return CURRENT_TIMESTAMP.has(fn) ? { kind: 'current-timestamp', text } : { kind: 'expression', text };
  }
  need(LITERALS.has(value.type) || /string$/.test(value.type));
  return { kind: 'literal', text };
}

const LITERALS = new Set(['number', 'bigint', 'bool', 'boolean', 'date', 'time', 'timestamp', 'datetime']);

/** Reads a key-part list `(a, b(10), c DESC, (expr))` at `open` against the AST's key parts. */
export function readKeyParts(r: Tokens, open: number, parts: Ast): { columns: Array<Name | undefined>; span: Span; close: number } {
  const close = r.close(open);
  const pieces = splitTopLevel(r.t, open + 1, close);
  need(Array.isArray(parts) && pieces.length === parts.length);
  const columns = pieces.map(([s, e], k): Name | undefined => {
    need(s < e);
    const part = parts[k];
    if (r.punct(s, '(')) {
      need(part.parentheses === true || part.type !== 'column_ref');
      return undefined;
    }
    // A prefix key part `b(10)` comes back as a call of a function named b.
    return r.name(s, part.type === 'function' ? part.name?.name?.[0]?.value : columnName(part));
  });
  return { columns, span: r.span(open, close + 1), close };
}

/** An index definition over tokens [from, to) (the span), whose key-part list is the first top-level `(` after `nameFrom`. */
export function readIndex(r: Tokens, from: number, to: number, nameFrom: number, kind: IndexKind, node: Ast): IndexDefinition {
  const open = r.find(nameFrom, to, (t) => isPunct(t, '('));
  need(open >= 0);
  const parts = readKeyParts(r, open, node.definition);
  need(parts.close < to);
  const index: IndexDefinition = { kind, columns: parts.columns, columnsSpan: parts.span, ...r.span(from, to) };
  if (node.index) {
    let at = open - 1;
    while (at >= nameFrom && !sameName(identifierOf(r.t[at])?.name ?? '', String(node.index))) at--;
    need(at >= nameFrom);
    index.name = r.name(at, node.index);
  } else if (node.constraint) {
    index.name = constraintName(r, from, node.constraint);
  }
  return index;
}

/** `CONSTRAINT symbol` at the start of an item (after `ADD` in ALTER TABLE). */
function constraintName(r: Tokens, from: number, expected: unknown): Name {
  const at = r.word(from, 'ADD') ? from + 1 : from;
  need(r.word(at, 'CONSTRAINT'));
  return r.name(at + 1, expected);
}

/** The index kind of an AST index or constraint node; 'foreign-key' / 'check' for those constraints. */
export function keyKind(node: Ast): IndexKind | 'foreign-key' | 'check' | undefined {
  const keyword = squash(node.resource === 'index' ? node.keyword : node.constraint_type);
  if (node.resource === 'index') return keyword.startsWith('fulltext') ? 'fulltext' : keyword.startsWith('spatial') ? 'spatial' : 'index';
  if (keyword === 'primarykey') return 'primary';
  if (keyword.startsWith('unique')) return 'unique';
  if (keyword === 'foreignkey') return 'foreign-key';
  return keyword === 'check' ? 'check' : undefined;
}

const ACTIONS: Record<string, ReferentialActionName> = {
  cascade: 'CASCADE', setnull: 'SET NULL', setdefault: 'SET DEFAULT', restrict: 'RESTRICT', noaction: 'NO ACTION',
};

/** `[CONSTRAINT [symbol]] FOREIGN KEY [name] (cols) REFERENCES t (cols) [MATCH x] [ON DELETE a] [ON UPDATE a]` over [from, to). */
export function readForeignKey(r: Tokens, from: number, to: number, node: Ast): ForeignKeyDefinition {
  const f = r.find(from, to, (_, i) => r.words(i, 'FOREIGN', 'KEY'));
  need(f >= 0);
  let at = f + 2;
  const fk: ForeignKeyDefinition = { columns: [], referencedColumns: [], actions: [], ...r.span(from, to) };
  if (node.constraint) fk.constraintName = constraintName(r, from, node.constraint);
  if (node.index) fk.indexName = r.name(at++, node.index);
  const own = readKeyParts(r, at, node.definition);
  fk.columns = own.columns.map(need);
  const ref = need(node.reference_definition);
  need(r.word(own.close + 1, 'REFERENCES'));
  const table = r.qualified(own.close + 2, tableName(ref.table));
  fk.referencedTable = table.name;
  const refs = readKeyParts(r, table.next, ref.definition);
  fk.referencedColumns = refs.columns.map(need);
  at = refs.close + 1;
  if (r.word(at, 'MATCH')) at += 2;
  const expected: Ast[] = Array.isArray(ref.on_action) ? ref.on_action : [];
  for (const action of expected) {
    need(r.word(at, 'ON') && r.word(at + 1, 'DELETE', 'UPDATE'));
    const event = r.t[at + 1].upper === 'DELETE' ? 'DELETE' : 'UPDATE';
    need(squash(action.type) === `on${event.toLowerCase()}`);
    const name = need(ACTIONS[squash(action.value?.value)]);
    const words = name.split(' ');
    need(r.words(at + 2, ...words));
    const span = r.span(at, at + 2 + words.length);
    fk.actions.push({ event, action: name, ...span } satisfies ReferentialAction);
    at += 2 + words.length;
  }
  need(at === to);
  return fk;
}

const LOWER_CASED = new Set(['ENGINE', 'CHARSET', 'COLLATE']);

/** Canonical option name of an AST keyword (`default charset` → CHARSET, `character set` → CHARSET, …). */
function astOptionName(keyword: unknown): string {
  const name = String(keyword ?? '').toUpperCase().replace(/\s+/g, ' ').replace(/^DEFAULT ?/, '');
  return name === 'CHARACTER SET' || name === 'CHARACTERSET' ? 'CHARSET' : name;
}

/** One `[DEFAULT] NAME [=] value` table option at i, whose name must match the AST keyword; and the index after it. */
export function readTableOption(r: Tokens, i: number, to: number, keyword: unknown): { option: TableOption; next: number } {
  let at = r.word(i, 'DEFAULT') ? i + 1 : i;
  let name: string;
  if (r.words(at, 'CHARACTER', 'SET')) {
    name = 'CHARSET';
    at += 2;
  } else if (r.words(at + 1, 'DIRECTORY') && r.word(at, 'DATA', 'INDEX')) {
    name = `${r.t[at].upper} DIRECTORY`;
    at += 2;
  } else {
    need(r.t[at]?.kind === 'word');
    name = need(r.t[at].upper);
    at++;
  }
  need(name === astOptionName(keyword) || name.replace(/\s+/g, '') === astOptionName(keyword).replace(/\s+/g, ''));
  if (r.punct(at, '=')) at++;
  need(at < to);
  const value = r.t[at];
  need(value.kind !== 'punct');
  const raw = value.value ?? value.text;
  return { option: { name, value: LOWER_CASED.has(name) ? raw.toLowerCase() : raw, ...r.span(i, at + 1) }, next: at + 1 };
}
