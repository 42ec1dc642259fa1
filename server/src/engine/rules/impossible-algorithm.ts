import { defineRule } from './rule';

export default defineRule({
  id: 'impossible-algorithm',
  summary: 'An explicit ALGORITHM= or LOCK= that the server cannot honour, so the statement fails',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'error', mysql: 'error', mariadb: 'error' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
Checks the \`ALGORITHM=\` and \`LOCK=\` clauses of \`ALTER TABLE\`, \`CREATE INDEX\` and \`DROP INDEX\` against what the operations
allow on the target's server version, e.g. \`ALGORITHM=INSTANT\` with a change of column type, \`ALGORITHM=INPLACE\` with a
new foreign key, or \`LOCK=NONE\` on a table with \`ON DELETE CASCADE\` foreign keys.

## Why is this bad?
MySQL does not fall back: it refuses the statement ("ALGORITHM=INSTANT is not supported for this operation. Try
ALGORITHM=COPY/INPLACE.", error 1845/1846), and the migration stops half-way through its file.

## Example
\`\`\`sql
ALTER TABLE orders MODIFY total_cents BIGINT NOT NULL, ALGORITHM=INSTANT;
\`\`\`

## Use instead
Ask only for what the operation supports, or split the statement so the cheap clauses keep their algorithm.

## Fix safety
No fix.
`,
  check(context) {
    const change = context.change;
    if (change.kind !== 'alter-table' && change.kind !== 'create-index' && change.kind !== 'drop-index') return;
    const problem = context.classification().unhonourable;
    if (!problem) return;
    // CREATE/DROP INDEX keep no span for their options: the whole statement is the clause there.
    const span = change.kind === 'alter-table' ? problem.span : context.statement;
    context.report({ start: span.start, end: span.end, message: problem.message });
  },
});
