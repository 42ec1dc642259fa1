import { AlterAction, ColumnDefinition, SchemaChange, Span } from '../model/changes';
import { Schema, findColumn } from '../schema/model';
import { Target } from '../types';
import { mariadbClause, mariadbCombine } from './mariadbDdl';
import {
  ClauseContext, Flavor, RANK, Verdict, atLeast, commonClause, copy, diffColumn, formatType, indexesWith, inplace, instant, label,
  parseVersion, referencingForeignKey, weakest,
} from './versions';

/**
 * How the server would run a DDL statement online: the algorithm it picks (INSTANT, INPLACE, COPY), whether it
 * rebuilds the table and whether writes may continue meanwhile. MySQL targets follow the MySQL 8.0 (or 5.7) online
 * DDL tables; the `mariadb` target follows MariaDB 10.11, checked against a real server (mariadbDdl.ts).
 */

export { parseVersion } from './versions';

export type Algorithm = 'INSTANT' | 'INPLACE' | 'COPY';

export interface DdlOptions {
  target: Target;
  /** MySQL version for every target but mariadb, e.g. '8.0.35' (default), '8.0.28', '5.7.44'. */
  mysqlVersion?: string;
  /** For target mariadb; default '10.11'. */
  mariadbVersion?: string;
}

export interface ActionClass extends Span {
  /**
   * The best algorithm the server would pick for this clause within its statement: on MySQL an instant clause of an
   * in-place statement runs in place (in a COPY statement clauses keep their own verdict; the COPY clause decides).
   */
  algorithm: Algorithm;
  rebuildsTable: boolean;
  concurrentDml: boolean;
  /** Short human reason, e.g. 'changing the column type from INT to BIGINT copies the table'. */
  reason: string;
}

export interface DdlClassification {
  /** 'NONE' when the statement touches no existing table: CREATE TABLE, CREATE/DROP of views/routines, DML, SET, queries, … */
  algorithm: Algorithm | 'NONE';
  rebuildsTable: boolean;
  concurrentDml: boolean;
  /** One per ALTER clause (ALGORITHM= and LOCK= excluded), or one for CREATE INDEX / DROP INDEX / TRUNCATE, one per table of RENAME TABLE / DROP TABLE; in order. */
  actions: ActionClass[];
  /** The clause that decided the algorithm (the weakest); absent when an explicit ALGORITHM= did. */
  decisive?: ActionClass;
  /** An explicit ALGORITHM= or LOCK= the operations cannot honour (the server then fails with an error at run time). */
  unhonourable?: { span: Span; requested: string; message: string };
  /** True when every clause qualifies for ALGORITHM=INSTANT (PlanetScale "instant deploy requests"); false for NONE. */
  instantEligible: boolean;
  /** True when the table was not in the schema, so clauses that depend on the old definition were judged conservatively. */
  tableUnknown: boolean;
}

function none(): DdlClassification {
  return { algorithm: 'NONE', rebuildsTable: false, concurrentDml: true, actions: [], instantEligible: false, tableUnknown: false };
}

export function classify(change: SchemaChange, schemaBefore: Schema, options: DdlOptions): DdlClassification {
  const mariadb = options.target === 'mariadb';
  const fallback = mariadb ? '10.11' : '8.0.35';
  const parsed = parseVersion((mariadb ? options.mariadbVersion : options.mysqlVersion) ?? fallback);
  const version = parsed.length > 0 ? parsed : parseVersion(fallback);
  const flavor: Flavor = mariadb ? 'mariadb' : atLeast(version, '8.0') ? 'mysql8' : 'mysql57';
  const engine = { flavor, version, target: options.target };
  switch (change.kind) {
    case 'alter-table':
      return classifyAlter(change.table.name, change.actions, schemaBefore, engine);
    case 'create-index': {
      const add: AlterAction = { kind: 'add-index', index: change.index, start: change.index.start, end: change.index.end };
      return classifyAlter(change.table.name, [add, ...explicitClauses(change, add)], schemaBefore, engine);
    }
    case 'drop-index': {
      const span = { start: change.name.start, end: change.name.end };
      const drop: AlterAction = change.name.name.toUpperCase() === 'PRIMARY' ? { kind: 'drop-primary-key', ...span } : { kind: 'drop-index', name: change.name, ...span };
      return classifyAlter(change.table.name, [drop, ...explicitClauses(change, drop)], schemaBefore, engine);
    }
    case 'rename-table': {
      const actions = change.pairs.map(({ from, to }) => ({
        ...plain(renameTableVerdict(engine.flavor, version)), reason: `renaming ${from.name} to ${to.name} only changes metadata`, start: from.start, end: to.end,
      }));
      const unknown = change.pairs.some(({ from }) => !schemaBefore.table(from.name));
      return summarize(actions, flavor === 'mysql8' && atLeast(version, '8.0.12') || (mariadb && atLeast(version, '10.3.2')), unknown);
    }
    case 'drop-table': {
      if (change.temporary) return none();
      const actions = change.tables.map((t) => ({ ...plain(inplace(`drops the table ${t.name} (and its data) under an exclusive metadata lock`, false, false)), start: t.start, end: t.end }));
      return summarize(actions, false, change.tables.some((t) => !schemaBefore.table(t.name)));
    }
    case 'truncate-table': {
      const action = { ...plain(inplace(`TRUNCATE drops and recreates ${change.table.name} empty, under an exclusive metadata lock`, true, false)), start: change.table.start, end: change.table.end };
      return summarize([action], false, !schemaBefore.table(change.table.name));
    }
    default:
      return none();
  }
}

function explicitClauses(change: { algorithm?: string; lock?: string }, at: Span): AlterAction[] {
  const clauses: AlterAction[] = [];
  if (change.algorithm) clauses.push({ kind: 'algorithm', value: change.algorithm.toUpperCase(), start: at.start, end: at.end });
  if (change.lock) clauses.push({ kind: 'lock', value: change.lock.toUpperCase(), start: at.start, end: at.end });
  return clauses;
}

function plain(v: Verdict): Omit<ActionClass, 'start' | 'end'> {
  return { algorithm: v.algorithm, rebuildsTable: v.rebuildsTable, concurrentDml: v.concurrentDml, reason: v.reason };
}

function renameTableVerdict(flavor: Flavor, version: number[]): Verdict {
  if (flavor === 'mariadb') return instant('', false, { concurrentDml: false });
  return flavor === 'mysql8' && atLeast(version, '8.0.12') ? instant('') : inplace('', false);
}

function summarize(actions: ActionClass[], instantEligible: boolean, tableUnknown: boolean): DdlClassification {
  const worst = [...actions].sort((a, b) => RANK[a.algorithm] - RANK[b.algorithm])[0];
  return {
    algorithm: worst.algorithm,
    rebuildsTable: actions.some((a) => a.rebuildsTable),
    concurrentDml: actions.every((a) => a.concurrentDml),
    actions,
    decisive: worst,
    instantEligible: instantEligible && actions.every((a) => a.algorithm === 'INSTANT'),
    tableUnknown,
  };
}

interface Engine {
  flavor: Flavor;
  version: number[];
  target: Target;
}

function classifyAlter(tableName: string, clauses: AlterAction[], schema: Schema, engine: Engine): DdlClassification {
  const table = schema.table(tableName);
  const ops = clauses.filter((a) => a.kind !== 'algorithm' && a.kind !== 'lock');
  const algorithmClause = clauses.filter((a): a is Extract<AlterAction, { kind: 'algorithm' }> => a.kind === 'algorithm').pop();
  const lockClause = clauses.filter((a): a is Extract<AlterAction, { kind: 'lock' }> => a.kind === 'lock').pop();
  const dropped = new Set(ops.flatMap((a) => (a.kind === 'drop-index' ? [a.name.name.toLowerCase()] : [])));
  const surviving = (kind: string) => !!table?.indexes.some((i) => i.kind === kind && !dropped.has(i.name));
  const rowFormat = table?.options.get('ROW_FORMAT')?.toLowerCase();
  const ctx: ClauseContext = {
    schema, tableName, table, flavor: engine.flavor, version: engine.version, statement: ops,
    hasFulltext: !!table?.indexes.some((i) => i.kind === 'fulltext'),
    fulltextSurvives: surviving('fulltext'),
    spatialSurvives: surviving('spatial'),
    compressed: rowFormat === 'compressed' || (!rowFormat && !!table?.options.get('KEY_BLOCK_SIZE')),
    redundant: rowFormat === 'redundant',
    partitioned: !!table?.partitioned,
    cascadingForeignKey: !!table?.foreignKeys.some((fk) => fk.definition.actions.some((a) => a.action === 'CASCADE' || a.action === 'SET NULL')),
  };
  const mariadb = engine.flavor === 'mariadb';
  let verdicts = ops.map((a) => adjust(mariadb ? mariadbClause(a, ctx) : mysqlClause(a, ctx), ctx));
  verdicts = (mariadb ? mariadbCombine(verdicts, ctx) : degradeInstant(verdicts, ctx, 'it runs in place with the rest of the statement')).map((v) => adjust(v, ctx));

  let unhonourable: DdlClassification['unhonourable'];
  const requested = algorithmClause?.value.toUpperCase();
  if (algorithmClause && requested && requested !== 'DEFAULT') {
    const span = { start: algorithmClause.start, end: algorithmClause.end };
    const fail = (message: string) => (unhonourable = { span, requested: `ALGORITHM=${requested}`, message });
    // Name a clause that fails on its own rather than one the rest of the statement weakened.
    const offender = (ok: (v: Verdict) => boolean) => {
      const own = verdicts.findIndex((v) => !ok(v) && !v.degraded);
      return own >= 0 ? own : verdicts.findIndex((v) => !ok(v));
    };
    const check = (ok: (v: Verdict) => boolean, what: string) => {
      const i = offender(ok);
      if (i >= 0) fail(`ALGORITHM=${requested} cannot be honoured: ${label(ops[i])} ${what} (${verdicts[i].reason}); the server fails with ER_ALTER_OPERATION_NOT_SUPPORTED`);
    };
    if (requested === 'INSTANT') check((v) => v.algorithm === 'INSTANT', 'is not instant');
    else if (requested === 'INPLACE') check((v) => v.algorithm !== 'COPY', 'needs ALGORITHM=COPY');
    else if (requested === 'NOCOPY' && mariadb) check((v) => v.algorithm !== 'COPY' && !v.rebuildsTable, 'rebuilds or copies the table');
    else if (requested === 'NOCOPY') fail('ALGORITHM=NOCOPY exists only in MariaDB: MySQL rejects the statement');
    else if (requested !== 'COPY') fail(`ALGORITHM=${requested} is not an algorithm the server knows`);
    if (!unhonourable && requested === 'COPY') verdicts = verdicts.map((v) => ({ ...v, algorithm: 'COPY', rebuildsTable: true, concurrentDml: false, reason: `${v.reason} (ALGORITHM=COPY requested)`, degraded: true }));
    if (!unhonourable && requested === 'INPLACE' && !mariadb) verdicts = degradeInstant(verdicts, ctx, 'ALGORITHM=INPLACE requested');
  }
  const lock = lockClause?.value.toUpperCase();
  if (lockClause && lock === 'NONE' && !unhonourable) {
    const span = { start: lockClause.start, end: lockClause.end };
    const i = verdicts.findIndex((v) => !v.concurrentDml);
    if (!mariadb && ctx.cascadingForeignKey) {
      unhonourable = { span, requested: 'LOCK=NONE', message: `LOCK=NONE cannot be honoured: ${tableName} has a foreign key with ON DELETE/UPDATE CASCADE or SET NULL, and MySQL does not permit LOCK=NONE on such a table` };
    } else if (i >= 0) {
      unhonourable = { span, requested: 'LOCK=NONE', message: `LOCK=NONE cannot be honoured: ${label(ops[i])} does not permit concurrent writes (${verdicts[i].reason}); the server fails with ER_ALTER_OPERATION_NOT_SUPPORTED` };
    }
  } else if (lockClause && lock && lock !== 'DEFAULT' && lock !== 'NONE' && !['SHARED', 'EXCLUSIVE'].includes(lock) && !unhonourable) {
    unhonourable = { span: { start: lockClause.start, end: lockClause.end }, requested: `LOCK=${lock}`, message: `LOCK=${lock} is not a lock mode the server knows` };
  }

  const actions: ActionClass[] = ops.map((a, i) => ({ ...plain(verdicts[i]), start: a.start, end: a.end }));
  const algorithm: Algorithm = actions.length === 0 ? 'INSTANT' : actions.reduce<Algorithm>((w, a) => (RANK[a.algorithm] < RANK[w] ? a.algorithm : w), 'INSTANT');
  const decisiveIndex = verdicts.findIndex((v) => v.algorithm === algorithm && !v.degraded);
  const vitessLike = engine.target !== 'mysql' && engine.target !== 'mariadb';
  return {
    algorithm,
    rebuildsTable: actions.some((a) => a.rebuildsTable),
    concurrentDml: actions.every((a) => a.concurrentDml) && (lock === undefined || lock === 'DEFAULT' || lock === 'NONE'),
    actions,
    decisive: decisiveIndex >= 0 ? actions[decisiveIndex] : undefined,
    unhonourable,
    instantEligible: ops.length > 0 && algorithm === 'INSTANT' && !unhonourable && !(vitessLike && verdicts.some((v) => v.vitessRefuses)),
    tableUnknown: !table,
  };
}

/** Rules every engine shares: an in-place rebuild of a table that keeps a FULLTEXT/SPATIAL index blocks writes; MySQL: no LOCK=NONE with cascading FKs. */
function adjust(v: Verdict, ctx: ClauseContext): Verdict {
  let out = v;
  if (out.algorithm === 'INPLACE' && out.rebuildsTable && out.concurrentDml && (ctx.fulltextSurvives || ctx.spatialSurvives)) {
    out = { ...out, concurrentDml: false, reason: `${out.reason}; the table keeps a ${ctx.fulltextSurvives ? 'FULLTEXT' : 'SPATIAL'} index, so the rebuild blocks writes` };
  }
  if (ctx.flavor !== 'mariadb' && ctx.cascadingForeignKey && out.algorithm !== 'INSTANT' && out.concurrentDml) {
    out = { ...out, concurrentDml: false, reason: `${out.reason}; LOCK=NONE is not permitted on a table with ON … CASCADE/SET NULL foreign keys, so writes wait` };
  }
  return out;
}

/** MySQL runs the whole statement with one algorithm: instant clauses of a non-instant statement run in place. */
function degradeInstant(verdicts: Verdict[], ctx: ClauseContext, why: string): Verdict[] {
  // In a COPY statement every clause is copied anyway: the clauses keep their own verdicts, the COPY one decides.
  const forced = why.startsWith('ALGORITHM');
  if (!forced && (verdicts.every((v) => v.algorithm === 'INSTANT') || verdicts.some((v) => v.algorithm === 'COPY'))) return verdicts;
  return verdicts.map((v) => (v.algorithm !== 'INSTANT' ? v : adjust({ ...v, algorithm: 'INPLACE', rebuildsTable: !!v.inplaceRebuilds, reason: `${v.reason}, but ${why}${v.inplaceRebuilds ? ', which rebuilds the table' : ''}`, degraded: true }, ctx)));
}

// ---------------------------------------------------------------------------------------------------------------
// MySQL 8.0 / 5.7 (InnoDB), clause by clause.

function mysqlClause(action: AlterAction, ctx: ClauseContext): Verdict {
  const has = (min: string) => ctx.flavor === 'mysql8' && atLeast(ctx.version, min);
  const metadata = (reason: string, extra: Partial<Verdict> = {}) => (has('8.0.12') ? instant(`${reason} is instant`, false, extra) : inplace(`${reason} only changes metadata, in place`, false, true, extra));
  const table = ctx.table;
  switch (action.kind) {
    case 'add-column': return addColumns([action.column], ctx, has);
    case 'add-columns': return addColumns(action.columns, ctx, has);
    case 'drop-column': {
      const name = action.column.name;
      const column = table && findColumn(table, name);
      if (!table || !column) return inplace(`${table ? 'column' : 'table'} not in the schema: dropping ${name} is assumed to rebuild the table (it may be indexed)`, true);
      const indexes = indexesWith(table, name);
      if (column.definition.generated?.stored) return inplace(`dropping STORED generated column ${name} rebuilds the table in place`, true);
      if (column.definition.generated) return indexes.length === 0 && !ctx.partitioned ? metadata(`dropping VIRTUAL column ${name}`) : inplace(`dropping VIRTUAL column ${name} drops its index in place`, false);
      const refusal = indexes.length > 0 ? `it is part of index ${indexes[0].name}` : tableRefusal(ctx) ?? (has('8.0.29') ? undefined : 'instant DROP COLUMN needs MySQL 8.0.29');
      return refusal ? inplace(`dropping column ${name} rebuilds the table in place: ${refusal}`, true) : instant(`dropping column ${name} is instant`, true);
    }
    case 'rename-column': return renameColumn(action.from.name, action.to.name, ctx, has);
    case 'modify-column':
    case 'change-column': return modifyColumn(action.kind === 'change-column' ? action.from.name : action.column.name.name, action.column, ctx, has);
    case 'set-default':
      if (action.default.kind === 'expression') return inplace(`setting DEFAULT ${action.default.text} on ${action.column.name} changes metadata in place; an expression default is not instant`, false);
      return metadata(`setting the default of ${action.column.name}`);
    case 'drop-default': return metadata(`dropping the default of ${action.column.name}`);
    case 'set-visibility': return has('8.0.23') ? instant(`changing the visibility of ${action.column.name} is instant`) : inplace('column visibility needs MySQL 8.0.23', false);
    case 'rename-index': return inplace(`renaming index ${action.from.name} only changes metadata, in place`, false);
    case 'drop-foreign-key': return inplace(`dropping foreign key ${action.name.name} only changes metadata, in place`, false);
    case 'drop-check': return inplace(`dropping constraint ${action.name.name} only changes metadata, in place`, false);
    case 'rename-table': return metadata(`renaming the table to ${action.to.name}`);
    case 'convert-charset': return copy(`converting the table to CHARACTER SET ${action.charset} copies the table`);
    case 'table-option': return tableOption(action.option.name, action.option.value, ctx);
    default: return commonClause(action, ctx) ?? instant('');
  }
}

/** Why a table refuses instant ADD/DROP COLUMN, from its definition. */
function tableRefusal(ctx: ClauseContext): string | undefined {
  if (ctx.hasFulltext) return 'the table has a FULLTEXT index';
  if (ctx.compressed) return 'the table is ROW_FORMAT=COMPRESSED';
  if (ctx.partitioned) return 'the table is partitioned';
  return undefined;
}

function addColumns(columns: ColumnDefinition[], ctx: ClauseContext, has: (min: string) => boolean): Verdict {
  const last = ctx.table?.columns[ctx.table.columns.length - 1]?.name.toLowerCase();
  const count = (ctx.table?.columns.length ?? 0) + columns.length;
  return weakest(columns.map((c) => {
    const name = c.name.name;
    if (c.generated?.stored) return copy(`adding STORED generated column ${name} copies the table`);
    if (c.generated) return has('8.0.12') && !ctx.partitioned ? instant(`adding VIRTUAL column ${name} is instant`) : inplace(`adding VIRTUAL column ${name} only changes metadata, in place`, false);
    if (c.autoIncrement) return inplace(`adding AUTO_INCREMENT column ${name} rebuilds the table and blocks writes`, true, false);
    if (c.default?.kind === 'expression') return copy(`adding column ${name} with DEFAULT ${c.default.text} (an expression) copies the table`);
    if (c.primaryKey || c.unique) return inplace(`adding column ${name} with a ${c.primaryKey ? 'PRIMARY KEY' : 'UNIQUE index'} rebuilds the table in place`, true, true, { addsIndex: c.unique });
    const atEnd = !c.position || (c.position.kind === 'after' && c.position.column.name.toLowerCase() === last);
    const datetime = c.type.name === 'DATETIME' && c.nullable === false && !c.default;
    const refusal = tableRefusal(ctx)
      ?? (datetime ? 'a NOT NULL DATETIME without a default is not instant' : undefined)
      ?? (count > 1022 ? 'the table would exceed 1022 columns' : undefined)
      ?? (!has('8.0.12') ? 'MySQL before 8.0.12 has no INSTANT' : !atEnd && !has('8.0.29') ? 'instant ADD COLUMN with FIRST/AFTER needs MySQL 8.0.29' : undefined);
    if (refusal) return inplace(`adding column ${name} rebuilds the table in place: ${refusal}`, true);
    return instant(`adding column ${name}${atEnd ? ' at the end' : ''} is instant`, true);
  }));
}

function renameColumn(from: string, to: string, ctx: ClauseContext, has: (min: string) => boolean): Verdict {
  const referenced = referencingForeignKey(ctx.schema, ctx.tableName, from);
  if (has('8.0.28') && !referenced) return instant(`renaming column ${from} to ${to} is instant`);
  const why = referenced ? `, not instant: foreign key ${referenced} references it` : '';
  return inplace(`renaming column ${from} to ${to} only changes metadata, in place${why}`, false);
}

function modifyColumn(from: string, column: ColumnDefinition, ctx: ClauseContext, has: (min: string) => boolean): Verdict {
  const name = column.name.name;
  const old = ctx.table && findColumn(ctx.table, from);
  if (!old) return copy(`${ctx.table ? `column ${from}` : `table ${ctx.tableName}`} not in the schema: the change to ${name} is assumed to change its type, which copies the table`);
  const d = diffColumn(old.definition, column, ctx.table, ctx.flavor);
  const oldType = formatType(old.definition.type);
  const newType = formatType(column.type);
  const parts: Verdict[] = [];
  if (!d.sameType) {
    if (d.length && !d.widenedCharset && d.length.newBytes >= d.length.oldBytes) {
      const { oldBytes, newBytes } = d.length;
      parts.push((oldBytes <= 255) === (newBytes <= 255)
        ? inplace(`extending ${name} from ${oldType} to ${newType} (${oldBytes} to ${newBytes} bytes) keeps the length-byte size: in place, no rebuild`, false)
        : copy(`extending ${name} from ${oldType} to ${newType} (${oldBytes} to ${newBytes} bytes) crosses 255 bytes, which changes the length-byte size and copies the table`));
    } else if (d.membersAppended?.storageSame) {
      parts.push(has('8.0.12') ? instant(`appending members to ${name} is instant`) : inplace(`appending members to ${name} only changes metadata, in place`, false));
    } else if (d.length) {
      parts.push(copy(`shrinking ${name} from ${oldType} to ${newType} copies the table`));
    } else {
      parts.push(copy(`changing the column type from ${oldType} to ${newType} copies the table`));
    }
  }
  if (d.autoIncrementAdded) parts.push(copy(`adding AUTO_INCREMENT to ${name} copies the table`));
  if (d.generated === 'stored' && d.generatedChanged) parts.push(copy(`changing STORED generated column ${name} copies the table`));
  if (d.generated === 'virtual' && d.moved) parts.push(copy(`moving VIRTUAL column ${name} copies the table`));
  else if (d.generated === 'virtual' && d.generatedChanged) parts.push(inplace(`redefining VIRTUAL column ${name} changes metadata in place`, false));
  if (d.nullability) parts.push(inplace(`making ${name} ${d.nullability === 'to-nullable' ? 'NULL' : 'NOT NULL'} rebuilds the table in place`, true));
  if (d.moved) parts.push(inplace(`moving ${name} with ${column.position?.kind === 'first' ? 'FIRST' : 'AFTER'} rebuilds the table in place`, true));
  if (d.renamed) parts.push({ ...renameColumn(from, name, ctx, has), vitessRefuses: 'PlanetScale/Vitess do not run a CHANGE that renames a column as an instant deploy' });
  if (d.defaultChanged && d.newDefaultIsExpression) parts.push(inplace(`setting DEFAULT ${column.default?.kind === 'expression' ? column.default.text : ''} on ${name} changes metadata in place; an expression default is not instant`, false));
  else if (d.defaultChanged) parts.push(has('8.0.12') ? instant(`changing the default of ${name} is instant`) : inplace(`changing the default of ${name} only changes metadata, in place`, false));
  if (parts.length === 0) parts.push(has('8.0.12') ? instant(`redefining ${name} without changing its storage is instant`) : inplace(`redefining ${name} without changing its storage only changes metadata, in place`, false));
  return weakest(parts);
}

function tableOption(option: string, value: string, ctx: ClauseContext): Verdict {
  const current = ctx.table?.options.get(option)?.toLowerCase();
  switch (option) {
    case 'ENGINE':
      return value.toLowerCase() === (current ?? 'innodb')
        ? inplace(`ENGINE=${value} on a table already in ${value} rebuilds it in place`, true)
        : copy(`changing the storage engine to ${value} copies the table`);
    case 'CHARSET':
    case 'COLLATE':
      return current === value.toLowerCase()
        ? inplace(`${option === 'CHARSET' ? 'CHARACTER SET' : 'COLLATE'} ${value} is already the table default: metadata only, in place`, false)
        : inplace(`changing the table's default ${option === 'CHARSET' ? 'character set' : 'collation'} to ${value} rebuilds the table in place`, true);
    case 'ROW_FORMAT':
    case 'KEY_BLOCK_SIZE':
      return inplace(`${option}=${value} rebuilds the table in place`, true);
    case 'AUTO_INCREMENT':
      return inplace('changing the AUTO_INCREMENT value only changes metadata, in place', false);
    case 'COMMENT':
      return inplace('changing the table comment only changes metadata, in place', false);
    case 'STATS_PERSISTENT':
    case 'STATS_AUTO_RECALC':
    case 'STATS_SAMPLE_PAGES':
      return inplace(`${option} only changes metadata, in place`, false);
    default:
      return copy(`table option ${option} is not analysed: assumed to copy the table`);
  }
}
