import { RULES } from './rules/registry';
import { RuleContext, severityFor } from './rules/rule';
import { splitStatements } from './sql/splitter';
import { TableStatement, isIndexItem, readTableStatement } from './sql/tableStatement';
import { Identifier } from './sql/tokenCursor';
import { Finding, LintOptions } from './types';

/** Rollback files (golang-migrate's `*.down.sql`) undo a change; they are not the change itself. */
export function isRollbackPath(path: string | undefined): boolean {
  return path !== undefined && /\.down\.sql$/i.test(path);
}

/** Index column lists per table, learned from the statements of one file as they run in order. */
class FileTables {
  private readonly indexes = new Map<string, Identifier[][]>();

  get(table: string): Identifier[][] | undefined {
    return this.indexes.get(table.toLowerCase());
  }

  apply(table: TableStatement): void {
    const key = table.table.name.toLowerCase();
    const added = table.items.filter(isIndexItem).map((item) => item.columns);
    if (table.kind === 'create-table') this.indexes.set(key, added);
    else if (this.indexes.has(key)) this.indexes.get(key)!.push(...added);
  }
}

/**
 * Lints one SQL migration. Each statement is judged against what the file's earlier statements created;
 * statements in a rollback (a `down` section or a `.down.sql` file) are not part of the change.
 */
export function lintSql(source: string, options: LintOptions, path?: string): Finding[] {
  const findings: Finding[] = [];
  if (isRollbackPath(path)) return findings;
  const tables = new FileTables();
  for (const statement of splitStatements(source).statements) {
    if (statement.section === 'down') continue;
    const table = readTableStatement(statement.tokens);
    for (const rule of RULES) {
      const severity = severityFor(rule, options.target, options.rules);
      if (!severity) continue;
      const context: RuleContext = {
        source,
        target: options.target,
        statement,
        table,
        indexesBefore: (name) => tables.get(name),
        report: (finding) => findings.push({ rule: rule.id, severity, fixes: [], ...finding }),
      };
      rule.check(context);
    }
    if (table) tables.apply(table);
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
