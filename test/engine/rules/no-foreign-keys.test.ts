import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertClean, assertFix, assertViolations, lint } from '../helpers';

const RULE = 'no-foreign-keys';

describe('no-foreign-keys: detection', () => {
  test('a named constraint in CREATE TABLE', () => {
    assertViolations(
      'CREATE TABLE posts (\n  id INT NOT NULL,\n  author_id INT,\n  CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (id)\n);',
      RULE,
      ['CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES users (id)'],
    );
  });

  test('an unnamed constraint with actions, quoted names and a schema-qualified table', () => {
    assertViolations(
      'CREATE TABLE `app`.`posts` (`id` INT, `author_id` INT, FOREIGN KEY `idx` (`author_id`) REFERENCES `app`.`users` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION) ENGINE=InnoDB;',
      RULE,
      ['FOREIGN KEY `idx` (`author_id`) REFERENCES `app`.`users` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION'],
    );
  });

  test('ALTER TABLE … ADD [CONSTRAINT] FOREIGN KEY, among other clauses', () => {
    assertViolations(
      'ALTER TABLE posts ADD COLUMN editor_id INT, ADD CONSTRAINT posts_editor_fk FOREIGN KEY (editor_id) REFERENCES users (id), ADD FOREIGN KEY (author_id) REFERENCES users (id);',
      RULE,
      ['ADD CONSTRAINT posts_editor_fk FOREIGN KEY (editor_id) REFERENCES users (id)', 'ADD FOREIGN KEY (author_id) REFERENCES users (id)'],
    );
  });

  test('inside a MySQL executable comment, which MySQL runs', () => {
    assertViolations(
      'CREATE TABLE posts (id INT, author_id INT /*!50000 , CONSTRAINT fk FOREIGN KEY (author_id) REFERENCES users (id) */);',
      RULE,
      ['CONSTRAINT fk FOREIGN KEY (author_id) REFERENCES users (id)'],
    );
  });

  test('not in comments, strings or DROP FOREIGN KEY', () => {
    assertClean("-- CONSTRAINT fk FOREIGN KEY (a) REFERENCES t (id)\nCREATE TABLE t (id INT PRIMARY KEY, a INT, note VARCHAR(99) DEFAULT 'FOREIGN KEY (a) REFERENCES t (id)');", RULE);
    assertClean('/* FOREIGN KEY (a) REFERENCES t (id) */ ALTER TABLE posts DROP FOREIGN KEY posts_author_fk;', RULE);
  });

  test('in a rollback too: PlanetScale rejects the constraint there as well', () => {
    assertViolations('-- migrate:up\nSELECT 1;\n-- migrate:down\nALTER TABLE posts ADD FOREIGN KEY (a) REFERENCES t (id);', RULE, ['ADD FOREIGN KEY (a) REFERENCES t (id)']);
    assert.equal(lint('ALTER TABLE posts ADD FOREIGN KEY (a) REFERENCES t (id);', { path: 'db/000003_x.down.sql' }).filter((f) => f.rule === RULE).length, 1);
  });

  test('severity follows the target, and a rule can be switched off', () => {
    const sql = 'ALTER TABLE posts ADD FOREIGN KEY (a) REFERENCES t (id);';
    const severity = (options: Parameters<typeof lint>[1]) => lint(sql, options).find((f) => f.rule === RULE)?.severity;
    assert.equal(severity({ target: 'planetscale' }), 'error');
    assert.equal(severity({ target: 'vitess' }), 'warning');
    assert.equal(severity({ target: 'mysql' }), 'info');
    assert.deepEqual(lint(sql, { rules: { [RULE]: 'off' } }).filter((f) => f.rule === RULE), []);
    assert.equal(severity({ target: 'mysql', rules: { [RULE]: 'error' } }), 'error');
  });

  test('the message names the constraint, the table, the columns and why', () => {
    const [finding] = lint('CREATE TABLE posts (a INT, CONSTRAINT posts_a_fk FOREIGN KEY (a) REFERENCES t (id));').filter((f) => f.rule === RULE);
    assert.match(finding.message, /`posts_a_fk` on posts \(a\): PlanetScale rejects foreign key constraints/);
  });
});

describe('no-foreign-keys: "Remove foreign key constraint" in CREATE TABLE', () => {
  test('last definition, no other index: KEY takes its place', () => {
    assertFix(
      'CREATE TABLE posts (\n  id INT NOT NULL,\n  author_id INT NOT NULL,\n  PRIMARY KEY (id),\n  CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE\n) ENGINE=InnoDB;\n',
      RULE,
      'CREATE TABLE posts (\n  id INT NOT NULL,\n  author_id INT NOT NULL,\n  PRIMARY KEY (id),\n  KEY author_id_idx (author_id)\n) ENGINE=InnoDB;\n',
    );
  });

  test('last definition with an index already there: the line and the comma before it go', () => {
    assertFix(
      'CREATE TABLE posts (\n  id INT NOT NULL,\n  author_id INT NOT NULL,\n  PRIMARY KEY (id),\n  KEY by_author (author_id, id),\n  CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id)\n);\n',
      RULE,
      'CREATE TABLE posts (\n  id INT NOT NULL,\n  author_id INT NOT NULL,\n  PRIMARY KEY (id),\n  KEY by_author (author_id, id)\n);\n',
    );
  });

  test('middle definition with an index: its line and its own comma go, comments elsewhere stay', () => {
    assertFix(
      'CREATE TABLE posts (\n  id INT NOT NULL, -- surrogate key\n  author_id INT NOT NULL,\n  FOREIGN KEY (author_id) REFERENCES users (id),\n  -- lookups by author\n  INDEX (author_id),\n  PRIMARY KEY (id)\n);',
      RULE,
      'CREATE TABLE posts (\n  id INT NOT NULL, -- surrogate key\n  author_id INT NOT NULL,\n  -- lookups by author\n  INDEX (author_id),\n  PRIMARY KEY (id)\n);',
    );
  });

  test('first definition (MySQL allows any order), on one line', () => {
    assertFix(
      'CREATE TABLE t (FOREIGN KEY (a) REFERENCES p (id), a INT, KEY (a));',
      RULE,
      'CREATE TABLE t (a INT, KEY (a));',
    );
  });

  test('an index on other leading columns does not count; the kept key is named after the columns and quoted like them', () => {
    assertFix(
      'CREATE TABLE `t` (`a` INT, `b` INT, KEY `k` (`b`, `a`), CONSTRAINT `f` FOREIGN KEY (`a`, `b`) REFERENCES `p` (`x`, `y`));',
      RULE,
      'CREATE TABLE `t` (`a` INT, `b` INT, KEY `k` (`b`, `a`), KEY `a_b_idx` (`a`, `b`));',
    );
  });

  test('a kept key never reuses an existing index name', () => {
    assertFix(
      'CREATE TABLE t (a INT, b INT, KEY a_idx (b), FOREIGN KEY (a) REFERENCES p (id));',
      RULE,
      'CREATE TABLE t (a INT, b INT, KEY a_idx (b), KEY a_idx2 (a));',
    );
  });

  test('the second of two FKs on a CRLF file keeps the line endings', () => {
    assertFix(
      'CREATE TABLE t (\r\n  a INT,\r\n  b INT,\r\n  KEY (a),\r\n  KEY (b),\r\n  FOREIGN KEY (a) REFERENCES p (id),\r\n  FOREIGN KEY (b) REFERENCES q (id)\r\n);\r\n',
      RULE,
      'CREATE TABLE t (\r\n  a INT,\r\n  b INT,\r\n  KEY (a),\r\n  KEY (b),\r\n  FOREIGN KEY (a) REFERENCES p (id)\r\n);\r\n',
      1,
    );
  });
});

describe('no-foreign-keys: "Remove foreign key constraint" in ALTER TABLE', () => {
  test('the only clause, table unknown: becomes ADD INDEX', () => {
    assertFix(
      'ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id);\n',
      RULE,
      'ALTER TABLE posts ADD INDEX author_id_idx (author_id);\n',
    );
  });

  test('the only clause, and the file created the index earlier: the whole statement goes', () => {
    assertFix(
      'CREATE TABLE posts (id INT PRIMARY KEY, author_id INT, KEY (author_id));\nALTER TABLE posts\n  ADD CONSTRAINT fk FOREIGN KEY (author_id) REFERENCES users (id);\nSELECT 1;\n',
      RULE,
      'CREATE TABLE posts (id INT PRIMARY KEY, author_id INT, KEY (author_id));\nSELECT 1;\n',
    );
  });

  test('one of several clauses, with an index added in the same statement', () => {
    assertFix(
      'ALTER TABLE posts\n  ADD COLUMN editor_id INT,\n  ADD INDEX (editor_id),\n  ADD CONSTRAINT fk FOREIGN KEY (editor_id) REFERENCES users (id);',
      RULE,
      'ALTER TABLE posts\n  ADD COLUMN editor_id INT,\n  ADD INDEX (editor_id);',
    );
  });

  test('a middle clause with no index: ADD INDEX in its place, other clauses untouched', () => {
    assertFix(
      'ALTER TABLE posts ADD COLUMN editor_id INT, ADD FOREIGN KEY (editor_id) REFERENCES users (id), ALGORITHM=INPLACE;',
      RULE,
      'ALTER TABLE posts ADD COLUMN editor_id INT, ADD INDEX editor_id_idx (editor_id), ALGORITHM=INPLACE;',
    );
  });
});
