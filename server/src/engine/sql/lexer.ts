// MySQL lexer that keeps exact UTF-16 offsets. Every character of the input lands in exactly one
// token, so joining the tokens' text reproduces the input. It never throws and runs in linear time.

export type TokenKind =
  | 'word' // unquoted identifiers and keywords
  | 'quoted' // `backtick identifier`
  | 'string' // '...' or "..."
  | 'number'
  | 'variable' // @x, @@session.x, @`x`
  | 'punct'
  | 'comment' // -- , # and /* */ (not executable ones)
  | 'whitespace'
  | 'conditionalOpen' // "/*!" plus optional version: MySQL executes what follows
  | 'conditionalClose' // the "*/" closing an executable comment
  | 'unknown';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** upper-case text for 'word' tokens */
  upper?: string;
  /** unquoted value for 'quoted' and 'string' tokens */
  value?: string;
  unterminated?: boolean;
  /** for conditionalOpen: the version number, if any */
  version?: number;
}

const PUNCT = '()[]{},;.=<>!+-*/%^&|~:?';
const TWO_CHAR = new Set(['<=', '>=', '<>', '!=', ':=', '->', '||', '&&']);

function isSpace(c: number): boolean {
  // U+FEFF (BOM) is treated as whitespace so a BOM never starts a statement.
  return c === 32 || (c >= 9 && c <= 13) || c === 0xfeff;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 95 || c === 36 || (c >= 0x80 && c !== 0xfeff)
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isQuote(c: number): boolean {
  return c === 39 || c === 34 || c === 96;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a',
  // MySQL keeps the backslash for \% and \_ (they matter to LIKE).
  '%': '\\%', _: '\\_',
};

interface QuotedScan { end: number; value: string; unterminated: boolean }

/**
 * Incremental lexer. `lex()` is the usual entry point; the splitter drives this class directly
 * because it must sometimes resume lexing at an arbitrary offset (after a DELIMITER line).
 */
export class Lexer {
  private pos: number;
  private floor: number;
  private readonly end: number;
  /** The conditionalOpen currently in force, if any. */
  private open: Token | undefined;

  constructor(private readonly text: string, start = 0, end = text.length) {
    this.end = clamp(end, 0, text.length, text.length);
    this.pos = this.floor = clamp(start, 0, this.end, 0);
  }

  /** Offset of the next character to lex. */
  get offset(): number {
    return this.pos;
  }

  /** True while inside a `/*! ... *\/` executable comment. */
  get inConditional(): boolean {
    return this.open !== undefined;
  }

  /** Continues lexing at `pos` (keeps the conditional-comment state). */
  reset(pos: number): void {
    this.pos = this.floor = clamp(pos, 0, this.end, this.end);
  }

  next(): Token | undefined {
    const s = this.text;
    const p = this.pos;
    const end = this.end;
    if (p >= end) {
      if (this.open) {
        this.open.unterminated = true;
        this.open = undefined;
      }
      return undefined;
    }
    const c = s.charCodeAt(p);
    const c1 = p + 1 < end ? s.charCodeAt(p + 1) : -1;
    if (isSpace(c)) {
      let q = p + 1;
      while (q < end && isSpace(s.charCodeAt(q))) q++;
      return this.emit('whitespace', q);
    }
    if (this.open && c === 42 && c1 === 47) {
      this.open = undefined;
      return this.emit('conditionalClose', p + 2);
    }
    switch (c) {
      case 39: // '
      case 34: // "
        return this.emitQuoted('string', this.scanQuoted(p, c));
      case 96: // `
        return this.emitQuoted('quoted', this.scanQuoted(p, c));
      case 35: // #
        return this.emit('comment', this.lineEnd(p));
      case 45: // -  MySQL needs whitespace/control char or end of input after "--"
        if (c1 === 45 && (p + 2 >= end || s.charCodeAt(p + 2) <= 32)) return this.emit('comment', this.lineEnd(p));
        break;
      case 47: // /
        if (c1 === 42) return this.blockComment(p);
        break;
      case 64: // @
        return this.variable(p);
      case 46: // .  a leading-dot number, unless it qualifies a name (t.5col)
        if (isDigit(c1) && !(p > this.floor && (isWordChar(s.charCodeAt(p - 1)) || s.charCodeAt(p - 1) === 96))) {
          return this.number(p);
        }
        break;
    }
    if (isDigit(c)) return this.number(p);
    if (isWordChar(c)) return this.word(p);
    if (p + 2 < end && s.startsWith('<=>', p)) return this.emit('punct', p + 3);
    if (p + 2 < end && s.startsWith('->>', p)) return this.emit('punct', p + 3);
    if (c1 !== -1 && TWO_CHAR.has(s.slice(p, p + 2))) return this.emit('punct', p + 2);
    return this.emit(PUNCT.includes(s[p]) ? 'punct' : 'unknown', p + 1);
  }

  private emit(kind: TokenKind, to: number, extra?: Partial<Token>): Token {
    const start = this.pos;
    const tok: Token = { kind, text: this.text.slice(start, to), start, end: to };
    if (extra) Object.assign(tok, extra);
    this.pos = to;
    return tok;
  }

  private emitQuoted(kind: TokenKind, q: QuotedScan): Token {
    return this.emit(kind, q.end, q.unterminated ? { value: q.value, unterminated: true } : { value: q.value });
  }

  private lineEnd(p: number): number {
    const s = this.text;
    let i = p;
    while (i < this.end) {
      const c = s.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    return i;
  }

  /** Scans a quoted run opening at `p`. Backticks have no backslash escapes. */
  private scanQuoted(p: number, quote: number): QuotedScan {
    const s = this.text;
    const end = this.end;
    const backslash = quote !== 96;
    let value = '';
    let seg = p + 1;
    let i = seg;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (backslash && c === 92) {
        if (i + 1 >= end) break;
        const e = s[i + 1];
        value += s.slice(seg, i) + (ESCAPES[e] ?? e);
        i += 2;
        seg = i;
      } else if (c === quote) {
        if (i + 1 < end && s.charCodeAt(i + 1) === quote) {
          value += s.slice(seg, i + 1);
          i += 2;
          seg = i;
        } else {
          return { end: i + 1, value: value + s.slice(seg, i), unterminated: false };
        }
      } else {
        i++;
      }
    }
    return { end, value: value + s.slice(seg, end), unterminated: true };
  }

  private blockComment(p: number): Token {
    const s = this.text;
    const end = this.end;
    // "/*!" opens an executable comment; inside one, "/*" is a plain comment (MySQL has no nesting).
    if (!this.open && p + 2 < end && s.charCodeAt(p + 2) === 33) {
      const v = p + 3;
      let j = v;
      while (j < end && j - v < 7 && isDigit(s.charCodeAt(j))) j++;
      const n = j - v;
      const vEnd = n === 5 || n === 6 ? j : n > 6 ? v + 5 : v;
      const tok = this.emit('conditionalOpen', vEnd, vEnd > v ? { version: Number(s.slice(v, vEnd)) } : undefined);
      this.open = tok;
      return tok;
    }
    for (let i = p + 2; i + 1 < end; i++) {
      if (s.charCodeAt(i) === 42 && s.charCodeAt(i + 1) === 47) return this.emit('comment', i + 2);
    }
    return this.emit('comment', end, { unterminated: true });
  }

  private variable(p: number): Token {
    const s = this.text;
    const end = this.end;
    // user@host and 'user'@'host': the @ is an operator, not a variable sigil.
    if (p > this.floor) {
      const prev = s.charCodeAt(p - 1);
      if (isWordChar(prev) || isQuote(prev)) return this.emit('punct', p + 1);
    }
    let i = p + 1;
    const system = i < end && s.charCodeAt(i) === 64;
    if (system) i++;
    if (!system && i < end && isQuote(s.charCodeAt(i))) {
      const q = this.scanQuoted(i, s.charCodeAt(i));
      return this.emit('variable', q.end, q.unterminated ? { unterminated: true } : undefined);
    }
    while (i < end) {
      const c = s.charCodeAt(i);
      if (isWordChar(c) || (c === 46 && i + 1 < end && isWordChar(s.charCodeAt(i + 1)))) i++;
      else break;
    }
    return this.emit(i === p + 1 ? 'punct' : 'variable', i);
  }

  private number(p: number): Token {
    const s = this.text;
    const end = this.end;
    const at = (i: number): number => (i < end ? s.charCodeAt(i) : -1);
    let i = p;
    // 0x1F / 0b101; followed by more word chars it is an identifier (0x1G, 0babe).
    if (at(p) === 48 && (at(p + 1) === 120 || at(p + 1) === 88 || at(p + 1) === 98 || at(p + 1) === 66)) {
      const hex = at(p + 1) === 120 || at(p + 1) === 88;
      const ok = hex ? isHexDigit : (c: number) => c === 48 || c === 49;
      if (ok(at(p + 2))) {
        i = p + 2;
        while (ok(at(i))) i++;
        return isWordChar(at(i)) ? this.word(p) : this.emit('number', i);
      }
    }
    let intOnly = true;
    while (isDigit(at(i))) i++;
    if (at(i) === 46) {
      intOnly = false;
      i++;
      while (isDigit(at(i))) i++;
    }
    const e = at(i);
    if ((e === 101 || e === 69) && (isDigit(at(i + 1)) || ((at(i + 1) === 43 || at(i + 1) === 45) && isDigit(at(i + 2))))) {
      intOnly = false;
      i += 2;
      while (isDigit(at(i))) i++;
    }
    // MySQL identifiers may start with digits: 1abc, 123_t.
    if (intOnly && isWordChar(at(i))) return this.word(p);
    return this.emit('number', i);
  }

  private word(p: number): Token {
    let i = p + 1;
    while (i < this.end && isWordChar(this.text.charCodeAt(i))) i++;
    const text = this.text.slice(p, i);
    return this.emit('word', i, { upper: text.toUpperCase() });
  }
}

function clamp(n: number, lo: number, hi: number, fallback: number): number {
  if (!Number.isFinite(n)) return fallback;
  return Math.min(Math.max(Math.floor(n), lo), hi);
}

/** Lexes `text` (or the range [start, end) of it; offsets stay relative to `text`). */
export function lex(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const lexer = new Lexer(text, start, end);
  for (let t = lexer.next(); t; t = lexer.next()) out.push(t);
  return out;
}

/** Whitespace, comments and the markers of executable comments. */
export function isTrivia(t: Token): boolean {
  const k = t.kind;
  return k === 'whitespace' || k === 'comment' || k === 'conditionalOpen' || k === 'conditionalClose';
}

/** Tokens that are neither whitespace, comment, conditionalOpen nor conditionalClose. */
export function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => !isTrivia(t));
}
