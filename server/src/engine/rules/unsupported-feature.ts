import { TableOption } from '../model/changes';
import { defineRule } from './rule';

const OBJECT_REASONS: Record<string, string> = {
  TRIGGER: 'triggers',
  PROCEDURE: 'stored procedures',
  FUNCTION: 'stored functions',
  EVENT: 'events',
  DATABASE: 'CREATE/DROP DATABASE through SQL (databases are created in the dashboard or with pscale)',
  SCHEMA: 'CREATE/DROP SCHEMA through SQL (databases are created in the dashboard or with pscale)',
};

export default defineRule({
  id: 'unsupported-feature',
  summary: 'Triggers, stored routines, events, non-InnoDB engines and CREATE/DROP DATABASE, which PlanetScale does not support',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'warning', mysql: 'off', mariadb: 'off' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
Flags statements PlanetScale rejects (schema lint \`UNSUPPORTED_FEATURE\`): \`CREATE TRIGGER\`, \`CREATE PROCEDURE\`,
\`CREATE FUNCTION\`, \`CREATE EVENT\`, \`CREATE/DROP DATABASE\` or \`SCHEMA\`, and tables with an \`ENGINE\` other than
InnoDB. Dropping a trigger or routine (cleanup, rollbacks) is left alone.

## Why is this bad?
PlanetScale databases run on Vitess, which supports neither stored routines, triggers nor events in deploy requests, and
stores every table in InnoDB. The migration fails when it is applied to a branch.

## Example
\`\`\`sql
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW SET NEW.updated_at = NOW();
\`\`\`

## Use instead
Move the logic into the application (or a scheduled job for events), and use \`ENGINE=InnoDB\`.

## Fix safety
No fix.
`,
  check(context) {
    const change = context.change;
    if (change.kind === 'create-object' || change.kind === 'drop-object') {
      const reason = OBJECT_REASONS[change.objectType];
      // Dropping a routine or trigger (cleanup, a rollback) creates nothing PlanetScale would refuse to hold.
      if (!reason || (change.kind === 'drop-object' && change.objectType !== 'DATABASE' && change.objectType !== 'SCHEMA')) return;
      context.report({
        start: change.keyword.start,
        end: change.keyword.end,
        message: `PlanetScale does not support ${reason}.`,
      });
      return;
    }
    const options: TableOption[] =
      change.kind === 'create-table' ? change.options : change.kind === 'alter-table' ? change.actions.flatMap((a) => (a.kind === 'table-option' ? [a.option] : [])) : [];
    for (const option of options) {
      if (option.name !== 'ENGINE' || option.value === 'innodb') continue;
      context.report({
        start: option.start,
        end: option.end,
        message: `ENGINE=${option.value}: PlanetScale stores every table in InnoDB; use ENGINE=InnoDB.`,
      });
    }
  },
});
