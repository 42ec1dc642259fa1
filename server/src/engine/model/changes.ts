/**
 * The engine's typed model of what a migration statement does to the schema. Both readers produce it: the
 * node-sql-parser adapter (sql/parserAdapter.ts) and the token-level reader (sql/tokenReader.ts) for statements the
 * parser rejects. Every span is a [start, end) pair of offsets into the analysed text, taken from our own lexer.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Name extends Span {
  /** Unquoted, as MySQL resolves it (case is kept; compare table and column names case-insensitively). */
  name: string;
}

export interface ColumnType {
  /** Upper-case base type with synonyms resolved: INTEGER→INT, BOOL/BOOLEAN→TINYINT, DOUBLE PRECISION/REAL→DOUBLE, DEC/NUMERIC/FIXED→DECIMAL, CHARACTER→CHAR, … */
  name: string;
  /** Numeric arguments: VARCHAR(255) → [255], DECIMAL(10,2) → [10, 2]; empty when none were written. */
  args: number[];
  /** ENUM/SET members, unquoted, in order. */
  values?: string[];
  unsigned?: boolean;
  zerofill?: boolean;
  /** Lower-case charset written on the column (CHARACTER SET / CHARSET, or implied by BINARY/NATIONAL). */
  charset?: string;
  collate?: string;
}

export type DefaultValue =
  | { kind: 'literal'; text: string }
  | { kind: 'null' }
  /** CURRENT_TIMESTAMP / NOW() and friends: allowed without parentheses, and INSTANT-compatible. */
  | { kind: 'current-timestamp'; text: string }
  /** DEFAULT (expression): not INSTANT-compatible. */
  | { kind: 'expression'; text: string };

export interface ColumnDefinition extends Span {
  name: Name;
  type: ColumnType;
  /** true for NULL, false for NOT NULL, undefined when neither was written (MySQL: nullable, except in a PRIMARY KEY). */
  nullable?: boolean;
  default?: DefaultValue;
  autoIncrement?: boolean;
  /** Inline PRIMARY KEY / UNIQUE [KEY] on the column. */
  primaryKey?: boolean;
  unique?: boolean;
  generated?: { stored: boolean };
  /** INVISIBLE (8.0.23+). */
  invisible?: boolean;
  onUpdateCurrentTimestamp?: boolean;
  /** FIRST / AFTER col, in ADD/MODIFY/CHANGE. */
  position?: { kind: 'first' } | { kind: 'after'; column: Name };
  /** Inline `REFERENCES t (c)`: MySQL parses and ignores it (no constraint is created). */
  inlineReferences?: boolean;
  comment?: string;
}

export type IndexKind = 'primary' | 'unique' | 'index' | 'fulltext' | 'spatial';

export interface IndexDefinition extends Span {
  kind: IndexKind;
  name?: Name;
  /** The leading column of each key part, in order; functional key parts have no column. */
  columns: Array<Name | undefined>;
  /** Span of the key-part list, parentheses included. */
  columnsSpan?: Span;
}

export type ReferentialActionName = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export interface ReferentialAction extends Span {
  event: 'DELETE' | 'UPDATE';
  action: ReferentialActionName;
  /** Edits that remove the action in a PHP migration (`->cascadeOnDelete()`, `->onDelete('cascade')`); SQL needs none. */
  phpRemoval?: Array<{ start: number; end: number; newText: string }>;
}

export interface ForeignKeyDefinition extends Span {
  /** CONSTRAINT symbol, if written. */
  constraintName?: Name;
  /** FOREIGN KEY index_name, if written. */
  indexName?: Name;
  columns: Name[];
  referencedTable?: Name;
  referencedColumns: Name[];
  actions: ReferentialAction[];
  /** In a PHP migration, the edits that remove the constraint, with and without keeping an index on its columns. */
  phpRemoval?: { keepingIndex: Array<{ start: number; end: number; newText: string }>; withoutIndex: Array<{ start: number; end: number; newText: string }> };
}

export interface TableOption extends Span {
  /** Upper-case option name with synonyms resolved: ENGINE, CHARSET (for CHARACTER SET / CHARSET), COLLATE, ROW_FORMAT, KEY_BLOCK_SIZE, AUTO_INCREMENT, COMMENT, … */
  name: string;
  /** The value as written, unquoted; lower-case for ENGINE, CHARSET and COLLATE. */
  value: string;
}

/** One clause of an ALTER TABLE, with the span of the whole clause (separating comma excluded). */
export type AlterAction = Span &
  (
    | { kind: 'add-column'; column: ColumnDefinition }
    /** ADD COLUMN (a INT, b INT): several columns in one clause. */
    | { kind: 'add-columns'; columns: ColumnDefinition[] }
    | { kind: 'drop-column'; column: Name }
    | { kind: 'modify-column'; column: ColumnDefinition }
    | { kind: 'change-column'; from: Name; column: ColumnDefinition }
    | { kind: 'rename-column'; from: Name; to: Name }
    | { kind: 'set-default'; column: Name; default: DefaultValue }
    | { kind: 'drop-default'; column: Name }
    | { kind: 'set-visibility'; column: Name; invisible: boolean }
    | { kind: 'add-index'; index: IndexDefinition }
    | { kind: 'drop-index'; name: Name }
    | { kind: 'rename-index'; from: Name; to: Name }
    | { kind: 'drop-primary-key' }
    | { kind: 'add-foreign-key'; foreignKey: ForeignKeyDefinition }
    | { kind: 'drop-foreign-key'; name: Name }
    | { kind: 'add-check' }
    | { kind: 'drop-check'; name: Name }
    | { kind: 'rename-table'; to: Name }
    | { kind: 'convert-charset'; charset: string; collate?: string }
    | { kind: 'table-option'; option: TableOption }
    | { kind: 'algorithm'; value: string }
    | { kind: 'lock'; value: string }
    | { kind: 'force' }
    | { kind: 'order-by' }
    | { kind: 'partitioning' }
    | { kind: 'other'; text: string }
  );

export type AlterActionKind = AlterAction['kind'];

export interface CreateTable {
  kind: 'create-table';
  table: Name;
  ifNotExists: boolean;
  temporary: boolean;
  columns: ColumnDefinition[];
  indexes: IndexDefinition[];
  foreignKeys: ForeignKeyDefinition[];
  options: TableOption[];
  /** CREATE TABLE … LIKE other / AS SELECT: structure not written out. */
  like?: Name;
  asSelect?: boolean;
  partitioned?: boolean;
  /** Every definition of the parenthesised list, in order, with its separating comma: used by fixes. */
  definitions: Array<Span & { commaAfter?: Span }>;
}

export interface AlterTable {
  kind: 'alter-table';
  table: Name;
  actions: AlterAction[];
  /** The separating comma after each action (undefined after the last), aligned with `actions`. */
  commasAfter: Array<Span | undefined>;
}

export interface CreateIndex {
  kind: 'create-index';
  table: Name;
  index: IndexDefinition;
  algorithm?: string;
  lock?: string;
}

export interface DropIndex {
  kind: 'drop-index';
  table: Name;
  name: Name;
  algorithm?: string;
  lock?: string;
}

export interface DropTable {
  kind: 'drop-table';
  tables: Name[];
  ifExists: boolean;
  temporary: boolean;
}

export interface RenameTable {
  kind: 'rename-table';
  pairs: Array<{ from: Name; to: Name }>;
}

export interface TruncateTable {
  kind: 'truncate-table';
  table: Name;
}

/** Objects PlanetScale does not support, and views (whose DDL the rules mostly leave alone). */
export interface RoutineOrObject {
  kind: 'create-object' | 'drop-object';
  objectType: 'TRIGGER' | 'PROCEDURE' | 'FUNCTION' | 'EVENT' | 'VIEW' | 'DATABASE' | 'SCHEMA';
  name?: Name;
  /** Span of the words that name the object type (e.g. `TRIGGER`), for precise diagnostics. */
  keyword: Span;
}

/** Data changes (INSERT/UPDATE/DELETE/REPLACE), session statements (SET, USE, LOCK TABLES), SELECTs, … */
export interface OtherStatement {
  kind: 'dml' | 'session' | 'query' | 'other';
  /** The leading keyword, upper-case. */
  verb: string;
}

/** A statement that neither reader could make sense of. */
export interface Unreadable {
  kind: 'unreadable';
  reason: string;
}

export type SchemaChange =
  | CreateTable
  | AlterTable
  | CreateIndex
  | DropIndex
  | DropTable
  | RenameTable
  | TruncateTable
  | RoutineOrObject
  | OtherStatement
  | Unreadable;
