import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaChange } from '../../../server/src/engine/model/changes';
import { COMMA, n, read, readShown } from './parserAdapterHelpers';

describe('parserAdapter: ALTER TABLE', () => {
  test('Laravel migrations', () => {
    assert.deepEqual(readShown('alter table `posts` add `user_id` bigint unsigned not null after `id`'), {
      kind: 'alter-table', table: n('`posts`'), commasAfter: [undefined],
      actions: [{
        kind: 'add-column',
        column: {
          name: n('`user_id`'), type: { name: 'BIGINT', args: [], unsigned: true }, nullable: false,
          position: { kind: 'after', column: n('`id`') }, '@': '`user_id` bigint unsigned not null after `id`',
        },
        '@': 'add `user_id` bigint unsigned not null after `id`',
      }],
    });
    assert.deepEqual(readShown('alter table `posts` add constraint `posts_user_id_foreign` foreign key (`user_id`) references `users` (`id`) on delete cascade').actions, [{
      kind: 'add-foreign-key',
      foreignKey: {
        constraintName: n('`posts_user_id_foreign`'), columns: [n('`user_id`')], referencedTable: n('`users`'), referencedColumns: [n('`id`')],
        actions: [{ event: 'DELETE', action: 'CASCADE', '@': 'on delete cascade' }],
        '@': 'add constraint `posts_user_id_foreign` foreign key (`user_id`) references `users` (`id`) on delete cascade',
      },
      '@': 'add constraint `posts_user_id_foreign` foreign key (`user_id`) references `users` (`id`) on delete cascade',
    }]);
    assert.deepEqual(readShown('alter table `users` add unique `users_email_unique`(`email`)').actions, [{
      kind: 'add-index',
      index: { kind: 'unique', name: n('`users_email_unique`'), columns: [n('`email`')], columnsSpan: { '@': '(`email`)' }, '@': 'add unique `users_email_unique`(`email`)' },
      '@': 'add unique `users_email_unique`(`email`)',
    }]);
    assert.deepEqual(readShown('alter table `posts` drop foreign key `posts_user_id_foreign`').actions, [
      { kind: 'drop-foreign-key', name: n('`posts_user_id_foreign`'), '@': 'drop foreign key `posts_user_id_foreign`' },
    ]);
    assert.deepEqual(readShown('alter table `users` rename column `name` to `full_name`').actions, [
      { kind: 'rename-column', from: n('`name`'), to: n('`full_name`'), '@': 'rename column `name` to `full_name`' },
    ]);
    assert.deepEqual(readShown('alter table `users` modify `name` varchar(100) null').actions, [{
      kind: 'modify-column',
      column: { name: n('`name`'), type: { name: 'VARCHAR', args: [100] }, nullable: true, '@': '`name` varchar(100) null' },
      '@': 'modify `name` varchar(100) null',
    }]);
  });

  test('several clauses: every action with its span, commas aligned with actions', () => {
    const sql = [
      'ALTER TABLE `db`.`orders`',
      '  ADD COLUMN note TEXT,',
      '  CHANGE COLUMN `total` `total_cents` BIGINT NOT NULL DEFAULT 0 FIRST,',
      '  DROP COLUMN legacy,',
      '  DROP INDEX idx_old, DROP KEY k2,',
      '  DROP PRIMARY KEY,',
      '  ADD PRIMARY KEY (id, created_at),',
      '  ADD INDEX USING BTREE (note(20)),',
      '  ADD FULLTEXT INDEX ft (note),',
      '  ADD CONSTRAINT c_pos CHECK (total_cents >= 0),',
      '  DROP CHECK c_old,',
      '  RENAME TO orders_v2,',
      '  ALGORITHM=INPLACE, LOCK = NONE,',
      '  DEFAULT CHARSET=UTF8MB4, COMMENT = "orders"',
    ].join('\n');
    const change = readShown(sql);
    assert.deepEqual(change.table, n('`orders`'));
    assert.deepEqual(change.actions, [
      { kind: 'add-column', column: { name: n('note'), type: { name: 'TEXT', args: [] }, '@': 'note TEXT' }, '@': 'ADD COLUMN note TEXT' },
      {
        kind: 'change-column', from: n('`total`'),
        column: {
          name: n('`total_cents`'), type: { name: 'BIGINT', args: [] }, nullable: false, default: { kind: 'literal', text: '0' }, position: { kind: 'first' },
          '@': '`total_cents` BIGINT NOT NULL DEFAULT 0 FIRST',
        },
        '@': 'CHANGE COLUMN `total` `total_cents` BIGINT NOT NULL DEFAULT 0 FIRST',
      },
      { kind: 'drop-column', column: n('legacy'), '@': 'DROP COLUMN legacy' },
      { kind: 'drop-index', name: n('idx_old'), '@': 'DROP INDEX idx_old' },
      { kind: 'drop-index', name: n('k2'), '@': 'DROP KEY k2' },
      { kind: 'drop-primary-key', '@': 'DROP PRIMARY KEY' },
      {
        kind: 'add-index', index: { kind: 'primary', columns: [n('id'), n('created_at')], columnsSpan: { '@': '(id, created_at)' }, '@': 'ADD PRIMARY KEY (id, created_at)' },
        '@': 'ADD PRIMARY KEY (id, created_at)',
      },
      {
        kind: 'add-index', index: { kind: 'index', columns: [n('note')], columnsSpan: { '@': '(note(20))' }, '@': 'ADD INDEX USING BTREE (note(20))' },
        '@': 'ADD INDEX USING BTREE (note(20))',
      },
      {
        kind: 'add-index', index: { kind: 'fulltext', name: n('ft'), columns: [n('note')], columnsSpan: { '@': '(note)' }, '@': 'ADD FULLTEXT INDEX ft (note)' },
        '@': 'ADD FULLTEXT INDEX ft (note)',
      },
      { kind: 'add-check', '@': 'ADD CONSTRAINT c_pos CHECK (total_cents >= 0)' },
      { kind: 'drop-check', name: n('c_old'), '@': 'DROP CHECK c_old' },
      { kind: 'rename-table', to: n('orders_v2'), '@': 'RENAME TO orders_v2' },
      { kind: 'algorithm', value: 'INPLACE', '@': 'ALGORITHM=INPLACE' },
      { kind: 'lock', value: 'NONE', '@': 'LOCK = NONE' },
      { kind: 'table-option', option: { name: 'CHARSET', value: 'utf8mb4', '@': 'DEFAULT CHARSET=UTF8MB4' }, '@': 'DEFAULT CHARSET=UTF8MB4' },
      { kind: 'table-option', option: { name: 'COMMENT', value: 'orders', '@': 'COMMENT = "orders"' }, '@': 'COMMENT = "orders"' },
    ]);
    assert.deepEqual(change.commasAfter, [...Array(15).fill(COMMA), undefined]);
    // Each comma is the one right after its action.
    const raw = read(sql);
    assert.ok(raw?.kind === 'alter-table');
    raw.actions.forEach((action, i) => {
      const comma = raw.commasAfter[i];
      if (comma) assert.equal(sql.slice(action.end, comma.start).trim(), '', `comma ${i}`);
    });
  });

  test('partition maintenance, and SQL Server syntax the parser lets through', () => {
    assert.deepEqual(readShown('ALTER TABLE t DROP PARTITION p1').actions, [{ kind: 'partitioning', '@': 'DROP PARTITION p1' }]);
    const several = readShown('ALTER TABLE t TRUNCATE PARTITION p1, p2, ADD COLUMN c INT');
    assert.deepEqual(several.actions.map((a: { kind: string; '@': string }) => [a.kind, a['@']]), [
      ['partitioning', 'TRUNCATE PARTITION p1, p2'],
      ['add-column', 'ADD COLUMN c INT'],
    ]);
    assert.deepEqual(several.commasAfter, [COMMA, undefined]);
    assert.deepEqual(readShown('ALTER TABLE t ADD PARTITION (PARTITION p3 VALUES LESS THAN (2000), PARTITION p4 VALUES LESS THAN (3000))').actions, [
      { kind: 'partitioning', '@': 'ADD PARTITION (PARTITION p3 VALUES LESS THAN (2000), PARTITION p4 VALUES LESS THAN (3000))' },
    ]);
    assert.deepEqual(readShown('ALTER TABLE t WITH CHECK CHECK CONSTRAINT c').actions, [
      { kind: 'other', text: 'WITH CHECK CHECK CONSTRAINT c', '@': 'WITH CHECK CHECK CONSTRAINT c' },
    ]);
  });

  test('golang-migrate style DDL', () => {
    const sql = 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE';
    const change = read(sql);
    assert.ok(change?.kind === 'alter-table');
    const fk = change.actions[0].kind === 'add-foreign-key' ? change.actions[0].foreignKey : undefined;
    assert.ok(fk);
    assert.equal(sql.slice(fk.constraintName!.start, fk.constraintName!.end), 'orders_user_fk2');
    assert.equal(sql.slice(fk.columns[0].start, fk.columns[0].end), 'user_id');
    assert.equal(sql.slice(fk.referencedTable!.start, fk.referencedTable!.end), 'users');
    assert.deepEqual(fk.actions.map((a) => sql.slice(a.start, a.end)), ['ON DELETE CASCADE', 'ON UPDATE CASCADE']);
    assert.deepEqual([fk.start, fk.end], [sql.indexOf('ADD CONSTRAINT'), sql.length]);
  });
});

describe('parserAdapter: other DDL', () => {
  test('CREATE [UNIQUE|FULLTEXT] INDEX with ALGORITHM and LOCK', () => {
    assert.deepEqual(readShown('CREATE UNIQUE INDEX idx_email ON `app`.users (email(191), tenant_id DESC) ALGORITHM=INPLACE LOCK=NONE'), {
      kind: 'create-index', table: n('users'), algorithm: 'INPLACE', lock: 'NONE',
      index: {
        kind: 'unique', name: n('idx_email'), columns: [n('email'), n('tenant_id')], columnsSpan: { '@': '(email(191), tenant_id DESC)' },
        '@': 'UNIQUE INDEX idx_email ON `app`.users (email(191), tenant_id DESC) ALGORITHM=INPLACE LOCK=NONE',
      },
    });
    assert.deepEqual(readShown('CREATE FULLTEXT INDEX ft ON posts (body)'), {
      kind: 'create-index', table: n('posts'),
      index: { kind: 'fulltext', name: n('ft'), columns: [n('body')], columnsSpan: { '@': '(body)' }, '@': 'FULLTEXT INDEX ft ON posts (body)' },
    });
    assert.deepEqual(readShown('CREATE INDEX i USING BTREE ON t ((lower(name)))').index, {
      kind: 'index', name: n('i'), columns: [undefined], columnsSpan: { '@': '((lower(name)))' }, '@': 'INDEX i USING BTREE ON t ((lower(name)))',
    });
  });

  test('DROP INDEX … ON, DROP TABLE, RENAME TABLE, TRUNCATE', () => {
    assert.deepEqual(readShown('DROP INDEX `orders_status_index` ON `shop`.`orders` ALGORITHM = INPLACE LOCK = NONE'), {
      kind: 'drop-index', table: n('`orders`'), name: n('`orders_status_index`'), algorithm: 'INPLACE', lock: 'NONE',
    });
    assert.deepEqual(readShown('DROP INDEX idx ON t'), { kind: 'drop-index', table: n('t'), name: n('idx') });
    assert.deepEqual(readShown('DROP TABLE IF EXISTS order_items, `shop`.`orders`'), {
      kind: 'drop-table', tables: [n('order_items'), n('`orders`')], ifExists: true, temporary: false,
    });
    assert.deepEqual(readShown('DROP TABLE users'), { kind: 'drop-table', tables: [n('users')], ifExists: false, temporary: false });
    assert.deepEqual(readShown('RENAME TABLE a TO b, `c` TO db.d'), {
      kind: 'rename-table', pairs: [{ from: n('a'), to: n('b') }, { from: n('`c`'), to: n('d') }],
    });
    assert.deepEqual(readShown('TRUNCATE TABLE `logs`'), { kind: 'truncate-table', table: n('`logs`') });
    assert.deepEqual(readShown('truncate logs'), { kind: 'truncate-table', table: n('logs') });
  });

  test('databases, schemas, views and triggers, with the keyword span', () => {
    assert.deepEqual(readShown('CREATE DATABASE IF NOT EXISTS `shop`'), { kind: 'create-object', objectType: 'DATABASE', name: n('`shop`'), keyword: { '@': 'DATABASE' } });
    assert.deepEqual(readShown('create schema shop'), { kind: 'create-object', objectType: 'SCHEMA', name: n('shop'), keyword: { '@': 'schema' } });
    assert.deepEqual(readShown('DROP DATABASE shop'), { kind: 'drop-object', objectType: 'DATABASE', name: n('shop'), keyword: { '@': 'DATABASE' } });
    assert.deepEqual(readShown('DROP SCHEMA IF EXISTS shop'), { kind: 'drop-object', objectType: 'SCHEMA', name: n('shop'), keyword: { '@': 'SCHEMA' } });
    assert.deepEqual(readShown('CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v_orders` AS SELECT 1'), {
      kind: 'create-object', objectType: 'VIEW', name: n('`v_orders`'), keyword: { '@': 'VIEW' },
    });
    assert.deepEqual(readShown('DROP VIEW IF EXISTS v1, v2'), { kind: 'drop-object', objectType: 'VIEW', name: n('v1'), keyword: { '@': 'VIEW' } });
    assert.deepEqual(readShown('CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1'), {
      kind: 'create-object', objectType: 'TRIGGER', name: n('trg'), keyword: { '@': 'TRIGGER' },
    });
    assert.deepEqual(readShown('DROP TRIGGER IF EXISTS trg'), { kind: 'drop-object', objectType: 'TRIGGER', name: n('trg'), keyword: { '@': 'TRIGGER' } });
  });

  test('DML, session statements, queries and the rest', () => {
    const cases: Array<[string, SchemaChange]> = [
      ['INSERT INTO t (a) VALUES (1), (2)', { kind: 'dml', verb: 'INSERT' }],
      ['replace into t values (1)', { kind: 'dml', verb: 'REPLACE' }],
      ['UPDATE t SET a = 1 WHERE b = 2', { kind: 'dml', verb: 'UPDATE' }],
      ['DELETE FROM t WHERE a = 1', { kind: 'dml', verb: 'DELETE' }],
      ['SET FOREIGN_KEY_CHECKS = 0', { kind: 'session', verb: 'SET' }],
      ['/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE */', { kind: 'session', verb: 'SET' }],
      ['USE `shop`', { kind: 'session', verb: 'USE' }],
      ['LOCK TABLES `t` WRITE', { kind: 'session', verb: 'LOCK' }],
      ['UNLOCK TABLES', { kind: 'session', verb: 'UNLOCK' }],
      ['SELECT COUNT(*) FROM t', { kind: 'query', verb: 'SELECT' }],
      ['(SELECT 1) UNION (SELECT 2)', { kind: 'query', verb: 'SELECT' }],
      ['GRANT SELECT ON *.* TO app', { kind: 'other', verb: 'GRANT' }],
      ['CREATE USER app', { kind: 'other', verb: 'CREATE' }],
    ];
    for (const [sql, expected] of cases) assert.deepEqual(read(sql), expected, sql);
  });
});
