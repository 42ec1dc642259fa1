import * as fs from 'fs';
import { TARGETS, Target, lintSql } from '../engine';
import { collectFiles } from './files';
import { FileReport, toJson, toText } from './reporters';

const USAGE = `Usage: cutover lint [paths…] [--format text|json] [--target ${TARGETS.join('|')}]

Lints MySQL migrations for online-schema-change safety. Folders are walked for .sql files;
a file named explicitly is always linted. Exit code: 0 no errors, 1 errors found, 2 usage or internal error.`;

class UsageError extends Error {}

interface LintArgs {
  paths: string[];
  format: 'text' | 'json';
  target: Target;
}

function parseLintArgs(args: readonly string[]): LintArgs {
  const parsed: LintArgs = { paths: [], format: 'text', target: 'planetscale' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (text or json)`);
      parsed.format = format;
    } else if (flag === '--target') {
      const target = value();
      if (!TARGETS.includes(target as Target)) throw new UsageError(`unknown target "${target}" (${TARGETS.join(', ')})`);
      parsed.target = target as Target;
    } else if (flag.startsWith('-')) {
      throw new UsageError(`unknown option ${flag}`);
    } else {
      parsed.paths.push(arg);
    }
  }
  if (parsed.paths.length === 0) parsed.paths.push('.');
  return parsed;
}

function lint(args: readonly string[]): number {
  const options = parseLintArgs(args);
  const { files, missing } = collectFiles(options.paths);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const reports: FileReport[] = files.map((path) => {
    const source = fs.readFileSync(path, 'utf8');
    return { path, source, findings: lintSql(source, { target: options.target }, path) };
  });
  process.stdout.write(options.format === 'json' ? toJson(reports) : toText(reports, process.stdout.isTTY === true));
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'lint') return lint(rest);
  throw new UsageError(`unknown command "${command}"`);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`cutover: ${error.message}\n\n${USAGE}\n`);
  } else {
    process.stderr.write(`cutover: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  }
  process.exitCode = 2;
}
