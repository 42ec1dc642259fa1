import { docsBaseUrl } from '../docsLocation';
import { CliArgs, UsageError, parseArgs, requireFormat } from './args';
import { runExplain } from './explainCommand';
import { runFix } from './fixCommand';
import { runPlan } from './planCommand';
import { toGithub } from './github';
import { FileReport, toJson, toText } from './reporters';
import { toSarif } from './sarif';
import { LintedFile, lintPaths } from './workspace';

declare const CUTOVER_VERSION: string | undefined;
const VERSION = typeof CUTOVER_VERSION === 'string' ? CUTOVER_VERSION : 'dev';

const USAGE = `Usage:
  cutover lint [paths…] [--format text|json|sarif|github] [--target T] [--mysql-version V] [--config F]
  cutover explain [paths…] [--format text|json] [--target T] [--mysql-version V] [--config F]
  cutover fix [paths…] --rule <id> [--write] [--target T] [--config F]
  cutover plan [paths…|--git-base REF] [--pending-on mysql://user@host:port/db] [--format markdown|json] [--target T] [--config F]

Lints MySQL migrations for online-schema-change safety on PlanetScale, Vitess, MySQL and MariaDB.
Folders are walked for .sql files; a file named explicitly is always linted. Each file uses the nearest
.cutover.json and is judged against the schema the earlier migrations of its folder build.
Targets: planetscale (default), planetscale-fk, vitess, mysql, mariadb.
Exit code: 0 no errors, 1 errors found, 2 usage or internal error.`;

const COMMON_FLAGS = ['--format', '--target', '--mysql-version', '--config'];

function lintedFiles(args: CliArgs): LintedFile[] {
  return lintPaths(args, (message) => process.stderr.write(`cutover: ${message}\n`));
}

function lint(args: CliArgs): number {
  const format = requireFormat(args, ['text', 'json', 'sarif', 'github'] as const, 'text');
  const reports: FileReport[] = lintedFiles(args).map((f) => ({ path: f.path, source: f.source, findings: f.result.findings }));
  const output =
    format === 'json' ? toJson(reports)
    : format === 'sarif' ? toSarif(reports, docsBaseUrl(), VERSION)
    : format === 'github' ? toGithub(reports)
    : toText(reports, process.stdout.isTTY === true);
  process.stdout.write(output);
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const write = (text: string) => process.stdout.write(text);
  switch (command) {
    case undefined:
      process.stderr.write(`${USAGE}\n`);
      return 2;
    case '--help':
    case '-h':
    case 'help':
      write(`${USAGE}\n`);
      return 0;
    case '--version':
      write(`${VERSION}\n`);
      return 0;
    case 'lint':
      return lint(parseArgs(rest, COMMON_FLAGS));
    case 'explain': {
      const args = parseArgs(rest, COMMON_FLAGS);
      return runExplain(args, lintedFiles(args), write);
    }
    case 'plan': {
      const args = parseArgs(rest, [...COMMON_FLAGS, '--git-base', '--pending-on']);
      return await runPlan(args, args.gitBase, write);
    }
    case 'fix': {
      const args = parseArgs(rest, [...COMMON_FLAGS, '--rule', '--write']);
      return runFix(args, lintedFiles(args), write);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`cutover: ${error.message}\n\n${USAGE}\n`);
    } else {
      process.stderr.write(`cutover: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
