/** The analysis engine's public surface. Nothing here imports vscode or the LSP libraries. */
export { lintSql, isRollbackPath } from './lint';
export { RULES, findRule } from './rules/registry';
export { applyEdits } from './fixes/listEdits';
export { LineIndex } from './text/lineIndex';
export type { Position, Range } from './text/lineIndex';
export * from './types';
export { docsUrl } from './docs';
