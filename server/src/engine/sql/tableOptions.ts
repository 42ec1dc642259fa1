import { TableOption } from '../model/changes';
import { Token } from './lexer';
import { TokenCursor, isPunct } from './tokenCursor';

/** Table options of MySQL 8.0 and MariaDB 10.11 that take `[=] value`. */
const TABLE_OPTIONS = new Set([
  'ENGINE', 'TYPE', 'AUTO_INCREMENT', 'AVG_ROW_LENGTH', 'CHECKSUM', 'COMMENT', 'COMPRESSION', 'CONNECTION', 'DELAY_KEY_WRITE',
  'ENCRYPTION', 'ENGINE_ATTRIBUTE', 'SECONDARY_ENGINE', 'SECONDARY_ENGINE_ATTRIBUTE', 'INSERT_METHOD', 'KEY_BLOCK_SIZE',
  'MAX_ROWS', 'MIN_ROWS', 'PACK_KEYS', 'PASSWORD', 'ROW_FORMAT', 'STATS_AUTO_RECALC', 'STATS_PERSISTENT',
  'STATS_SAMPLE_PAGES', 'TABLESPACE', 'UNION', 'AUTOEXTEND_SIZE', 'PAGE_CHECKSUM', 'PAGE_COMPRESSED',
  'PAGE_COMPRESSION_LEVEL', 'TRANSACTIONAL', 'IETF_QUOTES', 'SEQUENCE', 'ENCRYPTED', 'ENCRYPTION_KEY_ID',
]);

/** Multi-word option names folded to one canonical upper-case name. */
function optionName(cursor: TokenCursor): { name: string; first: Token } | undefined {
  const first = cursor.peek();
  if (!first || first.kind !== 'word') return undefined;
  const from = cursor.index;
  cursor.acceptKeywords('DEFAULT');
  let name: string | undefined;
  if (cursor.acceptKeywords('CHARACTER', 'SET') || cursor.acceptKeywords('CHARSET')) name = 'CHARSET';
  else if (cursor.acceptKeywords('COLLATE')) name = 'COLLATE';
  else if (cursor.acceptKeywords('DATA', 'DIRECTORY')) name = 'DATA DIRECTORY';
  else if (cursor.acceptKeywords('INDEX', 'DIRECTORY')) name = 'INDEX DIRECTORY';
  else if (cursor.index === from && TABLE_OPTIONS.has(cursor.peek()?.upper ?? '')) name = cursor.next()!.upper;
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
