import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex, Schema, orderMigrations, replayFile, resolveOptions } from '../engine';
import { ChangeFile, planDeploy } from '../engine/plan/deployOrder';
import { planToMarkdown } from '../engine/plan/markdown';
import { loadConfigFile, loadNearestConfig } from '../workspace/configFile';
import { readSources, siblingMigrations } from '../workspace/migrationFiles';
import { CliArgs, UsageError, requireFormat } from './args';
import { collectFiles } from './workspace';

/** Files added or modified since the merge-base with `base` (committed or not); git runs with an argument array. */
export function changedSince(base: string, cwd: string): string[] {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let mergeBase: string;
  try {
    mergeBase = git(['merge-base', base, 'HEAD']).trim();
  } catch (error) {
    throw new UsageError(`git could not find a merge-base with ${base}: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  }
  const top = git(['rev-parse', '--show-toplevel']).trim();
  const names = git(['diff', '--name-only', '--diff-filter=AMR', mergeBase, '--']).split('\n').filter(Boolean);
  const untracked = git(['ls-files', '--others', '--exclude-standard']).split('\n').filter(Boolean);
  return [...new Set([...names.map((n) => path.join(top, n)), ...untracked.map((n) => path.join(cwd, n))])].filter((f) => /\.sql$/i.test(f) && fs.existsSync(f));
}

/** `cutover plan`: the deploy order of a change (the given migrations, or those changed since a git base). */
export function runPlan(args: CliArgs, gitBase: string | undefined, write: (text: string) => void): number {
  const format = requireFormat(args, ['markdown', 'json'] as const, 'markdown');
  const files = gitBase ? changedSince(gitBase, process.cwd()) : collectFiles(args.paths, () => false);
  if (files.length === 0) throw new UsageError(gitBase ? `no SQL migrations changed since ${gitBase}` : 'no SQL migrations found');
  const ordered = orderMigrations(files.map((f) => path.resolve(f))).map((m) => m.path);
  const loaded = args.config ? loadConfigFile(args.config) : loadNearestConfig(ordered[0]);
  const options = resolveOptions(loaded.config, { target: args.target, mysqlVersion: args.mysqlVersion });
  const change: ChangeFile[] = readSources(ordered).map((f) => ({ path: path.relative(process.cwd(), f.path), source: f.source }));
  const plan = planDeploy(change, options, schemaBeforeChange(ordered));
  if (format === 'json') {
    const lines = new Map(change.map((f) => [f.path, new LineIndex(f.source)]));
    const range = (p: string | undefined, start: number, end: number) => (p && lines.get(p) ? lines.get(p)!.rangeOf(start, end) : undefined);
    const phases = plan.phases.map((phase) => ({
      name: phase.name,
      title: phase.title,
      instantEligible: phase.instantEligible ?? null,
      statements: phase.statements.map((s) => ({ ...s, range: range(s.path, s.start, s.end), start: undefined, end: undefined })),
    }));
    write(`${JSON.stringify({ version: 1, phases, steps: plan.steps.map((s) => ({ ...s, range: range(s.path, s.start, s.end), start: undefined, end: undefined })), warnings: plan.warnings }, null, 2)}\n`);
  } else {
    const lines = new Map(change.map((f) => [f.path, new LineIndex(f.source)]));
    write(planToMarkdown(plan, ({ path: p, start }) => (p ? lines.get(p)?.positionAt(start).line : undefined)));
  }
  return 0;
}

/** The schema before the change: every migration of the changed files' folders that sorts before the first of them. */
function schemaBeforeChange(ordered: readonly string[]): Schema {
  const changed = new Set(ordered);
  let schema = new Schema();
  const folders = [...new Set(ordered.map((f) => siblingMigrations(f)).flat())];
  for (const migration of orderMigrations(folders)) {
    if (changed.has(migration.path)) break;
    if (migration.kind === 'rollback') continue;
    const [file] = readSources([migration.path]);
    if (file) schema = replayFile(file.source, file.path, schema);
  }
  return schema;
}
