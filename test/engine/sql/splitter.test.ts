import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rng } from '../../support/random';
import { significant } from '../../../server/src/engine/sql/lexer';
import { Statement, splitStatements } from '../../../server/src/engine/sql/splitter';

function texts(src: string): string[] {
  return splitStatements(src).statements.map((s) => s.text);
}

/** Asserts the statement covers exactly the first occurrence of `expected` in `src`. */
function assertSpan(src: string, s: Statement, expected: string, delimiter?: string): void {
  const start = src.indexOf(expected);
  assert.ok(start >= 0, `test bug: ${JSON.stringify(expected)} not in source`);
  assert.equal(s.text, expected);
  assert.equal(s.start, start);
  assert.equal(s.end, start + expected.length);
  assert.equal(s.text, src.slice(s.start, s.end));
  assert.equal(s.tokens[0].start, s.start);
  assert.equal(s.tokens[s.tokens.length - 1].end, s.end);
  if (delimiter !== undefined) {
    assert.equal(src.slice(s.endWithDelimiter - delimiter.length, s.endWithDelimiter), delimiter);
  }
}

/** Invariants that must hold for any input. */
function assertWellFormed(src: string): void {
  const { statements, directives } = splitStatements(src);
  let pos = 0;
  for (const s of statements) {
    assert.ok(s.start >= pos, `overlap at ${s.start} in ${JSON.stringify(src)}`);
    assert.equal(s.text, src.slice(s.start, s.end));
    assert.ok(s.endWithDelimiter >= s.end);
    assert.ok(significant(s.tokens).length > 0);
    let at = s.start;
    for (const t of s.tokens) {
      assert.equal(t.start, at, `tokens do not tile the statement in ${JSON.stringify(src)}`);
      assert.equal(t.text, src.slice(t.start, t.end));
      at = t.end;
    }
    assert.equal(at, s.end);
    for (const d of directives) assert.ok(d.end <= s.start || d.start >= s.end, 'directive inside a statement');
    pos = s.endWithDelimiter;
  }
}


describe('splitter: delimiters', () => {
  test('plain semicolons, exact offsets', () => {
    const src = 'CREATE TABLE a (id INT);\nALTER TABLE a ADD x INT;\n  DROP TABLE b ;  \n';
    const { statements } = splitStatements(src);
    assert.equal(statements.length, 3);
    assertSpan(src, statements[0], 'CREATE TABLE a (id INT)', ';');
    assertSpan(src, statements[1], 'ALTER TABLE a ADD x INT', ';');
    assertSpan(src, statements[2], 'DROP TABLE b', ';');
    assert.equal(statements[2].endWithDelimiter, src.indexOf(' ;  ') + 2);
    for (const s of statements) {
      assert.equal(s.delimiter, ';');
      assert.equal(s.section, 'none');
    }
  });

  test('semicolons inside strings, comments and backticks do not split', () => {
    const src = "INSERT INTO t VALUES ('a;b', \"c;d\", 'e\\';f'); -- x; y\nSELECT `we;ird` FROM t /* ; */ WHERE a = 1 # z;\n;";
    const { statements } = splitStatements(src);
    assert.equal(statements.length, 2);
    assertSpan(src, statements[0], "INSERT INTO t VALUES ('a;b', \"c;d\", 'e\\';f')", ';');
    assertSpan(src, statements[1], 'SELECT `we;ird` FROM t /* ; */ WHERE a = 1', ';');
    assert.equal(statements[1].endWithDelimiter, src.length);
  });

  test('last statement without a delimiter still counts', () => {
    const src = 'SELECT 1;\nSELECT 2  \n-- done\n';
    const { statements } = splitStatements(src);
    assert.equal(statements.length, 2);
    assertSpan(src, statements[1], 'SELECT 2');
    assert.equal(statements[1].endWithDelimiter, statements[1].end);
  });

  test('statements made only of trivia are dropped', () => {
    assert.deepEqual(texts(';;  ; /* c */ ;\n-- x\n# y\n'), []);
    assert.deepEqual(texts(''), []);
    assert.deepEqual(texts('/*!40000 */;'), []);
  });

  test('DELIMITER $$ with a trigger body, END$$ glued, then back to ;', () => {
    const body = [
      'CREATE TRIGGER trg BEFORE INSERT ON t',
      'FOR EACH ROW',
      'BEGIN',
      '  SET NEW.a = 1;',
      "  IF NEW.b IS NULL THEN SET NEW.b = 'x$$;y'; END IF;",
      'END',
    ].join('\n');
    const src = `DELIMITER $$\n${body}$$\ndelimiter ;\nINSERT INTO t VALUES (1);\n`;
    const { statements, directives } = splitStatements(src);
    assert.equal(statements.length, 2);
    assertSpan(src, statements[0], body, '$$');
    assert.equal(statements[0].delimiter, '$$');
    assert.equal(statements[0].tokens.at(-1)!.text, 'END');
    assertSpan(src, statements[1], 'INSERT INTO t VALUES (1)', ';');
    assert.equal(statements[1].delimiter, ';');
    assert.deepEqual(directives.map((d) => [d.kind, d.text]), [['delimiter', 'DELIMITER $$'], ['delimiter', 'delimiter ;']]);
    assert.equal(directives[0].start, 0);
  });

  test('DELIMITER // and several statements glued to the delimiter', () => {
    const src = 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //\nSELECT 1//SELECT 2//\nDELIMITER ;\n';
    assert.deepEqual(texts(src), ['CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END', 'SELECT 1', 'SELECT 2']);
    const src2 = 'DELIMITER $$\nSELECT 1$$SELECT 2$$$$SELECT `a$$b`$$';
    assert.deepEqual(texts(src2), ['SELECT 1', 'SELECT 2', 'SELECT `a$$b`']);
  });

  test('DELIMITER ;; as mysqldump writes triggers', () => {
    const trigger = [
      '/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `trg` BEFORE INSERT ON `t` FOR EACH ROW BEGIN',
      '  SET NEW.x = 1;',
      "  SET NEW.y = ';;';",
      'END */',
    ].join('\n');
    const src = [
      '/*!50003 SET @saved_cs_client      = @@character_set_client */ ;',
      'DELIMITER ;;',
      `${trigger};;`,
      'DELIMITER ;',
      '/*!50003 SET character_set_client  = @saved_cs_client */ ;',
      '',
    ].join('\n');
    const { statements } = splitStatements(src);
    assert.equal(statements.length, 3);
    assertSpan(src, statements[0], '/*!50003 SET @saved_cs_client      = @@character_set_client */', ';');
    assertSpan(src, statements[1], trigger, ';;');
    assert.equal(statements[1].delimiter, ';;');
    assert.deepEqual(significant(statements[1].tokens).slice(0, 3).map((t) => t.text), ['CREATE', 'DEFINER', '=']);
    assertSpan(src, statements[2], '/*!50003 SET character_set_client  = @saved_cs_client */', ';');
    assert.equal(statements[2].delimiter, ';');
  });

  test('a column named delimiter inside a statement is not a directive', () => {
    const src = 'CREATE TABLE t (\ndelimiter VARCHAR(3)\n);\nSELECT 1;';
    assert.deepEqual(texts(src), ['CREATE TABLE t (\ndelimiter VARCHAR(3)\n)', 'SELECT 1']);
    assert.deepEqual(splitStatements(src).directives, []);
  });
});

describe('splitter: executable comments', () => {
  test('a ; inside a conditional comment ends the statement', () => {
    const src = '/*!40101 SET a=1; SET b=2 */;\nSELECT 3;';
    const { statements } = splitStatements(src);
    assert.deepEqual(statements.map((s) => s.text), ['/*!40101 SET a=1', 'SET b=2 */', 'SELECT 3']);
    assert.equal(statements[0].tokens[0].kind, 'conditionalOpen');
    assert.equal(statements[1].tokens.at(-1)!.kind, 'conditionalClose');
  });

  test('a mysqldump header and table', () => {
    const create = [
      'CREATE TABLE `orders` (',
      '  `id` int NOT NULL AUTO_INCREMENT,',
      '  `user_id` int NOT NULL,',
      '  PRIMARY KEY (`id`),',
      '  KEY `fk_user` (`user_id`),',
      '  CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE',
      ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    ].join('\n');
    const src = [
      '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
      '--',
      '-- Host: localhost    Database: app',
      '-- ------------------------------------------------------',
      '-- Server version\t8.0.36',
      '',
      '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
      '/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;',
      '/*!50503 SET NAMES utf8mb4 */;',
      '/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;',
      '',
      '--',
      '-- Table structure for table `orders`',
      '--',
      '',
      'DROP TABLE IF EXISTS `orders`;',
      '/*!40101 SET @saved_cs_client     = @@character_set_client */;',
      '/*!40101 SET character_set_client = utf8 */;',
      `${create};`,
      '/*!40101 SET character_set_client = @saved_cs_client */;',
      '',
    ].join('\n');
    const { statements, directives } = splitStatements(src);
    assert.deepEqual(directives, []);
    assert.equal(statements.length, 9);
    assertSpan(src, statements[0], '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */', ';');
    assert.deepEqual(significant(statements[0].tokens).map((t) => t.kind), ['word', 'variable', 'punct', 'variable']);
    assert.deepEqual(statements[0].leadingComments, [], 'the banner is separated by a blank line');
    assertSpan(src, statements[4], 'DROP TABLE IF EXISTS `orders`', ';');
    assert.deepEqual(statements[4].leadingComments, []);
    assertSpan(src, statements[6], '/*!40101 SET character_set_client = utf8 */', ';');
    assertSpan(src, statements[7], create, ';');
    assert.equal(statements[7].tokens[0].upper, 'CREATE');
    assertSpan(src, statements[8], '/*!40101 SET character_set_client = @saved_cs_client */', ';');
  });
});

describe('splitter: migration tools', () => {
  test('goose Up/Down with StatementBegin/End', () => {
    const trigger = 'CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN\n  SET NEW.a = 1;\n  SET NEW.b = 2;\nEND';
    const src = [
      '-- +goose NO TRANSACTION',
      '-- +goose Up',
      '-- +goose StatementBegin',
      `${trigger};`,
      '-- +goose StatementEnd',
      'CREATE TABLE x (id INT);',
      '',
      '-- +goose down',
      'DROP TABLE x;',
      'DROP TRIGGER trg;',
      '',
    ].join('\n');
    const { statements, directives } = splitStatements(src);
    assert.deepEqual(directives.map((d) => d.kind), [
      'goose-no-transaction', 'goose-up', 'goose-statement-begin', 'goose-statement-end', 'goose-down',
    ]);
    assert.equal(directives[2].text, '-- +goose StatementBegin');
    assert.equal(directives[2].start, src.indexOf('-- +goose StatementBegin'));
    assert.deepEqual(statements.map((s) => [s.text, s.section]), [
      [trigger, 'up'], ['CREATE TABLE x (id INT)', 'up'], ['DROP TABLE x', 'down'], ['DROP TRIGGER trg', 'down'],
    ]);
    assertSpan(src, statements[0], trigger, ';');
  });

  test('a goose block of several plain statements: goose sends them in one call, the server runs each', () => {
    const src = '-- +goose Up\n-- +goose StatementBegin\nALTER TABLE t ADD COLUMN a INT, ADD COLUMN b INT;\nUPDATE t SET a = 1, b = 2\n-- +goose StatementEnd\n';
    const { statements } = splitStatements(src);
    assert.deepEqual(statements.map((s) => s.text), ['ALTER TABLE t ADD COLUMN a INT, ADD COLUMN b INT', 'UPDATE t SET a = 1, b = 2']);
  });

  test('a routine body without DELIMITER stays one statement (drivers send it whole; the server reads BEGIN … END)', () => {
    const procedure = [
      'CREATE DEFINER=`root`@`%` PROCEDURE migrate_users()',
      'proc: BEGIN',
      '  DECLARE n INT DEFAULT 0;',
      '  IF n = 0 THEN SELECT 1; ELSE SELECT CASE WHEN n > 1 THEN 2 END; END IF;',
      '  CASE n WHEN 1 THEN SELECT 1; ELSE BEGIN SELECT 2; END; END CASE;',
      '  WHILE n < 3 DO SET n = n + 1; END WHILE;',
      '  ALTER TABLE users DROP COLUMN email;',
      'END proc',
    ].join('\n');
    const src = `${procedure};\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1;\nALTER TABLE users ADD COLUMN z INT;\n`;
    const { statements } = splitStatements(src);
    assert.deepEqual(statements.map((s) => s.text), [procedure, 'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1', 'ALTER TABLE users ADD COLUMN z INT']);
  });

  test('the mysql client command `source file` is a directive, not a statement', () => {
    const src = 'CREATE TABLE a (id INT);\nsource load_departments.dump ;\nSOURCE other.sql\nSELECT 1;';
    const { statements, directives } = splitStatements(src);
    assert.deepEqual(statements.map((s) => s.text), ['CREATE TABLE a (id INT)', 'SELECT 1']);
    assert.deepEqual(directives.map((d) => [d.kind, d.text]), [['client-command', 'source load_departments.dump ;'], ['client-command', 'SOURCE other.sql']]);
  });

  test('dbmate migrate:up / migrate:down', () => {
    const src = 'SELECT 0;\n-- migrate:up\nCREATE TABLE a (id INT);\nALTER TABLE a ADD b INT\n\n-- migrate:down transaction:false\nDROP TABLE a;\n';
    const { statements, directives } = splitStatements(src);
    assert.deepEqual(statements.map((s) => [s.text, s.section]), [
      ['SELECT 0', 'none'], ['CREATE TABLE a (id INT)', 'up'], ['ALTER TABLE a ADD b INT', 'up'], ['DROP TABLE a', 'down'],
    ]);
    assert.deepEqual(directives.map((d) => [d.kind, d.text]), [
      ['migrate-up', '-- migrate:up'], ['migrate-down', '-- migrate:down transaction:false'],
    ]);
  });

  test('drizzle statement-breakpoint', () => {
    const src = [
      'CREATE TABLE `a` (`id` int);',
      '--> statement-breakpoint',
      'CREATE TABLE `b` (`id` int)',
      '--> statement-breakpoint',
      'ALTER TABLE `b` ADD CONSTRAINT `fk` FOREIGN KEY (`id`) REFERENCES `a`(`id`);',
    ].join('\n');
    const { statements, directives } = splitStatements(src);
    assert.equal(statements.length, 3);
    assertSpan(src, statements[1], 'CREATE TABLE `b` (`id` int)');
    assert.equal(statements[1].endWithDelimiter, statements[1].end);
    assertSpan(src, statements[2], 'ALTER TABLE `b` ADD CONSTRAINT `fk` FOREIGN KEY (`id`) REFERENCES `a`(`id`)', ';');
    assert.deepEqual(directives.map((d) => [d.kind, d.text]), [
      ['drizzle-breakpoint', '--> statement-breakpoint'], ['drizzle-breakpoint', '--> statement-breakpoint'],
    ]);
    assert.equal(directives[1].start, src.lastIndexOf('-->'));
  });

  test('directives in strings or after code are ordinary text', () => {
    const src = "SELECT '-- +goose Down';\nSELECT 1; -- +goose Down\nSELECT 2;";
    const { statements, directives } = splitStatements(src);
    assert.deepEqual(directives, []);
    assert.ok(statements.every((s) => s.section === 'none'));
  });
});

describe('splitter: leading comments', () => {
  test('comments directly above, broken by blank lines, not trailing ones', () => {
    const src = [
      '-- cutover-ignore',
      'ALTER TABLE a DROP FOREIGN KEY fk;',
      '',
      '-- cutover-ignore',
      '',
      'ALTER TABLE b DROP FOREIGN KEY fk;',
      '# first',
      '/* second */',
      '-- third',
      'ALTER TABLE c ADD x INT; -- trailing',
      'ALTER TABLE d ADD y INT;',
    ].join('\n');
    const { statements } = splitStatements(src);
    const leading = statements.map((s) => s.leadingComments.map((c) => c.text));
    assert.deepEqual(leading, [['-- cutover-ignore'], [], ['# first', '/* second */', '-- third'], []]);
    assert.equal(statements[0].leadingComments[0].start, 0);
  });

  test('directives between the comment and the statement are skipped', () => {
    const src = '-- +goose Up\n-- cutover-ignore\n-- +goose StatementBegin\nCREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW SET @a = 1;\n-- +goose StatementEnd\n';
    const [s] = splitStatements(src).statements;
    assert.deepEqual(s.leadingComments.map((c) => c.text), ['-- cutover-ignore']);
  });

  test('comments left over when a directive ends a statement belong to the next one', () => {
    const src = 'SELECT 1\n-- cutover-ignore\n--> statement-breakpoint\nSELECT 2;';
    const { statements } = splitStatements(src);
    assert.deepEqual(statements.map((s) => s.text), ['SELECT 1', 'SELECT 2']);
    assert.deepEqual(statements[1].leadingComments.map((c) => c.text), ['-- cutover-ignore']);
  });
});

describe('splitter: robustness', () => {
  test('well-formed output on random inputs', () => {
    const fragments = [
      'SELECT 1', ';', ';;', ' ', '\n', "'", '"', '`', '--', '-- x', '/*', '*/', '/*!40101', '$$', '//', 'END',
      '\nDELIMITER $$\n', '\nDELIMITER ;;\n', '\nDELIMITER //\n', '\nDELIMITER ;\n', '\n-- +goose StatementBegin\n',
      '\n-- +goose StatementEnd\n', '\n-- +goose Up\n', '\n-- migrate:down\n', '--> statement-breakpoint', 'é😀', '\\',
    ];
    const next = rng(99);
    for (let i = 0; i < 400; i++) {
      let src = '';
      const n = Math.floor(next() * 30);
      for (let j = 0; j < n; j++) src += fragments[Math.floor(next() * fragments.length)];
      assertWellFormed(src);
    }
  });

  test('large inputs split in linear time', () => {
    const chunk = "/*!40101 SET x=1 */;\nINSERT INTO `t` VALUES (1,'a;b'),(2,'c');\n-- note\n";
    const { statements } = splitStatements(chunk.repeat(Math.ceil(5_000_000 / chunk.length)));
    assert.equal(statements.length, 2 * Math.ceil(5_000_000 / chunk.length));
    // Delimiters glued into one huge word must not re-lex the rest of it each time.
    const glued = splitStatements('DELIMITER $$\n' + 'a$$'.repeat(200_000));
    assert.equal(glued.statements.length, 200_000);
    assert.equal(splitStatements('DELIMITER $$\n' + '$'.repeat(1_000_000)).statements.length, 0);
  });
});
