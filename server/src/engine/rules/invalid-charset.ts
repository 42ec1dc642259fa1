import { Span } from '../model/changes';
import { defineRule } from './rule';

const ACCEPTED = new Set(['utf8', 'utf8mb3', 'utf8mb4', 'latin1', 'ascii', 'binary']);

export default defineRule({
  id: 'invalid-charset',
  summary: 'A character set PlanetScale does not accept',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'off', mysql: 'off', mariadb: 'off' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
Flags table and column character sets other than \`utf8mb4\`, \`utf8mb3\`/\`utf8\`, \`latin1\` and \`ascii\` (and \`binary\`,
which \`VARBINARY\`/\`BLOB\` columns imply), in \`CREATE TABLE\`, \`ALTER TABLE\` options, column definitions and
\`CONVERT TO CHARACTER SET\`.

## Why is this bad?
PlanetScale's schema lint rejects other character sets (\`INVALID_CHARSET\`): the deploy request cannot be created.

## Example
\`\`\`sql
CREATE TABLE notes (id INT PRIMARY KEY, body TEXT) DEFAULT CHARSET=utf16;
\`\`\`

## Use instead
\`utf8mb4\`, which stores every Unicode character.

## Fix safety
No fix: converting data between character sets needs a plan.
`,
  check(context) {
    const change = context.change;
    const found: Array<Span & { charset: string }> = [];
    const columns = change.kind === 'create-table' ? change.columns : change.kind === 'alter-table' ? change.actions.flatMap((a) => ('column' in a && typeof a.column === 'object' && 'type' in a.column ? [a.column] : a.kind === 'add-columns' ? a.columns : [])) : [];
    for (const column of columns) if (column.type.charset) found.push({ start: column.start, end: column.end, charset: column.type.charset });
    if (change.kind === 'create-table') for (const o of change.options) if (o.name === 'CHARSET') found.push({ ...o, charset: o.value });
    if (change.kind === 'alter-table') {
      for (const a of change.actions) {
        if (a.kind === 'table-option' && a.option.name === 'CHARSET') found.push({ start: a.start, end: a.end, charset: a.option.value });
        if (a.kind === 'convert-charset') found.push({ start: a.start, end: a.end, charset: a.charset });
      }
    }
    for (const place of found) {
      if (ACCEPTED.has(place.charset.toLowerCase()) || place.charset.toLowerCase() === 'default') continue;
      context.report({ start: place.start, end: place.end, message: `PlanetScale does not accept the character set ${place.charset} (INVALID_CHARSET); use utf8mb4.` });
    }
  },
});
