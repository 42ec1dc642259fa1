import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli, tempFolder } from '../cli/helpers';
import { sharedMariaDb } from '../support/mariadb';

// A schema as mysqldump writes it: executable comments, DROP/CREATE pairs, a FK whose column has its own index,
// FKs whose columns have none, a two-column FK, cascades, and FKs first, middle and last in their tables.
const DUMP = `-- MySQL dump 10.13
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

DROP TABLE IF EXISTS \`users\`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8 */;
CREATE TABLE \`users\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`org_id\` int NOT NULL,
  \`org_region\` char(2) NOT NULL,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`users_org\` (\`org_id\`, \`org_region\`, \`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
/*!40101 SET character_set_client = @saved_cs_client */;

DROP TABLE IF EXISTS \`orgs\`;
CREATE TABLE \`orgs\` (
  \`id\` int NOT NULL,
  \`region\` char(2) NOT NULL,
  PRIMARY KEY (\`id\`, \`region\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

DROP TABLE IF EXISTS \`posts\`;
CREATE TABLE \`posts\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`author_id\` bigint unsigned NOT NULL,
  \`editor_id\` bigint unsigned DEFAULT NULL,
  \`title\` varchar(200) NOT NULL,
  PRIMARY KEY (\`id\`),
  KEY \`posts_author_id_foreign\` (\`author_id\`),
  CONSTRAINT \`posts_author_id_foreign\` FOREIGN KEY (\`author_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE,
  CONSTRAINT \`posts_editor_id_foreign\` FOREIGN KEY (\`editor_id\`) REFERENCES \`users\` (\`id\`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

DROP TABLE IF EXISTS \`comments\`;
CREATE TABLE \`comments\` (
  CONSTRAINT \`comments_post_fk\` FOREIGN KEY (\`post_id\`) REFERENCES \`posts\` (\`id\`),
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`post_id\` bigint unsigned NOT NULL,
  \`org_id\` int NOT NULL,
  \`org_region\` char(2) NOT NULL,
  \`body\` text NOT NULL,
  FOREIGN KEY (\`org_id\`, \`org_region\`) REFERENCES \`orgs\` (\`id\`, \`region\`) ON UPDATE CASCADE,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
`;

interface IndexRow {
  TABLE_NAME: string;
  INDEX_NAME: string;
  SEQ_IN_INDEX: number;
  COLUMN_NAME: string;
}

describe('cutover fix --rule no-foreign-keys on a real MariaDB', () => {
  after(async () => (await sharedMariaDb()).stop());

  test('the fixed dump executes, has no foreign key left, and keeps an index on every former FK column list', async () => {
    const db = await sharedMariaDb();
    const dir = tempFolder({ 'schema.sql': DUMP });
    const fixed = runCli(['fix', 'schema.sql', '--rule', 'no-foreign-keys', '--write'], dir);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout, /applied 4 fixes/);
    const result = fs.readFileSync(path.join(dir, 'schema.sql'), 'utf8');

    // The original is real SQL too: it runs, and has the four constraints.
    const original = await db.createDatabase('original');
    const before = await db.connect(original, { multipleStatements: true });
    await before.query(DUMP);
    const [constraints] = await before.query("SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()");
    assert.equal((constraints as Array<{ n: number }>)[0].n, 4);
    await before.end();

    const target = await db.createDatabase('fixed');
    const connection = await db.connect(target, { multipleStatements: true });
    await connection.query(result);
    const [left] = await connection.query("SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()");
    assert.equal((left as Array<{ n: number }>)[0].n, 0, 'no foreign key left');
    const [rows] = await connection.query('SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX');
    await connection.end();
    const indexes = new Map<string, string[]>();
    for (const row of rows as IndexRow[]) {
      const key = `${row.TABLE_NAME}.${row.INDEX_NAME}`;
      indexes.set(key, [...(indexes.get(key) ?? []), row.COLUMN_NAME]);
    }
    const leading = (table: string, columns: string[]) =>
      [...indexes.entries()].some(([key, cols]) => key.startsWith(`${table}.`) && columns.every((c, i) => cols[i] === c));
    assert.ok(leading('posts', ['author_id']), 'posts.author_id keeps its existing index');
    assert.ok(leading('posts', ['editor_id']), 'posts.editor_id gets an index');
    assert.ok(leading('comments', ['post_id']), 'comments.post_id gets an index');
    assert.ok(leading('comments', ['org_id', 'org_region']), 'the two-column FK keeps a two-column index');
    assert.equal(indexes.get('posts.posts_author_id_foreign')?.join(), 'author_id', 'the existing index is untouched');
  });
});
