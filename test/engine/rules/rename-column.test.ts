import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations, lint } from '../helpers';

const RULE = 'rename-column';
const history = 'CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);';

describe('rename-column', () => {
  test('flags RENAME COLUMN and a CHANGE that renames; an error on PlanetScale, a warning on MySQL', () => {
    const [rename] = assertViolations('ALTER TABLE users RENAME COLUMN name TO display_name;', RULE, ['RENAME COLUMN name TO display_name'], { history });
    assert.equal(rename.severity, 'error');
    assert.match(rename.message, /PlanetScale deploy requests do not support renaming a column/);
    const [change] = assertViolations('ALTER TABLE users CHANGE name display_name VARCHAR(100) NOT NULL;', RULE, ['CHANGE name display_name VARCHAR(100) NOT NULL'], { history, target: 'mysql' });
    assert.equal(change.severity, 'warning');
    assert.doesNotMatch(change.message, /PlanetScale/);
  });

  test('not a CHANGE that keeps the name (case-insensitively), nor a new table, nor a rollback', () => {
    assertClean('ALTER TABLE users CHANGE `Name` name VARCHAR(200) NOT NULL;', RULE, { history });
    assertClean('CREATE TABLE t (a INT);\nALTER TABLE t RENAME COLUMN a TO b;', RULE);
    assert.deepEqual(lint('ALTER TABLE users RENAME COLUMN display_name TO name;', { history, path: '3.down.sql' }).filter((f) => f.rule === RULE), []);
  });
});
