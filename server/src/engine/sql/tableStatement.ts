import { Token, significant } from './lexer';
import { Identifier, TokenCursor, identifierOf, isKeyword, isPunct, splitTopLevel } from './tokenCursor';

/**
 * A token-level reading of CREATE TABLE and ALTER TABLE: enough structure for the rules and fixes that need
 * clause ranges (foreign keys, indexes), and total on any input, including SQL node-sql-parser rejects.
 */

export type ReferentialEvent = 'DELETE' | 'UPDATE';
export type ReferentialActionName = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export interface ReferentialAction {
  event: ReferentialEvent;
  action: ReferentialActionName;
  /** From ON to the end of the action. */
  start: number;
  end: number;
}

export interface ForeignKeyClause {
  constraintName?: Identifier;
  columns: Identifier[];
  referencedTable?: Identifier;
  referencedColumns: Identifier[];
  actions: ReferentialAction[];
}

export type TableItemKind = 'column' | 'primary-key' | 'unique' | 'index' | 'fulltext' | 'spatial' | 'foreign-key' | 'check' | 'other';

/** One definition of a CREATE TABLE, or one clause of an ALTER TABLE. */
export interface TableItem {
  kind: TableItemKind;
  /** Source span of the item, first to last significant token. */
  start: number;
  end: number;
  /** The comma after the item, if another item follows. */
  commaAfter?: Token;
  /** For index-like items: the index name, if written. */
  name?: Identifier;
  /** For index-like items: the leading column of each key part, in order (functional key parts are left out). */
  columns: Identifier[];
  foreignKey?: ForeignKeyClause;
}

export interface TableStatement {
  kind: 'create-table' | 'alter-table';
  table: Identifier;
  items: TableItem[];
}

const INDEX_KINDS: ReadonlySet<TableItemKind> = new Set(['primary-key', 'unique', 'index', 'fulltext', 'spatial']);

export function isIndexItem(item: TableItem): boolean {
  return INDEX_KINDS.has(item.kind);
}

export function readTableStatement(statementTokens: readonly Token[]): TableStatement | undefined {
  const tokens = significant(statementTokens);
  const cursor = new TokenCursor(tokens);
  if (cursor.acceptKeywords('CREATE')) {
    cursor.acceptKeywords('TEMPORARY');
    if (!cursor.acceptKeywords('TABLE')) return undefined;
    cursor.acceptKeywords('IF', 'NOT', 'EXISTS');
    const table = cursor.qualifiedName();
    if (!table || !isPunct(cursor.peek(), '(')) return undefined;
    const close = cursor.matchingParen();
    const items = readItems(tokens, cursor.index + 1, close, readCreateDefinition);
    return { kind: 'create-table', table, items };
  }
  if (cursor.acceptKeywords('ALTER')) {
    cursor.acceptKeywords('ONLINE'); // MariaDB
    cursor.acceptKeywords('IGNORE');
    if (!cursor.acceptKeywords('TABLE')) return undefined;
    cursor.acceptKeywords('IF', 'EXISTS'); // MariaDB
    const table = cursor.qualifiedName();
    if (!table) return undefined;
    const items = readItems(tokens, cursor.index, tokens.length, readAlterClause);
    return { kind: 'alter-table', table, items };
  }
  return undefined;
}

type ItemReader = (cursor: TokenCursor, end: number) => Omit<TableItem, 'start' | 'end' | 'commaAfter'>;

function readItems(tokens: readonly Token[], from: number, to: number, read: ItemReader): TableItem[] {
  const items: TableItem[] = [];
  for (const [start, end] of splitTopLevel(tokens, from, to)) {
    if (start >= end) continue;
    const item = read(new TokenCursor(tokens.slice(start, end)), end - start);
    items.push({ ...item, start: tokens[start].start, end: tokens[end - 1].end, commaAfter: isPunct(tokens[end], ',') ? tokens[end] : undefined });
  }
  return items;
}

function readCreateDefinition(cursor: TokenCursor): Omit<TableItem, 'start' | 'end' | 'commaAfter'> {
  const constraintName = readConstraintPrefix(cursor);
  const keyed = readKeyDefinition(cursor, constraintName);
  if (keyed) return keyed;
  if (cursor.acceptKeywords('CHECK')) return { kind: 'check', columns: [] };
  if (constraintName !== undefined) return { kind: 'other', columns: [] };
  return { kind: 'column', name: identifierOf(cursor.peek()), columns: [] };
}

function readAlterClause(cursor: TokenCursor): Omit<TableItem, 'start' | 'end' | 'commaAfter'> {
  if (!cursor.acceptKeywords('ADD')) return { kind: 'other', columns: [] };
  const constraintName = readConstraintPrefix(cursor);
  const keyed = readKeyDefinition(cursor, constraintName);
  if (keyed) return keyed;
  if (cursor.acceptKeywords('CHECK')) return { kind: 'check', columns: [] };
  if (constraintName !== undefined) return { kind: 'other', columns: [] };
  cursor.acceptKeywords('COLUMN');
  return { kind: 'column', name: identifierOf(cursor.peek()), columns: [] };
}

/** `CONSTRAINT [symbol]`: returns null when CONSTRAINT has no symbol, undefined when absent. */
function readConstraintPrefix(cursor: TokenCursor): Identifier | null | undefined {
  if (!cursor.acceptKeywords('CONSTRAINT')) return undefined;
  const next = cursor.peek();
  if (isKeyword(next, 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) return null;
  const name = identifierOf(next);
  if (name) cursor.next();
  return name ?? null;
}

function readKeyDefinition(cursor: TokenCursor, constraintName: Identifier | null | undefined): Omit<TableItem, 'start' | 'end' | 'commaAfter'> | undefined {
  let kind: TableItemKind | undefined;
  if (cursor.acceptKeywords('PRIMARY', 'KEY')) kind = 'primary-key';
  else if (cursor.acceptKeywords('UNIQUE')) kind = 'unique';
  else if (cursor.acceptKeywords('FULLTEXT')) kind = 'fulltext';
  else if (cursor.acceptKeywords('SPATIAL')) kind = 'spatial';
  else if (cursor.acceptKeywords('FOREIGN', 'KEY')) kind = 'foreign-key';
  else if (isKeyword(cursor.peek(), 'INDEX', 'KEY')) {
    cursor.next();
    kind = 'index';
  }
  if (!kind) return undefined;
  if (kind !== 'primary-key' && kind !== 'index' && kind !== 'foreign-key') cursor.acceptKeywords('INDEX') || cursor.acceptKeywords('KEY');
  let name: Identifier | undefined = constraintName ?? undefined;
  if (!isPunct(cursor.peek(), '(') && !isKeyword(cursor.peek(), 'USING')) {
    name = identifierOf(cursor.next()) ?? name;
  }
  if (cursor.acceptKeywords('USING')) cursor.next();
  const columns = readKeyParts(cursor);
  if (kind !== 'foreign-key') return { kind, name, columns };
  const foreignKey: ForeignKeyClause = { constraintName: constraintName ?? undefined, columns, referencedColumns: [], actions: [] };
  if (cursor.acceptKeywords('REFERENCES')) {
    foreignKey.referencedTable = cursor.qualifiedName();
    foreignKey.referencedColumns = readKeyParts(cursor);
    readReferentialActions(cursor, foreignKey.actions);
  }
  return { kind, name, columns, foreignKey };
}

/** `(a, b(10), c DESC, (expr))` → the leading identifier of each part. */
function readKeyParts(cursor: TokenCursor): Identifier[] {
  if (!isPunct(cursor.peek(), '(')) return [];
  const close = cursor.matchingParen();
  const columns: Identifier[] = [];
  for (const [start, end] of splitTopLevel(cursor.tokens, cursor.index + 1, close)) {
    const column = start < end ? identifierOf(cursor.tokens[start]) : undefined;
    if (column) columns.push(column);
  }
  cursor.index = close + 1;
  return columns;
}

function readReferentialActions(cursor: TokenCursor, actions: ReferentialAction[]): void {
  while (!cursor.atEnd()) {
    if (cursor.acceptKeywords('MATCH')) {
      cursor.next();
      continue;
    }
    const on = cursor.peek();
    if (!isKeyword(on, 'ON') || !isKeyword(cursor.peek(1), 'DELETE', 'UPDATE')) return;
    const event = cursor.peek(1)!.upper as ReferentialEvent;
    cursor.index += 2;
    const first = cursor.next();
    let action: ReferentialActionName | undefined;
    let last = first;
    if (isKeyword(first, 'CASCADE')) action = 'CASCADE';
    else if (isKeyword(first, 'RESTRICT')) action = 'RESTRICT';
    else if (isKeyword(first, 'SET') && isKeyword(cursor.peek(), 'NULL', 'DEFAULT')) {
      last = cursor.next();
      action = last!.upper === 'NULL' ? 'SET NULL' : 'SET DEFAULT';
    } else if (isKeyword(first, 'NO') && isKeyword(cursor.peek(), 'ACTION')) {
      last = cursor.next();
      action = 'NO ACTION';
    }
    if (!action || !last) return;
    actions.push({ event, action, start: on!.start, end: last.end });
  }
}
