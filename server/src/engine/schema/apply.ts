import { AlterAction, ColumnDefinition, CreateTable, IndexDefinition, SchemaChange } from '../model/changes';
import { Origin, Schema, SchemaColumn, SchemaIndex, SchemaTable, findColumn, hasIndexStartingWith } from './model';

/**
 * Applies one statement's change to the schema, as MySQL would (including the index MySQL creates implicitly for
 * a foreign key, and the names it generates). Statements that touch unknown tables change nothing.
 */
export function applyChange(schema: Schema, change: SchemaChange, origin: Origin): void {
  switch (change.kind) {
    case 'create-table':
      if (change.temporary || (change.ifNotExists && schema.table(change.table.name))) return;
      schema.set(createTable(schema, change, origin));
      return;
    case 'alter-table': {
      const table = schema.table(change.table.name);
      if (!table) return;
      for (const action of change.actions) applyAlterAction(schema, table, action, origin);
      return;
    }
    case 'create-index': {
      const table = schema.table(change.table.name);
      if (table) addIndex(table, change.index);
      return;
    }
    case 'drop-index': {
      const table = schema.table(change.table.name);
      if (table) dropIndex(table, change.name.name);
      return;
    }
    case 'drop-table':
      if (!change.temporary) for (const name of change.tables) schema.delete(name.name);
      return;
    case 'rename-table':
      for (const { from, to } of change.pairs) renameTable(schema, from.name, to.name);
      return;
    default:
      return;
  }
}

function column(definition: ColumnDefinition, origin: Origin): SchemaColumn {
  return { name: definition.name.name, definition, origin: { ...origin, start: definition.start, end: definition.end } };
}

function createTable(schema: Schema, change: CreateTable, origin: Origin): SchemaTable {
  const like = change.like ? schema.table(change.like.name) : undefined;
  if (like) {
    const copy = schema.clone().table(like.name)!;
    return { ...copy, name: change.table.name, foreignKeys: [], origin };
  }
  const table: SchemaTable = {
    name: change.table.name,
    columns: change.columns.map((c) => column(c, origin)),
    indexes: [],
    foreignKeys: [],
    options: new Map(change.options.map((o) => [o.name, o.value])),
    partitioned: change.partitioned === true,
    origin,
  };
  for (const c of change.columns) {
    if (c.primaryKey) table.indexes.push({ kind: 'primary', name: 'primary', columns: [c.name.name] });
    else if (c.unique) table.indexes.push({ kind: 'unique', name: uniqueIndexName(table, c.name.name), columns: [c.name.name] });
  }
  for (const index of change.indexes) addIndex(table, index);
  for (const fk of change.foreignKeys) addForeignKey(table, fk, origin);
  return table;
}

function uniqueIndexName(table: SchemaTable, base: string): string {
  const taken = new Set(table.indexes.map((i) => i.name));
  let name = base.toLowerCase();
  for (let n = 2; taken.has(name); n++) name = `${base.toLowerCase()}_${n}`;
  return name;
}

function addIndex(table: SchemaTable, index: IndexDefinition): void {
  const columns = index.columns.map((c) => c?.name ?? '');
  const name = index.kind === 'primary' ? 'primary' : uniqueIndexName(table, index.name?.name ?? columns[0] ?? 'index');
  // A new index that can serve a foreign key replaces the one MySQL created implicitly for it.
  table.indexes = table.indexes.filter((i) => !(i.implicitForForeignKey && hasIndexStartingWith([{ columns }], i.columns)));
  table.indexes.push({ kind: index.kind, name, columns });
}

function dropIndex(table: SchemaTable, name: string): void {
  const wanted = name.toLowerCase();
  table.indexes = table.indexes.filter((i) => i.name !== wanted);
}

function addForeignKey(table: SchemaTable, definition: NonNullable<Extract<AlterAction, { kind: 'add-foreign-key' }>['foreignKey']>, origin: Origin): void {
  const columns = definition.columns.map((c) => c.name);
  table.foreignKeys.push({
    name: definition.constraintName?.name,
    columns,
    referencedTable: definition.referencedTable?.name,
    definition,
    origin: { ...origin, start: definition.start, end: definition.end },
  });
  if (!hasIndexStartingWith(table.indexes, columns)) {
    const implicit: SchemaIndex = {
      kind: 'index',
      name: uniqueIndexName(table, definition.indexName?.name ?? definition.constraintName?.name ?? columns[0]),
      columns,
      implicitForForeignKey: true,
    };
    table.indexes.push(implicit);
  }
}

function applyAlterAction(schema: Schema, table: SchemaTable, action: AlterAction, origin: Origin): void {
  switch (action.kind) {
    case 'add-column':
      placeColumn(table, column(action.column, origin));
      return;
    case 'add-columns':
      for (const c of action.columns) placeColumn(table, column(c, origin));
      return;
    case 'drop-column': {
      const name = action.column.name.toLowerCase();
      table.columns = table.columns.filter((c) => c.name.toLowerCase() !== name);
      // MySQL removes the column from its indexes and drops an index left with no column.
      for (const index of table.indexes) index.columns = index.columns.filter((c) => c.toLowerCase() !== name);
      table.indexes = table.indexes.filter((i) => i.columns.length > 0);
      return;
    }
    case 'modify-column':
      replaceColumn(table, action.column.name.name, column(action.column, origin));
      return;
    case 'change-column':
      replaceColumn(table, action.from.name, column(action.column, origin));
      renameInIndexes(table, action.from.name, action.column.name.name);
      return;
    case 'rename-column': {
      const existing = findColumn(table, action.from.name);
      if (existing) {
        existing.name = action.to.name;
        existing.definition = { ...existing.definition, name: { ...existing.definition.name, name: action.to.name } };
      }
      renameInIndexes(table, action.from.name, action.to.name);
      return;
    }
    case 'add-index':
      addIndex(table, action.index);
      return;
    case 'drop-index':
      dropIndex(table, action.name.name);
      return;
    case 'rename-index': {
      const index = table.indexes.find((i) => i.name === action.from.name.toLowerCase());
      if (index) index.name = action.to.name.toLowerCase();
      return;
    }
    case 'drop-primary-key':
      table.indexes = table.indexes.filter((i) => i.kind !== 'primary');
      return;
    case 'add-foreign-key':
      addForeignKey(table, action.foreignKey, origin);
      return;
    case 'drop-foreign-key': {
      const name = action.name.name.toLowerCase();
      table.foreignKeys = table.foreignKeys.filter((f) => f.name?.toLowerCase() !== name);
      return;
    }
    case 'rename-table':
      renameTable(schema, table.name, action.to.name);
      return;
    case 'convert-charset':
      table.options.set('CHARSET', action.charset);
      if (action.collate) table.options.set('COLLATE', action.collate);
      for (const c of table.columns) if (isTextual(c.definition)) c.definition = { ...c.definition, type: { ...c.definition.type, charset: action.charset, collate: action.collate } };
      return;
    case 'table-option':
      table.options.set(action.option.name, action.option.value);
      return;
    default:
      return;
  }
}

const TEXTUAL = new Set(['CHAR', 'VARCHAR', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'ENUM', 'SET']);

export function isTextual(definition: ColumnDefinition): boolean {
  return TEXTUAL.has(definition.type.name);
}

function placeColumn(table: SchemaTable, added: SchemaColumn): void {
  const position = added.definition.position;
  if (position?.kind === 'first') table.columns.unshift(added);
  else if (position?.kind === 'after') {
    const at = table.columns.findIndex((c) => c.name.toLowerCase() === position.column.name.toLowerCase());
    table.columns.splice(at < 0 ? table.columns.length : at + 1, 0, added);
  } else table.columns.push(added);
  if (added.definition.primaryKey) table.indexes.push({ kind: 'primary', name: 'primary', columns: [added.name] });
  else if (added.definition.unique) table.indexes.push({ kind: 'unique', name: uniqueIndexName(table, added.name), columns: [added.name] });
}

function replaceColumn(table: SchemaTable, oldName: string, replacement: SchemaColumn): void {
  const at = table.columns.findIndex((c) => c.name.toLowerCase() === oldName.toLowerCase());
  if (at < 0) return;
  table.columns.splice(at, 1);
  if (replacement.definition.position) placeColumn(table, replacement);
  else table.columns.splice(at, 0, replacement);
}

function renameInIndexes(table: SchemaTable, from: string, to: string): void {
  const wanted = from.toLowerCase();
  for (const index of table.indexes) index.columns = index.columns.map((c) => (c.toLowerCase() === wanted ? to : c));
  for (const fk of table.foreignKeys) fk.columns = fk.columns.map((c) => (c.toLowerCase() === wanted ? to : c));
}

function renameTable(schema: Schema, from: string, to: string): void {
  const table = schema.table(from);
  if (!table) return;
  schema.delete(from);
  table.name = to;
  schema.set(table);
}
