import { classify, DdlClassification } from './ddl/onlineDdl';
import { findIgnore, IgnoreDirective } from './ignores';
import { SchemaChange } from './model/changes';
import { RULES } from './rules/registry';
import { RuleContext, RuleDefinition } from './rules/rule';
import { applyChange } from './schema/apply';
import { Schema } from './schema/model';
import { Statement } from './sql/splitter';
import { DEFAULT_MYSQL_VERSION, Finding, LintOptions, OffsetEdit, Severity } from './types';

/** One statement to judge: a SQL statement, or a change read from a PHP migration (with a statement-like span). */
export interface LintUnit {
  statement: Statement;
  change: SchemaChange;
  rollback: boolean;
}

export type AnalysedStatement = LintUnit;

export interface FileLintResult {
  findings: Finding[];
  statements: AnalysedStatement[];
  /** The schema after the file's forward statements (rollbacks are not applied). */
  schemaAfter: Schema;
}

export interface RuleRun {
  source: string;
  path?: string;
  options: LintOptions;
  schemaBefore: Schema;
  ignores: IgnoreDirective[];
  /** Tables created earlier in the same change; shared when one file is linted in several runs (PHP with raw SQL). */
  created?: Set<string>;
  /** The edits that would silence `rule` for a finding at `offset` of `unit`, for the statement or the file. */
  ignoreEdits(unit: LintUnit, rule: string, offset: number): { statement: OffsetEdit; file: OffsetEdit };
}

/** Per table, the last unit that creates it, and the last that drops it or puts a view in its place (one pass, so a
 *  10 MB dump stays linear). */
function laterIndexes(units: readonly LintUnit[]): { lastCreated: Map<string, number>; lastReplaced: Map<string, number> } {
  const lastCreated = new Map<string, number>();
  const lastReplaced = new Map<string, number>();
  units.forEach(({ change, rollback }, index) => {
    // A rollback dropping the table its migration created (every Laravel down()) does not replace anything.
    if (rollback) return;
    if (change.kind === 'create-table') lastCreated.set(change.table.name.toLowerCase(), index);
    if (change.kind === 'drop-table') for (const t of change.tables) lastReplaced.set(t.name.toLowerCase(), index);
    if (change.kind === 'create-object' && change.objectType === 'VIEW' && change.name) lastReplaced.set(change.name.name.toLowerCase(), index);
  });
  return { lastCreated, lastReplaced };
}

/** The rule's severity under these options (a config override, else the target's default); undefined when off. */
export function severityFor(rule: RuleDefinition, options: LintOptions): Severity | undefined {
  const setting = options.rules?.[rule.id] ?? rule.severity[options.target];
  return setting === 'off' ? undefined : setting;
}

/**
 * Judges each unit by every enabled rule against the schema before it, then applies it. Ignore comments silence
 * findings; rollbacks are judged against the schema after the forward change and never change it.
 */
export function runRules(units: readonly LintUnit[], run: RuleRun): FileLintResult {
  const { source, path, options, ignores } = run;
  const findings: Finding[] = [];
  const schema = run.schemaBefore.clone();
  const created = run.created ?? new Set<string>();
  const mysqlVersion = options.mysqlVersion ?? DEFAULT_MYSQL_VERSION;
  const disabled = RULES.filter((rule) => severityFor(rule, options) === undefined);
  for (const ignore of ignores) for (const rule of disabled) if (ignore.rules.includes(rule.id)) ignore.used.add(rule.id);
  const enabled = RULES.map((rule) => ({ rule, severity: severityFor(rule, options) })).filter((r): r is { rule: RuleDefinition; severity: Severity } => r.severity !== undefined);
  const { lastCreated, lastReplaced } = laterIndexes(units);
  // A rollback runs against the schema after the forward change; replaying it too would undo the change.
  let forwardSchema = schema;

  units.forEach((unit, index) => {
    const { statement, change, rollback } = unit;
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
        live: options.live,
        classification: () => (classification ??= classify(change, current, { target: options.target, mysqlVersion })),
        createdInChange: (table) => created.has(table.toLowerCase()),
        createdLaterInFile: (table) => (lastCreated.get(table.toLowerCase()) ?? -1) > index,
        replacedLaterInFile: (table) => (lastReplaced.get(table.toLowerCase()) ?? -1) > index,
        report: (finding) => {
          const ignore = findIgnore(ignores, rule.id, finding.start);
          if (ignore) ignore.used.add(rule.id);
          else findings.push({ rule: rule.id, fixes: [], ...finding, severity: finding.severity ?? severity, ignore: run.ignoreEdits(unit, rule.id, finding.start) });
        },
      };
      rule.check(context);
    }
    applyChange(current, change, { path, start: statement.start, end: statement.end });
    if (change.kind === 'create-table' && !rollback) created.add(change.table.name.toLowerCase());
  });
  for (const { rule, severity } of enabled) {
    rule.finishFile?.({ source, ignores, report: (finding) => findings.push({ rule: rule.id, severity, fixes: [], ...finding }) });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { findings, statements: [...units], schemaAfter: schema };
}
