import * as path from 'path';
import { LineIndex, resolveOptions } from '../engine';
import { planToMarkdown } from '../engine/plan/markdown';
import { BranchEndpoint, pendingOnBranch } from '../liveBranch';
import { GitError, changedSince, planFiles } from '../workspace/changes';
import { loadConfigFile, loadNearestConfig } from '../workspace/configFile';
import { CliArgs, UsageError, requireFormat } from './args';
import { collectFiles } from './workspace';

/**
 * The migrations of `files` that the database at `url` (a branch) does not have yet, from its migration tool's table.
 * The password comes from CUTOVER_DB_PASSWORD, never from the command line (it would show in process lists and logs).
 */
async function pendingOn(url: string, files: string[]): Promise<{ files: string[]; notes: string[] }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new UsageError('--pending-on needs a URL like mysql://user@127.0.0.1:3306/database');
  }
  if (target.protocol !== 'mysql:' || target.password) {
    throw new UsageError('--pending-on needs a URL like mysql://user@127.0.0.1:3306/database, without a password (set CUTOVER_DB_PASSWORD)');
  }
  const endpoint: BranchEndpoint = {
    name: `${target.hostname}:${target.port || 3306}/${decodeURIComponent(target.pathname.slice(1))}`,
    host: target.hostname,
    port: Number(target.port || 3306),
    user: decodeURIComponent(target.username),
    password: process.env.CUTOVER_DB_PASSWORD,
    database: decodeURIComponent(target.pathname.slice(1)),
    production: false,
    safeMigrations: false,
  };
  try {
    const pending = await pendingOnBranch(endpoint, files.map((f) => path.resolve(f)));
    return { files: pending.files, notes: [pending.description, ...pending.notes] };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; check the URL and CUTOVER_DB_PASSWORD`);
  }
}

/** `cutover plan`: the deploy order of a change (the given migrations, those changed since a git base, or pending on a branch). */
export async function runPlan(args: CliArgs, gitBase: string | undefined, write: (text: string) => void): Promise<number> {
  const format = requireFormat(args, ['markdown', 'json'] as const, 'markdown');
  let files: string[];
  let notes: string[] = [];
  try {
    files = gitBase ? changedSince(gitBase, process.cwd()) : collectFiles(args.paths, () => false);
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
  if (args.pendingOn) ({ files, notes } = await pendingOn(args.pendingOn, files));
  if (files.length === 0) throw new UsageError(gitBase ? `no migrations changed since ${gitBase}` : args.pendingOn ? `nothing is pending: ${notes[0]}` : 'no migrations found');
  const loaded = args.config ? loadConfigFile(args.config) : loadNearestConfig(path.resolve(files[0]));
  const options = resolveOptions(loaded.config, { target: args.target, mysqlVersion: args.mysqlVersion });
  const { plan, files: change } = planFiles(files, options, process.cwd());
  // Where the change came from, and what the migration table said, lead the warnings.
  plan.warnings.unshift(...notes.slice(1).map((message) => ({ start: 0, end: 0, message })));
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
