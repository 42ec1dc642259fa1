import { Token } from './lexer';

/** Identifier as written (`quoted` tokens unquoted), with its source span. */
export interface Identifier {
  name: string;
  start: number;
  end: number;
}

export function identifierOf(token: Token | undefined): Identifier | undefined {
  if (!token) return undefined;
  if (token.kind === 'quoted') return { name: token.value ?? token.text, start: token.start, end: token.end };
  if (token.kind === 'word') return { name: token.text, start: token.start, end: token.end };
  return undefined;
}

export function isKeyword(token: Token | undefined, ...words: string[]): boolean {
  return token !== undefined && token.kind === 'word' && words.includes(token.upper ?? token.text.toUpperCase());
}

export function isPunct(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.text === text;
}

/**
 * Walks the significant tokens of one statement. Positions are indexes into `tokens`;
 * reading past the end yields `undefined` rather than throwing, so recognisers stay total on broken input.
 */
export class TokenCursor {
  constructor(readonly tokens: readonly Token[], public index = 0) {}

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.index + ahead];
  }

  next(): Token | undefined {
    return this.tokens[this.index++];
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** Consumes the keywords in order if they all match; otherwise consumes nothing. */
  acceptKeywords(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!isKeyword(this.peek(i), words[i])) return false;
    this.index += words.length;
    return true;
  }

  acceptPunct(text: string): Token | undefined {
    const token = this.peek();
    if (!isPunct(token, text)) return undefined;
    this.index++;
    return token;
  }

  /** Reads `name` or `schema.name`, returning the last part (the object's own name). */
  qualifiedName(): Identifier | undefined {
    let id = identifierOf(this.peek());
    if (!id) return undefined;
    this.index++;
    while (isPunct(this.peek(), '.') && identifierOf(this.peek(1))) {
      id = identifierOf(this.peek(1));
      this.index += 2;
    }
    return id;
  }

  /** With the cursor on `(`, the index of its matching `)` (or the last token when unbalanced). */
  matchingParen(): number {
    let depth = 0;
    for (let i = this.index; i < this.tokens.length; i++) {
      if (isPunct(this.tokens[i], '(')) depth++;
      else if (isPunct(this.tokens[i], ')') && --depth === 0) return i;
    }
    return this.tokens.length - 1;
  }
}

/** Splits tokens[from, to) at commas that are not nested in parentheses. Returns [start, end) index pairs. */
export function splitTopLevel(tokens: readonly Token[], from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let partStart = from;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (isPunct(token, '(')) depth++;
    else if (isPunct(token, ')')) depth--;
    else if (depth === 0 && isPunct(token, ',')) {
      parts.push([partStart, i]);
      partStart = i + 1;
    }
  }
  parts.push([partStart, to]);
  return parts;
}
