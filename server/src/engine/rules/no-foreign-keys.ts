import { removeForeignKeyFix } from '../fixes/removeForeignKey';
import { addedForeignKeys, foreignKeyLabel } from './foreignKeys';
import { defineRule } from './rule';

export default defineRule({
  id: 'no-foreign-keys',
  summary: 'Foreign key constraints, which PlanetScale rejects unless the database allows them',
  severity: { planetscale: 'error', 'planetscale-fk': 'info', vitess: 'warning', mysql: 'info', mariadb: 'info' },
  fix: 'always',
  docs: `## What it does
Flags every \`FOREIGN KEY\` constraint: a definition in \`CREATE TABLE\` and an \`ALTER TABLE … ADD [CONSTRAINT] FOREIGN KEY\` clause,
including one inside a \`/*! … */\` executable comment (MySQL runs those).

## Why is this bad?
PlanetScale databases do not allow foreign key constraints unless "Allow foreign key constraints" is on: the DDL fails
with \`VT10001: foreign key constraints are not allowed\` and schema lint reports \`FOREIGN_KEYS_DISALLOWED\`.
Vitess cannot run online schema changes, MoveTables or resharding across constraints whose effects happen inside InnoDB,
and online schema change tools for MySQL (gh-ost, Vitess Online DDL) do not support them.

## Example
\`\`\`sql
CREATE TABLE posts (
  id BIGINT NOT NULL AUTO_INCREMENT,
  author_id BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id)
);
\`\`\`

## Use instead
Keep the relation in the application and keep a plain index on the column, as PlanetScale's documentation shows:
\`\`\`sql
CREATE TABLE posts (
  id BIGINT NOT NULL AUTO_INCREMENT,
  author_id BIGINT NOT NULL,
  PRIMARY KEY (id),
  KEY author_id_idx (author_id)
);
\`\`\`

## Fix safety
"Remove foreign key constraint" deletes the constraint and one neighbouring comma. When no other index starts with the
constraint's columns it puts \`KEY <columns>_idx (<columns>)\` (or \`ADD INDEX\` in an \`ALTER TABLE\`) in its place, because
MySQL had created that index implicitly for the constraint and queries rely on it. In Laravel migrations,
\`foreignId('user_id')->constrained()->cascadeOnDelete()\` becomes \`foreignId('user_id')->index()\`, and a
\`$table->foreign('col')->references('id')->on('t');\` statement becomes \`$table->index('col');\` (or goes, when an index
already exists); in Doctrine's \`addSql\`, the clause is edited inside the string. The fix is **unsafe**: the database no
longer enforces the relation, so it is offered one at a time and is not part of fix-all.
`,
  appliesToRollbacks: true,
  check(context) {
    for (const { fk, change } of addedForeignKeys(context.change)) {
      const columns = fk.columns.map((c) => c.name).join(', ');
      // Constraints already on the connected branch mean its foreign key support is on.
      const branchAllows = context.target === 'planetscale' && (context.live?.foreignKeys ?? 0) > 0;
      const why = branchAllows
        ? `${context.live!.name} already has foreign keys, so its foreign key support is on; they still make deploy requests slower to revert and need every cascade checked`
        : context.target === 'planetscale'
          ? 'PlanetScale rejects foreign key constraints unless the database allows them (VT10001)'
          : context.target === 'planetscale-fk'
            ? 'foreign keys make deploy requests slower to revert and need every cascade checked'
            : 'online schema change tools (Vitess Online DDL, gh-ost) cannot migrate tables with foreign keys';
      // In an ALTER the clause starts at ADD; in CREATE TABLE at CONSTRAINT or FOREIGN.
      // PHP migrations: the constraint's own call (`constrained()`, `$table->foreign(…)…`).
      const clause = change.kind === 'alter-table' && !fk.phpRemoval ? change.actions.find((a) => a.start <= fk.start && fk.end <= a.end) ?? fk : fk;
      context.report({
        start: clause.start,
        end: clause.end,
        message: `${foreignKeyLabel(fk, change.table.name)}: ${why}. Enforce the relation in the application and keep an index on (${columns}).`,
        fixes: [removeForeignKeyFix(context.source, context.statement, change, fk, context.schema)],
        severity: branchAllows ? 'warning' : undefined,
      });
    }
  },
});
