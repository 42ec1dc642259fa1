import * as fs from 'fs';
import { findRule, fixRule, schemaBefore } from '../engine';
import { readSources, siblingMigrations } from '../workspace/migrationFiles';
import * as path from 'path';
import { CliArgs, UsageError } from './args';
import { unifiedDiff } from './diff';
import { LintedFile } from './workspace';

export function runFix(args: CliArgs, files: readonly LintedFile[], write: (text: string) => void): number {
  if (!args.rule) throw new UsageError('fix needs --rule <id>');
  const rule = findRule(args.rule);
  if (!rule) throw new UsageError(`unknown rule "${args.rule}"`);
  if (rule.fix === 'none') throw new UsageError(`rule ${rule.id} has no automatic fix`);
  let total = 0;
  for (const file of files) {
    const schema = schemaBefore(readSources(siblingMigrations(path.resolve(file.path))), path.resolve(file.path));
    const { text, applied } = fixRule(file.source, rule.id, file.options, path.resolve(file.path), schema);
    if (applied === 0) continue;
    total += applied;
    if (args.write) {
      // Write beside, then rename: an interrupted run never leaves a half-written migration.
      const temporary = `${file.path}.cutover-tmp`;
      fs.writeFileSync(temporary, text, { mode: fs.statSync(file.path).mode });
      fs.renameSync(temporary, file.path);
      write(`${file.path}: applied ${applied} fix${applied === 1 ? '' : 'es'} of ${rule.id}\n`);
    } else {
      write(unifiedDiff(file.path.split(path.sep).join('/'), file.source, text));
    }
  }
  if (total === 0) write(`No ${rule.id} findings with a fix.\n`);
  return 0;
}
