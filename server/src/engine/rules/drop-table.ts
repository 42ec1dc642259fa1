import { definedHere } from './related';
import { defineRule } from './rule';

export default defineRule({
  id: 'drop-table',
  summary: 'Dropping a table the running application may still use',
  severity: { planetscale: 'warning', 'planetscale-fk': 'warning', vitess: 'warning', mysql: 'warning', mariadb: 'warning' },
  fix: 'none',
  appliesToRollbacks: false,
  docs: `## What it does
Flags \`DROP TABLE\` of a table that existed before this migration (temporary tables and tables created earlier in the
same file are left alone), nor the \`DROP TABLE IF EXISTS t\` that a dump or schema file writes before re-creating \`t\`.
Rollbacks are not flagged.

## Why is this bad?
Code deployed before the migration still queries the table and fails with \`Table … doesn't exist\`; the data is lost.

## Example
\`\`\`sql
DROP TABLE legacy_sessions;
\`\`\`

## Use instead
Deploy code that no longer uses the table first, then drop it in a later migration deployed after the code. On
PlanetScale, a dropped table can be restored only while the deploy request can still be reverted.

## Fix safety
No fix: when to drop is a deploy-order decision.
`,
  check(context) {
    const change = context.change;
    if (change.kind !== 'drop-table' || change.temporary) return;
    for (const name of change.tables) {
      // `DROP TABLE IF EXISTS t; CREATE TABLE t …` is how dumps and schema files (re)create a table: not a drop of live data.
      if (context.createdInChange(name.name) || context.createdLaterInFile(name.name)) continue;
      const table = context.schema.table(name.name);
      context.report({
        start: name.start,
        end: name.end,
        message: `Dropping table ${name.name} breaks application code that still uses it, and its data is lost. Deploy this after the code that stops using the table.`,
        related: definedHere(table?.origin, `${name.name} is created here`),
      });
    }
  },
});
