import * as path from 'path';
import { URI } from 'vscode-uri';
import { LineIndex } from '../engine';
import { planToMarkdown } from '../engine/plan/markdown';
import { Analyzer, filePathOf } from '../analysis';
import { LspRange, PlanParams, PlanResult } from '../protocol';
import { BranchEndpoint, pendingOnBranch } from '../liveBranch';
import { GitError, changedSince, defaultBase, planFiles } from '../workspace/changes';
import { walkMigrations } from '../workspace/walk';

/** The deploy-order preview's data: the plan of the selected files, or of the folder's git change against its base. */
export async function planRequest(params: PlanParams, analyzer: Analyzer, baseRefFor: (folderUri: string) => Promise<string>, branch?: BranchEndpoint): Promise<PlanResult | { error: string }> {
  let files: string[];
  let description: string;
  let notes: string[] = [];
  const folderPath = params.folder ? filePathOf(params.folder) : analyzer.workspaceFolders()[0];
  if (params.pending) {
    if (!branch) return { error: 'Connect to a branch first (Cutover: Switch Branch Connection…) to preview what is pending on it.' };
    if (!folderPath) return { error: 'Open a folder with migrations to preview what is pending.' };
    try {
      ({ files, description, notes } = await pendingOnBranch(branch, walkMigrations(folderPath)));
    } catch (error) {
      return { error: (error as Error).message };
    }
  } else if (params.uris && params.uris.length > 0) {
    files = params.uris.map((u) => filePathOf(u)).filter((p): p is string => p !== undefined);
    description = `${files.length} selected migration${files.length === 1 ? '' : 's'}`;
  } else {
    if (!folderPath) return { error: 'Open a folder with migrations to preview its deploy order.' };
    try {
      const base = (await baseRefFor(URI.file(folderPath).toString())) || defaultBase(folderPath);
      files = changedSince(base, folderPath);
      description = `${files.length} migration${files.length === 1 ? '' : 's'} changed since ${base}`;
    } catch (error) {
      return { error: error instanceof GitError ? error.message : `git failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (files.length === 0) return { error: `No SQL migrations in this change (${description}).` };
  const settings = await analyzer.settings.get(URI.file(files[0]).toString(), files[0]);
  const relativeTo = folderPath ?? path.dirname(files[0]);
  const { plan, files: change } = planFiles(files, settings.options, relativeTo);
  const byPath = new Map(change.map((f) => [f.path, { uri: URI.file(f.absolute).toString(), lines: new LineIndex(f.source) }]));
  const locate = (item: { path?: string; start: number; end: number }): { uri?: string; range?: LspRange } => {
    const file = item.path ? byPath.get(item.path) : undefined;
    return file ? { uri: file.uri, range: file.lines.rangeOf(item.start, item.end) } : {};
  };
  return {
    description,
    phases: plan.phases.map((phase) => ({
      name: phase.name,
      title: phase.title,
      instantEligible: phase.instantEligible,
      statements: phase.statements.map((s) => ({ ...locate(s), path: s.path, sql: s.sql, kind: s.kind, table: s.table, algorithm: s.algorithm, rebuildsTable: s.rebuildsTable, concurrentDml: s.concurrentDml, generated: s.generated })),
    })),
    steps: plan.steps.map((s) => ({ title: s.title, ...locate(s), steps: s.steps })),
    warnings: [...notes.map((message) => ({ message })), ...plan.warnings.map((w) => ({ message: w.message, ...locate(w) }))],
    markdown: planToMarkdown(plan, ({ path: p, start }) => (p ? byPath.get(p)?.lines.positionAt(start).line : undefined)),
  };
}
