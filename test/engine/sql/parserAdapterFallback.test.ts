import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaChange } from '../../../server/src/engine/model/changes';
import { lex } from '../../../server/src/engine/sql/lexer';
import { parseText, readWithParser } from '../../../server/src/engine/sql/parserAdapter';
import { splitStatements } from '../../../server/src/engine/sql/splitter';
import { only, read, spans } from './parserAdapterHelpers';

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
