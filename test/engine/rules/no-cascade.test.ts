import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertFix, assertViolations, lint } from '../helpers';

const RULE = 'no-cascade';

describe('no-cascade', () => {
  test('flags CASCADE and SET NULL on DELETE and UPDATE, each action on its own', () => {
    assertViolations(
      'CREATE TABLE items (id INT PRIMARY KEY, order_id INT, FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE SET NULL);',
      RULE,
      ['ON DELETE CASCADE', 'ON UPDATE SET NULL'],
    );
    assertViolations('ALTER TABLE items ADD CONSTRAINT fk FOREIGN KEY (order_id) REFERENCES orders (id) ON UPDATE CASCADE;', RULE, ['ON UPDATE CASCADE']);
  });

  test('leaves RESTRICT, NO ACTION and plain foreign keys alone', () => {
    assertClean('CREATE TABLE items (id INT PRIMARY KEY, o INT, FOREIGN KEY (o) REFERENCES orders (id) ON DELETE RESTRICT ON UPDATE NO ACTION);', RULE);
    assertClean('ALTER TABLE items ADD FOREIGN KEY (o) REFERENCES orders (id);', RULE);
  });

  test('says why: the binlog and LOCK=NONE', () => {
    const [finding] = lint('ALTER TABLE items ADD FOREIGN KEY (o) REFERENCES orders (id) ON DELETE CASCADE;').filter((f) => f.rule === RULE);
    assert.match(finding.message, /never reach the binlog/);
    assert.match(finding.message, /LOCK=NONE/);
    assert.equal(finding.severity, 'warning');
    assert.equal(lint('ALTER TABLE items ADD FOREIGN KEY (o) REFERENCES orders (id) ON DELETE CASCADE;', { target: 'mysql' }).find((f) => f.rule === RULE)?.severity, 'info');
  });

  test('the fix removes only the action', () => {
    assertFix(
      'CREATE TABLE items (\n  id INT PRIMARY KEY,\n  o INT,\n  FOREIGN KEY (o) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE\n);',
      RULE,
      'CREATE TABLE items (\n  id INT PRIMARY KEY,\n  o INT,\n  FOREIGN KEY (o) REFERENCES orders (id) ON UPDATE CASCADE\n);',
    );
    assertFix(
      'ALTER TABLE items ADD FOREIGN KEY (o) REFERENCES orders (id)\n  ON DELETE SET NULL;',
      RULE,
      'ALTER TABLE items ADD FOREIGN KEY (o) REFERENCES orders (id);',
    );
  });
});
