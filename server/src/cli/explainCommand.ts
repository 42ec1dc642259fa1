import * as path from 'path';
import { LineIndex, schemaBefore } from '../engine';
import { explainFile } from '../engine/plan/explain';
import { readSources, siblingMigrations } from '../workspace/migrationFiles';
import { CliArgs, requireFormat } from './args';
import { LintedFile } from './workspace';

/** `cutover explain`: each statement's online-DDL class and deploy phase, in file order. */
export function runExplain(args: CliArgs, files: readonly LintedFile[], write: (text: string) => void): number {
  const format = requireFormat(args, ['json', 'text'] as const, 'text');
  const statements = files.flatMap((file) => {
    const absolute = path.resolve(file.path);
    const schema = schemaBefore(readSources(siblingMigrations(absolute)), absolute);
    const lines = new LineIndex(file.source);
    return explainFile(file.source, file.options, absolute, schema).map((s) => ({
      path: file.path,
      range: lines.rangeOf(s.start, s.end),
      kind: s.kind,
      table: s.table ?? null,
      algorithm: s.algorithm,
      rebuildsTable: s.rebuildsTable,
      concurrentDml: s.concurrentDml,
      phase: s.phase,
      rollback: s.rollback,
    }));
  });
  if (format === 'json') {
    write(`${JSON.stringify({ version: 1, statements }, null, 2)}\n`);
    return 0;
  }
  for (const s of statements) {
    const where = `${s.path}:${s.range.start.line + 1}:${s.range.start.character + 1}`;
    const lock = s.algorithm === 'NONE' ? 'no existing table' : `${s.algorithm}${s.rebuildsTable ? ', rebuilds' : ''}${s.concurrentDml ? '' : ', blocks writes'}`;
    write(`${where}  ${s.kind}${s.table ? ` ${s.table}` : ''}  [${lock}]  ${s.rollback ? 'rollback' : s.phase}\n`);
  }
  return 0;
}
