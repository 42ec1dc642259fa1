import { classify, DdlClassification } from './ddl/onlineDdl';
import { ignoreFileEdit, ignoreStatementEdit } from './fixes/ignoreEdits';
import { collectIgnores, findIgnore, IgnoreDirective } from './ignores';
import { SchemaChange } from './model/changes';
import { RULES } from './rules/registry';
import { RuleContext, RuleDefinition } from './rules/rule';
import { applyChange } from './schema/apply';
import { Schema } from './schema/model';
import { lex } from './sql/lexer';
import { readStatement } from './sql/read';
import { Statement, splitStatements } from './sql/splitter';
import { DEFAULT_MYSQL_VERSION, Finding, LintOptions, Severity } from './types';

/** Rollback files (golang-migrate's `*.down.sql`, `*.undo.sql`, Flyway's `U<n>__…`) undo a change; they are not the change. */
export function isRollbackPath(path: string | undefined): boolean {
  if (path === undefined) return false;
  const base = path.split(/[\\/]/).pop() ?? '';
  return /\.(down|undo)\.sql$/i.test(base) || /^U\d[\w.]*__/.test(base);
}

export interface AnalysedStatement {
  statement: Statement;
  change: SchemaChange;
  rollback: boolean;
}

export interface FileLintResult {
  findings: Finding[];
  statements: AnalysedStatement[];
  /** The schema after the file's forward statements (rollback sections are not applied). */
  schemaAfter: Schema;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function severityFor(rule: RuleDefinition, options: LintOptions): Severity | undefined {
  const setting = options.rules?.[rule.id] ?? rule.severity[options.target];
  return setting === 'off' ? undefined : setting;
}

/**
 * Lints one migration file against the schema as it stood before it. Each statement is read, judged by every
 * enabled rule against the schema before it, then applied; `-- cutover-ignore` comments silence findings.
 */
export function lintFile(source: string, options: LintOptions, path?: string, schemaBefore: Schema = new Schema()): FileLintResult {
  const findings: Finding[] = [];
  const analysed: AnalysedStatement[] = [];
  const schema = schemaBefore.clone();
  const fileIsRollback = isRollbackPath(path);
  const { statements } = splitStatements(source);
  const ignores = collectIgnores(statements, lex(source, 0, statements[0]?.start ?? source.length));
  const created = new Set<string>();
  const mysqlVersion = options.mysqlVersion ?? DEFAULT_MYSQL_VERSION;
  const disabled = RULES.filter((rule) => severityFor(rule, options) === undefined);
  for (const ignore of ignores) for (const rule of disabled) if (ignore.rules.includes(rule.id)) ignore.used.add(rule.id);
  const enabled = RULES.map((rule) => ({ rule, severity: severityFor(rule, options) })).filter((r): r is { rule: RuleDefinition; severity: Severity } => r.severity !== undefined);
  // A down section runs against the schema after the up section; replaying it too would undo the change.
  let forwardSchema = schema;

  const changes = statements.map((statement) => readStatement(statement, source));
  statements.forEach((statement, index) => {
    const change = changes[index];
    const rollback = fileIsRollback || statement.section === 'down';
    if (rollback && forwardSchema === schema) forwardSchema = schema.clone();
    const current = rollback ? forwardSchema : schema;
    let classification: DdlClassification | undefined;
    for (const { rule, severity } of enabled) {
      if (rollback && !rule.appliesToRollbacks) {
        // An ignore for a rule that does not judge rollbacks is not "unused" there: it had nothing to do.
        findIgnore(ignores, rule.id, statement.start)?.used.add(rule.id);
        continue;
      }
      const context: RuleContext = {
        source,
        path,
        target: options.target,
        mysqlVersion,
        statement,
        change,
        schema: current,
        rollback,
        classification: () => (classification ??= classify(change, current, { target: options.target, mysqlVersion })),
        createdInChange: (table) => created.has(table.toLowerCase()),
        createdLaterInFile: (table) => changes.slice(index + 1).some((c) => c.kind === 'create-table' && sameName(c.table.name, table)),
        replacedLaterInFile: (table) =>
          changes.slice(index + 1).some((c) => (c.kind === 'drop-table' && c.tables.some((t) => sameName(t.name, table))) || (c.kind === 'create-object' && c.objectType === 'VIEW' && sameName(c.name?.name ?? '', table))),
        report: (finding) => {
          const ignore = findIgnore(ignores, rule.id, statement.start);
          if (ignore) ignore.used.add(rule.id);
          else {
            const ignore = { statement: ignoreStatementEdit(source, statement, ignores, rule.id), file: ignoreFileEdit(source, ignores, rule.id) };
            findings.push({ rule: rule.id, severity, fixes: [], ...finding, ignore });
          }
        },
      };
      rule.check(context);
    }
    applyChange(current, change, { path, start: statement.start, end: statement.end });
    if (change.kind === 'create-table' && !rollback) created.add(change.table.name.toLowerCase());
    analysed.push({ statement, change, rollback });
  });
  for (const { rule, severity } of enabled) {
    rule.finishFile?.({ source, ignores, report: (finding) => findings.push({ rule: rule.id, severity, fixes: [], ...finding }) });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { findings, statements: analysed, schemaAfter: schema };
}

/** Lints one migration on its own (no earlier files): what the editor does for a file outside any known folder. */
export function lintSql(source: string, options: LintOptions, path?: string): Finding[] {
  return lintFile(source, options, path).findings;
}

export type { IgnoreDirective };

/** The schema after a file's forward statements, without running any rule (replaying earlier migrations). */
export function replayFile(source: string, path: string | undefined, schemaBefore: Schema): Schema {
  const schema = schemaBefore.clone();
  if (isRollbackPath(path)) return schema;
  for (const statement of splitStatements(source).statements) {
    if (statement.section === 'down') continue;
    applyChange(schema, readStatement(statement, source), { path, start: statement.start, end: statement.end });
  }
  return schema;
}
