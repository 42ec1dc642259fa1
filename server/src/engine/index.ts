/** The analysis engine's public surface. Nothing here imports vscode or the LSP libraries. */
export { lintFile, lintSql, replayFile, isRollbackPath } from './lint';
export type { AnalysedStatement, FileLintResult } from './lint';
export { lintMigrationFolder, schemaBefore } from './project';
export { isPhpPath, lintMigration, replayMigration } from './migration';
export type { SourceFile } from './project';
export { orderMigrations, describeMigration } from './schema/migrationOrder';
export { Schema } from './schema/model';
export { RULES, findRule } from './rules/registry';
export { validateConfig, resolveOptions } from './config';
export type { CutoverConfig, ConfigProblem } from './config';
export { applyEdits } from './fixes/listEdits';
export { fixRule, fixAllSafe } from './fixes/fixAll';
export { LineIndex } from './text/lineIndex';
export type { Position, Range } from './text/lineIndex';
export * from './types';
export { docsUrl } from './docs';
