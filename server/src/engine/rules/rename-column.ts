import { findColumn } from '../schema/model';
import { definedHere } from './related';
import { defineRule } from './rule';

export default defineRule({
  id: 'rename-column',
  summary: 'Renaming a column: backward-incompatible, and not supported on PlanetScale',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'warning', mysql: 'warning', mariadb: 'warning' },
  fix: 'none',
  appliesToRollbacks: false,
  docs: `## What it does
Flags \`ALTER TABLE … RENAME COLUMN a TO b\` and \`CHANGE [COLUMN] a b …\` where the new name differs, on a table that
existed before this migration.

## Why is this bad?
Between the migration and the deploy of the code that uses the new name, every query that names the old column fails:
there is no moment at which old and new code both work. PlanetScale does not support \`RENAME COLUMN\` in deploy requests;
a rename there takes about six steps over at least two deploy requests.

## Example
\`\`\`sql
ALTER TABLE users RENAME COLUMN name TO display_name;
\`\`\`

## Use instead
Expand and contract: add the new column (deploy request 1), make the code write both, backfill in batches, switch reads
to the new column, stop writing the old one, then drop it (deploy request 2, after the code).
\`\`\`sql
ALTER TABLE users ADD COLUMN display_name VARCHAR(100) NULL;
-- app writes both; backfill: UPDATE users SET display_name = name WHERE id BETWEEN ? AND ? AND display_name IS NULL;
-- app reads display_name; later, in its own migration:
ALTER TABLE users DROP COLUMN name;
\`\`\`

## Fix safety
No fix: the expand/contract steps span several deploys.
`,
  check(context) {
    const change = context.change;
    if (change.kind !== 'alter-table' || context.createdInChange(change.table.name)) return;
    const table = context.schema.table(change.table.name);
    for (const action of change.actions) {
      const rename =
        action.kind === 'rename-column'
          ? { from: action.from.name, to: action.to.name }
          : action.kind === 'change-column' && action.from.name.toLowerCase() !== action.column.name.name.toLowerCase()
            ? { from: action.from.name, to: action.column.name.name }
            : undefined;
      if (!rename) continue;
      const platform = context.target.startsWith('planetscale') ? ' PlanetScale deploy requests do not support renaming a column.' : '';
      context.report({
        start: action.start,
        end: action.end,
        message: `Renaming ${change.table.name}.${rename.from} to ${rename.to} breaks every query of the running code that uses the old name.${platform} Add ${rename.to}, write both, backfill, switch reads, then drop ${rename.from} after the code deploy.`,
        related: definedHere(table ? findColumn(table, rename.from)?.origin : undefined, `${change.table.name}.${rename.from} is defined here`),
      });
    }
  },
});
