import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksLikeMigration } from '../../server/src/engine/migrationPaths';

describe('which SQL files are migrations', () => {
  test('tool naming and migration folders', () => {
    for (const path of [
      'db/migrations/20240101120000_create_users.sql',
      'internal/store/0001_init.up.sql',
      'src/main/resources/db/migration/V1.2__add_orders.sql',
      'R__refresh_views.sql',
      'prisma/migrations/20240101_init/migration.sql',
      'drizzle/0000_silly_name.sql',
      'docs/sakila-schema.sql',
      'structure.sql',
      'C:\\\\app\\\\migrations\\\\x.sql',
    ]) {
      assert.ok(looksLikeMigration(path), path);
    }
  });

  test('by content: a file whose statements change the schema', () => {
    assert.ok(looksLikeMigration('samples/employees.sql', 'DROP DATABASE IF EXISTS employees;\nCREATE TABLE employees (\n  emp_no INT NOT NULL\n);'));
    assert.ok(looksLikeMigration('x/db_struct.sql', '/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE TABLE `v` (`a` int) */;'));
    assert.ok(!looksLikeMigration('queries/report.sql', "SELECT * FROM t WHERE note = 'CREATE TABLE x';\n-- ALTER TABLE in a comment is not at a line start? it is:\nSELECT 1;"));
  });

  test('ad-hoc queries, reports and seeds elsewhere are not', () => {
    for (const path of ['queries/monthly_report.sql', 'scratch.sql', 'tools/fix-data.sql', 'README.md', 'migrations/readme.txt']) {
      assert.ok(!looksLikeMigration(path), path);
    }
  });
});
