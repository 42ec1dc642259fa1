import { CreateTable } from '../model/changes';
import { SchemaTable, findColumn } from '../schema/model';
import { defineRule } from './rule';

/** A PRIMARY KEY, or a UNIQUE key whose columns are all NOT NULL, in a CREATE TABLE. */
function createTableHasKey(change: CreateTable): boolean {
  const notNull = (name: string | undefined) => {
    const column = change.columns.find((c) => c.name.name.toLowerCase() === name?.toLowerCase());
    return column !== undefined && (column.nullable === false || column.primaryKey === true);
  };
  if (change.columns.some((c) => c.primaryKey || (c.unique && c.nullable === false))) return true;
  return change.indexes.some((i) => i.kind === 'primary' || (i.kind === 'unique' && i.columns.length > 0 && i.columns.every((c) => notNull(c?.name))));
}

function tableKeepsKey(table: SchemaTable, droppedIndexes: ReadonlySet<string>): boolean {
  return table.indexes.some(
    (i) =>
      !droppedIndexes.has(i.name) &&
      (i.kind === 'primary' || (i.kind === 'unique' && i.columns.every((c) => findColumn(table, c)?.definition.nullable === false))),
  );
}

export default defineRule({
  id: 'no-unique-key',
  summary: 'A table left without a primary key or NOT NULL unique key',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'warning', mysql: 'info', mariadb: 'info' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
Flags \`CREATE TABLE\` without a \`PRIMARY KEY\` or a \`UNIQUE\` key over \`NOT NULL\` columns, and \`ALTER TABLE\` that drops the
last such key without adding another.

## Why is this bad?
Online schema changes copy rows from the old table to a shadow table and keep them in step through the binlog; they need a
non-null unique key that exists in both. PlanetScale refuses such tables (schema lint \`NO_UNIQUE_KEY\`: "Table … has no
shared columns covered by non-null unique keys"), and gh-ost and Vitess Online DDL cannot migrate them.

## Example
\`\`\`sql
CREATE TABLE page_views (url VARCHAR(255) NOT NULL, viewed_at DATETIME NOT NULL);
\`\`\`

## Use instead
\`\`\`sql
CREATE TABLE page_views (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, url VARCHAR(255) NOT NULL, viewed_at DATETIME NOT NULL);
\`\`\`

## Fix safety
No fix: choosing the key is a design decision.
`,
  check(context) {
    const change = context.change;
    if (change.kind === 'create-table') {
      // MySQL Workbench and mysqldump create placeholder tables for views, then drop them for the view.
      if (change.temporary || change.like || change.asSelect || createTableHasKey(change) || context.replacedLaterInFile(change.table.name)) return;
      context.report({
        start: change.table.start,
        end: change.table.end,
        message: `Table ${change.table.name} has no primary key or NOT NULL unique key: PlanetScale and online schema change tools need one (NO_UNIQUE_KEY). Add a primary key.`,
      });
      return;
    }
    if (change.kind !== 'alter-table') return;
    const dropsPrimary = change.actions.find((a) => a.kind === 'drop-primary-key');
    if (!dropsPrimary) return;
    const addsKey = change.actions.some((a) => a.kind === 'add-index' && (a.index.kind === 'primary' || a.index.kind === 'unique'));
    const table = context.schema.table(change.table.name);
    const dropped = new Set(['primary', ...change.actions.flatMap((a) => (a.kind === 'drop-index' ? [a.name.name.toLowerCase()] : []))]);
    if (addsKey || (table && tableKeepsKey(table, dropped))) return;
    context.report({
      start: dropsPrimary.start,
      end: dropsPrimary.end,
      message: `Dropping the primary key leaves ${change.table.name} without a NOT NULL unique key: PlanetScale and online schema change tools need one (NO_UNIQUE_KEY).`,
    });
  },
});
