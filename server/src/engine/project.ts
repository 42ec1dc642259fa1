import { FileLintResult } from './lint';
import { lintMigration, replayMigration } from './migration';
import { Schema } from './schema/model';
import { orderMigrations } from './schema/migrationOrder';
import { LintOptions } from './types';

export interface SourceFile {
  path: string;
  source: string;
}

/**
 * Lints a folder's migrations in their tool's order, each against the schema the earlier ones built. Rollbacks are
 * linted against the schema after the migration they undo and do not change it.
 */
export function lintMigrationFolder(files: readonly SourceFile[], options: LintOptions, baseline: Schema = new Schema()): Map<string, FileLintResult> {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const results = new Map<string, FileLintResult>();
  let schema = baseline;
  for (const migration of orderMigrations(files.map((f) => f.path))) {
    const file = byPath.get(migration.path)!;
    const result = lintMigration(file.source, options, file.path, schema);
    results.set(file.path, result);
    if (migration.kind !== 'rollback') schema = result.schemaAfter;
  }
  return results;
}

/** The schema as it stands before `path` runs: every earlier migration of its folder replayed. */
export function schemaBefore(files: readonly SourceFile[], path: string): Schema {
  const byPath = new Map(files.map((f) => [f.path, f]));
  let schema = new Schema();
  for (const migration of orderMigrations([...files.map((f) => f.path), ...(byPath.has(path) ? [] : [path])])) {
    if (migration.path === path) break;
    if (migration.kind === 'rollback') continue;
    const file = byPath.get(migration.path);
    if (file) schema = replayMigration(file.source, file.path, schema);
  }
  return schema;
}
