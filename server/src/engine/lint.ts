import { ignoreFileEdit, ignoreStatementEdit } from './fixes/ignoreEdits';
import { collectIgnores, IgnoreDirective } from './ignores';
import { FileLintResult, LintUnit, runRules } from './runRules';
import { applyChange } from './schema/apply';
import { Schema } from './schema/model';
import { lex } from './sql/lexer';
import { readStatement } from './sql/read';
import { splitStatements } from './sql/splitter';
import { Finding, LintOptions } from './types';

export type { AnalysedStatement, FileLintResult } from './runRules';

/** Rollback files (golang-migrate's `*.down.sql`, `*.undo.sql`, Flyway's `U<n>__…`) undo a change; they are not the change. */
export function isRollbackPath(path: string | undefined): boolean {
  if (path === undefined) return false;
  const base = path.split(/[\\/]/).pop() ?? '';
  return /\.(down|undo)\.sql$/i.test(base) || /^U\d[\w.]*__/.test(base);
}

/**
 * Lints one SQL migration against the schema as it stood before it. `rollback` marks SQL that undoes a change
 * (a string in a PHP migration's `down()`); files and sections say so themselves.
 */
export function lintFile(source: string, options: LintOptions, path?: string, schemaBefore: Schema = new Schema(), rollback = false, created?: Set<string>): FileLintResult {
  const fileIsRollback = rollback || isRollbackPath(path);
  const { statements } = splitStatements(source);
  const ignores = collectIgnores(statements, lex(source, 0, statements[0]?.start ?? source.length));
  const units: LintUnit[] = statements.map((statement) => ({
    statement,
    change: readStatement(statement, source),
    rollback: fileIsRollback || statement.section === 'down',
  }));
  return runRules(units, {
    source,
    path,
    options,
    schemaBefore,
    ignores,
    created,
    ignoreEdits: (unit, rule) => ({ statement: ignoreStatementEdit(source, unit.statement, ignores, rule), file: ignoreFileEdit(source, ignores, rule) }),
  });
}

/** Lints one migration on its own (no earlier files): what the editor does for a file outside any known folder. */
export function lintSql(source: string, options: LintOptions, path?: string): Finding[] {
  return lintFile(source, options, path).findings;
}

export type { IgnoreDirective };

/** The schema after a file's forward statements, without running any rule (replaying earlier migrations). */
export function replayFile(source: string, path: string | undefined, schemaBefore: Schema): Schema {
  const schema = schemaBefore.clone();
  if (isRollbackPath(path)) return schema;
  for (const statement of splitStatements(source).statements) {
    if (statement.section === 'down') continue;
    applyChange(schema, readStatement(statement, source), { path, start: statement.start, end: statement.end });
  }
  return schema;
}
