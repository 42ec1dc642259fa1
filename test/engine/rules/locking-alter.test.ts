import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations, lint } from '../helpers';

const RULE = 'locking-alter';
const history = 'CREATE TABLE orders (id INT PRIMARY KEY, total INT NOT NULL, note VARCHAR(50), status VARCHAR(20)) DEFAULT CHARSET=utf8mb4;';

describe('locking-alter', () => {
  test('flags a COPY on an existing table at the clause that forces it, naming algorithm, rebuild and the way out', () => {
    const [finding] = assertViolations('ALTER TABLE orders ADD COLUMN a INT, MODIFY total BIGINT NOT NULL;', RULE, ['MODIFY total BIGINT NOT NULL'], { history, target: 'mysql' });
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^ALGORITHM=COPY: .*INT to BIGINT.* rebuilds the table and writes are blocked while it runs/);
    assert.match(finding.message, /gh-ost/);
    assert.equal(finding.related?.[0].message, 'orders is created here');
  });

  test('on PlanetScale it is information: deploy requests copy online, but not instantly', () => {
    const [finding] = assertViolations('ALTER TABLE orders MODIFY total BIGINT NOT NULL;', RULE, ['MODIFY total BIGINT NOT NULL'], { history });
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /shadow table/);
  });

  test('flags operations that block writes even without a copy (FULLTEXT, VARCHAR across 255 bytes)', () => {
    assertViolations('ALTER TABLE orders ADD FULLTEXT INDEX ft (note);', RULE, ['ADD FULLTEXT INDEX ft (note)'], { history, target: 'mysql' });
    assertViolations('ALTER TABLE orders MODIFY note VARCHAR(100);', RULE, ['MODIFY note VARCHAR(100)'], { history, target: 'mysql' });
  });

  test('not INSTANT or online INPLACE changes, nor a table created in the same file', () => {
    assertClean('ALTER TABLE orders ADD COLUMN a INT NULL, ADD INDEX (status), MODIFY note VARCHAR(60);', RULE, { history, target: 'mysql' });
    assertClean('CREATE INDEX by_status ON orders (status);', RULE, { history, target: 'mysql' });
    assertClean('CREATE TABLE t (id INT PRIMARY KEY, a INT);\nALTER TABLE t MODIFY a BIGINT;', RULE, { target: 'mysql' });
  });

  test('the MySQL version matters: 5.7 has no INSTANT, and RENAME COLUMN was INPLACE before 8.0.28', () => {
    assertClean('ALTER TABLE orders ADD COLUMN a INT;', RULE, { history, target: 'mysql', mysqlVersion: '5.7.44' });
    assert.equal(lint('ALTER TABLE orders DROP COLUMN note;', { history, target: 'mysql', mysqlVersion: '8.0.20' }).filter((f) => f.rule === RULE).length, 0, 'INPLACE with concurrent DML is not flagged');
  });

  test('an unknown table is judged by the worst case, and says so', () => {
    const [finding] = assertViolations('ALTER TABLE elsewhere MODIFY x INT;', RULE, ['MODIFY x INT'], { target: 'mysql' });
    assert.match(finding.message, /earlier definition is not in these migrations/);
  });
});
