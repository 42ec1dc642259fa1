import { AlterAction, ColumnDefinition } from '../model/changes';
import { findColumn } from '../schema/model';
import {
  ClauseContext, Verdict, atLeast, columnCharset, commonClause, copy, diffColumn, formatType, indexesWith, inplace, instant,
  isTextualType, label, maxByteLength, weakest,
} from './versions';

/**
 * MariaDB (InnoDB) online DDL, clause by clause, as MariaDB 10.11 runs it. Every rule here was checked against a real
 * 10.11 server (test/engine/ddl/mariadbOracle.test.ts), which answers `ALTER …, ALGORITHM=INSTANT|NOCOPY|INPLACE`
 * and `LOCK=NONE` with an error when it cannot. NOCOPY is reported as INPLACE without a rebuild.
 * Older versions are approximated: INSTANT from 10.3.2 (columns appended at the end), 10.4 for the rest.
 */
export function mariadbClause(action: AlterAction, ctx: ClauseContext): Verdict {
  const instantOk = atLeast(ctx.version, '10.3.2');
  const metadata = (reason: string, extra: Partial<Verdict> = {}) => (instantOk ? instant(`${reason} is instant`, false, extra) : inplace(`${reason} only changes metadata, in place`, false, true, extra));
  const table = ctx.table;
  switch (action.kind) {
    case 'add-column': return addColumns([action.column], ctx);
    case 'add-columns': return addColumns(action.columns, ctx);
    case 'drop-column': {
      const name = action.column.name;
      const column = table && findColumn(table, name);
      if (!table || !column) return inplace(`${table ? 'column' : 'table'} not in the schema: dropping ${name} is assumed to rebuild the table (it may be indexed)`, true);
      const indexes = indexesWith(table, name);
      const sharedIndex = indexes.find((i) => i.kind === 'primary' || i.columns.length > 1);
      if (sharedIndex) return inplace(`dropping column ${name} rebuilds the table: it is part of index ${sharedIndex.name} with other columns`, true);
      if (column.definition.generated && !column.definition.generated.stored) {
        return indexes.length > 0 ? inplace(`dropping VIRTUAL column ${name} drops its index in place, without a rebuild`, false) : metadata(`dropping VIRTUAL column ${name}`);
      }
      const refusal = layoutRefusal(ctx);
      if (refusal) return inplace(`dropping column ${name} rebuilds the table: ${refusal}`, true);
      if (indexes.length > 0) return inplace(`dropping column ${name} drops index ${indexes[0].name} in place, without a rebuild`, false, true, { layout: true });
      return instant(`dropping column ${name} is instant`, true, { layout: true });
    }
    case 'rename-column': return metadata(`renaming column ${action.from.name} to ${action.to.name}`);
    case 'modify-column':
    case 'change-column': return modifyColumn(action.kind === 'change-column' ? action.from.name : action.column.name.name, action.column, ctx);
    case 'set-default': return metadata(`setting the default of ${action.column.name}`);
    case 'drop-default': return metadata(`dropping the default of ${action.column.name}`);
    case 'set-visibility': return copy('MariaDB has no ALTER COLUMN … SET VISIBLE/INVISIBLE (use MODIFY … INVISIBLE): the statement fails');
    case 'rename-index': return metadata(`renaming index ${action.from.name}`);
    case 'drop-foreign-key': return metadata(`dropping foreign key ${action.name.name}`);
    case 'drop-check': return metadata(`dropping constraint ${action.name.name}`);
    // MariaDB refuses LOCK=NONE for a rename (it wants LOCK=EXCLUSIVE), though the rename itself is instant.
    case 'rename-table': return metadata(`renaming the table to ${action.to.name}`, { concurrentDml: false });
    case 'convert-charset': return convert(action.charset, action.collate, ctx);
    case 'table-option': return tableOption(action.option.name, action.option.value, ctx);
    default: return commonClause(action, ctx) ?? instant('');
  }
}

/**
 * Statement-level rules: MariaDB cannot combine an instant column add/drop/reorder with ADD INDEX (it rebuilds the
 * table then), and a statement that adds, drops or shifts a VIRTUAL column allows little else in place.
 */
export function mariadbCombine(verdicts: Verdict[], ctx: ClauseContext): Verdict[] {
  let out = virtualColumnRule(verdicts, ctx);
  if (out.some((v) => v.addsIndex)) {
    out = out.map((v) => (v.algorithm === 'INSTANT' && v.layout
      ? { ...v, algorithm: 'INPLACE', rebuildsTable: true, degraded: true, reason: `${v.reason} on its own, but MariaDB rebuilds the table when the same statement adds an index` }
      : v));
  }
  return out;
}

type VirtualRole = 'virtual' | 'shift' | 'stored-drop' | 'stored-add' | 'reorder' | 'index' | 'other';

/**
 * InnoDB's rule for a statement that adds or drops a VIRTUAL column or changes the position of one (a column added in
 * front of it, dropped from in front of it, moved across it): besides that, only plain secondary indexes may be added
 * or dropped, and, when the column changes are instant, stored columns dropped or reordered. Anything else: COPY.
 */
function virtualColumnRule(verdicts: Verdict[], ctx: ClauseContext): Verdict[] {
  const table = ctx.table;
  if (!table || !table.columns.some((c) => c.definition.generated && !c.definition.generated.stored) && !ctx.statement.some(addsVirtual)) return verdicts;
  const names = table.columns.map((c) => c.name.toLowerCase());
  const isVirtual = (i: number) => !!table.columns[i]?.definition.generated && !table.columns[i].definition.generated?.stored;
  const lastVirtual = Math.max(-1, ...names.map((_, i) => (isVirtual(i) ? i : -1)));
  /** Index at which a column placed with `position` lands (before removing anything). */
  const landing = (position: ColumnDefinition['position']) => (!position ? names.length : position.kind === 'first' ? 0 : names.indexOf(position.column.name.toLowerCase()) + 1);
  const virtualsBefore = (at: number, skip = -1) => names.filter((_, i) => i < at && i !== skip && isVirtual(i)).length;
  const role = (a: AlterAction): VirtualRole => {
    switch (a.kind) {
      case 'add-column':
      case 'add-columns': {
        const columns = a.kind === 'add-column' ? [a.column] : a.columns;
        const shifts = columns.some((c) => landing(c.position) <= lastVirtual);
        if (columns.every((c) => c.generated && !c.generated.stored)) return shifts ? 'shift' : 'virtual';
        return shifts ? 'shift' : 'stored-add';
      }
      case 'drop-column': {
        const i = names.indexOf(a.column.name.toLowerCase());
        return isVirtual(i) ? 'virtual' : i >= 0 && i < lastVirtual ? 'stored-drop' : 'other';
      }
      case 'modify-column':
      case 'change-column': {
        const i = names.indexOf((a.kind === 'change-column' ? a.from.name : a.column.name.name).toLowerCase());
        if (!a.column.position || i < 0) return 'other';
        return virtualsBefore(i) !== virtualsBefore(landing(a.column.position), i) ? 'shift' : 'reorder';
      }
      case 'add-index': return a.index.kind === 'index' ? 'index' : 'other';
      case 'drop-index': return 'index';
      default: return 'other';
    }
  };
  const roles = ctx.statement.map(role);
  if (!roles.some((r) => r === 'virtual' || r === 'shift' || r === 'stored-drop')) return verdicts;
  // The stored-column changes pass only when InnoDB can do them instantly: no index is added, nothing is rebuilt.
  const instantColumns = !ctx.statement.some((a) => a.kind === 'add-index') && !verdicts.some((v, i) => (roles[i] === 'stored-drop' || roles[i] === 'reorder') && v.rebuildsTable);
  const allowed = (r: VirtualRole) => r === 'virtual' || r === 'index' || ((r === 'stored-drop' || r === 'reorder') && instantColumns);
  return verdicts.map((v, i) => (allowed(roles[i]) && !ctx.partitioned ? v : copy(roles[i] === 'shift'
    ? `${label(ctx.statement[i])} changes the position of a VIRTUAL column, which copies the table`
    : `${label(ctx.statement[i])} cannot be combined in place with adding, dropping or moving a VIRTUAL column: the table is copied`)));
}

function addsVirtual(a: AlterAction): boolean {
  const columns = a.kind === 'add-column' ? [a.column] : a.kind === 'add-columns' ? a.columns : [];
  return columns.some((c) => c.generated && !c.generated.stored);
}

/** Why the table refuses instant column add/drop/reorder. */
function layoutRefusal(ctx: ClauseContext): string | undefined {
  if (ctx.hasFulltext) return 'the table has a FULLTEXT index (hidden FTS_DOC_ID column)';
  if (ctx.compressed) return 'the table is ROW_FORMAT=COMPRESSED';
  if (!atLeast(ctx.version, '10.4')) return 'instant column add/drop/reorder beyond appending needs MariaDB 10.4';
  return undefined;
}

/** A default expression the server must evaluate per row: one that reads a column or a per-row generator. */
function perRowDefault(text: string, ctx: ClauseContext, added: ColumnDefinition[]): boolean {
  if (/\b(UUID|UUID_SHORT|SYS_GUID|NEXTVAL|LASTVAL|SETVAL)\s*\(|\bNEXT\s+VALUE\s+FOR\b|\bPREVIOUS\s+VALUE\s+FOR\b/i.test(text)) return true;
  const stripped = text.replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"/g, "''");
  const names = [...(ctx.table?.columns.map((c) => c.name) ?? []), ...added.map((c) => c.name.name)];
  return names.some((n) => new RegExp(`(^|[^\\w$])\`?${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`?(?![\\w$(])`, 'i').test(stripped));
}

function addColumns(columns: ColumnDefinition[], ctx: ClauseContext): Verdict {
  const last = ctx.table?.columns[ctx.table.columns.length - 1]?.name.toLowerCase();
  return weakest(columns.map((c) => {
    const name = c.name.name;
    if (c.generated?.stored) return copy(`adding STORED generated column ${name} copies the table`);
    if (c.generated) return atLeast(ctx.version, '10.3.2') ? instant(`adding VIRTUAL column ${name} is instant`) : inplace(`adding VIRTUAL column ${name} only changes metadata, in place`, false);
    if (c.default?.kind === 'expression' && perRowDefault(c.default.text, ctx, columns)) return copy(`adding column ${name} with DEFAULT ${c.default.text}, evaluated per row, copies the table`);
    if (c.autoIncrement) return inplace(`adding AUTO_INCREMENT column ${name} rebuilds the table and blocks writes`, true, false);
    if (c.primaryKey || c.unique) return inplace(`adding column ${name} with a ${c.primaryKey ? 'PRIMARY KEY' : 'UNIQUE index'} rebuilds the table in place`, true, true, { addsIndex: c.unique });
    const atEnd = !c.position || (c.position.kind === 'after' && c.position.column.name.toLowerCase() === last);
    const refusal = ctx.hasFulltext || ctx.compressed || !atEnd ? layoutRefusal(ctx) : !atLeast(ctx.version, '10.3.2') ? 'MariaDB before 10.3.2 has no instant ADD COLUMN' : undefined;
    if (refusal) return inplace(`adding column ${name} rebuilds the table: ${refusal}`, true);
    return instant(`adding column ${name}${atEnd ? ' at the end' : ''} is instant`, true, { layout: true });
  }));
}

/** VARCHAR extension (and utf8mb3 → utf8mb4) stays instant unless it moves the maximum from 128–255 bytes to over 255. */
function lengthVerdict(name: string, from: string, to: string, oldBytes: number, newBytes: number, ctx: ClauseContext): Verdict {
  const what = `${name} from ${from} to ${to} (${oldBytes} to ${newBytes} bytes)`;
  if (newBytes < oldBytes) return copy(`shrinking ${what} copies the table`);
  // Records of a column of at most 127 bytes have 1-byte lengths, which a 2-byte-length column also reads.
  const fits = ctx.redundant || oldBytes > 255 || newBytes <= 255 || oldBytes <= 127;
  if (fits && atLeast(ctx.version, '10.4')) return instant(`extending ${what} is instant`);
  return copy(`extending ${what} changes how row lengths are stored (over 255 bytes, from more than 127), which copies the table`);
}

function modifyColumn(from: string, column: ColumnDefinition, ctx: ClauseContext): Verdict {
  const name = column.name.name;
  const old = ctx.table && findColumn(ctx.table, from);
  if (!ctx.table || !old) return copy(`${ctx.table ? `column ${from}` : `table ${ctx.tableName}`} not in the schema: the change to ${name} is assumed to change its type, which copies the table`);
  const d = diffColumn(old.definition, column, ctx.table, 'mariadb');
  const oldType = formatType(old.definition.type);
  const newType = formatType(column.type);
  const indexed = indexesWith(ctx.table, from).length > 0;
  const parts: Verdict[] = [];
  if (!d.sameType) {
    if (d.length) parts.push(lengthVerdict(name, oldType, newType, d.length.oldBytes, d.length.newBytes, ctx));
    else if (d.membersAppended?.storageSame) parts.push(instant(`appending members to ${name} is instant`));
    else if (d.collationOnly && indexed) parts.push(inplace(`changing the collation of indexed column ${name} rebuilds its indexes in place, not the table`, false));
    else if (d.collationOnly) parts.push(instant(`changing the collation of ${name} is instant`));
    else if (d.widenedCharset && column.type.name !== 'ENUM' && column.type.name !== 'SET') parts.push(instant(`changing the character set of ${name} to utf8mb4 is instant`));
    else parts.push(copy(`changing the column type from ${oldType} to ${newType} copies the table`));
  }
  if (d.autoIncrementAdded) parts.push(copy(`adding AUTO_INCREMENT to ${name} copies the table`));
  if (d.generated === 'stored' && d.generatedChanged) parts.push(copy(`changing STORED generated column ${name} copies the table`));
  if (d.generated === 'virtual' && d.moved) parts.push(copy(`moving VIRTUAL column ${name} copies the table`));
  const storedGenerated = ctx.table.columns.some((c) => c.definition.generated?.stored);
  if (d.nullability === 'to-not-null' && storedGenerated) parts.push(copy(`making ${name} NOT NULL in a table with a STORED generated column copies the table`));
  else if (d.nullability === 'to-nullable' && ctx.redundant) parts.push(instant(`making ${name} NULL in a ROW_FORMAT=REDUNDANT table is instant`));
  else if (d.nullability) parts.push(inplace(`making ${name} ${d.nullability === 'to-nullable' ? 'NULL' : 'NOT NULL'} rebuilds the table in place`, true));
  if (d.moved && d.generated !== 'virtual') {
    const refusal = layoutRefusal(ctx);
    parts.push(refusal ? inplace(`moving ${name} rebuilds the table: ${refusal}`, true) : instant(`moving ${name} with ${column.position?.kind === 'first' ? 'FIRST' : 'AFTER'} is instant`, true, { layout: true }));
  }
  if (d.renamed) parts.push(instant(`renaming column ${from} to ${name} is instant`));
  if (d.defaultChanged) parts.push(instant(`changing the default of ${name} is instant`));
  if (parts.length === 0) parts.push(instant(`redefining ${name} without changing its storage is instant`));
  return weakest(parts);
}

function convert(charset: string, collate: string | undefined, ctx: ClauseContext): Verdict {
  const target = charset === 'utf8' ? 'utf8mb3' : charset;
  if (!ctx.table) return copy(`table not in the schema: converting it to CHARACTER SET ${charset} is assumed to copy the table`);
  const parts: Verdict[] = [instant(`converting the table to CHARACTER SET ${charset} is instant: no column changes its storage`)];
  for (const column of ctx.table.columns) {
    const type = column.definition.type;
    if (!isTextualType(type)) continue;
    const before = columnCharset(type, ctx.table, 'mariadb');
    const after = columnCharset({ ...type, charset: target, collate }, undefined, 'mariadb');
    const indexed = indexesWith(ctx.table, column.name).length > 0;
    if (before.charset === target) {
      if (before.collation !== after.collation && indexed) parts.push(inplace(`converting changes the collation of indexed column ${column.name}, which rebuilds its indexes in place`, false));
    } else if (before.charset === 'utf8mb3' && target === 'utf8mb4') {
      const oldBytes = maxByteLength(type, 'utf8mb3');
      const newBytes = maxByteLength(type, 'utf8mb4');
      if (oldBytes !== undefined && newBytes !== undefined && ['CHAR', 'VARCHAR'].includes(type.name)) parts.push(lengthVerdict(column.name, `${formatType(type)} utf8mb3`, 'utf8mb4', oldBytes, newBytes, ctx));
      // CONVERT TO widens TINYTEXT/TEXT/MEDIUMTEXT to the next type so that they keep their length in characters.
      else if (type.name !== 'LONGTEXT') parts.push(copy(`converting ${type.name} column ${column.name} from utf8mb3 to utf8mb4 changes its type to hold as many characters, which copies the table`));
    } else {
      parts.push(copy(`converting column ${column.name} from ${before.charset} to ${target} copies the table`));
    }
  }
  return weakest(parts);
}

function tableOption(option: string, value: string, ctx: ClauseContext): Verdict {
  switch (option) {
    case 'ENGINE':
      // The server ignores ALGORITHM= when the engine changes, so a request is never refused; the data is copied.
      return value.toLowerCase() === (ctx.table?.options.get('ENGINE')?.toLowerCase() ?? 'innodb')
        ? inplace(`ENGINE=${value} on a table already in ${value} rebuilds it in place`, true)
        : copy(`changing the storage engine to ${value} copies the table`);
    case 'CHARSET':
    case 'COLLATE':
    case 'AUTO_INCREMENT':
    case 'COMMENT':
    case 'STATS_PERSISTENT':
    case 'STATS_AUTO_RECALC':
    case 'STATS_SAMPLE_PAGES':
      return instant(`${option === 'CHARSET' ? 'CHARACTER SET' : option}=${value} only changes metadata: instant`);
    case 'ROW_FORMAT':
    case 'KEY_BLOCK_SIZE':
      return inplace(`${option}=${value} rebuilds the table in place`, true);
    default:
      return copy(`table option ${option} is not analysed: assumed to copy the table`);
  }
}
