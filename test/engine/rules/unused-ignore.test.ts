import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { assertClean, assertViolations, lint } from '../helpers';

const RULE = 'unused-ignore';
/** The rules found, leaving out locking-alter (adding a FK copies the table; not what these tests are about). */
const rulesOf = (sql: string) => lint(sql, { rules: { 'locking-alter': 'off' } }).map((f) => f.rule);

describe('cutover-ignore comments and unused-ignore', () => {
  test('an ignore above a statement silences the named rules there, with or without a reason', () => {
    const sql = '-- cutover-ignore no-foreign-keys, no-cascade -- legacy import\nALTER TABLE a ADD FOREIGN KEY (b) REFERENCES c (id) ON DELETE CASCADE;';
    assert.deepEqual(rulesOf(sql), []);
  });

  test('an ignore covers only the next statement and only its rules', () => {
    const sql = '# cutover-ignore no-cascade\nALTER TABLE a ADD FOREIGN KEY (b) REFERENCES c (id) ON DELETE CASCADE;\nALTER TABLE d ADD FOREIGN KEY (e) REFERENCES c (id);';
    assert.deepEqual(rulesOf(sql), ['no-foreign-keys', 'no-foreign-keys']);
  });

  test('a file ignore in the header covers every statement; without rules it covers all', () => {
    const sql = '-- cutover-ignore-file no-foreign-keys\n\nALTER TABLE a ADD FOREIGN KEY (b) REFERENCES c (id);\n\nALTER TABLE d ADD FOREIGN KEY (e) REFERENCES c (id);';
    assert.deepEqual(rulesOf(sql), []);
    assert.deepEqual(rulesOf('/* cutover-ignore-file */\nDROP TABLE x;\nRENAME TABLE y TO z;'), []);
  });

  test('reports an ignore that silenced nothing, and offers to remove its line', () => {
    const sql = 'SELECT 1;\n-- cutover-ignore drop-column\nALTER TABLE t ADD COLUMN a INT;\n';
    const [finding] = assertViolations(sql, RULE, ['-- cutover-ignore drop-column']);
    assert.match(finding.message, /silences nothing/);
    assert.equal(finding.fixes[0].safe, true);
    assert.equal(applyEdits(sql, finding.fixes[0].edits), 'SELECT 1;\nALTER TABLE t ADD COLUMN a INT;\n');
  });

  test('reports unknown rule ids', () => {
    const [finding] = assertViolations('-- cutover-ignore drop-colum\nALTER TABLE t DROP COLUMN a;', RULE, ['-- cutover-ignore drop-colum']);
    assert.match(finding.message, /Unknown rule "drop-colum"/);
  });

  test('not for rules switched off, nor for rules that do not judge rollbacks', () => {
    assertClean('-- cutover-ignore drop-column\nALTER TABLE t DROP COLUMN a;', RULE, { rules: { 'drop-column': 'off' } });
    assertClean('-- migrate:down\n-- cutover-ignore drop-table\nDROP TABLE t;', RULE);
  });
});
