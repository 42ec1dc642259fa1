import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Finding, applyEdits } from '../../../server/src/engine';
import { lint } from '../helpers';

function only(sql: string, rule: string): Finding {
  const found = lint(sql).filter((f) => f.rule === rule);
  assert.equal(found.length, 1, `one ${rule} finding`);
  return found[0];
}

function silenced(sql: string, rule: string, which: 'statement' | 'file'): string {
  const finding = only(sql, rule);
  assert.ok(finding.ignore, 'ignore edits present');
  const result = applyEdits(sql, [finding.ignore[which]]);
  assert.deepEqual(lint(result).filter((f) => f.rule === rule || f.rule === 'unused-ignore'), [], `silenced:\n${result}`);
  return result;
}

describe('ignore comments offered for every finding', () => {
  test('for the statement: a comment line above it, with its indentation', () => {
    assert.equal(silenced('SELECT 1;\n  DROP TABLE a;\n', 'drop-table', 'statement'), 'SELECT 1;\n  -- cutover-ignore drop-table\n  DROP TABLE a;\n');
  });

  test('for the statement: extends an ignore already there, before its reason', () => {
    assert.equal(
      silenced('-- cutover-ignore drop-column -- legacy\nALTER TABLE t DROP COLUMN a, RENAME COLUMN b TO c;', 'rename-column', 'statement'),
      '-- cutover-ignore drop-column, rename-column -- legacy\nALTER TABLE t DROP COLUMN a, RENAME COLUMN b TO c;',
    );
    assert.equal(
      silenced('# cutover-ignore drop-column\nALTER TABLE t DROP COLUMN a, RENAME COLUMN b TO c;', 'rename-column', 'statement'),
      '# cutover-ignore drop-column, rename-column\nALTER TABLE t DROP COLUMN a, RENAME COLUMN b TO c;',
    );
  });

  test('for a statement sharing its line with another, and in CRLF files', () => {
    assert.equal(silenced('SELECT 1; DROP TABLE a;', 'drop-table', 'statement'), 'SELECT 1; \n-- cutover-ignore drop-table\nDROP TABLE a;');
    assert.equal(silenced('DROP TABLE a;\r\n', 'drop-table', 'statement'), '-- cutover-ignore drop-table\r\nDROP TABLE a;\r\n');
  });

  test('for the file: a first line, or the rule added to the file ignore', () => {
    assert.equal(silenced('DROP TABLE a;\n', 'drop-table', 'file'), '-- cutover-ignore-file drop-table\nDROP TABLE a;\n');
    assert.equal(
      silenced('/* cutover-ignore-file rename-table */\nDROP TABLE a;\nRENAME TABLE b TO c;\n', 'drop-table', 'file'),
      '/* cutover-ignore-file rename-table, drop-table */\nDROP TABLE a;\nRENAME TABLE b TO c;\n',
    );
  });
});
