import { Statement } from '../sql/splitter';
import { TableItem, TableStatement, isIndexItem } from '../sql/tableStatement';
import { Identifier } from '../sql/tokenCursor';
import { Fix, OffsetEdit } from '../types';
import { deleteSpan, removeListItem, standsOnOwnLines } from './listEdits';

/** True when some index lists `columns` as its leading columns, in order (what InnoDB needs for a FK). */
export function hasIndexStartingWith(indexes: readonly Identifier[][], columns: readonly Identifier[]): boolean {
  const wanted = columns.map((c) => c.name.toLowerCase());
  return indexes.some((index) => wanted.length > 0 && wanted.every((name, i) => index[i]?.name.toLowerCase() === name));
}

function indexName(source: string, fk: TableItem, taken: ReadonlySet<string>): string {
  const columns = fk.columns;
  const quoted = columns.some((c) => source[c.start] === '`');
  const base = `${columns.map((c) => c.name).join('_')}_idx`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  return quoted ? `\`${name.replace(/`/g, '``')}\`` : name;
}

function columnList(source: string, fk: TableItem): string {
  return fk.columns.map((c) => source.slice(c.start, c.end)).join(', ');
}

/**
 * "Remove foreign key constraint": deletes the FK definition (CREATE TABLE) or ADD … FOREIGN KEY clause
 * (ALTER TABLE) with one neighbouring comma, and keeps a plain index on the FK columns when no other index
 * starts with them: MySQL had created one implicitly for the constraint, and queries rely on it.
 */
export function removeForeignKeyFix(
  source: string,
  statement: Statement,
  table: TableStatement,
  itemIndex: number,
  knownIndexes: Identifier[][] | undefined,
): Fix {
  const fk = table.items[itemIndex];
  const indexesInStatement = table.items.filter((item, i) => i !== itemIndex && isIndexItem(item)).map((item) => item.columns);
  const indexes = [...(knownIndexes ?? []), ...indexesInStatement];
  const needsIndex = fk.columns.length > 0 && !hasIndexStartingWith(indexes, fk.columns);
  const taken = new Set(table.items.filter(isIndexItem).map((item) => item.name?.name.toLowerCase() ?? ''));
  const title = needsIndex ? 'Remove foreign key constraint (keep an index on its columns)' : 'Remove foreign key constraint';
  let edits: OffsetEdit[];
  if (needsIndex) {
    const keyword = table.kind === 'create-table' ? 'KEY' : 'ADD INDEX';
    edits = [{ start: fk.start, end: fk.end, newText: `${keyword} ${indexName(source, fk, taken)} (${columnList(source, fk)})` }];
  } else if (table.kind === 'alter-table' && table.items.length === 1) {
    edits = [removeWholeStatement(source, statement)];
  } else {
    edits = removeListItem(source, table.items, itemIndex);
  }
  // Dropping a constraint changes behaviour (the database no longer enforces the relation), so never in bulk fix-all.
  return { title, safe: false, edits };
}

function removeWholeStatement(source: string, statement: Statement): OffsetEdit {
  const end = statement.endWithDelimiter;
  if (standsOnOwnLines(source, statement.start, end)) return deleteSpan(source, statement.start, end);
  return { start: statement.start, end, newText: '' };
}
