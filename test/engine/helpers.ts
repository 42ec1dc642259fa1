import assert from 'node:assert/strict';
import { Parser } from 'node-sql-parser/build/mysql';
import { Finding, LintOptions, Schema, applyEdits, lintFile, replayFile } from '../../server/src/engine';

const parser = new Parser();

export interface LintCase extends Partial<LintOptions> {
  /** SQL of earlier migrations: the schema the statement is judged against (tables there are not "new"). */
  history?: string;
  path?: string;
}

export function lint(sql: string, options: LintCase = {}): Finding[] {
  const { history, path, ...lintOptions } = options;
  const schema = history ? replayFile(history, 'history.sql', new Schema()) : new Schema();
  return lintFile(sql, { target: 'planetscale', ...lintOptions }, path, schema).findings;
}

/** Asserts the SQL has no finding of `rule`. */
export function assertClean(sql: string, rule: string, options: LintCase = {}): void {
  const findings = lint(sql, options).filter((f) => f.rule === rule);
  assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
}

/** Asserts the findings of `rule`, each as the exact source text it covers. */
export function assertViolations(sql: string, rule: string, expectedTexts: string[], options: LintCase = {}): Finding[] {
  const findings = lint(sql, options).filter((f) => f.rule === rule);
  assert.deepEqual(findings.map((f) => sql.slice(f.start, f.end)), expectedTexts);
  return findings;
}

/** Asserts MySQL syntax as node-sql-parser reads it (it accepts the subset these tests write). */
export function assertParses(sql: string): void {
  assert.doesNotThrow(() => parser.astify(sql, { database: 'MySQL' }), `does not parse:\n${sql}`);
}

/**
 * Applies the first fix of the `index`-th finding of `rule`, asserts the exact result, that it parses,
 * and that the finding is gone.
 */
export function assertFix(sql: string, rule: string, expected: string, index = 0, options: LintCase = {}): void {
  const before = lint(sql, options).filter((f) => f.rule === rule);
  const finding = before[index];
  assert.ok(finding, `no ${rule} finding #${index}`);
  assert.ok(finding.fixes.length > 0, `${rule} finding has no fix`);
  const fixed = applyEdits(sql, finding.fixes[0].edits);
  assert.equal(fixed, expected);
  assertParses(fixed);
  assert.equal(lint(fixed, options).filter((f) => f.rule === rule).length, before.length - 1);
}
