import { ForeignKeyDefinition, IndexDefinition, IndexKind, Name, ReferentialAction, ReferentialActionName } from '../model/changes';
import { TokenCursor, identifierOf, isKeyword, isPunct, splitTopLevel } from './tokenCursor';

/** `CONSTRAINT [symbol]`: the symbol, null when CONSTRAINT has none, undefined when there is no CONSTRAINT. */
export function readConstraintPrefix(cursor: TokenCursor): Name | null | undefined {
  if (!cursor.acceptKeywords('CONSTRAINT')) return undefined;
  const next = cursor.peek();
  if (isKeyword(next, 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK')) return null;
  const name = identifierOf(next);
  if (name) cursor.next();
  return name ?? null;
}

export type KeyDefinition = { kind: 'index'; index: IndexDefinition } | { kind: 'foreign-key'; foreignKey: ForeignKeyDefinition };

/**
 * Reads an index or foreign key definition at the cursor (after any CONSTRAINT prefix), up to tokens[end):
 * PRIMARY KEY, UNIQUE [INDEX|KEY], {INDEX|KEY}, FULLTEXT, SPATIAL, FOREIGN KEY … REFERENCES ….
 * Returns undefined, consuming nothing, when the cursor is not on one.
 */
export function readKeyDefinition(cursor: TokenCursor, start: number, end: number, constraintName: Name | null | undefined): KeyDefinition | undefined {
  const from = cursor.index;
  let kind: IndexKind | 'foreign-key' | undefined;
  if (cursor.acceptKeywords('PRIMARY', 'KEY')) kind = 'primary';
  else if (cursor.acceptKeywords('UNIQUE')) kind = 'unique';
  else if (cursor.acceptKeywords('FULLTEXT')) kind = 'fulltext';
  else if (cursor.acceptKeywords('SPATIAL')) kind = 'spatial';
  else if (cursor.acceptKeywords('FOREIGN', 'KEY')) kind = 'foreign-key';
  else if (isKeyword(cursor.peek(), 'INDEX', 'KEY')) {
    cursor.next();
    kind = 'index';
  }
  if (!kind) {
    cursor.index = from;
    return undefined;
  }
  if (kind === 'unique' || kind === 'fulltext' || kind === 'spatial') {
    if (!cursor.acceptKeywords('INDEX')) cursor.acceptKeywords('KEY');
  }
  let name: Name | undefined;
  if (!isPunct(cursor.peek(), '(') && !isKeyword(cursor.peek(), 'USING')) name = identifierOf(cursor.next());
  if (cursor.acceptKeywords('USING')) cursor.next();
  const keyParts = readKeyParts(cursor);
  const span = { start, end: cursor.tokens[end - 1].end };
  if (kind !== 'foreign-key') {
    return { kind: 'index', index: { kind, name: name ?? constraintName ?? undefined, columns: keyParts.columns, columnsSpan: keyParts.span, ...span } };
  }
  const foreignKey: ForeignKeyDefinition = {
    constraintName: constraintName ?? undefined,
    indexName: name,
    columns: keyParts.columns.filter((c): c is Name => c !== undefined),
    referencedColumns: [],
    actions: [],
    ...span,
  };
  if (cursor.acceptKeywords('REFERENCES')) {
    foreignKey.referencedTable = cursor.qualifiedName();
    foreignKey.referencedColumns = readKeyParts(cursor).columns.filter((c): c is Name => c !== undefined);
    readReferentialActions(cursor, foreignKey.actions);
  }
  return { kind: 'foreign-key', foreignKey };
}

/** `(a, b(10), c DESC, (expr))` → the leading column of each key part (undefined for a functional part). */
export function readKeyParts(cursor: TokenCursor): { columns: Array<Name | undefined>; span?: { start: number; end: number } } {
  const open = cursor.peek();
  if (!open || !isPunct(open, '(')) return { columns: [] };
  const close = cursor.matchingParen();
  const columns: Array<Name | undefined> = [];
  for (const [start, end] of splitTopLevel(cursor.tokens, cursor.index + 1, close)) {
    if (start < end) columns.push(identifierOf(cursor.tokens[start]));
  }
  cursor.index = close + 1;
  return { columns, span: { start: open.start, end: cursor.tokens[close].end } };
}

function readReferentialActions(cursor: TokenCursor, actions: ReferentialAction[]): void {
  while (!cursor.atEnd()) {
    if (cursor.acceptKeywords('MATCH')) {
      cursor.next();
      continue;
    }
    const on = cursor.peek();
    const eventToken = cursor.peek(1);
    if (!on || !isKeyword(on, 'ON') || !eventToken || !isKeyword(eventToken, 'DELETE', 'UPDATE')) return;
    cursor.index += 2;
    const first = cursor.next();
    let last = first;
    let action: ReferentialActionName | undefined;
    if (isKeyword(first, 'CASCADE')) action = 'CASCADE';
    else if (isKeyword(first, 'RESTRICT')) action = 'RESTRICT';
    else if (isKeyword(first, 'SET') && isKeyword(cursor.peek(), 'NULL', 'DEFAULT')) {
      last = cursor.next();
      action = isKeyword(last, 'NULL') ? 'SET NULL' : 'SET DEFAULT';
    } else if (isKeyword(first, 'NO') && isKeyword(cursor.peek(), 'ACTION')) {
      last = cursor.next();
      action = 'NO ACTION';
    }
    if (!action || !last) return;
    actions.push({ event: isKeyword(eventToken, 'DELETE') ? 'DELETE' : 'UPDATE', action, start: on.start, end: last.end });
  }
}
