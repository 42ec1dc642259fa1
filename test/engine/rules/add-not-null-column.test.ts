import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'add-not-null-column';

describe('add-not-null-column', () => {
  test('flags NOT NULL without DEFAULT on an existing table, also in ADD COLUMN (…)', () => {
    const [finding] = assertViolations('ALTER TABLE users ADD COLUMN plan VARCHAR(20) NOT NULL;', RULE, ['plan VARCHAR(20) NOT NULL']);
    assert.match(finding.message, /users\.plan is NOT NULL without a DEFAULT/);
    assertViolations('ALTER TABLE users ADD (a INT NOT NULL DEFAULT 0, b INT NOT NULL);', RULE, ['b INT NOT NULL']);
  });

  test('not with a DEFAULT, nullable, AUTO_INCREMENT, generated, or on a new table', () => {
    assertClean("ALTER TABLE users ADD COLUMN plan VARCHAR(20) NOT NULL DEFAULT 'free', ADD COLUMN note TEXT, ADD COLUMN n INT NULL;", RULE);
    assertClean('ALTER TABLE users ADD COLUMN seq INT NOT NULL AUTO_INCREMENT, ADD COLUMN g INT AS (id * 2) STORED NOT NULL;', RULE);
    assertClean('CREATE TABLE t (id INT PRIMARY KEY);\nALTER TABLE t ADD COLUMN a INT NOT NULL;', RULE);
  });
});
