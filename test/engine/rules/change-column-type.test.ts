import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'change-column-type';
const history = "CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20) NOT NULL, total INT NOT NULL, note VARCHAR(255), kind ENUM('a','b'), flag TINYINT UNSIGNED);";

describe('change-column-type', () => {
  test('flags another type family, a narrower type and a change of signedness, with both types in the message', () => {
    const [family] = assertViolations('ALTER TABLE orders MODIFY status INT NOT NULL;', RULE, ['MODIFY status INT NOT NULL'], { history });
    assert.match(family.message, /from VARCHAR\(20\) to INT/);
    assert.equal(family.related?.[0].message, 'orders.status was VARCHAR(20) here');
    assertViolations('ALTER TABLE orders MODIFY note VARCHAR(100);', RULE, ['MODIFY note VARCHAR(100)'], { history });
    assertViolations('ALTER TABLE orders CHANGE total total SMALLINT NOT NULL;', RULE, ['CHANGE total total SMALLINT NOT NULL'], { history });
    assertViolations('ALTER TABLE orders MODIFY flag TINYINT;', RULE, ['MODIFY flag TINYINT'], { history });
    assertViolations("ALTER TABLE orders MODIFY kind ENUM('b','a');", RULE, ["MODIFY kind ENUM('b','a')"], { history });
  });

  test('leaves widening (VARCHAR, integers, appended ENUM members) to locking-alter', () => {
    assertClean('ALTER TABLE orders MODIFY note VARCHAR(500), MODIFY total BIGINT NOT NULL;', RULE, { history });
    assertClean("ALTER TABLE orders MODIFY kind ENUM('a','b','c');", RULE, { history });
    assertClean('ALTER TABLE orders MODIFY status VARCHAR(20) NULL;', RULE, { history });
  });

  test('says nothing when the old type is unknown (no guessing)', () => {
    assertClean('ALTER TABLE elsewhere MODIFY x INT;', RULE);
  });
});
