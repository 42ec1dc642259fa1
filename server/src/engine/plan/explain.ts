import { classify } from '../ddl/onlineDdl';
import { isRollbackPath } from '../lint';
import { isPhpPath, lintMigration } from '../migration';
import { SchemaChange } from '../model/changes';
import { applyChange } from '../schema/apply';
import { Schema } from '../schema/model';
import { readStatement } from '../sql/read';
import { splitStatements } from '../sql/splitter';
import { DEFAULT_MYSQL_VERSION, LintOptions } from '../types';
import { Phase, phaseOf } from './phase';

export interface ExplainedStatement {
  start: number;
  end: number;
  kind: SchemaChange['kind'];
  /** The table the statement works on, when it works on one (the first, for DROP TABLE a, b). */
  table?: string;
  algorithm: 'INSTANT' | 'INPLACE' | 'COPY' | 'NONE';
  rebuildsTable: boolean;
  concurrentDml: boolean;
  phase: Phase;
  rollback: boolean;
}

export function tableOf(change: SchemaChange): string | undefined {
  switch (change.kind) {
    case 'create-table':
    case 'alter-table':
    case 'create-index':
    case 'drop-index':
    case 'truncate-table':
      return change.table.name;
    case 'drop-table':
      return change.tables[0]?.name;
    case 'rename-table':
      return change.pairs[0]?.from.name;
    default:
      return undefined;
  }
}

/** Every statement of a file with its online-DDL class and deploy phase, judged against the schema before it. */
export function explainFile(source: string, options: LintOptions, path: string | undefined, schemaBefore: Schema): ExplainedStatement[] {
  const schema = schemaBefore.clone();
  const fileIsRollback = isRollbackPath(path);
  const explained: ExplainedStatement[] = [];
  const units = isPhpPath(path)
    ? lintMigration(source, options, path, schemaBefore).statements
    : splitStatements(source).statements.map((statement) => ({ statement, change: readStatement(statement, source), rollback: fileIsRollback || statement.section === 'down' }));
  for (const { statement, change, rollback } of units) {
    const ddl = classify(change, schema, { target: options.target, mysqlVersion: options.mysqlVersion ?? DEFAULT_MYSQL_VERSION });
    explained.push({
      start: statement.start,
      end: statement.end,
      kind: change.kind,
      table: tableOf(change),
      algorithm: ddl.algorithm,
      rebuildsTable: ddl.rebuildsTable,
      concurrentDml: ddl.concurrentDml,
      phase: phaseOf(change, schema),
      rollback,
    });
    if (!rollback) applyChange(schema, change, { path, start: statement.start, end: statement.end });
  }
  return explained;
}
