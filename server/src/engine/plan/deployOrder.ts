import { classify } from '../ddl/onlineDdl';
import { isRollbackPath } from '../lint';
import { isPhpPath, lintMigration } from '../migration';
import { ColumnDefinition, SchemaChange } from '../model/changes';
import { compareTypes } from '../rules/columnTypes';
import { applyChange } from '../schema/apply';
import { Schema, findColumn } from '../schema/model';
import { readStatement } from '../sql/read';
import { splitStatements } from '../sql/splitter';
import { DEFAULT_MYSQL_VERSION, LintOptions } from '../types';
import { dependencyOrder } from './dependencyOrder';
import { tableOf } from './explain';
import { Phase, phaseOf } from './phase';
import { MultiStepPlan, multiStepPlans } from './steps';

export interface PlannedStatement {
  path?: string;
  start: number;
  end: number;
  sql: string;
  kind: SchemaChange['kind'];
  table?: string;
  algorithm: 'INSTANT' | 'INPLACE' | 'COPY' | 'NONE';
  rebuildsTable: boolean;
  concurrentDml: boolean;
  /** True for statements written by the planner (the expand and contract steps of a rename). */
  generated?: boolean;
}

export interface PlanPhase {
  name: 'before-code' | 'app-deploy' | 'after-code';
  title: string;
  statements: PlannedStatement[];
  /** PlanetScale instant deploy requests: every change must qualify (add/drop column, defaults, ENUM/SET members). */
  instantEligible?: boolean;
}

export interface PlanWarning {
  path?: string;
  start: number;
  end: number;
  message: string;
}

export interface DeployPlan {
  phases: PlanPhase[];
  steps: MultiStepPlan[];
  warnings: PlanWarning[];
}

export interface ChangeFile {
  path: string;
  source: string;
}

interface Item extends PlannedStatement {
  change: SchemaChange;
  phase: Exclude<Phase, 'multi-step' | 'any'>;
  instantEligible: boolean;
}

function referencedTables(change: SchemaChange): string[] {
  if (change.kind === 'create-table') return change.foreignKeys.flatMap((fk) => (fk.referencedTable ? [fk.referencedTable.name.toLowerCase()] : []));
  if (change.kind === 'alter-table') return change.actions.flatMap((a) => (a.kind === 'add-foreign-key' && a.foreignKey.referencedTable ? [a.foreignKey.referencedTable.name.toLowerCase()] : []));
  return [];
}

function droppedTables(change: SchemaChange): string[] {
  return change.kind === 'drop-table' ? change.tables.map((t) => t.name.toLowerCase()) : [];
}

/**
 * The deploy order of a change (its migrations, in order): what must deploy before the application code that uses it,
 * what only after the code stops using it, the expand/contract steps for renames and type changes, and within each
 * deploy request an order that keeps the schema valid at every step.
 */
export function planDeploy(files: readonly ChangeFile[], options: LintOptions, schemaBefore: Schema = new Schema()): DeployPlan {
  const schema = schemaBefore.clone();
  const items: Item[] = [];
  const steps: MultiStepPlan[] = [];
  const warnings: PlanWarning[] = [];
  const ddlOptions = { target: options.target, mysqlVersion: options.mysqlVersion ?? DEFAULT_MYSQL_VERSION };
  const plan = (sql: string, path: string | undefined, start: number, end: number, generated: boolean, phase: Item['phase'], read?: SchemaChange) => {
    const statement = read ? undefined : splitStatements(sql).statements[0];
    if (!read && !statement) return;
    const change = read ?? readStatement(statement!, sql);
    const ddl = classify(change, schema, ddlOptions);
    items.push({ path, start, end, sql, kind: change.kind, table: tableOf(change), algorithm: ddl.algorithm, rebuildsTable: ddl.rebuildsTable, concurrentDml: ddl.concurrentDml, generated: generated || undefined, change, phase, instantEligible: change.kind === 'alter-table' && ddl.instantEligible });
  };

  for (const file of files) {
    if (isRollbackPath(file.path)) continue;
    const phasesInFile = new Set<Phase>();
    let previous: Item['phase'] = 'before-code';
    // SQL files are split here; PHP migrations (Laravel, Doctrine) come from their readers, in source order.
    const units = isPhpPath(file.path)
      ? lintMigration(file.source, options, file.path, schema).statements
      : splitStatements(file.source).statements.map((statement) => ({ statement, change: readStatement(statement, file.source), rollback: statement.section === 'down' }));
    for (const { statement, change, rollback } of units) {
      if (rollback) continue;
      const where = { path: file.path, start: statement.start, end: statement.end };
      const phase = phaseOf(change, schema);
      if (change.kind === 'session' || change.kind === 'query') continue;
      phasesInFile.add(phase);
      if (phase === 'multi-step' && (change.kind === 'alter-table' || change.kind === 'rename-table')) {
        const isTypeChange = (table: string, column: ColumnDefinition, oldName: string) => {
          const old = schema.table(table) ? findColumn(schema.table(table)!, oldName) : undefined;
          return !old || compareTypes(old.definition.type, column.type) === 'different';
        };
        for (const multi of multiStepPlans(change, schema, where, isTypeChange)) {
          steps.push(multi);
          const [expand, contract] = multi.steps.filter((s) => s.kind === 'deploy-request');
          if (expand?.sql) plan(expand.sql, file.path, statement.start, statement.end, true, 'before-code');
          if (contract?.sql) plan(contract.sql, file.path, statement.start, statement.end, true, 'after-code');
        }
      } else {
        // Data changes and statements that do not affect running code go with what precedes them in the file.
        const placed: Item['phase'] = phase === 'before-code' || phase === 'after-code' ? phase : previous;
        plan(statement.text, file.path, statement.start, statement.end, false, placed, change);
        previous = placed;
      }
      applyChange(schema, change, where);
    }
    const mixed = (phasesInFile.has('before-code') && phasesInFile.has('after-code')) || (phasesInFile.has('multi-step') && phasesInFile.size > 1);
    if (mixed) {
      warnings.push({ path: file.path, start: 0, end: 0, message: `${file.path} mixes changes that deploy before the code with changes that deploy after it (or a multi-step change): split it into one migration per deploy request.` });
    }
  }

  const phases: PlanPhase[] = [
    { name: 'before-code', title: 'Deploy request 1 — before the app deploy (expand)', statements: [] },
    { name: 'app-deploy', title: 'App deploy', statements: [] },
    { name: 'after-code', title: 'Deploy request 2 — after the app deploy (contract)', statements: [] },
  ];
  for (const phase of [phases[0], phases[2]]) {
    const inPhase = items.filter((i) => i.phase === phase.name);
    const created = new Set(inPhase.flatMap((i) => (i.change.kind === 'create-table' ? [i.change.table.name.toLowerCase()] : [])));
    // Before: a referenced table is created before the tables that reference it. After: children (and their FKs) go
    // before the tables they reference.
    const dependsOn = (a: Item, b: Item) =>
      phase.name === 'before-code'
        ? b.change.kind === 'create-table' && created.has(b.change.table.name.toLowerCase()) && referencedTables(a.change).includes(b.change.table.name.toLowerCase())
        : droppedTables(a.change).some((t) => referencesFrom(b, t, schemaBefore));
    const { order, cycles } = dependencyOrder(inPhase, dependsOn);
    for (const cycle of cycles) {
      warnings.push({ path: cycle[0].path, start: cycle[0].start, end: cycle[0].end, message: `Foreign keys form a cycle between ${[...new Set(cycle.map((c) => c.table))].join(', ')}: no order keeps the schema valid at every step; drop or add one of the constraints separately.` });
    }
    phase.statements = order.map(({ change: _change, phase: _phase, instantEligible: _eligible, ...planned }) => planned);
    phase.instantEligible = order.length > 0 && order.every((i) => i.instantEligible);
  }
  return { phases, steps, warnings };
}

/** True when item `b` removes a reference to `table` that must go first: a DROP of a child table, or a DROP FOREIGN KEY. */
function referencesFrom(b: Item, table: string, schemaBefore: Schema): boolean {
  if (b.change.kind === 'drop-table') {
    return b.change.tables.some((t) => schemaBefore.table(t.name)?.foreignKeys.some((fk) => fk.referencedTable?.toLowerCase() === table) ?? false);
  }
  if (b.change.kind === 'alter-table') {
    const child = schemaBefore.table(b.change.table.name);
    return b.change.actions.some((a) => a.kind === 'drop-foreign-key' && child?.foreignKeys.some((fk) => fk.name?.toLowerCase() === a.name.name.toLowerCase() && fk.referencedTable?.toLowerCase() === table));
  }
  return false;
}
