import { AlterTable, CreateTable, Name, RoutineOrObject, SchemaChange } from '../model/changes';
import { readAlterAction } from './alterReader';
import { readColumnDefinition } from './columnReader';
import { readConstraintPrefix, readKeyDefinition, readKeyParts } from './keyReader';
import { Token, significant } from './lexer';
import { Statement } from './splitter';
import { readTableOptions } from './tableOptions';
import { TokenCursor, identifierOf, isKeyword, isPunct, splitTopLevel } from './tokenCursor';

/**
 * The token-level reader: maps any statement onto the schema-change model using only our lexer's tokens. It covers
 * what node-sql-parser rejects (DOUBLE PRECISION, BOOL, RENAME INDEX, CONVERT TO CHARACTER SET, routine bodies, …)
 * and never throws; a statement it cannot make sense of comes back as `unreadable` with the reason.
 */
export function readWithTokens(statement: Statement, source: string): SchemaChange {
  const broken = statement.tokens.find((t) => t.unterminated);
  if (broken) return { kind: 'unreadable', reason: `unterminated ${broken.kind === 'comment' ? 'comment' : broken.kind === 'quoted' ? 'quoted name' : 'string'}` };
  const tokens = significant(statement.tokens);
  if (!balanced(tokens)) return { kind: 'unreadable', reason: 'unbalanced parentheses' };
  const cursor = new TokenCursor(tokens);
  const verb = cursor.peek()?.upper ?? '';
  switch (verb) {
    case 'CREATE':
      return readCreate(cursor, source);
    case 'ALTER':
      return readAlter(cursor, source);
    case 'DROP':
      return readDrop(cursor);
    case 'RENAME':
      return readRename(cursor);
    case 'TRUNCATE': {
      cursor.next();
      cursor.acceptKeywords('TABLE');
      const table = cursor.qualifiedName();
      return table ? { kind: 'truncate-table', table } : { kind: 'unreadable', reason: 'TRUNCATE without a table name' };
    }
    case 'INSERT': case 'UPDATE': case 'DELETE': case 'REPLACE': case 'LOAD':
      return { kind: 'dml', verb };
    case 'SET': case 'USE': case 'LOCK': case 'UNLOCK': case 'START': case 'BEGIN': case 'COMMIT': case 'ROLLBACK': case 'SAVEPOINT':
      return { kind: 'session', verb };
    case 'SELECT': case 'WITH': case 'SHOW': case 'DESCRIBE': case 'DESC': case 'EXPLAIN': case 'VALUES': case 'TABLE':
      return { kind: 'query', verb };
    case 'CALL': case 'DO': case 'GRANT': case 'REVOKE': case 'FLUSH': case 'ANALYZE': case 'OPTIMIZE': case 'CHECK': case 'REPAIR': case 'PREPARE': case 'EXECUTE': case 'DEALLOCATE': case 'HANDLER': case 'KILL': case 'RESET': case 'PURGE': case 'CHANGE': case 'INSTALL': case 'UNINSTALL':
      return { kind: 'other', verb };
    default:
      if (isPunct(cursor.peek(), '(')) return { kind: 'query', verb: 'SELECT' };
      return { kind: 'unreadable', reason: verb ? `unknown statement ${verb}` : 'not a SQL statement' };
  }
}

function balanced(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')') && --depth < 0) return false;
  }
  return depth === 0;
}

const OBJECT_TYPES = ['TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT', 'VIEW', 'DATABASE', 'SCHEMA'] as const;

function objectStatement(kind: RoutineOrObject['kind'], cursor: TokenCursor): RoutineOrObject | undefined {
  const keyword = cursor.peek();
  const type = OBJECT_TYPES.find((t) => isKeyword(keyword, t));
  if (!keyword || !type) return undefined;
  cursor.next();
  cursor.acceptKeywords('IF', 'NOT', 'EXISTS') || cursor.acceptKeywords('IF', 'EXISTS');
  return { kind, objectType: type, name: cursor.qualifiedName(), keyword: { start: keyword.start, end: keyword.end } };
}

/** Skips what may stand between CREATE and the object type: OR REPLACE, DEFINER = user, ALGORITHM = x, SQL SECURITY x, AGGREGATE. */
function skipCreatePrefixes(cursor: TokenCursor): void {
  for (;;) {
    if (cursor.acceptKeywords('OR', 'REPLACE') || cursor.acceptKeywords('AGGREGATE') || cursor.acceptKeywords('TEMPORARY')) continue;
    if (isKeyword(cursor.peek(), 'DEFINER', 'ALGORITHM') && isPunct(cursor.peek(1), '=')) {
      cursor.index += 3;
      while (isPunct(cursor.peek(), '@') || (cursor.peek()?.kind === 'punct' && cursor.peek()?.text === '(')) {
        if (isPunct(cursor.peek(), '(')) cursor.index = cursor.matchingParen() + 1; // CURRENT_USER()
        else cursor.index += 2; // @host
      }
      continue;
    }
    if (cursor.acceptKeywords('SQL', 'SECURITY')) {
      cursor.next();
      continue;
    }
    return;
  }
}

function readCreate(cursor: TokenCursor, source: string): SchemaChange {
  cursor.next();
  const temporary = isKeyword(cursor.peek(), 'TEMPORARY');
  skipCreatePrefixes(cursor);
  if (cursor.acceptKeywords('TABLE')) return readCreateTable(cursor, source, temporary);
  const indexStart = cursor.index;
  cursor.acceptKeywords('ONLINE') || cursor.acceptKeywords('OFFLINE');
  const modifier = isKeyword(cursor.peek(), 'UNIQUE', 'FULLTEXT', 'SPATIAL') ? cursor.next()!.upper : undefined;
  if (cursor.acceptKeywords('INDEX')) return readCreateIndex(cursor, indexStart, modifier);
  cursor.index = indexStart;
  return objectStatement('create-object', cursor) ?? { kind: 'other', verb: 'CREATE' };
}

function readCreateTable(cursor: TokenCursor, source: string, temporary: boolean): SchemaChange {
  const ifNotExists = cursor.acceptKeywords('IF', 'NOT', 'EXISTS');
  const table = cursor.qualifiedName();
  if (!table) return { kind: 'unreadable', reason: 'CREATE TABLE without a table name' };
  const change: CreateTable = { kind: 'create-table', table, ifNotExists, temporary, columns: [], indexes: [], foreignKeys: [], options: [], definitions: [] };
  if (cursor.acceptKeywords('LIKE')) {
    change.like = cursor.qualifiedName();
    return change;
  }
  if (isPunct(cursor.peek(), '(') && isKeyword(cursor.peek(1), 'LIKE')) {
    cursor.index += 2;
    change.like = cursor.qualifiedName();
    return change;
  }
  if (isPunct(cursor.peek(), '(') && !isKeyword(cursor.peek(1), 'SELECT', 'WITH')) {
    const close = cursor.matchingParen();
    const problem = readDefinitions(cursor.tokens, cursor.index + 1, close, source, change);
    if (problem) return { kind: 'unreadable', reason: problem };
    cursor.index = close + 1;
  }
  change.options = readTableOptions(cursor, cursor.tokens.length);
  if (cursor.acceptKeywords('PARTITION', 'BY')) change.partitioned = true;
  const rest = cursor.tokens.slice(cursor.index);
  if (rest.some((t) => isKeyword(t, 'SELECT'))) change.asSelect = true;
  if (change.definitions.length === 0 && !change.asSelect) return { kind: 'unreadable', reason: 'CREATE TABLE without column definitions' };
  return change;
}

/** Reads the parenthesised definition list; returns a reason when a definition cannot be read. */
function readDefinitions(tokens: readonly Token[], from: number, to: number, source: string, change: CreateTable): string | undefined {
  for (const [start, end] of splitTopLevel(tokens, from, to)) {
    if (start >= end) return 'empty definition in CREATE TABLE';
    const part = new TokenCursor(tokens.slice(0, end), start);
    const constraintName = readConstraintPrefix(part);
    const key = readKeyDefinition(part, tokens[start].start, end, constraintName);
    if (key?.kind === 'index') change.indexes.push(key.index);
    else if (key?.kind === 'foreign-key') change.foreignKeys.push(key.foreignKey);
    else if (constraintName !== undefined || isKeyword(tokens[start], 'CHECK')) {
      // A CHECK constraint: nothing the rules need.
    } else {
      const column = readColumnDefinition(part, end, source);
      if (!column) return `cannot read the definition of ${identifierOf(tokens[start])?.name ?? tokens[start].text}`;
      change.columns.push(column);
    }
    const comma = isPunct(tokens[end], ',') ? { start: tokens[end].start, end: tokens[end].end } : undefined;
    change.definitions.push({ start: tokens[start].start, end: tokens[end - 1].end, commaAfter: comma });
  }
  return undefined;
}

function readCreateIndex(cursor: TokenCursor, startIndex: number, modifier: string | undefined): SchemaChange {
  cursor.acceptKeywords('IF', 'NOT', 'EXISTS'); // MariaDB (the mariadb-syntax rule reports it on MySQL targets)
  const name = identifierOf(cursor.next());
  if (cursor.acceptKeywords('USING')) cursor.next();
  if (!name || !cursor.acceptKeywords('ON')) return { kind: 'unreadable', reason: 'CREATE INDEX without a name or ON table' };
  const table = cursor.qualifiedName();
  const parts = readKeyParts(cursor);
  if (!table || !parts.span) return { kind: 'unreadable', reason: 'CREATE INDEX without a table or key parts' };
  const kind = modifier === 'UNIQUE' ? 'unique' : modifier === 'FULLTEXT' ? 'fulltext' : modifier === 'SPATIAL' ? 'spatial' : 'index';
  const { algorithm, lock } = readAlgorithmAndLock(cursor);
  const first = cursor.tokens[startIndex];
  const index = { kind, name, columns: parts.columns, columnsSpan: parts.span, start: first.start, end: cursor.tokens[cursor.tokens.length - 1].end } as const;
  return { kind: 'create-index', table, index, algorithm, lock };
}

/** Trailing `ALGORITHM [=] x` / `LOCK [=] x` of CREATE/DROP INDEX (other index options are skipped). */
function readAlgorithmAndLock(cursor: TokenCursor): { algorithm?: string; lock?: string } {
  const found: { algorithm?: string; lock?: string } = {};
  while (!cursor.atEnd()) {
    const word = cursor.next();
    if (isKeyword(word, 'ALGORITHM', 'LOCK')) {
      cursor.acceptPunct('=');
      const value = cursor.next()?.text.toUpperCase();
      if (isKeyword(word, 'ALGORITHM')) found.algorithm = value;
      else found.lock = value;
    }
  }
  return found;
}

function readAlter(cursor: TokenCursor, source: string): SchemaChange {
  cursor.next();
  cursor.acceptKeywords('ONLINE');
  cursor.acceptKeywords('IGNORE');
  if (!cursor.acceptKeywords('TABLE')) {
    skipCreatePrefixes(cursor);
    const object = objectStatement('create-object', cursor);
    return { kind: 'other', verb: object ? `ALTER ${object.objectType}` : 'ALTER' };
  }
  cursor.acceptKeywords('IF', 'EXISTS');
  const table = cursor.qualifiedName();
  if (!table) return { kind: 'unreadable', reason: 'ALTER TABLE without a table name' };
  const change: AlterTable = { kind: 'alter-table', table, actions: [], commasAfter: [] };
  const tokens = cursor.tokens;
  for (const [start, end] of splitTopLevel(tokens, cursor.index, tokens.length)) {
    if (start >= end) {
      if (end < tokens.length || start > cursor.index) return { kind: 'unreadable', reason: 'empty clause in ALTER TABLE' };
      continue;
    }
    const actions = readAlterAction(new TokenCursor(tokens.slice(0, end), start), end, source);
    if (typeof actions === 'string') return { kind: 'unreadable', reason: actions };
    const comma = isPunct(tokens[end], ',') ? { start: tokens[end].start, end: tokens[end].end } : undefined;
    actions.forEach((action, i) => {
      change.actions.push(action);
      change.commasAfter.push(i === actions.length - 1 ? comma : undefined);
    });
  }
  return change;
}

function readDrop(cursor: TokenCursor): SchemaChange {
  cursor.next();
  const temporary = cursor.acceptKeywords('TEMPORARY');
  if (cursor.acceptKeywords('TABLE') || cursor.acceptKeywords('TABLES')) {
    const ifExists = cursor.acceptKeywords('IF', 'EXISTS');
    const tables: Name[] = [];
    do {
      const name = cursor.qualifiedName();
      if (name) tables.push(name);
    } while (cursor.acceptPunct(','));
    return tables.length > 0 ? { kind: 'drop-table', tables, ifExists, temporary } : { kind: 'unreadable', reason: 'DROP TABLE without a table name' };
  }
  cursor.acceptKeywords('ONLINE') || cursor.acceptKeywords('OFFLINE');
  if (cursor.acceptKeywords('INDEX')) {
    cursor.acceptKeywords('IF', 'EXISTS');
    const name = identifierOf(cursor.next());
    if (!name || !cursor.acceptKeywords('ON')) return { kind: 'unreadable', reason: 'DROP INDEX without a name or ON table' };
    const table = cursor.qualifiedName();
    if (!table) return { kind: 'unreadable', reason: 'DROP INDEX without a table' };
    return { kind: 'drop-index', table, name, ...readAlgorithmAndLock(cursor) };
  }
  return objectStatement('drop-object', cursor) ?? { kind: 'other', verb: 'DROP' };
}

function readRename(cursor: TokenCursor): SchemaChange {
  cursor.next();
  if (!cursor.acceptKeywords('TABLE') && !cursor.acceptKeywords('TABLES')) return { kind: 'other', verb: 'RENAME' };
  const pairs: Array<{ from: Name; to: Name }> = [];
  do {
    const from = cursor.qualifiedName();
    if (!from || !cursor.acceptKeywords('TO')) return { kind: 'unreadable', reason: 'RENAME TABLE needs `old TO new`' };
    const to = cursor.qualifiedName();
    if (!to) return { kind: 'unreadable', reason: 'RENAME TABLE needs `old TO new`' };
    pairs.push({ from, to });
  } while (cursor.acceptPunct(','));
  return { kind: 'rename-table', pairs };
}
