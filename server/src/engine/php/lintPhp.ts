import { ignoreFileEdit, lineBreak } from '../fixes/ignoreEdits';
import { IgnoreDirective, readIgnoreDirective } from '../ignores';
import { lintFile } from '../lint';
import { Span } from '../model/changes';
import { mapOffsets } from '../model/spans';
import { findRule } from '../rules/registry';
import { FileLintResult, LintUnit, runRules, severityFor } from '../runRules';
import { Schema } from '../schema/model';
import { applyEdits, lineStart } from '../fixes/listEdits';
import { Finding, LintOptions, OffsetEdit } from '../types';
import { readDoctrineMigration } from './doctrine';
import { embeddedSqlOf, isPhpProblem, sqlEdits } from './embeddedSql';
import { readLaravelMigration, laravelRawSqlCalls } from './laravel';
import { argument, migrationMethods, parsePhp } from './phpAst';
import { EmbeddedSql, PhpChange, PhpIgnoreComment, PhpProblem } from './types';

/** Doctrine migrations extend AbstractMigration and call addSql; anything else is read as Laravel. */
export function isDoctrine(source: string): boolean {
  return /\bextends\s+\\?(?:[\w\\]+\\)?AbstractMigration\b/.test(source) || /\$this->addSql\s*\(/.test(source);
}

type Piece = { kind: 'change'; at: number; change: PhpChange } | { kind: 'sql'; at: number; sql: EmbeddedSql };

function toIgnoreDirectives(comments: readonly PhpIgnoreComment[]): IgnoreDirective[] {
  return comments.flatMap((c) => {
    const parsed = readIgnoreDirective(c.text);
    if (!parsed) return [];
    return [{ scope: parsed.file ? 'file' : 'statement', rules: parsed.rules, start: c.start, end: c.end, appliesTo: parsed.file ? undefined : c.appliesTo, used: new Set<string>() } satisfies IgnoreDirective];
  });
}


/** `// cutover-ignore rule` above the line the PHP statement starts on, with its indentation (or the rule added). */
function phpIgnoreStatementEdit(source: string, anchor: number, ignores: readonly IgnoreDirective[], rule: string): OffsetEdit {
  const existing = ignores.find((i) => i.scope === 'statement' && i.rules.length > 0 && i.appliesTo && i.appliesTo.start <= anchor && anchor <= i.appliesTo.end && i.end <= anchor);
  if (existing) return ignoreFileEdit(source, [{ ...existing, scope: 'file' }], rule);
  const at = lineStart(source, anchor);
  const indent = /^[ \t]*/.exec(source.slice(at, anchor))?.[0] ?? '';
  return { start: at, end: at, newText: `${indent}// cutover-ignore ${rule}${lineBreak(source)}` };
}

/** The file ignore goes on the line after `<?php`, or extends the one already there. */
function phpIgnoreFileEdit(source: string, ignores: readonly IgnoreDirective[], rule: string): OffsetEdit {
  if (ignores.some((i) => i.scope === 'file' && i.rules.length > 0)) return ignoreFileEdit(source, ignores, rule);
  const open = /^\s*<\?php[ \t]*\r?\n/.exec(source);
  const at = open ? open[0].length : 0;
  return { start: at, end: at, newText: `// cutover-ignore-file ${rule}${lineBreak(source)}` };
}

/** The innermost definition (column, index, FK) containing `offset` that starts its own line, else the statement. */
function anchorOf(source: string, change: PhpChange, offset: number): number {
  const c = change.change;
  const spans: Span[] = [change, ...(c.kind === 'create-table' ? [...c.columns, ...c.indexes, ...c.foreignKeys] : [])];
  const ownLine = spans.filter((s) => s.start <= offset && offset <= s.end && /^[ \t]*$/.test(source.slice(lineStart(source, s.start), s.start)));
  return ownLine.reduce((best, s) => (s.start > best ? s.start : best), change.start);
}

function unitOf(change: PhpChange, source: string): LintUnit {
  const statement = { start: change.start, end: change.end, endWithDelimiter: change.end, text: source.slice(change.start, change.end), tokens: [], section: change.rollback ? ('down' as const) : ('up' as const), delimiter: ';', leadingComments: [] };
  return { statement, change: change.change, rollback: change.rollback };
}

/** The lines of `$this->addSql('…');` / `DB::statement('…');` when the call stands alone on them, as one deletion. */
function wholeCallLines(source: string, sql: EmbeddedSql): OffsetEdit | undefined {
  const start = lineStart(source, sql.start);
  const before = source.slice(start, sql.start);
  const rest = /^\s*\)\s*;[ \t]*(\r?\n|$)/.exec(source.slice(sql.end));
  if (!rest || !/^[ \t]*(\$this->addSql|\\?DB::(statement|unprepared))\s*\(\s*$/i.test(before)) return undefined;
  return { start, end: sql.end + rest[0].length, newText: '' };
}

/** SQL findings inside a PHP string, moved to PHP offsets with fixes re-escaped for the literal. */
function mapSqlFinding(finding: Finding, sql: EmbeddedSql, sqlStatement: number, source: string): Omit<Finding, 'ignore'> & { anchor: number } {
  const mapEdits = (edits: readonly OffsetEdit[]) => {
    // A fix that empties the string (the statement's only clause goes) removes the whole call: an empty query fails.
    if (applyEdits(sql.sql, edits).trim() === '') {
      const call = wholeCallLines(source, sql);
      if (call) return [call];
    }
    return edits.flatMap((e) => sqlEdits(sql, e.start, e.end, e.newText));
  };
  return {
    ...finding,
    start: sql.toSource(finding.start, 'right'),
    end: sql.toSource(finding.end, 'left'),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: mapEdits(fix.edits) })),
    related: finding.related?.map((r) => (r.path === undefined ? { ...r, start: sql.toSource(r.start, 'right'), end: sql.toSource(r.end) } : r)),
    anchor: sqlStatement,
  };
}

/**
 * Lints a Laravel or Doctrine migration: Schema builder calls become changes the rules judge directly; SQL in
 * `$this->addSql(…)` / `DB::statement(…)` is linted by the SQL engine and mapped back into the string. The schema is
 * carried through both, in source order.
 */
export function lintPhpFile(source: string, options: LintOptions, path: string | undefined, schemaBefore: Schema = new Schema()): FileLintResult {
  const doctrine = isDoctrine(source);
  const pieces: Piece[] = [];
  const problems: PhpProblem[] = [];
  let comments: PhpIgnoreComment[];
  if (doctrine) {
    const read = readDoctrineMigration(source);
    for (const sql of read.embedded) pieces.push({ kind: 'sql', at: sql.start, sql });
    problems.push(...read.problems);
    comments = read.ignores;
  } else {
    const read = readLaravelMigration(source);
    for (const change of read.changes) pieces.push({ kind: 'change', at: change.start, change });
    for (const { call, rollback } of laravelRawSqlCalls(source)) {
      const arg = argument((call as unknown as { arguments: never[] }).arguments, 0, 'query');
      if (!arg) continue;
      const sql = embeddedSqlOf(arg, source, rollback);
      if (isPhpProblem(sql)) problems.push(sql);
      else pieces.push({ kind: 'sql', at: sql.start, sql });
    }
    problems.push(...read.problems);
    comments = read.ignores;
  }
  pieces.sort((a, b) => a.at - b.at);
  // Schema changes outside up()/down() (a custom base class's method names) are not read: say so instead of nothing.
  const parsed = parsePhp(source);
  if (pieces.length === 0 && problems.length === 0 && parsed.program && migrationMethods(parsed.program).length === 0) {
    const call = /\$this->addSql\s*\(|\bSchema::(create|table|drop|dropIfExists|rename)\s*\(/.exec(source);
    if (call) problems.push({ start: call.index, end: call.index + call[0].length - 1, message: 'Cutover reads migrations in up() and down(); none were found here (a base class with other method names?), so nothing in this file was checked.' });
  }
  const ignores = toIgnoreDirectives(comments);
  const findings: Finding[] = [];
  const created = new Set<string>();
  const units: LintUnit[] = [];
  let schema = schemaBefore;
  const withoutUnused = { ...options, rules: { ...options.rules, 'unused-ignore': 'off' as const } };
  const ignoreEdits = (anchor: number, rule: string) => ({ statement: phpIgnoreStatementEdit(source, anchor, ignores, rule), file: phpIgnoreFileEdit(source, ignores, rule) });

  const flush = (batch: PhpChange[]) => {
    if (batch.length === 0) return;
    const batchUnits = batch.map((c) => unitOf(c, source));
    const result = runRules(batchUnits, {
      source, path, options: withoutUnused, schemaBefore: schema, ignores, created,
      ignoreEdits: (unit, rule, offset) => ignoreEdits(anchorOf(source, batch[batchUnits.indexOf(unit)], offset), rule),
    });
    findings.push(...result.findings);
    units.push(...batchUnits);
    schema = result.schemaAfter;
  };
  let batch: PhpChange[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'change') {
      batch.push(piece.change);
      continue;
    }
    flush(batch);
    batch = [];
    const result = lintFile(piece.sql.sql, withoutUnused, undefined, schema, piece.sql.rollback, created);
    for (const finding of result.findings) {
      const mapped = mapSqlFinding(finding, piece.sql, piece.sql.start, source);
      const ignore = ignores.find((i) => (i.scope === 'file' || (i.appliesTo && i.appliesTo.start <= mapped.start && mapped.start <= i.appliesTo.end)) && (i.rules.length === 0 || i.rules.includes(finding.rule)));
      if (ignore) ignore.used.add(finding.rule);
      else findings.push({ ...mapped, ignore: ignoreEdits(mapped.anchor, finding.rule) });
    }
    // The statements, moved to PHP offsets, for explain and the deploy planner.
    units.push(...result.statements.map((unit) => mapOffsets(unit, (offset) => piece.sql.toSource(offset))));
    if (!piece.sql.rollback) schema = result.schemaAfter;
  }
  flush(batch);

  const parseError = findRule('parse-error')!;
  const severity = severityFor(parseError, options);
  if (severity) {
    for (const problem of problems) findings.push({ rule: 'parse-error', severity, message: problem.message, start: problem.start, end: problem.end, fixes: [], ignore: ignoreEdits(problem.start, 'parse-error') });
  }
  const unused = findRule('unused-ignore')!;
  const unusedSeverity = severityFor(unused, options);
  if (unused.finishFile && unusedSeverity) {
    unused.finishFile({ source, ignores, report: (f) => findings.push({ rule: 'unused-ignore', severity: unusedSeverity, fixes: [], ...f }) });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  units.sort((a, b) => a.statement.start - b.statement.start);
  return { findings, statements: units, schemaAfter: schema };
}
