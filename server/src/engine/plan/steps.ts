import { AlterTable, ColumnDefinition, RenameTable } from '../model/changes';
import { Schema, findColumn } from '../schema/model';
import { describeType } from '../rules/columnTypes';

/** One step of an expand/contract plan: SQL to run in a deploy request, or work for the application. */
export interface PlanStep {
  kind: 'deploy-request' | 'app' | 'backfill';
  description: string;
  sql?: string;
}

export interface MultiStepPlan {
  /** What the original statement tried to do in one step. */
  title: string;
  path?: string;
  start: number;
  end: number;
  steps: PlanStep[];
}

function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** The new column's definition as SQL: nullable, so the running code (which does not know it) can keep inserting. */
function nullableDefinition(column: ColumnDefinition | undefined): string {
  if (!column) return '<type> NULL';
  const charset = column.type.charset ? ` CHARACTER SET ${column.type.charset}` : '';
  return `${describeType(column.type)}${charset} NULL`;
}

function backfill(table: string, to: string, from: string): PlanStep {
  return {
    kind: 'backfill',
    description: `Backfill in batches (e.g. 1,000 rows at a time, by primary key) so no statement holds locks for long`,
    sql: `UPDATE ${quote(table)} SET ${quote(to)} = ${quote(from)} WHERE ${quote(to)} IS NULL AND id BETWEEN ? AND ?`,
  };
}

/** Expand/contract for renaming a column (PlanetScale: about six steps over two deploy requests). */
export function renameColumnPlan(table: string, from: string, to: string, schema: Schema, where: { path?: string; start: number; end: number }): MultiStepPlan {
  const old = schema.table(table) ? findColumn(schema.table(table)!, from)?.definition : undefined;
  return {
    title: `Rename ${table}.${from} to ${to}`,
    ...where,
    steps: [
      { kind: 'deploy-request', description: `Add the new column`, sql: `ALTER TABLE ${quote(table)} ADD COLUMN ${quote(to)} ${nullableDefinition(old)}` },
      { kind: 'app', description: `Deploy code that writes both ${from} and ${to}` },
      backfill(table, to, from),
      { kind: 'app', description: `Deploy code that reads ${to} and no longer uses ${from}` },
      { kind: 'deploy-request', description: `Drop the old column`, sql: `ALTER TABLE ${quote(table)} DROP COLUMN ${quote(from)}` },
    ],
  };
}

/** Expand/contract for changing a column's type: a new column of the new type takes over. */
export function changeTypePlan(table: string, column: ColumnDefinition, schema: Schema, where: { path?: string; start: number; end: number }): MultiStepPlan {
  const name = column.name.name;
  const next = `${name}_new`;
  const old = schema.table(table) ? findColumn(schema.table(table)!, name)?.definition : undefined;
  return {
    title: `Change ${table}.${name}${old ? ` from ${describeType(old.type)}` : ''} to ${describeType(column.type)}`,
    ...where,
    steps: [
      { kind: 'deploy-request', description: `Add a column of the new type`, sql: `ALTER TABLE ${quote(table)} ADD COLUMN ${quote(next)} ${nullableDefinition(column)}` },
      { kind: 'app', description: `Deploy code that writes both ${name} and ${next} (converting the value)` },
      backfill(table, next, name),
      { kind: 'app', description: `Deploy code that reads ${next} and no longer uses ${name}` },
      { kind: 'deploy-request', description: `Drop the old column`, sql: `ALTER TABLE ${quote(table)} DROP COLUMN ${quote(name)}` },
    ],
  };
}

/** Expand/contract for renaming a table: a new table takes over. */
export function renameTablePlan(from: string, to: string, where: { path?: string; start: number; end: number }): MultiStepPlan {
  return {
    title: `Rename table ${from} to ${to}`,
    ...where,
    steps: [
      { kind: 'deploy-request', description: `Create the new table with the same structure`, sql: `CREATE TABLE ${quote(to)} LIKE ${quote(from)}` },
      { kind: 'app', description: `Deploy code that writes to both ${from} and ${to}` },
      { kind: 'backfill', description: `Copy existing rows in batches`, sql: `INSERT IGNORE INTO ${quote(to)} SELECT * FROM ${quote(from)} WHERE id BETWEEN ? AND ?` },
      { kind: 'app', description: `Deploy code that reads ${to} and no longer uses ${from}` },
      { kind: 'deploy-request', description: `Drop the old table`, sql: `DROP TABLE ${quote(from)}` },
    ],
  };
}

/** The multi-step plans a statement needs (renames and type changes), given the schema before it. */
export function multiStepPlans(change: AlterTable | RenameTable, schema: Schema, where: { path?: string; start: number; end: number }, isTypeChange: (table: string, column: ColumnDefinition, oldName: string) => boolean): MultiStepPlan[] {
  if (change.kind === 'rename-table') return change.pairs.map((p) => renameTablePlan(p.from.name, p.to.name, where));
  const plans: MultiStepPlan[] = [];
  for (const action of change.actions) {
    if (action.kind === 'rename-column') plans.push(renameColumnPlan(change.table.name, action.from.name, action.to.name, schema, where));
    else if (action.kind === 'rename-table') plans.push(renameTablePlan(change.table.name, action.to.name, where));
    else if (action.kind === 'change-column' && action.from.name.toLowerCase() !== action.column.name.name.toLowerCase()) {
      plans.push(renameColumnPlan(change.table.name, action.from.name, action.column.name.name, schema, where));
    } else if ((action.kind === 'modify-column' || action.kind === 'change-column') && isTypeChange(change.table.name, action.column, action.kind === 'change-column' ? action.from.name : action.column.name.name)) {
      plans.push(changeTypePlan(change.table.name, action.column, schema, where));
    }
  }
  return plans;
}
