import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'drop-table';

describe('drop-table', () => {
  test('flags every table of DROP TABLE', () => {
    const [first] = assertViolations('DROP TABLE sessions, `audit_log`;', RULE, ['sessions', '`audit_log`'], { history: 'CREATE TABLE sessions (id INT PRIMARY KEY);' });
    assert.match(first.message, /Dropping table sessions breaks application code/);
    assert.equal(first.related?.[0].message, 'sessions is created here');
  });

  test('not the drop-and-recreate of a dump, a temporary table, a table of the same file, or a rollback', () => {
    assertClean('DROP TABLE IF EXISTS `users`;\n/*!40101 SET character_set_client = utf8 */;\nCREATE TABLE `users` (`id` int NOT NULL, PRIMARY KEY (`id`));', RULE);
    assertClean('DROP TEMPORARY TABLE tmp_ids;', RULE);
    assertClean('CREATE TABLE t (id INT PRIMARY KEY);\nDROP TABLE t;', RULE);
    assertClean('-- migrate:up\nCREATE TABLE t (id INT PRIMARY KEY);\n-- migrate:down\nDROP TABLE t;', RULE);
  });
});
