import { deleteSpan } from '../fixes/listEdits';
import { findRule } from './registry';
import { defineRule } from './rule';

export default defineRule({
  id: 'unused-ignore',
  summary: 'A cutover-ignore comment that silences nothing',
  severity: { planetscale: 'info', 'planetscale-fk': 'info', vitess: 'info', mysql: 'info', mariadb: 'info' },
  fix: 'always',
  appliesToRollbacks: true,
  docs: `## What it does
Reports \`-- cutover-ignore <rules>\` and \`-- cutover-ignore-file <rules>\` comments that silenced no finding, and rule ids
in them that do not exist.

## Why is this bad?
A stale ignore hides the next real problem in that statement, and a misspelt rule id silences nothing at all.

## Example
\`\`\`sql
-- cutover-ignore drop-colum
ALTER TABLE users DROP COLUMN legacy_code;
\`\`\`

## Use instead
Name the rule exactly (\`drop-column\`), and remove ignores once the statement no longer triggers the rule.

## Fix safety
"Remove unused ignore comment" deletes the comment; **safe**: it silenced nothing.
`,
  check() {
    // Reported once the whole file is linted: see finishFile.
  },
  finishFile(context) {
    for (const ignore of context.ignores) {
      const unknown = ignore.rules.filter((id) => !findRule(id));
      if (unknown.length > 0) {
        context.report({ start: ignore.start, end: ignore.end, message: `Unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} in cutover-ignore.` });
        continue;
      }
      if (ignore.used.size > 0) continue;
      const what = ignore.rules.length > 0 ? ignore.rules.join(', ') : 'any rule';
      context.report({
        start: ignore.start,
        end: ignore.end,
        message: `This cutover-ignore${ignore.scope === 'file' ? '-file' : ''} silences nothing: no ${what} finding ${ignore.scope === 'file' ? 'in this file' : 'on the next statement'}.`,
        fixes: [{ title: 'Remove unused ignore comment', safe: true, edits: [deleteSpan(context.source, ignore.start, ignore.end)] }],
      });
    }
  },
});
