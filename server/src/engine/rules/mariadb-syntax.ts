import { Token, significant } from '../sql/lexer';
import { isKeyword } from '../sql/tokenCursor';
import { defineRule } from './rule';

/** MariaDB extensions MySQL 8 rejects, found in the statement's tokens: [first token index, length, what it is]. */
function mariadbOnly(tokens: readonly Token[]): Array<{ from: number; to: number; what: string }> {
  const found: Array<{ from: number; to: number; what: string }> = [];
  const at = (i: number, ...words: string[]) => words.every((w, k) => isKeyword(tokens[i + k], w));
  const isAlterTable = at(0, 'ALTER');
  for (let i = 0; i < tokens.length; i++) {
    if (i === 1 && isAlterTable && at(1, 'ONLINE')) found.push({ from: 1, to: 1, what: 'ALTER ONLINE TABLE' });
    else if (i === 1 && isAlterTable && at(1, 'IGNORE', 'TABLE')) found.push({ from: 1, to: 1, what: 'ALTER IGNORE TABLE (removed in MySQL 5.7)' });
    else if (i === 1 && at(0, 'CREATE') && at(1, 'OR', 'REPLACE') && (at(3, 'TABLE') || at(3, 'INDEX') || at(3, 'UNIQUE') || at(3, 'SEQUENCE'))) found.push({ from: 1, to: 2, what: `CREATE OR REPLACE ${tokens[3].upper}` });
    else if (at(i, 'IF', 'NOT', 'EXISTS') && i > 0 && (isAlterTable || (at(0, 'CREATE') && tokens.slice(0, i).some((t) => isKeyword(t, 'INDEX'))))) found.push({ from: i, to: i + 2, what: isAlterTable ? 'IF NOT EXISTS in an ALTER TABLE clause' : 'CREATE INDEX IF NOT EXISTS' });
    else if (at(i, 'IF', 'EXISTS') && i >= 2 && (isAlterTable || (at(0, 'DROP') && at(1, 'INDEX')))) found.push({ from: i, to: i + 1, what: isAlterTable ? 'IF EXISTS in an ALTER TABLE clause' : 'DROP INDEX IF EXISTS' });
  }
  // ALTER TABLE IF EXISTS t (the table itself): MariaDB only too.
  if (isAlterTable && at(2, 'IF', 'EXISTS')) found.unshift({ from: 2, to: 3, what: 'ALTER TABLE IF EXISTS' });
  return found.filter((f, i, all) => all.findIndex((g) => g.from === f.from) === i);
}

export default defineRule({
  id: 'mariadb-syntax',
  summary: 'MariaDB-only syntax that MySQL 8 (and so PlanetScale and Vitess) rejects',
  severity: { planetscale: 'error', 'planetscale-fk': 'error', vitess: 'error', mysql: 'error', mariadb: 'off' },
  fix: 'none',
  appliesToRollbacks: true,
  docs: `## What it does
Flags MariaDB extensions in migrations that target MySQL, PlanetScale or Vitess: \`ALTER ONLINE TABLE\`,
\`ALTER IGNORE TABLE\` (removed in MySQL 5.7), \`ALTER TABLE IF EXISTS\`, \`IF [NOT] EXISTS\` on ALTER TABLE clauses
(\`ADD COLUMN IF NOT EXISTS\`, \`DROP COLUMN IF EXISTS\`, \`MODIFY IF EXISTS\`, …), \`CREATE OR REPLACE TABLE/INDEX\`,
\`CREATE INDEX IF NOT EXISTS\` and \`DROP INDEX IF EXISTS\`.

## Why is this bad?
Migrations written against a local MariaDB run there and fail with a syntax error (1064) on MySQL 8, which PlanetScale
and Vitess run: the deploy stops at this statement.

## Example
\`\`\`sql
ALTER TABLE photos ADD COLUMN IF NOT EXISTS taken_at DATETIME NULL;
\`\`\`

## Use instead
Plain MySQL syntax; make the migration idempotent through the migration tool's bookkeeping rather than \`IF EXISTS\`.

## Fix safety
No fix: dropping \`IF EXISTS\` changes what the statement does when the object is missing.
`,
  check(context) {
    const tokens = significant(context.statement.tokens);
    for (const { from, to, what } of mariadbOnly(tokens)) {
      context.report({ start: tokens[from].start, end: tokens[to].end, message: `${what} is MariaDB syntax: MySQL 8${context.target.startsWith('planetscale') ? ' (PlanetScale)' : context.target === 'vitess' ? ' (Vitess)' : ''} rejects this statement.` });
    }
  },
});
