import { deleteSpan } from '../fixes/listEdits';
import { addedForeignKeys, foreignKeyLabel } from './foreignKeys';
import { defineRule } from './rule';

export default defineRule({
  id: 'no-cascade',
  summary: 'ON DELETE / ON UPDATE CASCADE or SET NULL on a foreign key',
  severity: { planetscale: 'warning', 'planetscale-fk': 'warning', vitess: 'warning', mysql: 'info', mariadb: 'info' },
  fix: 'always',
  appliesToRollbacks: true,
  docs: `## What it does
Flags the referential actions \`ON DELETE CASCADE\`, \`ON UPDATE CASCADE\`, \`ON DELETE SET NULL\` and \`ON UPDATE SET NULL\`
on a foreign key, in \`CREATE TABLE\` and in \`ALTER TABLE … ADD FOREIGN KEY\`.

## Why is this bad?
InnoDB performs cascaded changes inside the storage engine: they never reach the binary log as their own row events.
Everything that reads the binlog misses them: Vitess VReplication, MoveTables and Online DDL, PlanetScale deploy requests
with foreign key support, and change-data-capture pipelines. PlanetScale rejects some DML that would cascade
(\`INSERT … ON DUPLICATE KEY UPDATE\`, \`REPLACE INTO … SELECT\`). MySQL also refuses \`LOCK=NONE\` for online DDL on a table
with cascading foreign keys, so every later ALTER of the table blocks writes.

## Example
\`\`\`sql
CREATE TABLE order_items (
  id BIGINT NOT NULL PRIMARY KEY,
  order_id BIGINT NOT NULL,
  FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);
\`\`\`

## Use instead
Keep the default \`NO ACTION\` (or drop the constraint on PlanetScale) and delete children in the application, in
batches, before deleting the parent.

## Fix safety
"Remove ON DELETE CASCADE" deletes the action, leaving the default (\`NO ACTION\`); in Laravel it removes the call
(\`->cascadeOnDelete()\`, \`->onDelete('cascade')\`, \`->nullOnDelete()\`). It is **unsafe**: deleting a parent
row then fails while children exist, until the application deletes them itself.
`,
  check(context) {
    for (const { fk, change } of addedForeignKeys(context.change)) {
      for (const action of fk.actions) {
        if (action.action !== 'CASCADE' && action.action !== 'SET NULL') continue;
        const written = `ON ${action.event} ${action.action}`;
        // In PHP the action is a call (`->cascadeOnDelete()`): the fix names what it removes.
        const removed = action.phpRemoval ? `->${context.source.slice(action.start, action.end)}` : written;
        context.report({
          start: action.start,
          end: action.end,
          message: `${written} on ${foreignKeyLabel(fk, change.table.name).replace(/^Foreign key constraint/, 'foreign key')}: InnoDB applies cascaded changes inside the engine, so they never reach the binlog (VReplication, Online DDL and CDC miss them) and LOCK=NONE becomes impossible for this table. Delete or update the child rows in the application instead.`,
          fixes: [{ title: `Remove ${removed}`, safe: false, edits: action.phpRemoval ?? [deleteSpan(context.source, action.start, action.end)] }],
        });
      }
    }
  },
});
