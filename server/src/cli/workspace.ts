import * as fs from 'fs';
import * as path from 'path';
import { FileLintResult, LintOptions, lintMigrationFolder, resolveOptions } from '../engine';
import { matchesAny } from '../engine/glob';
import { LoadedConfig, loadConfigFile, loadNearestConfig } from '../workspace/configFile';
import { readSources, siblingMigrations } from '../workspace/migrationFiles';
import { walkMigrations } from '../workspace/walk';
import { CliArgs, UsageError } from './args';

export interface LintedFile {
  path: string;
  source: string;
  result: FileLintResult;
  options: LintOptions;
}

/** Folders are walked for migrations (and what `include` names); files named explicitly are always taken. */
export function collectFiles(paths: readonly string[], included: (file: string) => boolean): string[] {
  const files: string[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stat.isDirectory()) walkMigrations(given, included, files);
    else files.push(given);
  }
  return [...new Set(files)];
}

/** With no paths: the `migrations` folders of the config in force here, else the current folder. */
function defaultPaths(explicit: LoadedConfig | undefined): string[] {
  const loaded = explicit ?? loadNearestConfig(process.cwd());
  const folders = loaded.config.migrations;
  if (!loaded.file || !folders || folders.length === 0) return ['.'];
  return folders.map((folder) => path.relative(process.cwd(), path.resolve(path.dirname(loaded.file!), folder)) || '.');
}

function configFor(file: string, explicit: LoadedConfig | undefined, cache: Map<string, LoadedConfig>): LoadedConfig {
  if (explicit) return explicit;
  const dir = path.dirname(path.resolve(file));
  let loaded = cache.get(dir);
  if (!loaded) {
    loaded = loadNearestConfig(dir);
    cache.set(dir, loaded);
  }
  return loaded;
}

/**
 * Lints files the way the editor does: each with its nearest `.cutover.json`, against the schema that the
 * earlier migrations of its folder build (those are read even when not named on the command line).
 */
export function lintPaths(args: CliArgs, onConfigProblem: (message: string) => void): LintedFile[] {
  const explicitConfig = args.config ? loadConfigFile(args.config) : undefined;
  if (explicitConfig && explicitConfig.problems.some((p) => p.path === '')) throw new UsageError(explicitConfig.problems[0].message);
  const configs = new Map<string, LoadedConfig>();
  const reported = new Set<string>();
  const included = (file: string) => {
    const loaded = configFor(file, explicitConfig, configs);
    return loaded.file !== undefined && matchesAny(path.relative(path.dirname(loaded.file), path.resolve(file)), loaded.config.include);
  };
  const paths = args.pathsGiven ? args.paths : defaultPaths(explicitConfig);
  const requested = collectFiles(paths, included);
  if (requested.length === 0) {
    throw new UsageError(`no SQL migrations found in ${paths.join(', ')} (files named explicitly are always linted; \`include\` in .cutover.json adds others)`);
  }
  const groups = new Map<string, { files: string[]; options: LintOptions }>();
  for (const file of requested) {
    const loaded = configFor(file, explicitConfig, configs);
    if (loaded.file && !reported.has(loaded.file)) {
      reported.add(loaded.file);
      for (const problem of loaded.problems) onConfigProblem(`${loaded.file}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
    }
    if (loaded.file && matchesAny(path.relative(path.dirname(loaded.file), path.resolve(file)), loaded.config.exclude)) continue;
    const options = resolveOptions(loaded.config, { target: args.target, mysqlVersion: args.mysqlVersion });
    const key = `${loaded.file ?? ''}\0${path.dirname(path.resolve(file))}`;
    const group = groups.get(key) ?? { files: [], options };
    group.files.push(file);
    groups.set(key, group);
  }
  const linted: LintedFile[] = [];
  for (const { files, options } of groups.values()) {
    const absolute = new Map(files.map((f) => [path.resolve(f), f]));
    const siblings = new Set([...siblingMigrations(path.resolve(files[0])), ...absolute.keys()]);
    const sources = readSources([...siblings]);
    const results = lintMigrationFolder(sources, options);
    for (const source of sources) {
      const shown = absolute.get(source.path);
      if (shown !== undefined) linted.push({ path: shown, source: source.source, result: results.get(source.path)!, options });
    }
  }
  const order = new Map(requested.map((f, i) => [f, i]));
  return linted.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
}
