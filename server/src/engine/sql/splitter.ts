// Splits a migration file into statements, the way the tool that runs it would: the mysql
// client (DELIMITER), goose, dbmate and drizzle-kit each add their own boundary markers.
import { Lexer, Token, isTrivia, lex } from './lexer';

export type Section = 'none' | 'up' | 'down';

export interface Directive {
  kind:
    | 'goose-up' | 'goose-down' | 'goose-statement-begin' | 'goose-statement-end' | 'goose-no-transaction'
    | 'migrate-up' | 'migrate-down' | 'drizzle-breakpoint' | 'delimiter' | 'client-command';
  start: number;
  end: number;
  text: string;
}

export interface Statement {
  /** Start of the first token that is neither whitespace nor comment (may be a conditionalOpen). */
  start: number;
  /** End of the last token that is neither whitespace nor comment, excluding the delimiter. */
  end: number;
  /** End including the terminating delimiter, if there was one. */
  endWithDelimiter: number;
  /** source.slice(start, end) */
  text: string;
  /** All tokens from start to end, including trivia and conditional markers. */
  tokens: Token[];
  section: Section;
  /** The delimiter in force (';', '$$', '//', ...). */
  delimiter: string;
  /** Comments on the lines directly above the statement (no blank line between), nearest last. */
  leadingComments: Token[];
}

export interface SplitResult {
  statements: Statement[];
  directives: Directive[];
}

type DirectiveKind = Directive['kind'];

const CODE = new Set<string>(['word', 'number', 'punct', 'variable', 'unknown']);
const GOOSE = /^--\s*\+goose\s+(up|down|statementbegin|statementend|no\s+transaction)\b/i;
const DBMATE = /^--\s*migrate:(up|down)\b/i;
// drizzle-kit splits on this text wherever it appears, usually on its own line.
const DRIZZLE = /-->[ \t]*statement-breakpoint/y;

function isBlank(t: Token): boolean {
  return t.kind === 'whitespace' || t.kind === 'comment';
}

function newlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function atLineStart(src: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (src[i] === ' ' || src[i] === '\t' || src[i] === '\ufeff')) i--;
  return i < 0 || src[i] === '\n' || src[i] === '\r';
}

/**
 * Comments directly above a statement. `gap` is the trivia since the previous statement;
 * `afterCode` says whether code precedes it on its first line (its comments then trail that code).
 */
function leadingComments(gap: readonly Token[], afterCode: boolean): Token[] {
  const ownLine: boolean[] = [];
  let clean = !afterCode;
  for (const t of gap) {
    const breaks = newlines(t.text) > 0;
    ownLine.push(t.kind === 'comment' && clean);
    if (t.kind === 'whitespace' || t.kind === 'comment') clean = clean || breaks;
    else clean = false;
  }
  const out: Token[] = [];
  for (let i = gap.length - 1; i >= 0; i--) {
    const t = gap[i];
    if (t.kind === 'whitespace') {
      if (newlines(t.text) >= 2) break;
    } else if (t.kind === 'comment' && ownLine[i]) {
      out.push(t);
    } else {
      break;
    }
  }
  return out.reverse();
}

export function splitStatements(source: string): SplitResult {
  return new Splitter(source).run();
}

class Splitter {
  private readonly lexer: Lexer;
  /** Tokens already lexed but not yet consumed (look-ahead, or pieces of a split token). */
  private readonly queue: Token[] = [];
  private readonly statements: Statement[] = [];
  private readonly directives: Directive[] = [];
  private delimiter = ';';
  private section: Section = 'none';
  /** Inside goose StatementBegin/StatementEnd. */
  private inBlock = false;
  /** Tokens of the open statement; empty when none is open. */
  private cur: Token[] = [];
  /** Whitespace and comments since the previous statement. */
  private gap: Token[] = [];
  private gapAfterCode = false;
  private leading: Token[] = [];
  private readonly body = new CompoundBody();

  constructor(private readonly src: string) {
    this.lexer = new Lexer(src);
  }

  run(): SplitResult {
    for (let t = this.take(); t; t = this.take()) this.step(t);
    this.flush(undefined);
    return { statements: this.statements, directives: this.directives };
  }

  private take(): Token | undefined {
    return this.queue.length > 0 ? this.queue.shift() : this.lexer.next();
  }

  private peek(k: number): Token | undefined {
    while (this.queue.length <= k) {
      const t = this.lexer.next();
      if (!t) return undefined;
      this.queue.push(t);
    }
    return this.queue[k];
  }

  private jump(pos: number): void {
    this.queue.length = 0;
    this.lexer.reset(pos);
  }

  private step(t: Token): void {
    if (t.kind === 'comment' && this.commentDirective(t)) return;
    if (t.kind === 'word' && t.upper === 'DELIMITER' && this.delimiterDirective(t)) return;
    if (t.kind === 'word' && t.upper === 'SOURCE' && this.sourceDirective(t)) return;
    if (t.kind === 'punct' && t.text === '-' && this.drizzleDirective(t)) return;
    if (CODE.has(t.kind)) {
      // With the default delimiter (no DELIMITER line: a driver sending the file, or a goose block), the server itself
      // reads a routine's BEGIN … END body, so its semicolons do not end the statement.
      const inBody = this.delimiter === ';' && this.body.inside(t);
      if (!inBody && this.splitAtDelimiter(t)) return;
    }
    this.add(t);
  }

  private add(t: Token): void {
    if (this.cur.length === 0) {
      // A stray "*/" (after a ";" inside an executable comment) does not start a statement.
      if (isBlank(t) || t.kind === 'conditionalClose') {
        this.gap.push(t);
        return;
      }
      this.leading = leadingComments(this.gap, this.gapAfterCode);
      this.gap = [];
    }
    this.cur.push(t);
  }

  /** Ends the open statement; `delimEnd` is the end of the delimiter that ended it, if any. */
  private flush(delimEnd: number | undefined): void {
    const cur = this.cur;
    this.cur = [];
    this.body.reset();
    let last = cur.length - 1;
    while (last >= 0 && isBlank(cur[last])) last--;
    const tokens = cur.slice(0, last + 1);
    let withDelimiter = delimEnd;
    // goose blocks usually end with "END;" before StatementEnd: that ";" is the delimiter.
    const tail = tokens[tokens.length - 1];
    if (this.inBlock && tail && CODE.has(tail.kind) && tail.text === this.delimiter) {
      withDelimiter = tail.end;
      tokens.pop();
      while (tokens.length > 0 && isBlank(tokens[tokens.length - 1])) tokens.pop();
    }
    if (tokens.some((t) => !isTrivia(t))) {
      const start = tokens[0].start;
      const end = tokens[tokens.length - 1].end;
      this.statements.push({
        start,
        end,
        endWithDelimiter: Math.max(end, withDelimiter ?? end),
        text: this.src.slice(start, end),
        tokens,
        section: this.section,
        delimiter: this.delimiter,
        leadingComments: this.leading,
      });
    }
    this.leading = [];
    if (cur.length > 0 || delimEnd !== undefined) {
      // Trailing trivia of a statement ended by a directive belongs to what follows.
      this.gap = cur.slice(last + 1);
      this.gapAfterCode = true;
    }
  }

  private directive(kind: DirectiveKind, start: number, end: number): void {
    this.flush(undefined);
    this.directives.push({ kind, start, end, text: this.src.slice(start, end) });
  }

  private commentDirective(t: Token): boolean {
    if (!t.text.startsWith('--') || this.lexer.inConditional || !atLineStart(this.src, t.start)) return false;
    let kind: DirectiveKind | undefined;
    const goose = GOOSE.exec(t.text);
    if (goose) {
      const arg = goose[1].toLowerCase();
      kind = arg === 'up' ? 'goose-up'
        : arg === 'down' ? 'goose-down'
        : arg === 'statementbegin' ? 'goose-statement-begin'
        : arg === 'statementend' ? 'goose-statement-end'
        : 'goose-no-transaction';
    } else {
      const dbmate = DBMATE.exec(t.text);
      if (dbmate) kind = dbmate[1].toLowerCase() === 'up' ? 'migrate-up' : 'migrate-down';
    }
    if (!kind) return false;
    this.directive(kind, t.start, t.end);
    if (kind === 'goose-up' || kind === 'migrate-up') this.section = 'up';
    if (kind === 'goose-down' || kind === 'migrate-down') this.section = 'down';
    if (kind === 'goose-statement-begin') this.inBlock = true;
    else if (kind !== 'goose-no-transaction') this.inBlock = false;
    return true;
  }

  /**
   * mysql client `DELIMITER xx` at the start of a line. Only recognised between statements:
   * `delimiter` is not a reserved word, so a column of that name may start a line in CREATE TABLE.
   */
  private delimiterDirective(t: Token): boolean {
    const src = this.src;
    if (this.cur.length > 0 || this.lexer.inConditional || !atLineStart(src, t.start)) return false;
    let i = t.end;
    while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
    if (i === t.end) return false;
    let j = i;
    while (j < src.length && !/\s/.test(src[j])) j++;
    if (j === i) return false;
    // Like the mysql client, the delimiter is the first word after DELIMITER.
    this.directive('delimiter', t.start, j);
    this.delimiter = src.slice(i, j);
    this.jump(j);
    return true;
  }

  /** The mysql client's `source file` (or `\. file`) between statements: a client command, not SQL for the server. */
  private sourceDirective(t: Token): boolean {
    if (this.cur.length > 0 || this.lexer.inConditional || !atLineStart(this.src, t.start)) return false;
    const line = /^SOURCE[ \t]+\S[^\r\n]*/i.exec(this.src.slice(t.start, t.start + 4096));
    if (!line) return false;
    this.directive('client-command', t.start, t.start + line[0].length);
    this.jump(t.start + line[0].length);
    return true;
  }

  private drizzleDirective(t: Token): boolean {
    if (this.lexer.inConditional) return false;
    DRIZZLE.lastIndex = t.start;
    const m = DRIZZLE.exec(this.src);
    if (!m) return false;
    const end = t.start + m[0].length;
    this.directive('drizzle-breakpoint', t.start, end);
    this.jump(end);
    return true;
  }

  /**
   * Looks for the delimiter in the raw text of a code token: it may be glued to a word (END$$)
   * or span several tokens (";;" is two puncts). Strings and comments are never searched.
   */
  private splitAtDelimiter(t: Token): boolean {
    const src = this.src;
    const d = this.delimiter;
    const first = d.charCodeAt(0);
    let tok = t;
    let seg = t.start; // start of the part of `tok` not yet added
    let found = false;
    // Scanning resumes after each match inside the same token, so "$$$$..." stays linear.
    for (let p = t.start; p < tok.end; ) {
      if (src.charCodeAt(p) !== first || !src.startsWith(d, p)) {
        p++;
        continue;
      }
      const matchEnd = p + d.length;
      const covered = matchEnd > tok.end ? this.codeTokensCovering(tok.end, matchEnd) : 0;
      if (covered < 0) {
        p++;
        continue;
      }
      found = true;
      this.addPart(tok, seg, p);
      this.flush(matchEnd);
      if (covered > 0) {
        tok = this.queue[covered - 1];
        this.queue.splice(0, covered);
      }
      seg = p = matchEnd;
    }
    if (found) this.addPart(tok, seg, tok.end);
    return found;
  }

  /** Adds the part [from, to) of a code token, re-lexed when it is not the whole token. */
  private addPart(tok: Token, from: number, to: number): void {
    if (from >= to) return;
    if (from === tok.start && to === tok.end) this.add(tok);
    else for (const piece of lex(this.src, from, to)) this.add(piece);
  }

  /** How many upcoming tokens, all code, it takes to reach `to` from `from`; -1 if impossible. */
  private codeTokensCovering(from: number, to: number): number {
    let k = 0;
    for (let pos = from; pos < to; k++) {
      const n = this.peek(k);
      if (!n || !CODE.has(n.kind)) return -1;
      pos = n.end;
    }
    return k;
  }
}

/**
 * Follows CREATE PROCEDURE / FUNCTION / TRIGGER / EVENT statements through their BEGIN … END bodies, so the semicolons
 * inside a body do not split it. CASE … END nests like BEGIN … END; END IF / LOOP / WHILE / REPEAT close constructs
 * that never opened a level (IF() is also a function, so IF itself is not counted).
 */
class CompoundBody {
  private firstWord = '';
  private seen = 0;
  private routine = false;
  private depth = 0;
  private pendingEnd = false;

  reset(): void {
    this.firstWord = '';
    this.seen = 0;
    this.routine = false;
    this.depth = 0;
    this.pendingEnd = false;
  }

  /** Takes the next code token of the statement; true while inside a body (after the token). */
  inside(t: Token): boolean {
    const word = t.kind === 'word' ? t.upper ?? '' : '';
    if (this.seen++ === 0) this.firstWord = word;
    if (!this.routine) {
      this.routine = this.firstWord === 'CREATE' && this.seen <= 16 && ROUTINES.has(word);
      return false;
    }
    if (this.pendingEnd) {
      this.pendingEnd = false;
      if (UNCOUNTED_ENDS.has(word)) return this.depth > 0;
      this.depth = Math.max(0, this.depth - 1);
      if (word === 'CASE') return this.depth > 0;
    }
    if (word === 'BEGIN' || word === 'CASE') this.depth++;
    else if (word === 'END') this.pendingEnd = true;
    return this.depth > 0;
  }
}

const ROUTINES = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT']);
const UNCOUNTED_ENDS = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT']);
