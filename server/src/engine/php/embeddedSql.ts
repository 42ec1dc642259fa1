import type { Node } from 'php-parser';
import { OffsetEdit } from '../types';
import { EmbeddedSql, PhpProblem } from './types';

/**
 * SQL written as a PHP string: the first argument of `$this->addSql(…)` (Doctrine) or `DB::statement(…)` /
 * `DB::unprepared(…)` (Laravel). The literal is decoded exactly as PHP does it (escapes, flexible heredoc indentation,
 * bytes → UTF-8), keeping for every code unit of the SQL the PHP source offset of the character or escape sequence
 * that produced it, so diagnostics and fixes land on the PHP text.
 *
 * Accepted: single-quoted, double-quoted and heredoc strings without interpolation, nowdocs, and `.` concatenations
 * of those (parenthesised or not, over several lines). Anything else (variables, interpolation, calls, constants…) is
 * a PhpProblem: SQL that is only known at run time is never guessed at.
 *
 * `toSource(i)`: the source offset of the character (or escape sequence's backslash) that produced sql[i];
 * `sql.length` → the end of the last literal's content (its closing quote, or the newline before a heredoc's closing
 * label); the boundary between two concatenated literals → the end of the left one's content (`side = 'right'`: the
 * start of the right one's). To change the SQL, prefer `edits(from, to, text)` (or `sqlEdits()` for any
 * EmbeddedSql): it encodes for the right literal and never merges literals of different kinds, which
 * `[toSource(from), toSource(to))` + `encode()` can do when an edit starts on a boundary or spans literals.
 */

export type LiteralKind = 'single' | 'double' | 'heredoc' | 'nowdoc';

/** A decoded literal of the argument, in SQL and in source coordinates. */
export interface EmbeddedLiteral {
  kind: LiteralKind;
  /** Content span in the PHP source (quotes and heredoc markers excluded). */
  contentStart: number;
  contentEnd: number;
  /** Span of this literal's text in the decoded SQL. */
  sqlStart: number;
  sqlEnd: number;
  /** The closing marker's indentation (flexible heredoc/nowdoc), '' otherwise. */
  indent: string;
  /** The heredoc/nowdoc label, '' otherwise. */
  label: string;
}

/** EmbeddedSql with the extras this module provides; usable wherever EmbeddedSql is expected. */
export interface DecodedEmbeddedSql extends EmbeddedSql {
  literals: EmbeddedLiteral[];
  toSource(offset: number, side?: 'left' | 'right'): number;
  /** Escapes `text` for the literal that SQL offset `at` falls in (the left one on a boundary; the first literal
   *  when omitted, which is exact whenever all the literals are of the same kind). */
  encode(text: string, at?: number): string;
  /** PHP edits replacing sql[from, to) with `text`: the text goes into the literal where `from` is (the right one on
   *  a boundary); the SQL of later literals up to `to` is deleted literal by literal, leaving their quotes. */
  edits(from: number, to: number, text: string): OffsetEdit[];
}

/** `edits()` for any EmbeddedSql (a single edit from toSource/encode when it has no `edits`). */
export function sqlEdits(embedded: EmbeddedSql, from: number, to: number, text: string): OffsetEdit[] {
  const decoded = embedded as Partial<DecodedEmbeddedSql>;
  if (decoded.edits) return decoded.edits(from, to, text);
  return [{ start: embedded.toSource(from), end: embedded.toSource(to), newText: embedded.encode(text) }];
}

export function isPhpProblem(value: EmbeddedSql | PhpProblem): value is PhpProblem {
  return 'message' in value;
}

export const NON_LITERAL_MESSAGE = 'SQL built from non-literal parts is not checked';

interface Loc { start: { offset: number }; end: { offset: number } }
type AnyNode = Node & Record<string, unknown>;

/** Why an argument is not checked; `node` set: the problem is reported on that literal, else on the argument. */
class Failure {
  constructor(readonly message: string, readonly node?: Node) {}
}

export function embeddedSqlOf(arg: Node, source: string, rollback: boolean): DecodedEmbeddedSql | PhpProblem {
  let node = arg as AnyNode;
  if (node.kind === 'namedargument' && node.value) node = node.value as AnyNode;
  const span = locOf(node) ?? locOf(arg as AnyNode);
  const start = span?.start.offset ?? 0;
  const end = span ? spanEnd(node, source, false) : start;
  try {
    const parts: Node[] = [];
    flatten(node, parts);
    let sql = '';
    const map: number[] = [];
    const literals: EmbeddedLiteral[] = [];
    for (const part of parts) {
      const decoded = decodeLiteral(part as AnyNode, source);
      literals.push({ ...decoded.literal, sqlStart: sql.length, sqlEnd: sql.length + decoded.text.length });
      sql += decoded.text;
      for (const offset of decoded.map) map.push(offset);
    }
    return makeEmbedded(source, sql, map, literals, { start, end, rollback });
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    const at = locOf(err.node as AnyNode | undefined);
    return at ? { start: at.start.offset, end: at.end.offset, message: err.message } : { start, end, message: err.message };
  }
}

/** Escapes text so that, written inside a literal of that kind, PHP reads it back as `text`. `lineStart`: it goes at
 *  the start of a heredoc/nowdoc line (after its indentation), so its own first line must not read as the label. */
export function encodeForLiteral(text: string, kind: LiteralKind, indent = '', label = '', lineStart = false): string {
  if (kind === 'single') return text.replace(/[\\']/g, '\\$&');
  if (kind === 'double') return text.replace(/[\\"$]/g, '\\$&');
  // Every new line gets the closing marker's indentation back. A line that would read as the closing label has its
  // first letter written as a \u{} escape in a heredoc; nothing can be escaped in a nowdoc (a documented limit).
  if (kind === 'nowdoc') return reindent(text, indent, label, lineStart, (line) => line);
  // `$` as \x24 in a heredoc: php-parser misreads `\\\${x}` there as interpolation (PHP does not).
  return reindent(text.replace(/\\/g, '\\\\').replace(/\$/g, '\\x24'), indent, label, lineStart, (line) =>
    line.replace(/^([ \t]*)(.)/u, (_, blank: string, first: string) => `${blank}\\u{${first.codePointAt(0)!.toString(16)}}`));
}

function reindent(text: string, indent: string, label: string, lineStart: boolean, guard: (line: string) => string): string {
  const lines = text.split(/(\r\n|\n|\r)/);
  for (let i = lineStart ? 0 : 2; i < lines.length; i += 2) {
    const bare = lines[i].replace(/^[ \t]*/, '');
    const closes = label !== '' && bare.startsWith(label) && !/^[A-Za-z0-9_\x80-\uffff]/.test(bare.slice(label.length));
    lines[i] = (i > 0 ? indent : '') + (closes ? guard(lines[i]) : lines[i]);
  }
  return lines.join('');
}

function makeEmbedded(source: string, sql: string, map: number[], literals: EmbeddedLiteral[],
  { start, end, rollback }: { start: number; end: number; rollback: boolean }): DecodedEmbeddedSql {
  const clamp = (offset: number) => Math.max(0, Math.min(sql.length, Math.floor(offset)));
  /** The literal an SQL offset belongs to: the left one on a boundary, or the next non-empty one for 'right'. */
  const literalAt = (offset: number, side: 'left' | 'right'): EmbeddedLiteral =>
    literals.find((lit) => (side === 'left' ? offset <= lit.sqlEnd : offset < lit.sqlEnd)) ?? literals[literals.length - 1];
  return {
    sql, start, end, rollback, literals,
    toSource(offset: number, side: 'left' | 'right' = 'left'): number {
      const i = clamp(offset);
      const lit = literalAt(i, side);
      return i === lit.sqlEnd ? lit.contentEnd : map[i];
    },
    encode(text: string, at?: number): string {
      const lit = at === undefined ? literals[0] : literalAt(clamp(at), 'left');
      return encodeForLiteral(text, lit.kind, lit.indent, lit.label);
    },
    edits(from: number, to: number, text: string): OffsetEdit[] {
      const a = clamp(Math.min(from, to));
      const b = clamp(Math.max(from, to));
      // Where a literal's SQL starts in the source (after a heredoc line's indentation), and sql offset i in it.
      const first = (lit: EmbeddedLiteral) => (lit.sqlEnd > lit.sqlStart ? map[lit.sqlStart] : lit.contentEnd);
      const at = (lit: EmbeddedLiteral, i: number) => (i >= lit.sqlEnd ? lit.contentEnd : map[i]);
      const lit = literalAt(a, 'right');
      let k = at(lit, a);
      while (lit.label !== '' && (source[k - 1] === ' ' || source[k - 1] === '\t')) k--;
      const lineStart = lit.label !== '' && (source[k - 1] === '\n' || source[k - 1] === '\r');
      const newText = encodeForLiteral(text, lit.kind, lit.indent, lit.label, lineStart);
      const result: OffsetEdit[] = [{ start: at(lit, a), end: at(lit, b), newText }];
      for (const next of literals.slice(literals.indexOf(lit) + 1)) {
        if (next.sqlStart >= b) break;
        result.push({ start: first(next), end: at(next, b), newText: '' });
      }
      return result;
    },
  };
}

/** php-parser ends a `.` chain at its last operand, before the `)` of a parenthesised last operand: add those. */
function spanEnd(node: AnyNode, source: string, withParens: boolean): number {
  let end = locOf(node)?.end.offset ?? 0;
  while (end > 0 && /[\s;]/.test(source[end - 1] ?? '')) end--;
  if (node.kind === 'bin' && node.right) end = Math.max(end, spanEnd(node.right as AnyNode, source, true));
  if (withParens && node.parenthesizedExpression) {
    let j = end;
    while (/\s/.test(source[j] ?? '')) j++;
    if (source[j] === ')') end = j + 1;
  }
  return end;
}

function locOf(node: AnyNode | null | undefined): Loc | null {
  return (node?.loc as Loc | null | undefined) ?? null;
}

/** The literals of a `.` concatenation, left to right; throws Failure on anything that is not a literal. */
function flatten(node: AnyNode, out: Node[]): void {
  if (node.kind === 'bin' && node.type === '.') {
    flatten(node.left as AnyNode, out);
    flatten(node.right as AnyNode, out);
  } else if (node.kind === 'string' || node.kind === 'nowdoc' || (node.kind === 'encapsed' && node.type !== 'shell' &&
    (node.value as AnyNode[]).every((part) => (part.expression as AnyNode | undefined)?.kind === 'string'))) {
    out.push(node);
  } else {
    throw new Failure(`${NON_LITERAL_MESSAGE} (${describe(node)}).`);
  }
}

function describe(node: AnyNode): string {
  const name = (n: unknown): string => String((n as AnyNode | undefined)?.name ?? '');
  switch (node.kind) {
    case 'variable': return typeof node.name === 'string' ? `variable $${node.name}` : 'a variable';
    case 'encapsed': return node.type === 'shell' ? 'a shell command' : 'string interpolation';
    case 'call': {
      const callee = node.what as AnyNode;
      if (callee.kind === 'name') return `call to ${name(callee)}()`;
      if (/propertylookup$/.test(callee.kind)) return `method call ${name(callee.offset)}()`;
      if (callee.kind === 'staticlookup') return `static call ${name(callee.what)}::${name(callee.offset)}()`;
      return 'a function call';
    }
    case 'name': return `constant ${name(node)}`;
    case 'staticlookup': case 'classconstant': return 'a class constant';
    case 'propertylookup': case 'nullsafepropertylookup': case 'offsetlookup': return 'a property or array value';
    case 'bin': return `operator ${String(node.type)}`;
    case 'magic': return `magic constant ${String(node.raw)}`;
    default: return `${node.kind} expression`;
  }
}

interface Decoded { text: string; map: number[]; literal: Omit<EmbeddedLiteral, 'sqlStart' | 'sqlEnd'> }

function decodeLiteral(node: AnyNode, source: string): Decoded {
  const loc = locOf(node);
  if (!loc) throw new Failure('The string literal has no position; SQL in it is not checked.');
  const from = loc.start.offset;
  let to = loc.end.offset;
  while (to > from && /[\s;]/.test(source[to - 1])) to--; // in case php-parser counted a `;` in
  let q = from;
  if (source[q] === 'b' || source[q] === 'B') q++;
  if (node.kind === 'string' && (source[q] === "'" || source[q] === '"')) {
    if (source[to - 1] !== source[q] || to - 1 <= q) throw unreadable(node);
    const kind: LiteralKind = source[q] === "'" ? 'single' : 'double';
    const raw = source.slice(q + 1, to - 1);
    const rawMap = Array.from({ length: raw.length }, (_, i) => q + 1 + i);
    const { text, map } = kind === 'single' ? unescapeSingle(raw, rawMap) : unescapeDouble(raw, rawMap, '"', node);
    return { text, map, literal: { kind, contentStart: q + 1, contentEnd: to - 1, indent: '', label: '' } };
  }
  if (source.startsWith('<<<', q)) return decodeDoc(node, source, q + 3, to);
  throw unreadable(node);
}

function unreadable(node: Node): Failure {
  return new Failure('The string literal could not be read; SQL in it is not checked.', node);
}

/** Heredoc or nowdoc starting after `<<<` at `pos`, ending (closing label included) at `to`. */
function decodeDoc(node: AnyNode, source: string, pos: number, to: number): Decoded {
  const head = /^[ \t]*(["']?)([A-Za-z_\x80-\uffff][A-Za-z0-9_\x80-\uffff]*)\1(\r\n|\n|\r)/.exec(source.slice(pos, to));
  if (!head) throw unreadable(node);
  const nowdoc = head[1] === "'";
  const label = head[2];
  const openNewline = pos + head[0].length - head[3].length;
  const bodyStart = pos + head[0].length;
  // The closing line: a newline (the opening one when the body is empty), the indentation, the label.
  const close = /(\r\n|\n|\r)([ \t]*)$/.exec(source.slice(openNewline, to - label.length));
  if (source.slice(to - label.length, to) !== label || !close) throw unreadable(node);
  const indent = close[2];
  const bodyEnd = Math.max(bodyStart, openNewline + close.index);
  // Strip the closing marker's indentation from every body line (whitespace-only lines may have less), then unescape.
  let raw = '';
  const rawMap: number[] = [];
  let lineStart = true;
  for (let i = bodyStart; i < bodyEnd;) {
    if (lineStart) {
      for (let skip = 0; skip < indent.length && i < bodyEnd && (source[i] === ' ' || source[i] === '\t'); skip++) i++;
      lineStart = false;
      continue;
    }
    const ch = source[i];
    raw += ch;
    rawMap.push(i);
    i++;
    if (ch === '\n' || (ch === '\r' && source[i] !== '\n')) lineStart = true;
  }
  const kind: LiteralKind = nowdoc ? 'nowdoc' : 'heredoc';
  const { text, map } = nowdoc ? { text: raw, map: rawMap } : unescapeDouble(raw, rawMap, '', node);
  return { text, map, literal: { kind, contentStart: bodyStart, contentEnd: bodyEnd, indent, label } };
}

function unescapeSingle(raw: string, rawMap: number[]): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    map.push(rawMap[i]);
    if (raw[i] === '\\' && (raw[i + 1] === "'" || raw[i + 1] === '\\')) i++;
    text += raw[i];
  }
  return { text, map };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$' };

/** PHP's double-quote/heredoc escape processing (`quote` is '"' for double quotes, '' for heredoc). Bytes from
 *  `\x`, octal and `\u{}` escapes are gathered and read as UTF-8; bytes that are not UTF-8 are a Failure. */
function unescapeDouble(raw: string, rawMap: number[], quote: string, node: Node): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let bytes: number[] = [];
  let byteOffsets: number[] = [];
  const flush = () => {
    if (bytes.length === 0) return;
    let decoded: string;
    try {
      decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(bytes));
    } catch {
      throw new Failure('The string has escaped bytes that are not UTF-8 text; SQL in it is not checked.', node);
    }
    let b = 0;
    for (const ch of decoded) {
      const cp = ch.codePointAt(0)!;
      for (let k = 0; k < ch.length; k++) map.push(byteOffsets[b]);
      text += ch;
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    bytes = [];
    byteOffsets = [];
  };
  const emit = (s: string, at: number) => {
    flush();
    text += s;
    for (let k = 0; k < s.length; k++) map.push(at);
  };
  const emitByte = (value: number, at: number) => {
    if (value < 0x80 && bytes.length === 0) emit(String.fromCharCode(value), at);
    else { bytes.push(value & 0xff); byteOffsets.push(at); }
  };
  for (let i = 0; i < raw.length; i++) {
    const at = rawMap[i];
    if (raw[i] !== '\\' || i + 1 >= raw.length) {
      emit(raw[i], at);
      continue;
    }
    const c = raw[i + 1];
    if (SIMPLE_ESCAPES[c] !== undefined || (quote !== '' && c === quote)) {
      emit(SIMPLE_ESCAPES[c] ?? c, at);
      i++;
    } else if (/^[xX][0-9A-Fa-f]/.test(raw.slice(i + 1, i + 3))) {
      const digits = /^[0-9A-Fa-f]{1,2}/.exec(raw.slice(i + 2, i + 4))![0];
      emitByte(parseInt(digits, 16), at);
      i += 1 + digits.length;
    } else if (c === 'u' && raw[i + 2] === '{') {
      const m = /^\{([0-9A-Fa-f]+)\}/.exec(raw.slice(i + 2));
      const cp = m ? parseInt(m[1], 16) : NaN;
      if (!m || !(cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw new Failure('The string has an invalid \\u{…} escape; SQL in it is not checked.', node);
      }
      for (const byte of Buffer.from(String.fromCodePoint(cp), 'utf8')) emitByte(byte, at);
      i += 1 + m[0].length;
    } else if (/^[0-7]/.test(c)) {
      const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1, i + 4))![0];
      emitByte(parseInt(digits, 8) & 0xff, at);
      i += digits.length;
    } else {
      // Not an escape: PHP keeps the backslash (and reads the next character normally).
      emit('\\', at);
    }
  }
  flush();
  return { text, map };
}
