import { TableOption } from '../model/changes';
import { Token } from './lexer';
import { TokenCursor, isKeyword, isPunct } from './tokenCursor';

/** Multi-word option names folded to one canonical upper-case name. */
function optionName(cursor: TokenCursor): { name: string; first: Token } | undefined {
  const first = cursor.peek();
  if (!first || first.kind !== 'word') return undefined;
  const from = cursor.index;
  cursor.acceptKeywords('DEFAULT');
  let name: string | undefined;
  if (cursor.acceptKeywords('CHARACTER', 'SET') || cursor.acceptKeywords('CHARSET')) name = 'CHARSET';
  else if (cursor.acceptKeywords('COLLATE')) name = 'COLLATE';
  else if (cursor.index === from && cursor.peek()?.kind === 'word' && !isKeyword(cursor.peek(), 'PARTITION', 'AS', 'SELECT', 'LIKE', 'IGNORE', 'REPLACE')) {
    name = cursor.next()!.upper;
  }
  if (!name) {
    cursor.index = from;
    return undefined;
  }
  return { name: name === 'TYPE' ? 'ENGINE' : name, first };
}

const LOWER_CASED = new Set(['ENGINE', 'CHARSET', 'COLLATE']);

/** Reads `NAME [=] value` table options (with or without commas between) from tokens[cursor.index, end). */
export function readTableOptions(cursor: TokenCursor, end: number): TableOption[] {
  const options: TableOption[] = [];
  while (cursor.index < end) {
    if (cursor.acceptPunct(',')) continue;
    const named = optionName(cursor);
    if (!named) break;
    cursor.acceptPunct('=');
    const valueToken = cursor.peek();
    if (!valueToken || cursor.index >= end) break;
    let last = valueToken;
    cursor.next();
    if (isPunct(valueToken, '(')) {
      // e.g. UNION = (t1, t2): keep the whole list as written.
      cursor.index = cursor.matchingParen() + 1;
      last = cursor.tokens[cursor.index - 1];
    }
    const raw = valueToken.value ?? valueToken.text;
    options.push({ name: named.name, value: LOWER_CASED.has(named.name) ? raw.toLowerCase() : raw, start: named.first.start, end: last.end });
  }
  return options;
}
