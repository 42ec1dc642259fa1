import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'impossible-algorithm';
const history = [
  'CREATE TABLE parents (id INT PRIMARY KEY);',
  'CREATE TABLE orders (id INT PRIMARY KEY, total INT NOT NULL, parent_id INT, note VARCHAR(50));',
  'CREATE TABLE children (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE CASCADE);',
].join('\n');

describe('impossible-algorithm', () => {
  test('ALGORITHM=INSTANT with a change of type is refused by the server', () => {
    const [finding] = assertViolations('ALTER TABLE orders MODIFY total BIGINT NOT NULL, ALGORITHM=INSTANT;', RULE, ['ALGORITHM=INSTANT'], { history, target: 'mysql' });
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /INSTANT/);
  });

  test('ALGORITHM=INPLACE with a new foreign key, and LOCK=NONE with a type change', () => {
    assertViolations('ALTER TABLE orders ADD FOREIGN KEY (parent_id) REFERENCES parents (id), ALGORITHM=INPLACE;', RULE, ['ALGORITHM=INPLACE'], { history, target: 'mysql' });
    assertViolations('ALTER TABLE orders MODIFY total BIGINT NOT NULL, LOCK=NONE;', RULE, ['LOCK=NONE'], { history, target: 'mysql' });
  });

  test('LOCK=NONE on a table with ON DELETE CASCADE foreign keys', () => {
    assertViolations('ALTER TABLE children ADD INDEX (id, parent_id), LOCK=NONE;', RULE, ['LOCK=NONE'], { history, target: 'mysql' });
  });

  test('what the operation supports passes, CREATE INDEX options included', () => {
    assertClean('ALTER TABLE orders ADD COLUMN a INT, ALGORITHM=INSTANT;', RULE, { history, target: 'mysql' });
    assertClean('ALTER TABLE orders ADD INDEX (note), ALGORITHM=INPLACE, LOCK=NONE;', RULE, { history, target: 'mysql' });
    assertClean('CREATE INDEX n ON orders (note) ALGORITHM=INPLACE LOCK=NONE;', RULE, { history, target: 'mysql' });
    assertViolations('CREATE INDEX n ON orders (note) ALGORITHM=INSTANT;', RULE, ['CREATE INDEX n ON orders (note) ALGORITHM=INSTANT'], { history, target: 'mysql' });
  });
});
