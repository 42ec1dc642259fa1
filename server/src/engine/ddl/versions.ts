import { AlterAction, ColumnDefinition, ColumnType } from '../model/changes';
import { Schema, SchemaTable } from '../schema/model';
import type { Algorithm } from './onlineDdl';

/**
 * Server versions, character sets and column storage, and the verdict vocabulary: what both the MySQL rules
 * (onlineDdl.ts) and the MariaDB rules (mariadbDdl.ts) share.
 */

/** Parses '8.0.35' / '5.7' / '10.11.6-MariaDB' / '8.0.35-27' into comparable numbers ([8, 0, 35]); [] when no number leads. */
export function parseVersion(v: string): number[] {
  const match = /^\s*v?(\d+(?:\.\d+)*)/i.exec(v);
  return match ? match[1].split('.').map(Number) : [];
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`; missing parts count as 0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function atLeast(version: readonly number[], minimum: string): boolean {
  return compareVersions(version, parseVersion(minimum)) >= 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Character sets

const CHARSET_ALIASES: Record<string, string> = { utf8: 'utf8mb3' };

/** Maximum bytes per character. Unknown character sets count as 4 (the widest), which errs towards "crosses". */
const MAX_BYTES: Record<string, number> = {
  utf8mb4: 4, utf8mb3: 3, utf16: 4, utf16le: 4, utf32: 4, ucs2: 2, gb18030: 4, ujis: 3, eucjpms: 3,
  gbk: 2, gb2312: 2, big5: 2, sjis: 2, cp932: 2, euckr: 2,
  latin1: 1, latin2: 1, latin5: 1, latin7: 1, ascii: 1, binary: 1, cp1250: 1, cp1251: 1, cp1256: 1, cp1257: 1,
  cp850: 1, cp852: 1, cp866: 1, dec8: 1, greek: 1, hebrew: 1, hp8: 1, keybcs2: 1, koi8r: 1, koi8u: 1, macce: 1,
  macroman: 1, swe7: 1, tis620: 1, armscii8: 1, geostd8: 1,
};

export function normalizeCharset(charset: string): string {
  const lower = charset.toLowerCase();
  return CHARSET_ALIASES[lower] ?? lower;
}

export function maxBytesPerChar(charset: string): number {
  return MAX_BYTES[normalizeCharset(charset)] ?? 4;
}

/** 'utf8mb4_bin' → 'utf8mb4'; 'utf8_general_ci' → 'utf8mb3'; 'binary' → 'binary'. */
export function charsetOfCollation(collation: string): string {
  const lower = collation.toLowerCase();
  return normalizeCharset(lower === 'binary' ? 'binary' : lower.split('_')[0]);
}

function normalizeCollation(collation: string): string {
  const lower = collation.toLowerCase();
  return lower.startsWith('utf8_') ? `utf8mb3_${lower.slice(5)}` : lower;
}

export type Flavor = 'mysql8' | 'mysql57' | 'mariadb';

/** The server's default character set when neither the column nor the table names one. */
export function defaultCharset(flavor: Flavor): string {
  // MySQL 5.7's compiled-in default is latin1; MySQL 8.0's is utf8mb4. MariaDB's compiled-in default is latin1, but
  // the distributions' packages (Debian's 10.11 among them) configure utf8mb4, which is also the safer guess here.
  return flavor === 'mysql57' ? 'latin1' : 'utf8mb4';
}

const COLLATIONS = { utf8mb4: 'utf8mb4_general_ci', utf8mb3: 'utf8mb3_general_ci', latin1: 'latin1_swedish_ci', ascii: 'ascii_general_ci', binary: 'binary' };
const DEFAULT_COLLATIONS: Record<Flavor, Record<string, string>> = { mysql8: { ...COLLATIONS, utf8mb4: 'utf8mb4_0900_ai_ci' }, mysql57: COLLATIONS, mariadb: COLLATIONS };

// ---------------------------------------------------------------------------------------------------------------
// Column types

const TEXTUAL = new Set(['CHAR', 'VARCHAR', 'TINYTEXT', 'TEXT', 'MEDIUMTEXT', 'LONGTEXT', 'ENUM', 'SET']);
const BINARY_STRINGS = new Set(['BINARY', 'VARBINARY', 'TINYBLOB', 'BLOB', 'MEDIUMBLOB', 'LONGBLOB']);
const INTEGERS = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'BIGINT', 'YEAR']);

export function isTextualType(type: ColumnType): boolean {
  return TEXTUAL.has(type.name);
}

/** The column's effective character set and collation, resolved the way the server does for a new definition. */
export function columnCharset(type: ColumnType, table: SchemaTable | undefined, flavor: Flavor): { charset: string; collation: string } {
  if (BINARY_STRINGS.has(type.name)) return { charset: 'binary', collation: 'binary' };
  const tableCharset = table?.options.get('CHARSET');
  const tableCollate = table?.options.get('COLLATE');
  const tableDefault = tableCharset ? normalizeCharset(tableCharset) : tableCollate ? charsetOfCollation(tableCollate) : defaultCharset(flavor);
  const explicit = type.charset ?? (type.collate && type.collate !== 'binary' ? charsetOfCollation(type.collate) : undefined);
  const charset = explicit ? normalizeCharset(explicit) : tableDefault;
  let collation = type.collate && type.collate !== 'binary' ? normalizeCollation(type.collate) : undefined;
  if (type.collate === 'binary') collation = `${charset}_bin`;
  if (!collation && !explicit && tableCollate && charsetOfCollation(tableCollate) === charset) collation = normalizeCollation(tableCollate);
  return { charset, collation: collation ?? DEFAULT_COLLATIONS[flavor][charset] ?? `${charset}_default` };
}

/** Type arguments with MySQL's implied defaults filled in and integer display widths dropped. */
function normalizedArgs(type: ColumnType): number[] {
  if (INTEGERS.has(type.name)) return [];
  if (type.name === 'DECIMAL') return [type.args[0] ?? 10, type.args[1] ?? 0];
  if (['CHAR', 'BINARY', 'BIT'].includes(type.name)) return [type.args[0] ?? 1];
  if (['DATETIME', 'TIME', 'TIMESTAMP'].includes(type.name)) return [type.args[0] ?? 0];
  return type.args;
}

/** VARCHAR/VARBINARY/CHAR/BINARY maximum length in bytes (characters × the charset's maximum). */
export function maxByteLength(type: ColumnType, charset: string): number | undefined {
  const chars = type.args[0] ?? (type.name === 'CHAR' || type.name === 'BINARY' ? 1 : undefined);
  if (chars === undefined) return undefined;
  return BINARY_STRINGS.has(type.name) ? chars : chars * maxBytesPerChar(charset);
}

/** Bytes an ENUM or SET of `members` members takes in a row. */
export function memberStorageBytes(kind: 'ENUM' | 'SET', members: number): number {
  if (kind === 'ENUM') return members <= 255 ? 1 : 2;
  const bytes = Math.ceil(members / 8);
  return bytes <= 4 ? Math.max(bytes, 1) : 8;
}

export function formatType(type: ColumnType): string {
  const members = type.values ? `(${type.values.map((v) => `'${v}'`).join(',')})` : '';
  const args = type.args.length > 0 ? `(${type.args.join(',')})` : '';
  return `${type.name}${members || args}${type.unsigned ? ' UNSIGNED' : ''}`;
}

/** How a MODIFY/CHANGE definition differs from the column it replaces. */
export interface ColumnDiff {
  renamed: boolean;
  /** FIRST / AFTER was written. */
  moved: boolean;
  /** Same base type, arguments, signedness, members, character set and collation. */
  sameType: boolean;
  /** Only the length of a VARCHAR/VARBINARY (or CHAR in a multi-byte charset) changed, possibly with the charset. */
  length?: { oldBytes: number; newBytes: number };
  /** utf8mb3 → utf8mb4 (alone or with a length change). */
  widenedCharset: boolean;
  /** Same character set, another collation, nothing else about the type. */
  collationOnly: boolean;
  /** ENUM/SET members appended at the end; storageSame when the row size stays the same. */
  membersAppended?: { storageSame: boolean };
  nullability?: 'to-nullable' | 'to-not-null';
  autoIncrementAdded: boolean;
  /** A generated column became stored/virtual/plain or stayed generated (whose expression the model does not keep). */
  generated?: 'stored' | 'virtual';
  generatedChanged: boolean;
  defaultChanged: boolean;
  newDefaultIsExpression: boolean;
}

export function isNullable(definition: ColumnDefinition, table: SchemaTable | undefined): boolean {
  if (definition.nullable !== undefined) return definition.nullable;
  if (definition.primaryKey) return false;
  const name = definition.name.name.toLowerCase();
  return !table?.indexes.some((i) => i.kind === 'primary' && i.columns.some((c) => c.toLowerCase() === name));
}

function defaultText(definition: ColumnDefinition): string {
  const d = definition.default;
  if (!d) return '';
  return d.kind === 'null' ? 'NULL' : `${d.kind}:${d.text.replace(/\s+/g, ' ').toLowerCase()}`;
}

export function diffColumn(before: ColumnDefinition, after: ColumnDefinition, table: SchemaTable | undefined, flavor: Flavor): ColumnDiff {
  const a = before.type;
  const b = after.type;
  const textual = isTextualType(a) && isTextualType(b);
  const ca = columnCharset(a, table, flavor);
  const cb = columnCharset(b, table, flavor);
  const sameBase = a.name === b.name && !!a.unsigned === !!b.unsigned && !!a.zerofill === !!b.zerofill;
  const sameArgs = JSON.stringify(normalizedArgs(a)) === JSON.stringify(normalizedArgs(b));
  const sameMembers = JSON.stringify(a.values ?? []) === JSON.stringify(b.values ?? []);
  const sameCharset = !textual || ca.charset === cb.charset;
  const sameCollation = !textual || ca.collation === cb.collation;
  const widenedCharset = textual && ca.charset === 'utf8mb3' && cb.charset === 'utf8mb4';
  const diff: ColumnDiff = {
    renamed: before.name.name.toLowerCase() !== after.name.name.toLowerCase(),
    moved: after.position !== undefined,
    sameType: sameBase && sameArgs && sameMembers && sameCharset && sameCollation,
    widenedCharset: sameBase && sameMembers && widenedCharset,
    collationOnly: sameBase && sameArgs && sameMembers && sameCharset && !sameCollation,
    autoIncrementAdded: !before.autoIncrement && !!after.autoIncrement,
    generatedChanged: !!before.generated !== !!after.generated || (!!before.generated && before.generated.stored !== after.generated?.stored) || (!!after.generated && !!before.generated),
    defaultChanged: defaultText(before) !== defaultText(after),
    newDefaultIsExpression: after.default?.kind === 'expression',
  };
  if (before.generated?.stored || after.generated?.stored) diff.generated = 'stored';
  else if (before.generated || after.generated) diff.generated = 'virtual';
  const lengthTypes = ['VARCHAR', 'VARBINARY', 'CHAR'];
  if (sameBase && lengthTypes.includes(a.name) && (sameCharset || widenedCharset) && (!sameArgs || widenedCharset)) {
    const oldBytes = maxByteLength(a, ca.charset);
    const newBytes = maxByteLength(b, cb.charset);
    // CHAR keeps fixed-length storage in single-byte character sets: only multi-byte CHAR behaves like VARCHAR.
    const fixedChar = a.name === 'CHAR' && (maxBytesPerChar(ca.charset) === 1 || !sameArgs);
    if (oldBytes !== undefined && newBytes !== undefined && !fixedChar) diff.length = { oldBytes, newBytes };
  }
  if (sameBase && (a.name === 'ENUM' || a.name === 'SET') && sameCharset && sameCollation && !sameMembers) {
    const old = a.values ?? [];
    const next = b.values ?? [];
    if (next.length > old.length && old.every((v, i) => next[i] === v)) {
      const kind = a.name;
      diff.membersAppended = { storageSame: memberStorageBytes(kind, old.length) === memberStorageBytes(kind, next.length) };
    }
  }
  const wasNullable = isNullable(before, table);
  const nowNullable = isNullable(after, table);
  if (wasNullable !== nowNullable) diff.nullability = nowNullable ? 'to-nullable' : 'to-not-null';
  return diff;
}

// ---------------------------------------------------------------------------------------------------------------
// Verdicts: what one clause costs, with what the statement-level rules need to combine them.

export interface Verdict {
  algorithm: Algorithm;
  rebuildsTable: boolean;
  concurrentDml: boolean;
  reason: string;
  /** For an INSTANT verdict: whether the clause rebuilds the table when it has to run INPLACE instead. */
  inplaceRebuilds?: boolean;
  /** MariaDB: an instant add/drop/reorder of columns (it changes the clustered index format). */
  layout?: boolean;
  /** Adds a secondary (non-primary) index. */
  addsIndex?: boolean;
  /** Why PlanetScale/Vitess would not run this clause as an instant deploy although the server could. */
  vitessRefuses?: string;
  /** The clause was weakened by the rest of the statement or by an explicit ALGORITHM. */
  degraded?: boolean;
}

export const RANK: Record<Algorithm, number> = { COPY: 0, INPLACE: 1, INSTANT: 2 };

export function instant(reason: string, inplaceRebuilds = false, extra: Partial<Verdict> = {}): Verdict {
  return { algorithm: 'INSTANT', rebuildsTable: false, concurrentDml: true, reason, inplaceRebuilds, ...extra };
}

export function inplace(reason: string, rebuildsTable: boolean, concurrentDml = true, extra: Partial<Verdict> = {}): Verdict {
  return { algorithm: 'INPLACE', rebuildsTable, concurrentDml, reason, ...extra };
}

export function copy(reason: string, extra: Partial<Verdict> = {}): Verdict {
  return { algorithm: 'COPY', rebuildsTable: true, concurrentDml: false, reason, ...extra };
}

/** Several facets of one clause: the weakest algorithm (its reason first), a rebuild if any, DML only if all allow. */
export function weakest(verdicts: Verdict[]): Verdict {
  const sorted = [...verdicts].sort((a, b) => RANK[a.algorithm] - RANK[b.algorithm]);
  const worst = sorted[0];
  const others = sorted.slice(1).filter((v) => v.algorithm === worst.algorithm && v.reason !== worst.reason);
  return {
    ...worst,
    reason: [worst.reason, ...others.map((v) => v.reason)].join('; '),
    rebuildsTable: verdicts.some((v) => v.rebuildsTable),
    concurrentDml: verdicts.every((v) => v.concurrentDml),
    inplaceRebuilds: verdicts.some((v) => v.inplaceRebuilds || v.rebuildsTable),
    layout: verdicts.some((v) => v.layout),
    addsIndex: verdicts.some((v) => v.addsIndex),
    vitessRefuses: verdicts.find((v) => v.vitessRefuses)?.vitessRefuses,
  };
}

/** What the clause rules know about the statement and the table before it. */
export interface ClauseContext {
  schema: Schema;
  tableName: string;
  table?: SchemaTable;
  flavor: Flavor;
  version: number[];
  /** Every operation clause of the statement (ALGORITHM/LOCK excluded). */
  statement: AlterAction[];
  hasFulltext: boolean;
  /** A FULLTEXT / SPATIAL index that the statement does not drop: an in-place rebuild then blocks writes. */
  fulltextSurvives: boolean;
  spatialSurvives: boolean;
  compressed: boolean;
  redundant: boolean;
  partitioned: boolean;
  /** A foreign key of this table with ON DELETE/UPDATE CASCADE or SET NULL. */
  cascadingForeignKey: boolean;
}

/** True when an index of the table (before the statement) contains the column. */
export function indexesWith(table: SchemaTable, column: string): SchemaTable['indexes'] {
  const wanted = column.toLowerCase();
  return table.indexes.filter((i) => i.columns.some((c) => c.toLowerCase() === wanted));
}

/** A foreign key of another table that references `table.column` (MySQL then refuses an INSTANT rename). */
export function referencingForeignKey(schema: Schema, table: string, column: string): string | undefined {
  for (const other of schema.all()) {
    for (const fk of other.foreignKeys) {
      if (fk.referencedTable?.toLowerCase() !== table.toLowerCase()) continue;
      if (fk.definition.referencedColumns.some((c) => c.name.toLowerCase() === column.toLowerCase())) return `${other.name}${fk.name ? `.${fk.name}` : ''}`;
    }
  }
  return undefined;
}

/** A short name for the clause, as the author would recognise it. */
export function label(action: AlterAction): string {
  switch (action.kind) {
    case 'add-column': return `ADD COLUMN ${action.column.name.name}`;
    case 'add-columns': return `ADD COLUMN (${action.columns.map((c) => c.name.name).join(', ')})`;
    case 'drop-column': return `DROP COLUMN ${action.column.name}`;
    case 'modify-column': return `MODIFY ${action.column.name.name}`;
    case 'change-column': return `CHANGE ${action.from.name} ${action.column.name.name}`;
    case 'rename-column': return `RENAME COLUMN ${action.from.name} TO ${action.to.name}`;
    case 'set-default': return `ALTER COLUMN ${action.column.name} SET DEFAULT`;
    case 'drop-default': return `ALTER COLUMN ${action.column.name} DROP DEFAULT`;
    case 'set-visibility': return `ALTER COLUMN ${action.column.name} SET ${action.invisible ? 'INVISIBLE' : 'VISIBLE'}`;
    case 'add-index': {
      const kind = { primary: 'PRIMARY KEY', unique: 'UNIQUE INDEX', index: 'INDEX', fulltext: 'FULLTEXT INDEX', spatial: 'SPATIAL INDEX' }[action.index.kind];
      return `ADD ${kind}${action.index.name ? ` ${action.index.name.name}` : ''}`;
    }
    case 'drop-index': return `DROP INDEX ${action.name.name}`;
    case 'rename-index': return `RENAME INDEX ${action.from.name} TO ${action.to.name}`;
    case 'drop-primary-key': return 'DROP PRIMARY KEY';
    case 'add-foreign-key': return `ADD FOREIGN KEY${action.foreignKey.constraintName ? ` ${action.foreignKey.constraintName.name}` : ''}`;
    case 'drop-foreign-key': return `DROP FOREIGN KEY ${action.name.name}`;
    case 'add-check': return 'ADD CHECK';
    case 'drop-check': return `DROP CHECK ${action.name.name}`;
    case 'rename-table': return `RENAME TO ${action.to.name}`;
    case 'convert-charset': return `CONVERT TO CHARACTER SET ${action.charset}`;
    case 'table-option': return `${action.option.name}=${action.option.value}`;
    case 'algorithm': return `ALGORITHM=${action.value}`;
    case 'lock': return `LOCK=${action.value}`;
    case 'force': return 'FORCE';
    case 'order-by': return 'ORDER BY';
    case 'partitioning': return 'the partitioning clause';
    case 'other': return action.text.length > 40 ? `${action.text.slice(0, 40)}…` : action.text;
  }
}

/** Clauses both engines run the same way; undefined for the others. */
export function commonClause(action: AlterAction, ctx: ClauseContext): Verdict | undefined {
  switch (action.kind) {
    case 'add-index': {
      const what = action.index.name ? ` ${action.index.name.name}` : '';
      if (action.index.kind === 'primary') return inplace('adding a primary key rebuilds the table in place', true);
      if (action.index.kind === 'spatial') return inplace(`adding SPATIAL index${what} builds it in place; writes wait`, false, false);
      if (action.index.kind !== 'fulltext') return inplace(`adding ${action.index.kind === 'unique' ? 'unique ' : ''}index${what} builds it in place, without a rebuild`, false, true, { addsIndex: true });
      if (ctx.statement.filter((a) => a.kind === 'add-index' && a.index.kind === 'fulltext').length > 1) return copy('adding more than one FULLTEXT index in one statement copies the table');
      if (ctx.hasFulltext) return inplace(`adding FULLTEXT index${what} builds it in place; writes wait`, false, false);
      const unknown = ctx.table ? '' : ' (the table is not in the schema: assumed to be its first)';
      return inplace(`adding the table's first FULLTEXT index${what} rebuilds the table (hidden FTS_DOC_ID column)${unknown}; writes wait`, true, false);
    }
    case 'drop-index': return inplace(`dropping index ${action.name.name} only changes metadata, in place`, false);
    case 'drop-primary-key':
      return ctx.statement.some((a) => a.kind === 'add-index' && a.index.kind === 'primary')
        ? inplace('replacing the primary key in one statement rebuilds the table in place', true)
        : copy('dropping the primary key without adding one copies the table');
    case 'add-foreign-key': return copy('adding a foreign key copies the table: INPLACE needs foreign_key_checks=0, and it is 1 by default');
    case 'add-check': return copy('adding a CHECK constraint copies the table to validate every row');
    case 'force': return inplace('FORCE rebuilds the table in place', true);
    case 'order-by': return copy('ORDER BY copies the table');
    case 'partitioning': return copy('partitioning clauses are not analysed: assumed to copy the table', { vitessRefuses: 'a partitioning clause' });
    case 'other':
      if (/^ALTER\s+INDEX\b/i.test(action.text)) return inplace('changing index visibility only changes metadata, in place', false);
      return copy(`"${label(action)}" is not analysed: assumed to copy the table`);
    default: return undefined;
  }
}
