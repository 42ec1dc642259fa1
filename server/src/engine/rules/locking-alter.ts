import { definedHere } from './related';

/** From this size on, a blocking ALTER applied directly is an error rather than a warning (about minutes of downtime). */
export const LARGE_TABLE_ROWS = 1_000_000;
import { defineRule } from './rule';

export default defineRule({
  id: 'locking-alter',
  summary: 'An ALTER or CREATE INDEX on an existing table that copies it or blocks writes',
  severity: { planetscale: 'info', 'planetscale-fk': 'info', vitess: 'info', mysql: 'warning', mariadb: 'warning' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
Classifies every \`ALTER TABLE\`, \`CREATE INDEX\` and \`DROP INDEX\` on a table that existed before this migration the way
InnoDB's online DDL would run it on the target's server version (MySQL 8.0.x, 5.7, or MariaDB 10.11), and flags those
whose best algorithm is \`COPY\` or that do not permit concurrent writes. The message names the algorithm, whether the
table is rebuilt, the clause that decides it, and the safe alternative. Tables created earlier in the same file are
empty, so they are not flagged.

## Why is this bad?
On MySQL and MariaDB applied directly, \`ALGORITHM=COPY\` rewrites every row while writes wait on a metadata lock: a big
table means minutes of downtime. On PlanetScale and Vitess, deploy requests run the change online with a shadow table,
but a copy still takes time in proportion to the table and keeps the deploy request from being instant.

## Example
\`\`\`sql
ALTER TABLE orders MODIFY total_cents BIGINT NOT NULL;  -- change of type: COPY, writes blocked
\`\`\`

## Use instead
Prefer changes that are INSTANT or INPLACE with concurrent DML (adding a nullable column at the end, adding a
secondary index). For a type change, add a new column and backfill. On MySQL, run big copies with an online schema
change tool (gh-ost, pt-online-schema-change) or a PlanetScale/Vitess deploy request.

With a branch connected (Cutover: Switch Branch Connection), the message gives the table's size on that branch, and on
the \`mysql\` and \`mariadb\` targets a blocking change to a table of a million rows or more is an error.

## Fix safety
No fix.
`,
  check(context) {
    const change = context.change;
    if (change.kind !== 'alter-table' && change.kind !== 'create-index' && change.kind !== 'drop-index') return;
    if (context.createdInChange(change.table.name)) return;
    const ddl = context.classification();
    if (ddl.algorithm === 'NONE' || (ddl.algorithm !== 'COPY' && ddl.concurrentDml)) return;
    const decisive = ddl.decisive ?? ddl.actions[0];
    const span = decisive ?? context.statement;
    const rebuild = ddl.rebuildsTable ? 'rebuilds the table' : 'does not rebuild the table';
    const writes = ddl.concurrentDml ? 'writes continue' : 'writes are blocked while it runs';
    const where = context.target === 'mysql' || context.target === 'mariadb'
      ? 'Run it with an online schema change tool (gh-ost, pt-online-schema-change), or split out the clause that forces it.'
      : 'A deploy request runs it online with a shadow table, copying every row; it cannot be an instant deploy.';
    const unknown = ddl.tableUnknown ? ` (${change.table.name}'s earlier definition is not in these migrations, so this assumes the worst)` : '';
    // With a branch connected, the table's size says how long this takes; a big table on a direct ALTER is an error.
    const rows = context.live?.tableRows[change.table.name.toLowerCase()];
    const size = rows !== undefined ? ` ${change.table.name} has about ${rows.toLocaleString('en-US')} rows on ${context.live!.name}.` : '';
    const big = rows !== undefined && rows >= LARGE_TABLE_ROWS && (context.target === 'mysql' || context.target === 'mariadb');
    context.report({
      start: span.start,
      end: span.end,
      message: `ALGORITHM=${ddl.algorithm}: ${decisive?.reason ?? 'this change'} — it ${rebuild} and ${writes}${unknown}.${size} ${where}`,
      related: definedHere(context.schema.table(change.table.name)?.origin, `${change.table.name} is created here`),
      severity: big ? 'error' : undefined,
    });
  },
});
