import { defineRule } from './rule';

const DDL = new Set(['create-table', 'alter-table', 'create-index', 'drop-index', 'drop-table', 'rename-table', 'truncate-table']);

export default defineRule({
  id: 'safe-migrations',
  summary: 'Direct DDL while connected to a production branch with safe migrations on',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'error', mysql: 'error', mariadb: 'error' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
When the editor is connected to a PlanetScale production branch that has safe migrations on (Cutover: Switch Branch
Connection), flags every schema change (\`CREATE/ALTER/DROP/RENAME TABLE\`, \`CREATE/DROP INDEX\`, \`TRUNCATE\`). Without a
connection, or on a development branch, it says nothing.

## Why is this bad?
A production branch with safe migrations rejects direct DDL (\`TRUNCATE\` included): schema changes must go through a
development branch and a deploy request, which applies them online and keeps them revertible for 30 minutes. Running
the migration against the production branch fails.

## Example
\`\`\`sql
-- connected to app/main (production, safe migrations on)
ALTER TABLE users ADD COLUMN plan VARCHAR(20) NULL;
\`\`\`

## Use instead
Switch to a development branch, run the migration there, and open a deploy request
(\`pscale deploy-request create <database> <branch>\`).

## Fix safety
No fix.
`,
  check(context) {
    const live = context.live;
    if (!live || !live.production || !live.safeMigrations || !DDL.has(context.change.kind)) return;
    context.report({
      start: context.statement.start,
      end: context.statement.end,
      message: `${live.name} is a production branch with safe migrations on: it rejects direct schema changes. Run this on a development branch and deploy it with a deploy request.`,
    });
  },
});
