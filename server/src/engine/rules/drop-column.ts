import { findColumn } from '../schema/model';
import { definedHere } from './related';
import { defineRule } from './rule';

export default defineRule({
  id: 'drop-column',
  summary: 'Dropping a column the running application may still read or write',
  severity: { planetscale: 'warning', 'planetscale-fk': 'warning', vitess: 'warning', mysql: 'warning', mariadb: 'warning' },
  fix: 'none',
  appliesToRollbacks: false,
  docs: `## What it does
Flags \`ALTER TABLE … DROP [COLUMN]\` on a table that existed before this migration. Rollbacks (\`*.down.sql\`, down
sections) are not flagged: undoing a change is expected to drop what it added.

## Why is this bad?
The code running in production at deploy time still reads and writes the column: its queries fail the moment the column
is gone (\`Unknown column\`), and ORMs that select every column break too. The data is gone for good, and on PlanetScale
a deploy request can be reverted for 30 minutes only.

## Example
\`\`\`sql
ALTER TABLE users DROP COLUMN legacy_code;
\`\`\`

## Use instead
Two deploys: first ship code that no longer uses the column (Laravel: remove it from \`$fillable\`/casts; Rails:
\`ignored_columns\`), then drop it in a later migration, deployed **after** the code. When you have done that, silence this
finding with \`-- cutover-ignore drop-column -- code stopped using it in #123\`.

## Fix safety
No fix: when to drop is a deploy-order decision.
`,
  check(context) {
    const change = context.change;
    if (change.kind !== 'alter-table' || context.createdInChange(change.table.name)) return;
    const table = context.schema.table(change.table.name);
    for (const action of change.actions) {
      if (action.kind !== 'drop-column') continue;
      const column = table ? findColumn(table, action.column.name) : undefined;
      context.report({
        start: action.start,
        end: action.end,
        message: `Dropping ${change.table.name}.${action.column.name} breaks application code that still uses it, and the data is lost. Deploy this after the code that stops using the column (a separate deploy request).`,
        related: definedHere(column?.origin, `${change.table.name}.${action.column.name} is defined here`),
      });
    }
  },
});
