import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'no-unique-key';

describe('no-unique-key', () => {
  test('flags a table with no primary key and no NOT NULL unique key, on its name', () => {
    const [finding] = assertViolations('CREATE TABLE page_views (url VARCHAR(255) NOT NULL, viewed_at DATETIME NOT NULL, KEY (url));', RULE, ['page_views']);
    assert.match(finding.message, /NO_UNIQUE_KEY/);
    assertViolations('CREATE TABLE t (email VARCHAR(255), UNIQUE KEY (email));', RULE, ['t'], { target: 'vitess' });
  });

  test('accepts a primary key (table or column level) or a unique key over NOT NULL columns', () => {
    assertClean('CREATE TABLE a (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY);', RULE);
    assertClean('CREATE TABLE b (id INT NOT NULL, PRIMARY KEY (id));', RULE);
    assertClean('CREATE TABLE c (email VARCHAR(255) NOT NULL, tenant INT NOT NULL, UNIQUE KEY (tenant, email));', RULE);
    assertClean('CREATE TABLE d (id BIGINT NOT NULL UNIQUE);', RULE);
    assertClean('CREATE TABLE e LIKE a;', RULE);
    assertClean('CREATE TABLE `v_sales` (`total` int);\nDROP TABLE IF EXISTS `v_sales`;\nCREATE VIEW `v_sales` AS SELECT 1 AS total;', RULE);
  });

  test('flags dropping the last key, not swapping it', () => {
    const history = 'CREATE TABLE t (id INT NOT NULL, code INT, PRIMARY KEY (id));';
    assertViolations('ALTER TABLE t DROP PRIMARY KEY;', RULE, ['DROP PRIMARY KEY'], { history });
    assertClean('ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, code);', RULE, { history });
    assertClean('ALTER TABLE u DROP PRIMARY KEY;', RULE, { history: 'CREATE TABLE u (id INT NOT NULL PRIMARY KEY, email VARCHAR(9) NOT NULL, UNIQUE KEY (email));' });
  });
});
