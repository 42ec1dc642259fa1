import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaChange } from '../../../server/src/engine/model/changes';
import { lex } from '../../../server/src/engine/sql/lexer';
import { parseText, readWithParser } from '../../../server/src/engine/sql/parserAdapter';
import { Statement, splitStatements } from '../../../server/src/engine/sql/splitter';

function only(sql: string): Statement {
  const { statements } = splitStatements(sql);
  assert.equal(statements.length, 1, `test bug: expected one statement in ${sql}`);
  return statements[0];
}

/**
 * The model with every span replaced by the source text it covers (`'@'`), so that a deepEqual against a readable
 * expectation checks all fields and, by slicing the source, every span.
 */
function shown(sql: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => shown(sql, v));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const isSpan = typeof o.start === 'number' && typeof o.end === 'number';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!isSpan || (k !== 'start' && k !== 'end')) out[k] = shown(sql, v);
  if (isSpan) out['@'] = sql.slice(o.start as number, o.end as number);
  return out;
}

function read(sql: string): SchemaChange | undefined {
  return readWithParser(only(sql));
}

/** Reads the statement, which must be read, and shows it with span texts. */
function readShown(sql: string): any {
  const change = read(sql);
  assert.ok(change, `node-sql-parser reading expected for:\n${sql}`);
  return shown(sql, change);
}

/** A Name as `shown` renders it: unquoted name plus the identifier as written. */
function n(written: string): { name: string; '@': string } {
  return { name: written.replace(/^`|`$/g, ''), '@': written };
}

const COMMA = { '@': ',' };

/** Every {start, end} in the value, with the path that leads to it. */
function spans(value: unknown, path = '$'): Array<{ path: string; start: number; end: number }> {
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = typeof o.start === 'number' && typeof o.end === 'number' ? [{ path, start: o.start as number, end: o.end as number }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => spans(v, `${path}.${k}`))];
}

describe('parserAdapter: CREATE TABLE', () => {
  const dump = [
    '--',
    '-- Table structure for table `posts`',
    '--',
    '',
    '/*!40101 SET @saved_cs_client     = @@character_set_client */;',
    '/*!50503 SET character_set_client = utf8mb4 */;',
    'CREATE TABLE `posts` (',
    '  `id` bigint unsigned NOT NULL AUTO_INCREMENT,',
    '  `user_id` bigint unsigned NOT NULL,',
    "  `title` varchar(255) COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT '',",
    "  `status` enum('draft','published') NOT NULL DEFAULT 'draft' COMMENT 'it''s a state',",
    '  `created_at` timestamp NULL DEFAULT CURRENT_TIMESTAMP,',
    '  `updated_at` timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,',
    '  PRIMARY KEY (`id`),',
    '  UNIQUE KEY `posts_title_unique` (`title`(191)),',
    '  KEY `posts_user_id_foreign` (`user_id`),',
    '  CONSTRAINT `posts_user_id_foreign` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE',
    ') ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;',
    '/*!40101 SET character_set_client = @saved_cs_client */;',
  ].join('\n');

  test('a mysqldump table: columns, keys, a foreign key with ON DELETE CASCADE, table options, definitions', () => {
    const statements = splitStatements(dump).statements;
    assert.equal(statements.length, 4);
    assert.deepEqual(statements.map((s) => readWithParser(s)?.kind), ['session', 'session', 'create-table', 'session']);
    const change = readWithParser(statements[2]);
    assert.deepEqual(shown(dump, change), {
      kind: 'create-table',
      table: n('`posts`'),
      ifNotExists: false,
      temporary: false,
      columns: [
        {
          name: n('`id`'), type: { name: 'BIGINT', args: [], unsigned: true }, nullable: false, autoIncrement: true,
          '@': '`id` bigint unsigned NOT NULL AUTO_INCREMENT',
        },
        { name: n('`user_id`'), type: { name: 'BIGINT', args: [], unsigned: true }, nullable: false, '@': '`user_id` bigint unsigned NOT NULL' },
        {
          name: n('`title`'), type: { name: 'VARCHAR', args: [255], collate: 'utf8mb4_unicode_ci' }, nullable: false,
          default: { kind: 'literal', text: "''" }, '@': "`title` varchar(255) COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT ''",
        },
        {
          name: n('`status`'), type: { name: 'ENUM', args: [], values: ['draft', 'published'] }, nullable: false,
          default: { kind: 'literal', text: "'draft'" }, comment: "it's a state",
          '@': "`status` enum('draft','published') NOT NULL DEFAULT 'draft' COMMENT 'it''s a state'",
        },
        {
          name: n('`created_at`'), type: { name: 'TIMESTAMP', args: [] }, nullable: true,
          default: { kind: 'current-timestamp', text: 'CURRENT_TIMESTAMP' }, '@': '`created_at` timestamp NULL DEFAULT CURRENT_TIMESTAMP',
        },
        {
          name: n('`updated_at`'), type: { name: 'TIMESTAMP', args: [] }, nullable: true, default: { kind: 'null' },
          onUpdateCurrentTimestamp: true, '@': '`updated_at` timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP',
        },
      ],
      indexes: [
        { kind: 'primary', columns: [n('`id`')], columnsSpan: { '@': '(`id`)' }, '@': 'PRIMARY KEY (`id`)' },
        {
          kind: 'unique', name: n('`posts_title_unique`'), columns: [n('`title`')], columnsSpan: { '@': '(`title`(191))' },
          '@': 'UNIQUE KEY `posts_title_unique` (`title`(191))',
        },
        {
          kind: 'index', name: n('`posts_user_id_foreign`'), columns: [n('`user_id`')], columnsSpan: { '@': '(`user_id`)' },
          '@': 'KEY `posts_user_id_foreign` (`user_id`)',
        },
      ],
      foreignKeys: [
        {
          constraintName: n('`posts_user_id_foreign`'),
          columns: [n('`user_id`')],
          referencedTable: n('`users`'),
          referencedColumns: [n('`id`')],
          actions: [{ event: 'DELETE', action: 'CASCADE', '@': 'ON DELETE CASCADE' }],
          '@': 'CONSTRAINT `posts_user_id_foreign` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE',
        },
      ],
      options: [
        { name: 'ENGINE', value: 'innodb', '@': 'ENGINE=InnoDB' },
        { name: 'AUTO_INCREMENT', value: '42', '@': 'AUTO_INCREMENT=42' },
        { name: 'CHARSET', value: 'utf8mb4', '@': 'DEFAULT CHARSET=utf8mb4' },
        { name: 'COLLATE', value: 'utf8mb4_unicode_ci', '@': 'COLLATE=utf8mb4_unicode_ci' },
      ],
      definitions: [
        { '@': '`id` bigint unsigned NOT NULL AUTO_INCREMENT', commaAfter: COMMA },
        { '@': '`user_id` bigint unsigned NOT NULL', commaAfter: COMMA },
        { '@': "`title` varchar(255) COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT ''", commaAfter: COMMA },
        { '@': "`status` enum('draft','published') NOT NULL DEFAULT 'draft' COMMENT 'it''s a state'", commaAfter: COMMA },
        { '@': '`created_at` timestamp NULL DEFAULT CURRENT_TIMESTAMP', commaAfter: COMMA },
        { '@': '`updated_at` timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP', commaAfter: COMMA },
        { '@': 'PRIMARY KEY (`id`)', commaAfter: COMMA },
        { '@': 'UNIQUE KEY `posts_title_unique` (`title`(191))', commaAfter: COMMA },
        { '@': 'KEY `posts_user_id_foreign` (`user_id`)', commaAfter: COMMA },
        { '@': 'CONSTRAINT `posts_user_id_foreign` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE' },
      ],
    });
  });

  test('names that occur several times get the offsets of their own occurrence', () => {
    const statement = splitStatements(dump).statements[2];
    const change = readWithParser(statement);
    assert.ok(change?.kind === 'create-table');
    const userId = (from: string) => dump.indexOf('`user_id`', dump.indexOf(from));
    assert.equal(change.columns[1].name.start, userId('CREATE TABLE'));
    assert.equal(change.indexes[2].columns[0]?.start, userId('KEY `posts_user_id_foreign` ('));
    assert.equal(change.foreignKeys[0].columns[0].start, userId('FOREIGN KEY'));
    assert.equal(change.foreignKeys[0].constraintName?.start, dump.indexOf('`posts_user_id_foreign`', dump.indexOf('CONSTRAINT')));
    assert.equal(change.foreignKeys[0].referencedColumns[0].start, dump.indexOf('`id`', dump.indexOf('REFERENCES')));
    assert.equal(dump.slice(change.foreignKeys[0].columns[0].start, change.foreignKeys[0].columns[0].end), '`user_id`');
    for (const span of spans(change)) assert.ok(span.start >= statement.start && span.start < span.end && span.end <= statement.end, span.path);
  });

  test('a CREATE TABLE inside an executable comment still reads (markers and odd spacing are smoothed over)', () => {
    const sql = '/*!40101 CREATE TABLE `legacy` (\n  `id` int NOT   NULL,\n  `note` text NOT\n  NULL /* why */\n) ENGINE=MyISAM */';
    assert.deepEqual(readShown(sql), {
      kind: 'create-table', table: n('`legacy`'), ifNotExists: false, temporary: false,
      columns: [
        { name: n('`id`'), type: { name: 'INT', args: [] }, nullable: false, '@': '`id` int NOT   NULL' },
        { name: n('`note`'), type: { name: 'TEXT', args: [] }, nullable: false, '@': '`note` text NOT\n  NULL' },
      ],
      indexes: [], foreignKeys: [],
      options: [{ name: 'ENGINE', value: 'myisam', '@': 'ENGINE=MyISAM' }],
      definitions: [{ '@': '`id` int NOT   NULL', commaAfter: COMMA }, { '@': '`note` text NOT\n  NULL' }],
    });
  });

  test('column attributes: defaults of every kind, synonyms, generated columns, inline keys and references', () => {
    const sql = [
      'CREATE TABLE IF NOT EXISTS `app`.`things` (',
      '  a INTEGER(11) UNSIGNED ZEROFILL DEFAULT -1,',
      '  b BOOLEAN NOT NULL DEFAULT TRUE,',
      '  c NUMERIC(10,0) SIGNED DEFAULT 0.00,',
      '  d char(36) CHARACTER SET ascii COLLATE ASCII_BIN DEFAULT (uuid()),',
      "  e bit(1) DEFAULT b'0',",
      '  f datetime DEFAULT now() ON UPDATE now(),',
      "  g set('x','','y') DEFAULT '',",
      '  h int AS (a + 1) STORED,',
      '  i int GENERATED ALWAYS AS (a * 2) VIRTUAL NOT NULL,',
      '  j int PRIMARY KEY,',
      '  k int UNIQUE KEY,',
      '  l int REFERENCES other (id) ON UPDATE CASCADE,',
      '  m timestamp(3) ON UPDATE CURRENT_TIMESTAMP(3),',
      '  n json',
      ')',
    ].join('\n');
    const change = readShown(sql);
    assert.deepEqual([change.table, change.ifNotExists], [n('`things`'), true]);
    assert.deepEqual(change.columns, [
      { name: n('a'), type: { name: 'INT', args: [11], unsigned: true, zerofill: true }, default: { kind: 'literal', text: '-1' }, '@': 'a INTEGER(11) UNSIGNED ZEROFILL DEFAULT -1' },
      { name: n('b'), type: { name: 'TINYINT', args: [1] }, nullable: false, default: { kind: 'literal', text: 'TRUE' }, '@': 'b BOOLEAN NOT NULL DEFAULT TRUE' },
      { name: n('c'), type: { name: 'DECIMAL', args: [10, 0], unsigned: false }, default: { kind: 'literal', text: '0.00' }, '@': 'c NUMERIC(10,0) SIGNED DEFAULT 0.00' },
      {
        name: n('d'), type: { name: 'CHAR', args: [36], charset: 'ascii', collate: 'ascii_bin' }, default: { kind: 'expression', text: '(uuid())' },
        '@': 'd char(36) CHARACTER SET ascii COLLATE ASCII_BIN DEFAULT (uuid())',
      },
      { name: n('e'), type: { name: 'BIT', args: [1] }, default: { kind: 'literal', text: "b'0'" }, '@': "e bit(1) DEFAULT b'0'" },
      {
        name: n('f'), type: { name: 'DATETIME', args: [] }, default: { kind: 'current-timestamp', text: 'now()' }, onUpdateCurrentTimestamp: true,
        '@': 'f datetime DEFAULT now() ON UPDATE now()',
      },
      { name: n('g'), type: { name: 'SET', args: [], values: ['x', '', 'y'] }, default: { kind: 'literal', text: "''" }, '@': "g set('x','','y') DEFAULT ''" },
      { name: n('h'), type: { name: 'INT', args: [] }, generated: { stored: true }, '@': 'h int AS (a + 1) STORED' },
      { name: n('i'), type: { name: 'INT', args: [] }, generated: { stored: false }, nullable: false, '@': 'i int GENERATED ALWAYS AS (a * 2) VIRTUAL NOT NULL' },
      { name: n('j'), type: { name: 'INT', args: [] }, primaryKey: true, '@': 'j int PRIMARY KEY' },
      { name: n('k'), type: { name: 'INT', args: [] }, unique: true, '@': 'k int UNIQUE KEY' },
      // ON UPDATE CASCADE of an inline REFERENCES is not ON UPDATE CURRENT_TIMESTAMP.
      { name: n('l'), type: { name: 'INT', args: [] }, inlineReferences: true, '@': 'l int REFERENCES other (id) ON UPDATE CASCADE' },
      { name: n('m'), type: { name: 'TIMESTAMP', args: [3] }, onUpdateCurrentTimestamp: true, '@': 'm timestamp(3) ON UPDATE CURRENT_TIMESTAMP(3)' },
      { name: n('n'), type: { name: 'JSON', args: [] }, '@': 'n json' },
    ]);
  });

  test('indexes of every kind, functional and prefix key parts, CHECK constraints only in definitions', () => {
    const sql = [
      'CREATE TABLE t (',
      '  id int, g geometry NOT NULL, body text, a int, b int,',
      '  INDEX (a),',
      '  KEY `k_ab` USING BTREE (a DESC, b),',
      '  UNIQUE INDEX ux ((a + b)),',
      '  CONSTRAINT `u_b` UNIQUE (b),',
      '  FULLTEXT KEY ft (body),',
      '  SPATIAL INDEX (g),',
      '  CONSTRAINT pk PRIMARY KEY (id),',
      '  CONSTRAINT chk CHECK (a > 0)',
      ')',
    ].join('\n');
    const change = readShown(sql);
    assert.deepEqual(change.indexes, [
      { kind: 'index', columns: [n('a')], columnsSpan: { '@': '(a)' }, '@': 'INDEX (a)' },
      { kind: 'index', name: n('`k_ab`'), columns: [n('a'), n('b')], columnsSpan: { '@': '(a DESC, b)' }, '@': 'KEY `k_ab` USING BTREE (a DESC, b)' },
      { kind: 'unique', name: n('ux'), columns: [undefined], columnsSpan: { '@': '((a + b))' }, '@': 'UNIQUE INDEX ux ((a + b))' },
      { kind: 'unique', name: n('`u_b`'), columns: [n('b')], columnsSpan: { '@': '(b)' }, '@': 'CONSTRAINT `u_b` UNIQUE (b)' },
      { kind: 'fulltext', name: n('ft'), columns: [n('body')], columnsSpan: { '@': '(body)' }, '@': 'FULLTEXT KEY ft (body)' },
      { kind: 'spatial', columns: [n('g')], columnsSpan: { '@': '(g)' }, '@': 'SPATIAL INDEX (g)' },
      { kind: 'primary', name: n('pk'), columns: [n('id')], columnsSpan: { '@': '(id)' }, '@': 'CONSTRAINT pk PRIMARY KEY (id)' },
    ]);
    assert.equal(change.columns.length, 5);
    assert.equal(change.definitions.length, 13);
    assert.deepEqual(change.definitions[12], { '@': 'CONSTRAINT chk CHECK (a > 0)' });
    assert.deepEqual(change.foreignKeys, []);
  });

  test('foreign keys: no symbol, an index name, a qualified parent, MATCH, several actions', () => {
    const sql = [
      'CREATE TABLE child (',
      '  a int, b int,',
      '  FOREIGN KEY fk_idx (a, b) REFERENCES `shop`.parent (x, `y`) MATCH FULL ON UPDATE NO ACTION ON DELETE SET NULL,',
      '  CONSTRAINT FOREIGN KEY (a) REFERENCES p2 (id) ON DELETE RESTRICT ON UPDATE SET DEFAULT',
      ')',
    ].join('\n');
    assert.deepEqual(readShown(sql).foreignKeys, [
      {
        indexName: n('fk_idx'), columns: [n('a'), n('b')], referencedTable: n('parent'), referencedColumns: [n('x'), n('`y`')],
        actions: [
          { event: 'UPDATE', action: 'NO ACTION', '@': 'ON UPDATE NO ACTION' },
          { event: 'DELETE', action: 'SET NULL', '@': 'ON DELETE SET NULL' },
        ],
        '@': 'FOREIGN KEY fk_idx (a, b) REFERENCES `shop`.parent (x, `y`) MATCH FULL ON UPDATE NO ACTION ON DELETE SET NULL',
      },
      {
        columns: [n('a')], referencedTable: n('p2'), referencedColumns: [n('id')],
        actions: [
          { event: 'DELETE', action: 'RESTRICT', '@': 'ON DELETE RESTRICT' },
          { event: 'UPDATE', action: 'SET DEFAULT', '@': 'ON UPDATE SET DEFAULT' },
        ],
        '@': 'CONSTRAINT FOREIGN KEY (a) REFERENCES p2 (id) ON DELETE RESTRICT ON UPDATE SET DEFAULT',
      },
    ]);
  });

  test('a Laravel create table: lower-case keywords, comma-less options, a quoted collation', () => {
    const sql = "create table `users` (`id` bigint unsigned not null auto_increment primary key, `email` varchar(255) not null, `remember_token` varchar(100) null) default character set utf8mb4 collate 'utf8mb4_unicode_ci'";
    const change = readShown(sql);
    assert.deepEqual(change.columns[0], {
      name: n('`id`'), type: { name: 'BIGINT', args: [], unsigned: true }, nullable: false, autoIncrement: true, primaryKey: true,
      '@': '`id` bigint unsigned not null auto_increment primary key',
    });
    assert.deepEqual(change.columns[2], { name: n('`remember_token`'), type: { name: 'VARCHAR', args: [100] }, nullable: true, '@': '`remember_token` varchar(100) null' });
    assert.deepEqual(change.options, [
      { name: 'CHARSET', value: 'utf8mb4', '@': 'default character set utf8mb4' },
      { name: 'COLLATE', value: 'utf8mb4_unicode_ci', '@': "collate 'utf8mb4_unicode_ci'" },
    ]);
  });

  test('table options separated by commas, with and without =, values unquoted', () => {
    const sql = "CREATE TABLE t (a int) ENGINE InnoDB, CHARACTER SET = latin1, ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 COMMENT='it''s'";
    assert.deepEqual(readShown(sql).options, [
      { name: 'ENGINE', value: 'innodb', '@': 'ENGINE InnoDB' },
      { name: 'CHARSET', value: 'latin1', '@': 'CHARACTER SET = latin1' },
      { name: 'ROW_FORMAT', value: 'COMPRESSED', '@': 'ROW_FORMAT=COMPRESSED' },
      { name: 'KEY_BLOCK_SIZE', value: '8', '@': 'KEY_BLOCK_SIZE=8' },
      { name: 'COMMENT', value: "it's", '@': "COMMENT='it''s'" },
    ]);
  });

  test('CREATE TABLE … LIKE and … AS SELECT', () => {
    const empty = { ifNotExists: false, temporary: false, columns: [], indexes: [], foreignKeys: [], options: [], definitions: [] };
    assert.deepEqual(readShown('CREATE TABLE `copy` LIKE `db`.`orig`'), { kind: 'create-table', table: n('`copy`'), ...empty, like: n('`orig`') });
    assert.deepEqual(readShown('CREATE TABLE IF NOT EXISTS copy (LIKE orig)'), { kind: 'create-table', table: n('copy'), ...empty, ifNotExists: true, like: n('orig') });
    assert.deepEqual(readShown('CREATE TEMPORARY TABLE tmp AS SELECT id FROM users'), { kind: 'create-table', table: n('tmp'), ...empty, temporary: true, asSelect: true });
    const withColumns = readShown('CREATE TABLE t (a int) SELECT 1 AS a');
    assert.deepEqual([withColumns.asSelect, withColumns.columns.length], [true, 1]);
  });
});

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

describe('parserAdapter: undefined when the parser cannot be trusted', () => {
  test('statements node-sql-parser rejects', () => {
    const rejected = [
      'CREATE TABLE t (a DOUBLE PRECISION)',
      'CREATE TABLE t (a BOOL)',
      'CREATE TABLE t (a VARCHAR(10) BINARY)',
      'CREATE TABLE t (a VARCHAR(10) CHARSET utf8mb4)',
      'CREATE TABLE t (a INT INVISIBLE)',
      'CREATE TABLE t (a DATETIME(6) DEFAULT NOW(6) ON UPDATE NOW(6))',
      'CREATE TABLE t (a DATETIME DEFAULT LOCALTIMESTAMP)',
      'CREATE TABLE t (a INT) PARTITION BY HASH(a) PARTITIONS 4',
      'ALTER TABLE t ALTER COLUMN c SET DEFAULT 1',
      'ALTER TABLE t RENAME INDEX a TO b',
      'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4',
      'ALTER TABLE t ADD COLUMN (a INT, b INT)',
      'ALTER TABLE t FORCE',
      'ALTER TABLE t ENGINE=InnoDB ROW_FORMAT=DYNAMIC',
      'ALTER TABLE t RENAME TO db.t2',
      'DROP TEMPORARY TABLE t',
      'DROP PROCEDURE IF EXISTS p',
      'SET NAMES utf8mb4',
      'this is not SQL',
    ];
    for (const sql of rejected) assert.equal(read(sql), undefined, sql);
  });

  test('a routine body is not read', () => {
    const sql = 'DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\nDELIMITER ;\n';
    const statements = splitStatements(sql).statements;
    assert.equal(statements.length, 1);
    assert.equal(readWithParser(statements[0]), undefined);
  });

  test('several statements inside one (a custom delimiter) cannot be lined up', () => {
    const sql = 'DELIMITER //\nSELECT 1; SELECT 2//\nDELIMITER ;\n';
    const statements = splitStatements(sql).statements;
    assert.equal(statements.length, 1);
    assert.equal(readWithParser(statements[0]), undefined);
  });

  test('never throws, and returns quickly on huge statements', () => {
    const huge = `INSERT INTO t VALUES ${Array(20000).fill("(1,'abcdefgh')").join(',')}`;
    assert.ok(huge.length > 200_000);
    const started = Date.now();
    assert.equal(read(huge), undefined);
    assert.ok(Date.now() - started < 1000);
    assert.equal(read("INSERT INTO t VALUES ('unterminated"), undefined);
    assert.equal(read(`SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`), undefined);
  });

  test('every prefix of realistic statements: no throw, spans inside the statement', () => {
    const sources = [
      'CREATE TABLE `t` (`id` int NOT NULL, `p` int DEFAULT NULL, KEY `k` (`p`), CONSTRAINT `fk` FOREIGN KEY (`p`) REFERENCES `p` (`id`) ON DELETE CASCADE) ENGINE=InnoDB',
      "ALTER TABLE t ADD COLUMN a INT NOT NULL DEFAULT 0 AFTER b, DROP INDEX i, ADD UNIQUE KEY u (a), ALGORITHM=INPLACE, COMMENT 'x'",
      'CREATE UNIQUE INDEX i ON t (a(10), b) LOCK=NONE',
    ];
    for (const source of sources) {
      for (const token of lex(source)) {
        const sql = source.slice(0, token.end);
        const statement = splitStatements(sql).statements[0];
        if (!statement) continue;
        let change: SchemaChange | undefined;
        assert.doesNotThrow(() => (change = readWithParser(statement)), sql);
        for (const span of spans(change)) {
          assert.ok(span.start >= statement.start && span.start < span.end && span.end <= statement.end, `${span.path} in ${sql}`);
        }
      }
    }
  });
});

describe('parserAdapter: the text given to the parser', () => {
  test('executable-comment markers and comments become one space; tokens written together stay together', () => {
    const sql = "/*!40101 CREATE TABLE t (a int NOT\n\t NULL -- c\n DEFAULT b'0', b varchar(3) DEFAULT _utf8mb4'x'/* c */) */";
    assert.equal(parseText(only(sql).tokens), "CREATE TABLE t (a int NOT NULL DEFAULT b'0', b varchar(3) DEFAULT _utf8mb4'x' )");
  });
});
