import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LintOptions, Schema, orderMigrations, replayFile } from '../engine';
import { DeployPlan, planDeploy } from '../engine/plan/deployOrder';
import { looksLikeMigration } from '../engine/migrationPaths';
import { readSources, siblingMigrations } from './migrationFiles';

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  // An argument array, never a shell: refs and paths come from users.
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20000 });
}

/** The branch to compare with when none is configured: origin's HEAD, else main or master. */
export function defaultBase(cwd: string): string {
  try {
    return git(cwd, ['symbolic-ref', '--short', 'refs/remotes/origin/HEAD']).trim();
  } catch {
    for (const candidate of ['main', 'master']) {
      try {
        git(cwd, ['rev-parse', '--verify', '--quiet', candidate]);
        return candidate;
      } catch {
        // try the next
      }
    }
  }
  throw new GitError('no base branch: set cutover.baseRef (or pass --git-base)');
}

/** Migrations (SQL, Laravel, Doctrine) added or modified since the merge-base with `base` (committed, modified or untracked). */
export function changedSince(base: string, cwd: string): string[] {
  let mergeBase: string;
  try {
    mergeBase = git(cwd, ['merge-base', base, 'HEAD']).trim();
  } catch (error) {
    throw new GitError(`git could not find a merge-base with ${base}: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  }
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const names = git(cwd, ['diff', '--name-only', '--diff-filter=AMR', mergeBase, '--']).split('\n').filter(Boolean);
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard']).split('\n').filter(Boolean);
  const candidates = [...new Set([...names.map((n) => path.join(top, n)), ...untracked.map((n) => path.join(cwd, n))])];
  return candidates.filter((f) => /\.(sql|php)$/i.test(f) && fs.existsSync(f) && (looksLikeMigration(f) || looksLikeMigration(f, fs.readFileSync(f, 'utf8'))));
}

/** The schema before the change: every migration of the changed files' folders that sorts before the first of them. */
export function schemaBeforeChange(ordered: readonly string[]): Schema {
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

export interface PlannedChange {
  plan: DeployPlan;
  /** The change's files, in order, with paths relative to `relativeTo`. */
  files: Array<{ path: string; absolute: string; source: string }>;
}

/** Plans the deploy of a set of migration files (absolute paths), as the CLI and the editor's preview do. */
export function planFiles(files: readonly string[], options: LintOptions, relativeTo: string): PlannedChange {
  const ordered = orderMigrations(files.map((f) => path.resolve(f))).map((m) => m.path);
  const sources = readSources(ordered).map((f) => ({ path: path.relative(relativeTo, f.path), absolute: f.path, source: f.source }));
  const plan = planDeploy(sources.map((f) => ({ path: f.path, source: f.source })), options, schemaBeforeChange(ordered));
  return { plan, files: sources };
}
