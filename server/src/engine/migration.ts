import { FileLintResult, lintFile, replayFile } from './lint';
import { lintPhpFile } from './php/lintPhp';
import { Schema } from './schema/model';
import { LintOptions } from './types';

/** PHP migrations (Laravel, Doctrine) go through the PHP readers; everything else is SQL. */
export function isPhpPath(path: string | undefined): boolean {
  return path !== undefined && /\.php$/i.test(path);
}

/** Lints a migration of either kind against the schema before it. */
export function lintMigration(source: string, options: LintOptions, path: string | undefined, schemaBefore: Schema = new Schema(), phpHint = false): FileLintResult {
  return isPhpPath(path) || phpHint ? lintPhpFile(source, options, path, schemaBefore) : lintFile(source, options, path, schemaBefore);
}

/** The schema after a migration of either kind (rollbacks excluded). */
export function replayMigration(source: string, path: string | undefined, schemaBefore: Schema): Schema {
  if (!isPhpPath(path)) return replayFile(source, path, schemaBefore);
  // The PHP readers are cheap; the rules' findings are simply not used here.
  return lintPhpFile(source, { target: 'mysql', rules: {} }, path, schemaBefore).schemaAfter;
}
