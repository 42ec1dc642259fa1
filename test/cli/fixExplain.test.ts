import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempFolder } from './helpers';

const schema = [
  'CREATE TABLE `posts` (',
  '  `id` int NOT NULL,',
  '  `author_id` int NOT NULL,',
  '  `editor_id` int DEFAULT NULL,',
  '  PRIMARY KEY (`id`),',
  '  KEY `posts_author_fk` (`author_id`),',
  '  CONSTRAINT `posts_author_fk` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE CASCADE,',
  '  CONSTRAINT `posts_editor_fk` FOREIGN KEY (`editor_id`) REFERENCES `users` (`id`)',
  ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
  '',
].join('\n');

describe('cutover fix', () => {
  test('without --write prints a unified diff and changes nothing', () => {
    const dir = tempFolder({ 'schema.sql': schema });
    const { code, stdout } = runCli(['fix', 'schema.sql', '--rule', 'no-foreign-keys'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /^--- a\/schema\.sql\n\+\+\+ b\/schema\.sql\n@@ /);
    assert.match(stdout, /^- {2}CONSTRAINT `posts_author_fk` FOREIGN KEY/m);
    assert.match(stdout, /^\+ {2}KEY `editor_id_idx` \(`editor_id`\)$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'schema.sql'), 'utf8'), schema);
  });

  test('--write applies every fix of the rule, adjacent constraints included, keeping an index on each column', () => {
    const dir = tempFolder({ 'schema.sql': schema });
    const { code, stdout } = runCli(['fix', 'schema.sql', '--rule', 'no-foreign-keys', '--write'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /schema\.sql: applied 2 fixes of no-foreign-keys/);
    assert.equal(
      fs.readFileSync(path.join(dir, 'schema.sql'), 'utf8'),
      [
        'CREATE TABLE `posts` (',
        '  `id` int NOT NULL,',
        '  `author_id` int NOT NULL,',
        '  `editor_id` int DEFAULT NULL,',
        '  PRIMARY KEY (`id`),',
        '  KEY `posts_author_fk` (`author_id`),',
        '  KEY `editor_id_idx` (`editor_id`)',
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
        '',
      ].join('\n'),
    );
    const relint = JSON.parse(runCli(['lint', 'schema.sql', '--format', 'json'], dir).stdout);
    assert.deepEqual(relint.files[0].diagnostics, []);
  });

  test('a rule without a fix, or no --rule, is a usage error', () => {
    const dir = tempFolder({ 'schema.sql': schema });
    assert.match(runCli(['fix', 'schema.sql', '--rule', 'drop-table'], dir).stderr, /rule drop-table has no automatic fix/);
    assert.equal(runCli(['fix', 'schema.sql'], dir).code, 2);
  });
});

describe('cutover explain', () => {
  test('one entry per statement in file order, with algorithm, rebuild, DML and phase', () => {
    const dir = tempFolder({
      'm/1_users.up.sql': 'CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL);\n',
      'm/2_change.up.sql': 'ALTER TABLE users ADD COLUMN bio TEXT;\nALTER TABLE users MODIFY name BIGINT NOT NULL;\nALTER TABLE users DROP COLUMN bio;\nALTER TABLE users RENAME COLUMN name TO full_name;\n',
    });
    const { code, stdout } = runCli(['explain', 'm/2_change.up.sql', '--format', 'json'], dir);
    assert.equal(code, 0);
    const { version, statements } = JSON.parse(stdout);
    assert.equal(version, 1);
    assert.deepEqual(
      statements.map((s: Record<string, unknown>) => [s.kind, s.table, s.algorithm, s.rebuildsTable, s.concurrentDml, s.phase]),
      [
        ['alter-table', 'users', 'INSTANT', false, true, 'before-code'],
        ['alter-table', 'users', 'COPY', true, false, 'multi-step'],
        ['alter-table', 'users', 'INSTANT', false, true, 'after-code'],
        ['alter-table', 'users', 'INSTANT', false, true, 'multi-step'],
      ],
    );
    assert.deepEqual(statements[1].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 45 } });
  });
});
