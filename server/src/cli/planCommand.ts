import * as path from 'path';
import { LineIndex, resolveOptions } from '../engine';
import { planToMarkdown } from '../engine/plan/markdown';
import { GitError, changedSince, planFiles } from '../workspace/changes';
import { loadConfigFile, loadNearestConfig } from '../workspace/configFile';
import { CliArgs, UsageError, requireFormat } from './args';
import { collectFiles } from './workspace';

/** `cutover plan`: the deploy order of a change (the given migrations, or those changed since a git base). */
export function runPlan(args: CliArgs, gitBase: string | undefined, write: (text: string) => void): number {
  const format = requireFormat(args, ['markdown', 'json'] as const, 'markdown');
  let files: string[];
  try {
    files = gitBase ? changedSince(gitBase, process.cwd()) : collectFiles(args.paths, () => false);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  if (files.length === 0) throw new UsageError(gitBase ? `no SQL migrations changed since ${gitBase}` : 'no SQL migrations found');
  const loaded = args.config ? loadConfigFile(args.config) : loadNearestConfig(path.resolve(files[0]));
  const options = resolveOptions(loaded.config, { target: args.target, mysqlVersion: args.mysqlVersion });
  const { plan, files: change } = planFiles(files, options, process.cwd());
  const lines = new Map(change.map((f) => [f.path, new LineIndex(f.source)]));
  if (format === 'markdown') {
    write(planToMarkdown(plan, ({ path: p, start }) => (p ? lines.get(p)?.positionAt(start).line : undefined)));
    return 0;
  }
  const withRange = <T extends { path?: string; start: number; end: number }>(item: T) => {
    const { start, end, ...rest } = item;
    return { ...rest, range: item.path ? lines.get(item.path)?.rangeOf(start, end) : undefined };
  };
  const phases = plan.phases.map((phase) => ({ ...phase, instantEligible: phase.instantEligible ?? null, statements: phase.statements.map(withRange) }));
  write(`${JSON.stringify({ version: 1, phases, steps: plan.steps.map(withRange), warnings: plan.warnings.map(withRange) }, null, 2)}\n`);
  return 0;
}
