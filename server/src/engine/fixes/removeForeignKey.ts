import { AlterTable, CreateTable, ForeignKeyDefinition } from '../model/changes';
import { Schema, hasIndexStartingWith } from '../schema/model';
import { Statement } from '../sql/splitter';
import { Fix, OffsetEdit } from '../types';
import { ListItem, deleteSpan, removeListItem, standsOnOwnLines } from './listEdits';

interface IndexLike {
  name?: string;
  columns: readonly string[];
}

function indexName(source: string, fk: ForeignKeyDefinition, taken: ReadonlySet<string>): string {
  const quoted = fk.columns.some((c) => source[c.start] === '`');
  const base = `${fk.columns.map((c) => c.name).join('_')}_idx`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  return quoted ? `\`${name.replace(/`/g, '``')}\`` : name;
}

function columnList(source: string, fk: ForeignKeyDefinition): string {
  return fk.columns.map((c) => source.slice(c.start, c.end)).join(', ');
}

/** The indexes a CREATE TABLE defines, inline PRIMARY KEY / UNIQUE columns included. */
function createTableIndexes(change: CreateTable): IndexLike[] {
  const indexes: IndexLike[] = change.indexes.map((i) => ({ name: i.name?.name, columns: i.columns.map((c) => c?.name ?? '') }));
  for (const column of change.columns) {
    if (column.primaryKey || column.unique) indexes.push({ name: column.name.name, columns: [column.name.name] });
  }
  return indexes;
}

/**
 * "Remove foreign key constraint": deletes the FK definition (CREATE TABLE) or `ADD … FOREIGN KEY` clause
 * (ALTER TABLE) with exactly one neighbouring comma. When no index would remain that starts with the FK's columns,
 * a plain index takes its place: MySQL had created one implicitly for the constraint, and queries rely on it.
 */
export function removeForeignKeyFix(source: string, statement: Statement, change: CreateTable | AlterTable, fk: ForeignKeyDefinition, schema: Schema): Fix {
  let items: ListItem[];
  let indexes: IndexLike[];
  if (change.kind === 'create-table') {
    items = change.definitions;
    indexes = createTableIndexes(change);
  } else {
    items = change.actions.map((action, i) => ({ start: action.start, end: action.end, commaAfter: change.commasAfter[i] }));
    const table = schema.table(change.table.name);
    indexes = [...(table?.indexes ?? [])];
    for (const action of change.actions) {
      if (action.kind === 'add-index') indexes.push({ name: action.index.name?.name, columns: action.index.columns.map((c) => c?.name ?? '') });
    }
  }
  const needsIndex = fk.columns.length > 0 && !hasIndexStartingWith(indexes, fk.columns.map((c) => c.name));
  const title = needsIndex ? 'Remove foreign key constraint (keep an index on its columns)' : 'Remove foreign key constraint';
  // A PHP migration's reader knows its call chain and precomputed both edits.
  if (fk.phpRemoval) return { title, safe: false, edits: needsIndex ? fk.phpRemoval.keepingIndex : fk.phpRemoval.withoutIndex };
  const itemIndex = items.findIndex((item) => item.start <= fk.start && fk.end <= item.end);
  const item = items[itemIndex];
  let edits: OffsetEdit[];
  if (needsIndex) {
    const taken = new Set(indexes.map((i) => (i.name ?? '').toLowerCase()));
    const keyword = change.kind === 'create-table' ? 'KEY' : 'ADD INDEX';
    edits = [{ start: item.start, end: item.end, newText: `${keyword} ${indexName(source, fk, taken)} (${columnList(source, fk)})` }];
  } else if (change.kind === 'alter-table' && items.length === 1) {
    edits = [removeWholeStatement(source, statement)];
  } else {
    edits = removeListItem(source, items, itemIndex);
  }
  // Dropping a constraint changes behaviour (the database no longer enforces the relation): never in bulk fix-all.
  return { title, safe: false, edits };
}

function removeWholeStatement(source: string, statement: Statement): OffsetEdit {
  const end = statement.endWithDelimiter;
  if (standsOnOwnLines(source, statement.start, end)) return deleteSpan(source, statement.start, end);
  return { start: statement.start, end, newText: '' };
}
