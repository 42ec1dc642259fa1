import { ColumnDefinition, ForeignKeyDefinition, IndexDefinition } from '../model/changes';

/** Where something was defined: a file (when known) and a span in it. */
export interface Origin {
  path?: string;
  start: number;
  end: number;
}

export interface SchemaColumn {
  name: string;
  definition: ColumnDefinition;
  /** The source of the definition (CREATE TABLE, ADD COLUMN, MODIFY/CHANGE) that last set it. */
  origin: Origin;
}

export interface SchemaIndex {
  kind: IndexDefinition['kind'];
  /** Lower-case name; PRIMARY for the primary key; generated like MySQL's when not written. */
  name: string;
  columns: string[];
  /** True for the index MySQL created implicitly for a foreign key. */
  implicitForForeignKey?: boolean;
}

export interface SchemaForeignKey {
  name?: string;
  columns: string[];
  referencedTable?: string;
  definition: ForeignKeyDefinition;
  origin: Origin;
}

export interface SchemaTable {
  name: string;
  /** In table order. */
  columns: SchemaColumn[];
  indexes: SchemaIndex[];
  foreignKeys: SchemaForeignKey[];
  /** ENGINE, CHARSET, COLLATE, ROW_FORMAT, …: upper-case keys. */
  options: Map<string, string>;
  partitioned: boolean;
  origin: Origin;
  /** Number of rows, when known from a live database (the branch connection). */
  rowCount?: number;
}

/** Tables by lower-case name. Case-insensitive lookups, as on MySQL servers with lower_case_table_names=1 or 2. */
export class Schema {
  private readonly tables = new Map<string, SchemaTable>();

  table(name: string): SchemaTable | undefined {
    return this.tables.get(name.toLowerCase());
  }

  set(table: SchemaTable): void {
    this.tables.set(table.name.toLowerCase(), table);
  }

  delete(name: string): void {
    this.tables.delete(name.toLowerCase());
  }

  all(): SchemaTable[] {
    return [...this.tables.values()];
  }

  clone(): Schema {
    const copy = new Schema();
    for (const table of this.tables.values()) {
      copy.set({
        ...table,
        columns: table.columns.map((c) => ({ ...c })),
        indexes: table.indexes.map((i) => ({ ...i, columns: [...i.columns] })),
        foreignKeys: table.foreignKeys.map((f) => ({ ...f, columns: [...f.columns] })),
        options: new Map(table.options),
      });
    }
    return copy;
  }
}

export function findColumn(table: SchemaTable, name: string): SchemaColumn | undefined {
  const wanted = name.toLowerCase();
  return table.columns.find((c) => c.name.toLowerCase() === wanted);
}

/** True when some index lists `columns` as its leading columns, in order (what InnoDB needs for a foreign key). */
export function hasIndexStartingWith(indexes: readonly { columns: readonly string[] }[], columns: readonly string[]): boolean {
  const wanted = columns.map((c) => c.toLowerCase());
  return wanted.length > 0 && indexes.some((index) => wanted.every((name, i) => index.columns[i]?.toLowerCase() === name));
}
