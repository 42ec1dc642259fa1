import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations, lint } from '../helpers';

const RULE = 'parse-error';

describe('parse-error', () => {
  test('one information diagnostic on the unreadable statement only; the rest of the file is still checked', () => {
    const sql = 'CREAT TABLE x (a INT);\nALTER TABLE posts ADD FOREIGN KEY (a) REFERENCES t (id);\nALTER TABLE y ADD COLUMN z VARCHR(20);';
    const findings = assertViolations(sql, RULE, ['CREAT TABLE x (a INT)', 'ALTER TABLE y ADD COLUMN z VARCHR(20)']);
    assert.equal(findings[0].severity, 'info');
    assert.match(findings[0].message, /unknown statement CREAT/);
    assert.ok(lint(sql).some((f) => f.rule === 'no-foreign-keys'));
  });

  test('unterminated strings and unbalanced parentheses', () => {
    assertViolations("INSERT INTO t VALUES ('oops);", RULE, ["INSERT INTO t VALUES ('oops);"]);
    assertViolations('CREATE TABLE t (id INT PRIMARY KEY;', RULE, ['CREATE TABLE t (id INT PRIMARY KEY']);
  });

  test('real MySQL that node-sql-parser rejects is read, not reported', () => {
    assertClean(
      [
        'CREATE TABLE t (id INT PRIMARY KEY, d DOUBLE PRECISION, b BOOL, v VARCHAR(10) BINARY);',
        'ALTER TABLE t ALTER COLUMN b SET DEFAULT 1;',
        'ALTER TABLE t RENAME INDEX a TO b;',
        'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;',
        'DELIMITER //',
        'CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//',
        'DELIMITER ;',
      ].join('\n'),
      RULE,
    );
  });
});
