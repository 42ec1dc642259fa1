import { ColumnDefinition, ColumnType, DefaultValue } from '../model/changes';
import { Token } from './lexer';
import { TokenCursor, identifierOf, isKeyword, isPunct, splitTopLevel } from './tokenCursor';

/** Type names with synonyms resolved as MySQL does (the model's canonical names). */
const TYPE_SYNONYMS: Record<string, Partial<ColumnType> & { name: string }> = {
  INTEGER: { name: 'INT' },
  INT1: { name: 'TINYINT' },
  INT2: { name: 'SMALLINT' },
  INT3: { name: 'MEDIUMINT' },
  MIDDLEINT: { name: 'MEDIUMINT' },
  INT4: { name: 'INT' },
  INT8: { name: 'BIGINT' },
  BOOL: { name: 'TINYINT', args: [1] },
  BOOLEAN: { name: 'TINYINT', args: [1] },
  REAL: { name: 'DOUBLE' },
  FLOAT4: { name: 'FLOAT' },
  FLOAT8: { name: 'DOUBLE' },
  DEC: { name: 'DECIMAL' },
  NUMERIC: { name: 'DECIMAL' },
  FIXED: { name: 'DECIMAL' },
  CHARACTER: { name: 'CHAR' },
  NCHAR: { name: 'CHAR', charset: 'utf8mb3' },
  NVARCHAR: { name: 'VARCHAR', charset: 'utf8mb3' },
};

const KNOWN_TYPES = new Set([
  'TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE', 'BIT', 'SERIAL',
  'CHAR', 'VARCHAR', 'BINARY', 'VARBINARY', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'TINYBLOB', 'BLOB',
  'MEDIUMBLOB', 'LONGBLOB', 'ENUM', 'SET', 'DATE', 'TIME', 'DATETIME', 'TIMESTAMP', 'YEAR', 'JSON', 'GEOMETRY',
  'POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON', 'GEOMETRYCOLLECTION',
  'GEOMCOLLECTION', 'UUID', 'INET4', 'INET6', 'VECTOR',
  ...Object.keys(TYPE_SYNONYMS),
]);

const CURRENT_TIMESTAMP_WORDS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);

function upper(token: Token | undefined): string {
  return token?.kind === 'word' ? token.upper ?? token.text.toUpperCase() : '';
}

/** Reads a data type at the cursor: `VARCHAR(255) CHARACTER SET utf8mb4 COLLATE x`, `DOUBLE PRECISION`, `ENUM('a','b')`. */
export function readDataType(cursor: TokenCursor, source: string): ColumnType | undefined {
  const word = upper(cursor.peek());
  if (word === 'NATIONAL') {
    cursor.next();
    const rest = upper(cursor.next());
    const type: ColumnType = { name: rest === 'VARCHAR' || (rest === 'CHAR' && cursor.acceptKeywords('VARYING')) ? 'VARCHAR' : 'CHAR', args: [], charset: 'utf8mb3' };
    return readTypeTail(cursor, source, type);
  }
  if (word === 'LONG') {
    cursor.next();
    if (cursor.acceptKeywords('VARBINARY')) return readTypeTail(cursor, source, { name: 'MEDIUMBLOB', args: [] });
    cursor.acceptKeywords('VARCHAR') || cursor.acceptKeywords('CHAR', 'VARYING');
    return readTypeTail(cursor, source, { name: 'MEDIUMTEXT', args: [] });
  }
  if (!KNOWN_TYPES.has(word)) return undefined;
  cursor.next();
  const synonym = TYPE_SYNONYMS[word];
  let type: ColumnType = { name: synonym?.name ?? word, args: [...(synonym?.args ?? [])] };
  if (synonym?.charset) type.charset = synonym.charset;
  if (type.name === 'DOUBLE') cursor.acceptKeywords('PRECISION');
  if (type.name === 'CHAR' && cursor.acceptKeywords('VARYING')) type.name = 'VARCHAR';
  if (type.name === 'SERIAL') type = { name: 'BIGINT', args: [], unsigned: true };
  return readTypeTail(cursor, source, type);
}

function readTypeTail(cursor: TokenCursor, source: string, type: ColumnType): ColumnType {
  if (isPunct(cursor.peek(), '(')) {
    const close = cursor.matchingParen();
    const parts = splitTopLevel(cursor.tokens, cursor.index + 1, close);
    if (type.name === 'ENUM' || type.name === 'SET') {
      type.values = parts.map(([s]) => cursor.tokens[s]).filter((t) => t?.kind === 'string').map((t) => t.value ?? '');
    } else {
      type.args = parts.map(([s, e]) => Number(source.slice(cursor.tokens[s]?.start ?? 0, cursor.tokens[e - 1]?.end ?? 0).trim())).filter((n) => Number.isFinite(n));
    }
    cursor.index = close + 1;
  }
  for (;;) {
    if (cursor.acceptKeywords('UNSIGNED')) type.unsigned = true;
    else if (cursor.acceptKeywords('SIGNED')) type.unsigned = false;
    else if (cursor.acceptKeywords('ZEROFILL')) { type.zerofill = true; type.unsigned = true; }
    else if (cursor.acceptKeywords('BINARY')) type.collate = type.collate ?? 'binary';
    else if (cursor.acceptKeywords('ASCII')) type.charset = 'latin1';
    else if (cursor.acceptKeywords('UNICODE')) type.charset = 'ucs2';
    else if (cursor.acceptKeywords('CHARACTER', 'SET') || cursor.acceptKeywords('CHARSET')) type.charset = wordValue(cursor.next());
    else if (cursor.acceptKeywords('COLLATE')) type.collate = wordValue(cursor.next());
    else return type;
  }
}

function wordValue(token: Token | undefined): string {
  return (token?.value ?? token?.text ?? '').toLowerCase();
}

/**
 * Reads `name type attributes… [FIRST | AFTER col]` from tokens[cursor.index, end). Returns undefined when no
 * known type follows the name (then the caller reports the statement as unreadable rather than guessing).
 */
export function readColumnDefinition(cursor: TokenCursor, end: number, source: string): ColumnDefinition | undefined {
  const first = cursor.peek();
  const name = identifierOf(first);
  if (!first || !name) return undefined;
  cursor.next();
  const serial = isKeyword(cursor.peek(), 'SERIAL');
  const type = readDataType(cursor, source);
  if (!type) return undefined;
  const last = cursor.tokens[end - 1];
  const column: ColumnDefinition = { name, type, start: first.start, end: last.end };
  // SERIAL is an alias for BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE.
  if (serial) Object.assign(column, { nullable: false, autoIncrement: true, unique: true });
  while (cursor.index < end) readAttribute(cursor, end, source, column);
  return column;
}

function readAttribute(cursor: TokenCursor, end: number, source: string, column: ColumnDefinition): void {
  if (cursor.acceptKeywords('NOT', 'NULL')) column.nullable = false;
  else if (cursor.acceptKeywords('NULL')) column.nullable = true;
  else if (cursor.acceptKeywords('DEFAULT')) column.default = readDefault(cursor, source);
  else if (cursor.acceptKeywords('AUTO_INCREMENT')) column.autoIncrement = true;
  else if (cursor.acceptKeywords('PRIMARY', 'KEY') || cursor.acceptKeywords('KEY')) column.primaryKey = true;
  else if (cursor.acceptKeywords('UNIQUE')) {
    column.unique = true;
    cursor.acceptKeywords('KEY');
  } else if (cursor.acceptKeywords('COMMENT')) column.comment = cursor.next()?.value;
  else if (cursor.acceptKeywords('COLLATE')) column.type.collate = wordValue(cursor.next());
  else if (cursor.acceptKeywords('CHARACTER', 'SET') || cursor.acceptKeywords('CHARSET')) column.type.charset = wordValue(cursor.next());
  else if (cursor.acceptKeywords('ON', 'UPDATE')) {
    cursor.next();
    skipParens(cursor);
    column.onUpdateCurrentTimestamp = true;
  } else if (cursor.acceptKeywords('GENERATED', 'ALWAYS', 'AS') || cursor.acceptKeywords('AS')) {
    skipParens(cursor);
    column.generated = { stored: false };
  } else if (cursor.acceptKeywords('STORED') || cursor.acceptKeywords('PERSISTENT')) {
    column.generated = { stored: true };
  } else if (cursor.acceptKeywords('VIRTUAL')) column.generated = { stored: false };
  else if (cursor.acceptKeywords('INVISIBLE')) column.invisible = true;
  else if (cursor.acceptKeywords('VISIBLE')) column.invisible = false;
  else if (cursor.acceptKeywords('FIRST')) column.position = { kind: 'first' };
  else if (cursor.acceptKeywords('AFTER')) {
    const after = identifierOf(cursor.next());
    if (after) column.position = { kind: 'after', column: after };
  } else if (cursor.acceptKeywords('REFERENCES')) {
    column.inlineReferences = true;
    while (cursor.index < end) cursor.next(); // MySQL parses and ignores an inline REFERENCES clause
  } else {
    // COLUMN_FORMAT x, STORAGE x, SRID n, CHECK (…), CONSTRAINT c CHECK (…), [NOT] ENFORCED, …: no bearing on the rules.
    cursor.next();
    skipParens(cursor);
  }
}

function skipParens(cursor: TokenCursor): void {
  if (isPunct(cursor.peek(), '(')) cursor.index = cursor.matchingParen() + 1;
}

function readDefault(cursor: TokenCursor, source: string): DefaultValue | undefined {
  const token = cursor.peek();
  if (!token) return undefined;
  if (isPunct(token, '(')) {
    const close = cursor.matchingParen();
    const text = source.slice(token.start, cursor.tokens[close].end);
    cursor.index = close + 1;
    return { kind: 'expression', text };
  }
  if (isKeyword(token, 'NULL')) {
    cursor.next();
    return { kind: 'null' };
  }
  if (CURRENT_TIMESTAMP_WORDS.has(upper(token))) {
    cursor.next();
    skipParens(cursor);
    return { kind: 'current-timestamp', text: source.slice(token.start, cursor.tokens[cursor.index - 1].end) };
  }
  // Other functions without parentheses around them (CURRENT_DATE, MariaDB's `DEFAULT uuid()`): an expression.
  if (token.kind === 'word' && (isPunct(cursor.peek(1), '(') || /^CURRENT_(DATE|TIME|USER)$|^CURDATE$|^CURTIME$/.test(upper(token)))) {
    cursor.next();
    skipParens(cursor);
    return { kind: 'expression', text: source.slice(token.start, cursor.tokens[cursor.index - 1].end) };
  }
  // A literal: optional sign, then a number, string (with an optional charset introducer), TRUE/FALSE, b'…', x'…'.
  const start = token.start;
  if (isPunct(token, '-') || isPunct(token, '+')) cursor.next();
  if (cursor.peek()?.kind === 'word' && cursor.peek(1)?.kind === 'string' && cursor.peek(1)!.start === cursor.peek()!.end) cursor.next();
  const value = cursor.next();
  return { kind: 'literal', text: source.slice(start, value?.end ?? start) };
}
