import { ColumnDefinition } from '../model/changes';
import { defineRule } from './rule';

function needsValueFromCode(column: ColumnDefinition): boolean {
  return column.nullable === false && column.default === undefined && !column.autoIncrement && !column.generated;
}

export default defineRule({
  id: 'add-not-null-column',
  summary: 'Adding a NOT NULL column without a DEFAULT to an existing table',
  severity: { planetscale: 'warning', 'planetscale-fk': 'warning', vitess: 'warning', mysql: 'warning', mariadb: 'warning' },
  fix: 'none',
  appliesToRollbacks: false,
  docs: `## What it does
Flags \`ADD COLUMN … NOT NULL\` without a \`DEFAULT\` (and not \`AUTO_INCREMENT\` or generated) on a table that existed
before this migration.

## Why is this bad?
MySQL fills the existing rows with the type's implicit default (\`0\`, \`''\`, or a zero date the server may reject),
which is rarely a meaningful value. Worse, the code still running when the column appears does not know it: in strict
mode every \`INSERT\` it makes fails with "Field … doesn't have a default value" until the new code is deployed.

## Example
\`\`\`sql
ALTER TABLE users ADD COLUMN plan VARCHAR(20) NOT NULL;
\`\`\`

## Use instead
Add the column with a default (\`NOT NULL DEFAULT 'free'\`), or nullable; deploy the code that writes it; backfill; then
make it \`NOT NULL\` in a later migration if you need to.

## Fix safety
No fix: only you know the right default.
`,
  check(context) {
    const change = context.change;
    if (change.kind !== 'alter-table' || context.createdInChange(change.table.name)) return;
    for (const action of change.actions) {
      const columns = action.kind === 'add-column' ? [action.column] : action.kind === 'add-columns' ? action.columns : [];
      for (const column of columns) {
        if (!needsValueFromCode(column)) continue;
        context.report({
          start: column.start,
          end: column.end,
          message: `${change.table.name}.${column.name.name} is NOT NULL without a DEFAULT: existing rows get an implicit default, and INSERTs from the code running before the deploy fail in strict mode. Give it a DEFAULT or make it nullable, and tighten it later.`,
        });
      }
    }
  },
});
