import { ColumnDefinition } from '../model/changes';
import { findColumn } from '../schema/model';
import { compareTypes, describeType } from './columnTypes';
import { definedHere } from './related';
import { defineRule } from './rule';

export default defineRule({
  id: 'change-column-type',
  summary: "Changing a column's type: the table is copied, and the running code may break",
  severity: { planetscale: 'warning', 'planetscale-fk': 'warning', vitess: 'warning', mysql: 'warning', mariadb: 'warning' },
  fix: 'none',
  appliesToRollbacks: false,
  docs: `## What it does
Flags \`MODIFY\` and \`CHANGE\` clauses that change a column's data type in a way that can reject or alter existing values,
or change what the application reads back: another type family (\`INT\` → \`VARCHAR\`), a narrower type (\`VARCHAR(255)\`
→ \`VARCHAR(100)\`, \`BIGINT\` → \`INT\`), signedness, or character set. The old type comes from the earlier migrations; when
Cutover does not know it (the table was created elsewhere), it says so instead of guessing. Widening that keeps every
value (a longer \`VARCHAR\`, a larger integer, appended \`ENUM\` members) is left to \`locking-alter\`, which says whether it
copies the table.

## Why is this bad?
MySQL copies the whole table to change a column's type (\`ALGORITHM=COPY\`) and blocks writes while it does; values that
do not fit are truncated or rejected, and code deployed before the change may write values the new type refuses.

## Example
\`\`\`sql
ALTER TABLE orders MODIFY status INT NOT NULL;
\`\`\`

## Use instead
Treat it like a rename: add a column of the new type, write both, backfill in batches, switch reads, drop the old column
after the code deploy. On PlanetScale, a deploy request applies the copy online with a shadow table.

## Fix safety
No fix.
`,
  check(context) {
    const change = context.change;
    if (change.kind !== 'alter-table' || context.createdInChange(change.table.name)) return;
    const table = context.schema.table(change.table.name);
    for (const action of change.actions) {
      if (action.kind !== 'modify-column' && action.kind !== 'change-column') continue;
      const oldName = action.kind === 'change-column' ? action.from.name : action.column.name.name;
      const before = table ? findColumn(table, oldName) : undefined;
      const after: ColumnDefinition = action.column;
      if (!before) continue;
      if (compareTypes(before.definition.type, after.type) !== 'different') continue;
      context.report({
        start: action.start,
        end: action.end,
        message: `Changing ${change.table.name}.${oldName} from ${describeType(before.definition.type)} to ${describeType(after.type)} copies the table and may reject or alter existing values; code deployed before it may write values the new type refuses. Add a new column, backfill, switch, then drop the old one.`,
        related: definedHere(before.origin, `${change.table.name}.${oldName} was ${describeType(before.definition.type)} here`),
      });
    }
  },
});
