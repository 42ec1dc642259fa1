import { TARGETS, Target } from '../engine';

export class UsageError extends Error {}

export interface CliArgs {
  paths: string[];
  format?: string;
  target?: Target;
  mysqlVersion?: string;
  config?: string;
  rule?: string;
  gitBase?: string;
  pendingOn?: string;
  write: boolean;
  /** False when no path was given (then the config's `migrations` folders, or the current folder, are linted). */
  pathsGiven: boolean;
}

const VALUE_FLAGS = new Set(['--format', '--target', '--mysql-version', '--config', '--rule', '--git-base', '--pending-on']);

/** Parses `[paths…] [--flag value | --flag=value]…`; every flag is checked against what the command accepts. */
export function parseArgs(args: readonly string[], accepted: readonly string[]): CliArgs {
  const parsed: CliArgs = { paths: [], write: false, pathsGiven: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      parsed.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    if (!accepted.includes(flag)) throw new UsageError(`unknown option ${flag}`);
    if (flag === '--write') {
      parsed.write = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) throw new UsageError(`unknown option ${flag}`);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    switch (flag) {
      case '--format':
        parsed.format = value;
        break;
      case '--target':
        if (!TARGETS.includes(value as Target)) throw new UsageError(`unknown target "${value}" (${TARGETS.join(', ')})`);
        parsed.target = value as Target;
        break;
      case '--mysql-version':
        if (!/^\d+\.\d+(\.\d+)?$/.test(value)) throw new UsageError(`--mysql-version must look like 8.0.35, not "${value}"`);
        parsed.mysqlVersion = value;
        break;
      case '--config':
        parsed.config = value;
        break;
      case '--rule':
        parsed.rule = value;
        break;
      case '--git-base':
        parsed.gitBase = value;
        break;
      case '--pending-on':
        parsed.pendingOn = value;
        break;
    }
  }
  parsed.pathsGiven = parsed.paths.length > 0;
  if (!parsed.pathsGiven) parsed.paths.push('.');
  return parsed;
}

export function requireFormat<T extends string>(args: CliArgs, formats: readonly T[], fallback: T): T {
  const format = args.format ?? fallback;
  if (!formats.includes(format as T)) throw new UsageError(`unknown format "${format}" (${formats.join(', ')})`);
  return format as T;
}
