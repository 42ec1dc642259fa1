import { defineRule } from './rule';

export default defineRule({
  id: 'parse-error',
  summary: 'A statement Cutover could not read, so no other rule checked it',
  severity: { planetscale: 'info', 'planetscale-fk': 'info', vitess: 'info', mysql: 'info', mariadb: 'info' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
Marks a statement that neither node-sql-parser nor Cutover's own token-level reader could make sense of: a typo in a
keyword, an unterminated string, unbalanced parentheses, a column type Cutover does not know. The rest of the file is
still checked; only this statement is skipped.

## Why is this bad?
Nothing else was checked in this statement, so a foreign key or a locking ALTER in it would go unnoticed. It is often a
real syntax error that MySQL would reject too.

## Example
\`\`\`sql
ALTER TABLE users ADD COLUMN plan VARCHR(20);
\`\`\`

## Use instead
Fix the syntax; if MySQL accepts the statement, please report it (with the statement) so the reader learns it.

## Fix safety
No fix.
`,
  check(context) {
    if (context.change.kind !== 'unreadable') return;
    context.report({
      start: context.statement.start,
      end: context.statement.end,
      message: `Cutover could not read this statement (${context.change.reason}), so no rule checked it.`,
    });
  },
});
