import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readWithParser } from '../../../server/src/engine/sql/parserAdapter';
import { splitStatements } from '../../../server/src/engine/sql/splitter';
import { COMMA, n, readShown, shown, spans } from './parserAdapterHelpers';

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
