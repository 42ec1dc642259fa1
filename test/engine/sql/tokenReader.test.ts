import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AlterTable, CreateTable, SchemaChange } from '../../../server/src/engine/model/changes';
import { splitStatements } from '../../../server/src/engine/sql/splitter';
import { readWithTokens } from '../../../server/src/engine/sql/tokenReader';

function read(sql: string): SchemaChange {
  return readWithTokens(splitStatements(sql).statements[0], sql);
}

function text(sql: string, span: { start: number; end: number } | undefined): string {
  assert.ok(span, 'span present');
  return sql.slice(span.start, span.end);
}

describe('token reader: CREATE TABLE', () => {
  const sql = [
    'CREATE TABLE IF NOT EXISTS `shop`.`orders` (',
    '  `id` bigint unsigned NOT NULL AUTO_INCREMENT,',
    "  `status` enum('new','paid') CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'new' COMMENT 'state',",
    '  `ratio` DOUBLE PRECISION DEFAULT -1.5,',
    '  `paid` BOOL NOT NULL DEFAULT FALSE,',
    '  `code` VARCHAR(10) BINARY,',
    '  `created_at` TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),',
    "  `total` DECIMAL(10,2) GENERATED ALWAYS AS (`price` * 2) STORED,",
    '  `token` CHAR(36) DEFAULT (uuid()),',
    '  PRIMARY KEY (`id`),',
    '  UNIQUE KEY `orders_code_unique` (`code`(8)),',
    '  KEY `idx_status` (`status`, `created_at` DESC),',
    '  CONSTRAINT `orders_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL',
    ') ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci ROW_FORMAT=DYNAMIC;',
  ].join('\n');
  const change = read(sql) as CreateTable;

  test('table, flags and every definition with its comma', () => {
    assert.equal(change.kind, 'create-table');
    assert.equal(change.table.name, 'orders');
    assert.equal(text(sql, change.table), '`orders`');
    assert.equal(change.ifNotExists, true);
    assert.equal(change.definitions.length, 12);
    assert.equal(text(sql, change.definitions[11]), 'CONSTRAINT `orders_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL');
    assert.equal(change.definitions[11].commaAfter, undefined);
    assert.equal(text(sql, change.definitions[10].commaAfter), ',');
  });

  test('column types with synonyms resolved, charsets, defaults and attributes', () => {
    const [id, status, ratio, paid, code, created, total, token] = change.columns;
    assert.deepEqual(id.type, { name: 'BIGINT', args: [], unsigned: true });
    assert.equal(id.nullable, false);
    assert.equal(id.autoIncrement, true);
    assert.deepEqual(status.type, { name: 'ENUM', args: [], values: ['new', 'paid'], charset: 'utf8mb4', collate: 'utf8mb4_bin' });
    assert.deepEqual(status.default, { kind: 'literal', text: "'new'" });
    assert.equal(status.comment, 'state');
    assert.equal(ratio.type.name, 'DOUBLE');
    assert.deepEqual(ratio.default, { kind: 'literal', text: '-1.5' });
    assert.deepEqual(paid.type, { name: 'TINYINT', args: [1] });
    assert.deepEqual(code.type, { name: 'VARCHAR', args: [10], collate: 'binary' });
    assert.deepEqual(created.default, { kind: 'current-timestamp', text: 'CURRENT_TIMESTAMP(3)' });
    assert.equal(created.onUpdateCurrentTimestamp, true);
    assert.equal(created.nullable, true);
    assert.deepEqual(total.type, { name: 'DECIMAL', args: [10, 2] });
    assert.deepEqual(total.generated, { stored: true });
    assert.deepEqual(token.default, { kind: 'expression', text: '(uuid())' });
    assert.equal(text(sql, status.name), '`status`');
  });

  test('indexes, the foreign key and table options', () => {
    assert.deepEqual(change.indexes.map((i) => [i.kind, i.name?.name, i.columns.map((c) => c?.name)]), [
      ['primary', undefined, ['id']],
      ['unique', 'orders_code_unique', ['code']],
      ['index', 'idx_status', ['status', 'created_at']],
    ]);
    const [fk] = change.foreignKeys;
    assert.equal(fk.constraintName?.name, 'orders_user_fk');
    assert.deepEqual(fk.columns.map((c) => c.name), ['user_id']);
    assert.equal(fk.referencedTable?.name, 'users');
    assert.deepEqual(fk.actions.map((a) => [a.event, a.action, text(sql, a)]), [['DELETE', 'SET NULL', 'ON DELETE SET NULL']]);
    assert.deepEqual(change.options.map((o) => [o.name, o.value]), [['ENGINE', 'innodb'], ['AUTO_INCREMENT', '42'], ['CHARSET', 'utf8mb4'], ['COLLATE', 'utf8mb4_0900_ai_ci'], ['ROW_FORMAT', 'DYNAMIC']]);
  });

  test('a CREATE TABLE inside a mysqldump executable comment is real', () => {
    const dump = '/*!50001 CREATE TABLE `v` (`id` int NOT NULL, PRIMARY KEY (`id`)) */;';
    const created = read(dump) as CreateTable;
    assert.equal(created.kind, 'create-table');
    assert.equal(created.columns[0].name.name, 'id');
  });

  test('LIKE, AS SELECT, and CREATE TABLE without definitions', () => {
    assert.equal((read('CREATE TABLE b LIKE a') as CreateTable).like?.name, 'a');
    assert.equal((read('CREATE TABLE b (LIKE a)') as CreateTable).like?.name, 'a');
    assert.equal((read('CREATE TABLE b AS SELECT * FROM a') as CreateTable).asSelect, true);
    assert.equal(read('CREATE TABLE b').kind, 'unreadable');
  });
});

describe('token reader: ALTER TABLE', () => {
  test('every clause kind, each with its exact span and comma', () => {
    const sql = [
      'ALTER TABLE users',
      '  ADD COLUMN plan VARCHAR(20) NOT NULL DEFAULT \'free\' AFTER email,',
      '  DROP COLUMN legacy, MODIFY name VARCHAR(200) NULL FIRST, CHANGE old_col new_col INT,',
      '  RENAME COLUMN a TO b, ALTER COLUMN c SET DEFAULT 0, ALTER d DROP DEFAULT, ALTER e SET INVISIBLE,',
      '  ADD INDEX idx_plan (plan), ADD UNIQUE (email), DROP INDEX old_idx, RENAME KEY k1 TO k2, DROP PRIMARY KEY,',
      '  ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id), DROP FOREIGN KEY fk_old, ADD CHECK (a > 0),',
      '  CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, ENGINE=InnoDB ROW_FORMAT=COMPRESSED, FORCE,',
      '  RENAME TO members, ALGORITHM=INPLACE, LOCK=NONE',
    ].join('\n');
    const change = read(sql) as AlterTable;
    assert.equal(change.kind, 'alter-table');
    assert.deepEqual(change.actions.map((a) => a.kind), [
      'add-column', 'drop-column', 'modify-column', 'change-column', 'rename-column', 'set-default', 'drop-default', 'set-visibility',
      'add-index', 'add-index', 'drop-index', 'rename-index', 'drop-primary-key', 'add-foreign-key', 'drop-foreign-key', 'add-check',
      'convert-charset', 'table-option', 'table-option', 'force', 'rename-table', 'algorithm', 'lock',
    ]);
    assert.equal(text(sql, change.actions[0]), "ADD COLUMN plan VARCHAR(20) NOT NULL DEFAULT 'free' AFTER email");
    assert.equal(text(sql, change.actions[13]), 'ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id)');
    assert.equal(text(sql, change.actions[17]), 'ENGINE=InnoDB');
    // Two options in one comma-separated clause: only the last carries the comma.
    assert.equal(change.commasAfter[17], undefined);
    assert.equal(text(sql, change.commasAfter[18]), ',');
    assert.equal(change.commasAfter[22], undefined);
    const modify = change.actions[2];
    assert.ok(modify.kind === 'modify-column');
    assert.deepEqual(modify.column.position, { kind: 'first' });
    const setDefault = change.actions[5];
    assert.ok(setDefault.kind === 'set-default');
    assert.deepEqual(setDefault.default, { kind: 'literal', text: '0' });
  });

  test('a clause it cannot read makes the statement unreadable, with the reason', () => {
    const change = read('ALTER TABLE t FROBNICATE x');
    assert.equal(change.kind, 'unreadable');
    assert.match(change.kind === 'unreadable' ? change.reason : '', /cannot read the ALTER TABLE clause "FROBNICATE x"/);
  });
});

describe('token reader: other statements', () => {
  test('index, drop, rename, truncate, objects and the rest', () => {
    assert.deepEqual(read('CREATE UNIQUE INDEX i ON t (a, b) ALGORITHM=INPLACE LOCK=NONE'), {
      kind: 'create-index', table: { name: 't', start: 25, end: 26 }, algorithm: 'INPLACE', lock: 'NONE',
      index: { kind: 'unique', name: { name: 'i', start: 20, end: 21 }, columns: [{ name: 'a', start: 28, end: 29 }, { name: 'b', start: 31, end: 32 }], columnsSpan: { start: 27, end: 33 }, start: 7, end: 61 },
    });
    assert.deepEqual(read('DROP INDEX i ON t').kind, 'drop-index');
    assert.deepEqual((read('DROP TEMPORARY TABLE IF EXISTS a, b') as { tables: { name: string }[]; temporary: boolean }).tables.map((t) => t.name), ['a', 'b']);
    assert.equal(read('RENAME TABLE a TO b, c TO d').kind, 'rename-table');
    assert.equal(read('TRUNCATE TABLE logs').kind, 'truncate-table');
    assert.deepEqual(read('CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`a`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1'), { kind: 'create-object', objectType: 'VIEW', name: { name: 'v', start: 76, end: 77 }, keyword: { start: 71, end: 75 } });
    assert.deepEqual(read('INSERT INTO t VALUES (1)'), { kind: 'dml', verb: 'INSERT' });
    assert.deepEqual(read('SET FOREIGN_KEY_CHECKS = 0'), { kind: 'session', verb: 'SET' });
    assert.deepEqual(read('(SELECT 1)'), { kind: 'query', verb: 'SELECT' });
  });
});
