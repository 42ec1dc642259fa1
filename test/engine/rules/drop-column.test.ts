import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations, lint } from '../helpers';

const RULE = 'drop-column';
const history = 'CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255), legacy_code VARCHAR(20));';

describe('drop-column', () => {
  test('flags DROP COLUMN and DROP on an existing table, naming the column', () => {
    const [finding] = assertViolations('ALTER TABLE users DROP COLUMN legacy_code, DROP email;', RULE, ['DROP COLUMN legacy_code', 'DROP email'], { history });
    assert.match(finding.message, /Dropping users\.legacy_code breaks application code/);
    assert.equal(finding.related?.[0].path, 'history.sql', 'points at where the column was defined');
  });

  test('also on a table the migrations do not know (it exists somewhere)', () => {
    assertViolations('ALTER TABLE accounts DROP COLUMN x;', RULE, ['DROP COLUMN x']);
  });

  test('not on a table created earlier in the same file, nor in a rollback, nor other DROPs', () => {
    assertClean('CREATE TABLE t (id INT PRIMARY KEY, a INT);\nALTER TABLE t DROP COLUMN a;', RULE);
    assertClean('-- +goose Up\nALTER TABLE users ADD COLUMN x INT;\n-- +goose Down\nALTER TABLE users DROP COLUMN x;', RULE, { history });
    assert.deepEqual(lint('ALTER TABLE users DROP COLUMN x;', { history, path: '0002_x.down.sql' }).filter((f) => f.rule === RULE), []);
    assertClean('ALTER TABLE users DROP INDEX i, DROP FOREIGN KEY f, DROP PRIMARY KEY, ADD PRIMARY KEY (id);', RULE, { history });
  });
});
