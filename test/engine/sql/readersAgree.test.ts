import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { readWithParser } from '../../../server/src/engine/sql/parserAdapter';
import { splitStatements } from '../../../server/src/engine/sql/splitter';
import { readWithTokens } from '../../../server/src/engine/sql/tokenReader';

const root = path.resolve(__dirname, '../../../..');

/** Every .sql file of the examples and test fixtures, plus statements written to exercise both readers. */
function corpus(): Array<{ where: string; sql: string }> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sql')) files.push(full);
    }
  };
  walk(path.join(root, 'examples'));
  walk(path.join(root, 'test/fixtures'));
  const extra = [
    "CREATE TABLE `t` (`id` int unsigned NOT NULL AUTO_INCREMENT, `name` varchar(255) COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '', `price` decimal(8,2) DEFAULT NULL, `at` datetime DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (`id`), UNIQUE KEY `t_name_unique` (`name`), KEY `t_price_index` (`price`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
    'ALTER TABLE `posts` ADD `slug` varchar(255) NOT NULL AFTER `title`, ADD INDEX `posts_slug_index` (`slug`), DROP COLUMN `legacy`',
    'ALTER TABLE posts ADD CONSTRAINT posts_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE',
    'ALTER TABLE users MODIFY email VARCHAR(320) NOT NULL, CHANGE name full_name VARCHAR(200) NULL',
    'ALTER TABLE users RENAME COLUMN a TO b, DROP INDEX i, DROP FOREIGN KEY f, DROP PRIMARY KEY, ADD PRIMARY KEY (id, tenant_id)',
    'CREATE INDEX idx_a ON t (a, b DESC)',
    'DROP INDEX idx_a ON t',
    'DROP TABLE IF EXISTS a, b',
    'RENAME TABLE a TO b, c TO d',
    'TRUNCATE TABLE logs',
    "INSERT INTO settings (k, v) VALUES ('a', 'b')",
  ];
  const statements: Array<{ where: string; sql: string }> = extra.map((sql, i) => ({ where: `extra #${i}`, sql }));
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    for (const statement of splitStatements(source).statements) statements.push({ where: path.relative(root, file), sql: statement.text });
  }
  return statements;
}

/** JSON round-trip: keys whose value is undefined are dropped by one reader and written by the other. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('node-sql-parser adapter and token reader', () => {
  test('give the same model wherever the parser reads the statement', () => {
    let compared = 0;
    for (const { where, sql } of corpus()) {
      const statement = splitStatements(sql).statements[0];
      const fromParser = readWithParser(statement);
      if (!fromParser) continue;
      compared++;
      assert.deepEqual(normalise(fromParser), normalise(readWithTokens(statement, sql)), `${where}: ${sql.slice(0, 80)}`);
    }
    assert.ok(compared >= 20, `only ${compared} statements were read by both`);
  });
});
