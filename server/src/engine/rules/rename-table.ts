import { Name } from '../model/changes';
import { definedHere } from './related';
import { defineRule } from './rule';

export default defineRule({
  id: 'rename-table',
  summary: 'Renaming a table: backward-incompatible, and not supported on PlanetScale',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'warning', mysql: 'warning', mariadb: 'warning' },
  fix: 'none',
  appliesToRollbacks: false,
  docs: `## What it does
Flags \`RENAME TABLE a TO b\` and \`ALTER TABLE a RENAME [TO|AS] b\` for a table that existed before this migration.

## Why is this bad?
Code deployed before the migration queries the old name and fails the moment the rename runs. PlanetScale deploy
requests do not rename tables; a rename is about six steps over at least two deploy requests.

## Example
\`\`\`sql
RENAME TABLE customers TO accounts;
\`\`\`

## Use instead
Create the new table (deploy request 1), make the code write to both, backfill in batches, switch reads, stop writing
the old table, and drop it in a later deploy request, after the code. A view with the old name can bridge reads on MySQL.

## Fix safety
No fix: the steps span several deploys.
`,
  check(context) {
    const change = context.change;
    const renames: Array<{ from: Name; to: Name; start: number; end: number }> = [];
    if (change.kind === 'rename-table') {
      for (const pair of change.pairs) renames.push({ ...pair, start: pair.from.start, end: pair.to.end });
    } else if (change.kind === 'alter-table') {
      for (const action of change.actions) if (action.kind === 'rename-table') renames.push({ from: change.table, to: action.to, start: action.start, end: action.end });
    }
    for (const rename of renames) {
      if (context.createdInChange(rename.from.name)) continue;
      const platform = context.target.startsWith('planetscale') ? ' PlanetScale deploy requests do not support renaming a table.' : '';
      context.report({
        start: rename.start,
        end: rename.end,
        message: `Renaming table ${rename.from.name} to ${rename.to.name} breaks the running code that uses the old name.${platform} Create ${rename.to.name}, write both, backfill, switch reads, then drop ${rename.from.name} after the code deploy.`,
        related: definedHere(context.schema.table(rename.from.name)?.origin, `${rename.from.name} is created here`),
      });
    }
  },
});
