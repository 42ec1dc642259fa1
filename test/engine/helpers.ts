import assert from 'node:assert/strict';
import { Parser } from 'node-sql-parser';
import { Finding, LintOptions, applyEdits, lintSql } from '../../server/src/engine';

const parser = new Parser();

export function lint(sql: string, options: Partial<LintOptions> = {}, path?: string): Finding[] {
  return lintSql(sql, { target: 'planetscale', ...options }, path);
}

/** Asserts the SQL has no finding of `rule` (or none at all). */
export function assertClean(sql: string, rule?: string, options: Partial<LintOptions> = {}): void {
  const findings = lint(sql, options).filter((f) => !rule || f.rule === rule);
  assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
}

/** Asserts the findings of `rule`, each as the exact source text it covers. */
export function assertViolations(sql: string, rule: string, expectedTexts: string[], options: Partial<LintOptions> = {}): Finding[] {
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
export function assertFix(sql: string, rule: string, expected: string, index = 0, options: Partial<LintOptions> = {}): void {
  const finding = lint(sql, options).filter((f) => f.rule === rule)[index];
  assert.ok(finding, `no ${rule} finding #${index}`);
  assert.ok(finding.fixes.length > 0, `${rule} finding has no fix`);
  const fixed = applyEdits(sql, finding.fixes[0].edits);
  assert.equal(fixed, expected);
  assertParses(fixed);
  assert.equal(lint(fixed, options).filter((f) => f.rule === rule).length, lint(sql, options).filter((f) => f.rule === rule).length - 1);
}
