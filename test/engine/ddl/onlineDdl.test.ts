import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Algorithm, DdlOptions, parseVersion } from '../../../server/src/engine/ddl/onlineDdl';
import { classifySql } from './classifySql';


const T = `CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  a INT,
  b VARCHAR(50),
  c VARCHAR(20) CHARACTER SET latin1,
  g VARCHAR(20) CHARACTER SET utf8mb3,
  e ENUM('x', 'y'),
  s SET('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  n INT NOT NULL,
  v INT AS (a + 1) VIRTUAL,
  st INT AS (a + 2) STORED,
  KEY ia (a)
) DEFAULT CHARSET=utf8mb4;`;
const NO_PK = 'CREATE TABLE t (a INT NOT NULL, b INT);';
const AUTO = 'CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, a INT);';
const FULLTEXT = 'CREATE TABLE t (id INT PRIMARY KEY, a INT, body TEXT, FULLTEXT KEY ft (body)) DEFAULT CHARSET=utf8mb4;';
const TEXT = 'CREATE TABLE t (id INT PRIMARY KEY, a INT, body TEXT, title TEXT) DEFAULT CHARSET=utf8mb4;';
const GEO = 'CREATE TABLE t (id INT PRIMARY KEY, a INT, pos POINT NOT NULL SRID 0);';
const COMPRESSED = 'CREATE TABLE t (id INT PRIMARY KEY, a INT) ROW_FORMAT=COMPRESSED;';
const PARTITIONED = 'CREATE TABLE t (id INT PRIMARY KEY, a INT) PARTITION BY HASH (id) PARTITIONS 4;';
const PARENT = 'CREATE TABLE p (id INT PRIMARY KEY);';
const CHILD = `${PARENT} CREATE TABLE t (id INT PRIMARY KEY, pid INT, b INT, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id));`;
const CASCADE = `${PARENT} CREATE TABLE t (id INT PRIMARY KEY, pid INT, b INT, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE);`;
const NO_CHARSET = 'CREATE TABLE t (id INT PRIMARY KEY, b VARCHAR(60));';

type Row = [setup: string, statement: string, algorithm: Algorithm | 'NONE', rebuilds: boolean, concurrentDml: boolean];

/** Every row of the MySQL 8.0 online DDL table (domain-facts section 2), the INSTANT exceptions and the byte boundaries. */
const MYSQL_8_0_35: Row[] = [
  // indexes
  [T, 'ALTER TABLE t ADD INDEX ib (b)', 'INPLACE', false, true],
  [T, 'CREATE INDEX ib ON t (b)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t ADD UNIQUE KEY ub (b)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t DROP INDEX ia', 'INPLACE', false, true],
  [T, 'DROP INDEX ia ON t', 'INPLACE', false, true],
  [T, 'ALTER TABLE t RENAME INDEX ia TO ia2', 'INPLACE', false, true],
  [TEXT, 'ALTER TABLE t ADD FULLTEXT INDEX ft (body)', 'INPLACE', true, false],
  [FULLTEXT, 'ALTER TABLE t ADD FULLTEXT INDEX ft2 (body)', 'INPLACE', false, false],
  [TEXT, 'ALTER TABLE t ADD FULLTEXT INDEX f1 (body), ADD FULLTEXT INDEX f2 (title)', 'COPY', true, false],
  [GEO, 'ALTER TABLE t ADD SPATIAL INDEX sp (pos)', 'INPLACE', false, false],
  [NO_PK, 'ALTER TABLE t ADD PRIMARY KEY (a)', 'INPLACE', true, true],
  [T, 'ALTER TABLE t DROP PRIMARY KEY', 'COPY', true, false],
  [T, 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, n)', 'INPLACE', true, true],
  // columns
  [T, 'ALTER TABLE t ADD COLUMN z INT', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT FIRST', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT AFTER a', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN (y INT, z INT)', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT NOT NULL AUTO_INCREMENT UNIQUE', 'INPLACE', true, false],
  [T, 'ALTER TABLE t DROP COLUMN b', 'INSTANT', false, true],
  [T, 'ALTER TABLE t RENAME COLUMN b TO b2', 'INSTANT', false, true],
  [T, 'ALTER TABLE t CHANGE b b2 VARCHAR(50)', 'INSTANT', false, true],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(50) AFTER n', 'INPLACE', true, true],
  [T, 'ALTER TABLE t MODIFY COLUMN b VARCHAR(50) FIRST', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 5', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ALTER COLUMN a DROP DEFAULT', 'INSTANT', false, true],
  [T, 'ALTER TABLE t MODIFY a INT DEFAULT 7', 'INSTANT', false, true],
  [T, 'ALTER TABLE t MODIFY a INT COMMENT \'counter\'', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ALTER COLUMN a SET INVISIBLE', 'INSTANT', false, true],
  [T, 'ALTER TABLE t MODIFY a BIGINT', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY a INT UNSIGNED', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY b TEXT', 'COPY', true, false],
  [T, 'ALTER TABLE t CHANGE a a2 BIGINT', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY a INT NOT NULL', 'INPLACE', true, true],
  [T, 'ALTER TABLE t MODIFY n INT NULL', 'INPLACE', true, true],
  [T, 'ALTER TABLE t MODIFY n INT', 'INPLACE', true, true],
  [AUTO, 'ALTER TABLE t MODIFY a INT NOT NULL AUTO_INCREMENT', 'COPY', true, false],
  // VARCHAR length bytes: utf8mb4 63 → 64 chars, utf8mb3 85 → 86, latin1 255 → 256
  [T, 'ALTER TABLE t MODIFY b VARCHAR(63)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(64)', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(40)', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY g VARCHAR(85) CHARACTER SET utf8mb3', 'INPLACE', false, true],
  [T, 'ALTER TABLE t MODIFY g VARCHAR(86) CHARACTER SET utf8mb3', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY g VARCHAR(85) CHARACTER SET utf8', 'INPLACE', false, true],
  [T, 'ALTER TABLE t MODIFY c VARCHAR(255) CHARACTER SET latin1', 'INPLACE', false, true],
  [T, 'ALTER TABLE t MODIFY c VARCHAR(256) CHARACTER SET latin1', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY c VARCHAR(200)', 'COPY', true, false], // latin1 → utf8mb4 (the table default): a type change
  [NO_CHARSET, 'ALTER TABLE t MODIFY b VARCHAR(70)', 'COPY', true, false], // utf8mb4 by default in 8.0: 240 → 280 bytes
  // ENUM / SET
  [T, "ALTER TABLE t MODIFY e ENUM('x', 'y', 'z')", 'INSTANT', false, true],
  [T, "ALTER TABLE t MODIFY e ENUM('y', 'x')", 'COPY', true, false],
  [T, "ALTER TABLE t MODIFY e ENUM('x', 'y', 'z') NOT NULL", 'INPLACE', true, true],
  [T, "ALTER TABLE t MODIFY s SET('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')", 'COPY', true, false],
  // generated columns
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (a * 2) STORED', 'COPY', true, false],
  [T, 'ALTER TABLE t DROP COLUMN st', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (a * 2) VIRTUAL', 'INSTANT', false, true],
  [T, 'ALTER TABLE t DROP COLUMN v', 'INSTANT', false, true],
  // foreign keys
  [`${PARENT} ${T}`, 'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)', 'COPY', true, false],
  [CHILD, 'ALTER TABLE t DROP FOREIGN KEY fk_p', 'INPLACE', false, true],
  // table-wide
  [T, 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb3', 'COPY', true, false],
  [T, 'ALTER TABLE t DEFAULT CHARSET=latin1', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ROW_FORMAT=DYNAMIC', 'INPLACE', true, true],
  [T, 'ALTER TABLE t KEY_BLOCK_SIZE=8', 'INPLACE', true, true],
  [T, 'ALTER TABLE t FORCE', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ENGINE=InnoDB', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ENGINE=MyISAM', 'COPY', true, false],
  [T, 'ALTER TABLE t AUTO_INCREMENT=1000', 'INPLACE', false, true],
  [T, "ALTER TABLE t COMMENT='people'", 'INPLACE', false, true],
  [T, 'ALTER TABLE t RENAME TO t2', 'INSTANT', false, true],
  [T, 'RENAME TABLE t TO t2', 'INSTANT', false, true],
  [T, 'DROP TABLE t', 'INPLACE', false, false],
  [T, 'TRUNCATE TABLE t', 'INPLACE', true, false],
  // the INSTANT exceptions
  [FULLTEXT, 'ALTER TABLE t ADD COLUMN z INT', 'INPLACE', true, false],
  [FULLTEXT, 'ALTER TABLE t DROP COLUMN a', 'INPLACE', true, false],
  [COMPRESSED, 'ALTER TABLE t ADD COLUMN z INT', 'INPLACE', true, true],
  [PARTITIONED, 'ALTER TABLE t ADD COLUMN z INT', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT DEFAULT (a + 1)', 'COPY', true, false],
  [T, 'ALTER TABLE t ALTER COLUMN a SET DEFAULT (n * 2)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z DATETIME NOT NULL', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP', 'INSTANT', false, true],
  [T, 'ALTER TABLE t DROP COLUMN a', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INPLACE', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=COPY', 'COPY', true, false],
  [T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INSTANT', 'INSTANT', false, true],
  // several clauses: the weakest wins, and instant clauses then run in place
  [T, 'ALTER TABLE t ADD COLUMN z INT, ALTER COLUMN a SET DEFAULT 1, RENAME COLUMN b TO b2', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT, ADD INDEX ib (b)', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 1, ADD INDEX ib (b)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT, MODIFY a BIGINT', 'COPY', true, false],
  [T, 'ALTER TABLE t ADD INDEX ib (b), ADD FULLTEXT INDEX ft (b)', 'INPLACE', true, false],
  // nothing existing is touched
  [T, 'CREATE TABLE u (id INT PRIMARY KEY)', 'NONE', false, true],
  [T, 'INSERT INTO t (id, n) VALUES (1, 2)', 'NONE', false, true],
  [T, 'CREATE VIEW w AS SELECT id FROM t', 'NONE', false, true],
  [T, 'SET foreign_key_checks = 0', 'NONE', false, true],
];

/** Where 8.0.28 differs: no instant ADD COLUMN FIRST/AFTER or DROP COLUMN (8.0.29). */
const MYSQL_8_0_28: Row[] = [
  [T, 'ALTER TABLE t ADD COLUMN z INT', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT FIRST', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT AFTER a', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT AFTER st', 'INSTANT', false, true], // AFTER the last column is the end
  [T, 'ALTER TABLE t DROP COLUMN b', 'INPLACE', true, true],
  [T, 'ALTER TABLE t RENAME COLUMN b TO b2', 'INSTANT', false, true],
  [T, "ALTER TABLE t MODIFY e ENUM('x', 'y', 'z')", 'INSTANT', false, true],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(64)', 'COPY', true, false],
  [T, 'ALTER TABLE t ALTER COLUMN a SET INVISIBLE', 'INSTANT', false, true],
];

/** 8.0.20: no instant rename (8.0.28) and no column visibility (8.0.23). */
const MYSQL_8_0_20: Row[] = [
  [T, 'ALTER TABLE t ADD COLUMN z INT', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT FIRST', 'INPLACE', true, true],
  [T, 'ALTER TABLE t DROP COLUMN b', 'INPLACE', true, true],
  [T, 'ALTER TABLE t RENAME COLUMN b TO b2', 'INPLACE', false, true],
  [T, 'ALTER TABLE t CHANGE b b2 VARCHAR(50)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 5', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ALTER COLUMN a SET INVISIBLE', 'INPLACE', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (a * 2) VIRTUAL', 'INSTANT', false, true],
  [T, 'ALTER TABLE t RENAME TO t2', 'INSTANT', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT, RENAME COLUMN b TO b2', 'INPLACE', true, true],
];

/** MySQL 5.7: no INSTANT at all; latin1 is the default character set. */
const MYSQL_5_7_44: Row[] = [
  [T, 'ALTER TABLE t ADD COLUMN z INT', 'INPLACE', true, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT FIRST', 'INPLACE', true, true],
  [T, 'ALTER TABLE t DROP COLUMN b', 'INPLACE', true, true],
  [T, 'ALTER TABLE t CHANGE b b2 VARCHAR(50)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 5', 'INPLACE', false, true],
  [T, "ALTER TABLE t MODIFY e ENUM('x', 'y', 'z')", 'INPLACE', false, true],
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (a * 2) VIRTUAL', 'INPLACE', false, true],
  [T, 'ALTER TABLE t RENAME TO t2', 'INPLACE', false, true],
  [T, 'RENAME TABLE t TO t2', 'INPLACE', false, true],
  [T, 'ALTER TABLE t ADD INDEX ib (b)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t MODIFY a BIGINT', 'COPY', true, false],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(63)', 'INPLACE', false, true],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(64)', 'COPY', true, false],
  [NO_CHARSET, 'ALTER TABLE t MODIFY b VARCHAR(70)', 'INPLACE', false, true], // latin1 by default in 5.7: 60 → 70 bytes
  [NO_CHARSET, 'ALTER TABLE t MODIFY b VARCHAR(255)', 'INPLACE', false, true],
  [NO_CHARSET, 'ALTER TABLE t MODIFY b VARCHAR(256)', 'COPY', true, false],
];

function runTable(version: string, rows: Row[]): void {
  describe(`MySQL ${version}`, () => {
    for (const [setup, statement, algorithm, rebuilds, dml] of rows) {
      test(`${statement}${setup === T ? '' : `  [${setup.slice(0, 60)}…]`}`, () => {
        const result = classifySql(setup, statement, { mysqlVersion: version });
        const got = [result.algorithm, result.rebuildsTable, result.concurrentDml];
        assert.deepEqual(got, [algorithm, rebuilds, dml], `${statement}: ${result.actions.map((a) => a.reason).join(' | ')}`);
        assert.equal(result.unhonourable, undefined, result.unhonourable?.message);
      });
    }
  });
}

runTable('8.0.35', MYSQL_8_0_35);
runTable('8.0.28', MYSQL_8_0_28);
runTable('8.0.20', MYSQL_8_0_20);
runTable('5.7.44', MYSQL_5_7_44);

describe('explicit ALGORITHM= / LOCK= the operations cannot honour', () => {
  const cases: Array<[setup: string, statement: string, requested: string, mentions: string]> = [
    [T, 'ALTER TABLE t ADD INDEX ib (b), ALGORITHM=INSTANT', 'ALGORITHM=INSTANT', 'ADD INDEX ib'],
    [T, 'ALTER TABLE t ADD COLUMN z INT, ADD INDEX ib (b), ALGORITHM=INSTANT', 'ALGORITHM=INSTANT', 'ADD INDEX ib'],
    [T, 'ALTER TABLE t MODIFY a BIGINT, ALGORITHM=INPLACE', 'ALGORITHM=INPLACE', 'MODIFY a'],
    [T, 'ALTER TABLE t ADD COLUMN z INT, MODIFY b VARCHAR(64), ALGORITHM=INPLACE, LOCK=NONE', 'ALGORITHM=INPLACE', 'MODIFY b'],
    [T, 'ALTER TABLE t MODIFY a BIGINT, LOCK=NONE', 'LOCK=NONE', 'MODIFY a'],
    [TEXT, 'ALTER TABLE t ADD FULLTEXT INDEX ft (body), LOCK=NONE', 'LOCK=NONE', 'ADD FULLTEXT INDEX ft'],
    [CASCADE, 'ALTER TABLE t ADD INDEX ib (b), LOCK=NONE', 'LOCK=NONE', 'CASCADE'],
    [T, 'CREATE INDEX ib ON t (b) ALGORITHM=INSTANT', 'ALGORITHM=INSTANT', 'ADD INDEX ib'],
    [T, 'DROP INDEX ia ON t ALGORITHM=COPY LOCK=NONE', 'LOCK=NONE', 'DROP INDEX ia'],
    [T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=NOCOPY', 'ALGORITHM=NOCOPY', 'MariaDB'],
  ];
  for (const [setup, statement, requested, mentions] of cases) {
    test(statement, () => {
      const result = classifySql(setup, statement);
      assert.ok(result.unhonourable, 'expected an unhonourable request');
      assert.equal(result.unhonourable.requested, requested);
      assert.ok(result.unhonourable.message.includes(mentions), result.unhonourable.message);
      assert.equal(result.instantEligible, false);
      const span = statement.slice(result.unhonourable.span.start, result.unhonourable.span.end);
      assert.ok(span.length > 0);
      if (statement.startsWith('ALTER')) assert.match(span, new RegExp(`^${requested.split('=')[0]}`));
    });
  }

  test('honourable requests are not reported', () => {
    for (const statement of ['ALTER TABLE t ADD INDEX ib (b), ALGORITHM=INPLACE, LOCK=NONE', 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INSTANT', 'ALTER TABLE t MODIFY a BIGINT, ALGORITHM=COPY, LOCK=SHARED', 'CREATE INDEX ib ON t (b) ALGORITHM=INPLACE LOCK=NONE']) {
      assert.equal(classifySql(T, statement).unhonourable, undefined, statement);
    }
  });

  test('LOCK=SHARED blocks writes even for an online operation', () => {
    const result = classifySql(T, 'ALTER TABLE t ADD INDEX ib (b), LOCK=SHARED');
    assert.equal(result.concurrentDml, false);
    assert.equal(result.actions[0].concurrentDml, true);
  });

  test('on a table with an ON DELETE CASCADE foreign key, in-place work waits for writes', () => {
    const result = classifySql(CASCADE, 'ALTER TABLE t ADD INDEX ib (b)');
    assert.deepEqual([result.algorithm, result.concurrentDml], ['INPLACE', false]);
    assert.match(result.actions[0].reason, /CASCADE/);
    assert.equal(classifySql(CHILD, 'ALTER TABLE t ADD INDEX ib (b)').concurrentDml, true);
    assert.equal(classifySql(CASCADE, 'ALTER TABLE t ADD COLUMN z INT').concurrentDml, true);
  });
});

describe('actions, decisive clause and reasons', () => {
  test('one action per clause, in order, ALGORITHM/LOCK excluded; spans cover the clause', () => {
    const sql = 'ALTER TABLE t ADD COLUMN z INT, MODIFY a BIGINT, ADD INDEX ib (b), ALGORITHM=DEFAULT';
    const result = classifySql(T, sql);
    assert.deepEqual(result.actions.map((a) => sql.slice(a.start, a.end)), ['ADD COLUMN z INT', 'MODIFY a BIGINT', 'ADD INDEX ib (b)']);
    assert.deepEqual(result.actions.map((a) => a.algorithm), ['INSTANT', 'COPY', 'INPLACE']);
    assert.equal(result.decisive, result.actions[1]);
    assert.equal(result.decisive?.reason, 'changing the column type from INT to BIGINT copies the table');
  });

  test('an instant clause in an in-place statement runs in place, and says so', () => {
    const result = classifySql(T, 'ALTER TABLE t ADD COLUMN z INT, ADD INDEX ib (b)');
    assert.deepEqual(result.actions.map((a) => [a.algorithm, a.rebuildsTable]), [['INPLACE', true], ['INPLACE', false]]);
    assert.match(result.actions[0].reason, /runs in place with the rest of the statement, which rebuilds the table/);
    assert.equal(result.decisive, result.actions[1]);
  });

  test('reasons name the byte boundary', () => {
    const result = classifySql(T, 'ALTER TABLE t MODIFY b VARCHAR(64)');
    assert.match(result.actions[0].reason, /200 to 256 bytes/);
  });

  test('explicit ALGORITHM=COPY decides the statement', () => {
    const result = classifySql(T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=COPY');
    assert.equal(result.decisive, undefined);
    assert.equal(result.actions[0].algorithm, 'COPY');
  });
});

describe('instant eligibility (PlanetScale instant deploy requests)', () => {
  const eligible = (setup: string, sql: string, target: DdlOptions['target'] = 'planetscale') => classifySql(setup, sql, { target }).instantEligible;
  test('instant clauses qualify', () => {
    assert.equal(eligible(T, 'ALTER TABLE t ADD COLUMN z INT, DROP COLUMN b'), true);
    assert.equal(eligible(T, "ALTER TABLE t MODIFY e ENUM('x', 'y', 'z'), ALTER COLUMN a SET DEFAULT 3"), true);
    assert.equal(eligible(T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INSTANT'), true);
  });
  test('anything else does not', () => {
    assert.equal(eligible(T, 'ALTER TABLE t ADD INDEX ib (b)'), false);
    assert.equal(eligible(T, 'ALTER TABLE t MODIFY b VARCHAR(60)'), false);
    assert.equal(eligible(T, 'ALTER TABLE t MODIFY a INT NOT NULL'), false);
    assert.equal(eligible(T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INPLACE'), false);
    assert.equal(eligible(T, 'ALTER TABLE t ADD COLUMN z INT DEFAULT (a + 1)'), false);
    assert.equal(eligible(FULLTEXT, 'ALTER TABLE t ADD COLUMN z INT'), false);
    assert.equal(eligible(T, 'CREATE TABLE u (id INT PRIMARY KEY)'), false);
  });
  test('a CHANGE that renames is instant on MySQL 8.0.28+, but Vitess does not deploy it instantly', () => {
    assert.equal(classifySql(T, 'ALTER TABLE t CHANGE b b2 VARCHAR(50)', { target: 'planetscale' }).algorithm, 'INSTANT');
    assert.equal(eligible(T, 'ALTER TABLE t CHANGE b b2 VARCHAR(50)'), false);
    assert.equal(eligible(T, 'ALTER TABLE t CHANGE b b2 VARCHAR(50)', 'mysql'), true);
    assert.equal(eligible(T, 'ALTER TABLE t CHANGE b b VARCHAR(50) DEFAULT \'x\''), true);
  });
  test('MySQL 5.7 has none', () => {
    assert.equal(classifySql(T, 'ALTER TABLE t ADD COLUMN z INT', { mysqlVersion: '5.7.44' }).instantEligible, false);
  });
});

describe('tables the schema does not know', () => {
  test('MODIFY/CHANGE are judged as type changes', () => {
    const result = classifySql('', 'ALTER TABLE nowhere MODIFY b VARCHAR(60)');
    assert.deepEqual([result.algorithm, result.rebuildsTable, result.concurrentDml, result.tableUnknown], ['COPY', true, false, true]);
    assert.match(result.actions[0].reason, /not in the schema/);
  });
  test('DROP COLUMN is assumed to rebuild; ADD COLUMN stays instant', () => {
    assert.deepEqual([classifySql('', 'ALTER TABLE nowhere DROP COLUMN b').algorithm, classifySql('', 'ALTER TABLE nowhere ADD COLUMN b INT').algorithm], ['INPLACE', 'INSTANT']);
    assert.equal(classifySql('', 'ALTER TABLE nowhere ADD COLUMN b INT').tableUnknown, true);
  });
  test('a known table is not unknown; an unknown column in a known table is still conservative', () => {
    const result = classifySql(T, 'ALTER TABLE t MODIFY nope INT');
    assert.deepEqual([result.algorithm, result.tableUnknown], ['COPY', false]);
  });
  test('the first FULLTEXT index of an unknown table is assumed to rebuild it', () => {
    assert.equal(classifySql('', 'CREATE FULLTEXT INDEX ft ON nowhere (body)').rebuildsTable, true);
  });
});

describe('more than 1022 columns', () => {
  test('ADD COLUMN is no longer instant', () => {
    const wide = `CREATE TABLE t (${Array.from({ length: 1022 }, (_, i) => `c${i} INT`).join(', ')});`;
    assert.equal(classifySql(wide, 'ALTER TABLE t ADD COLUMN z INT').algorithm, 'INPLACE');
    const narrow = `CREATE TABLE t (${Array.from({ length: 1021 }, (_, i) => `c${i} INT`).join(', ')});`;
    assert.equal(classifySql(narrow, 'ALTER TABLE t ADD COLUMN z INT').algorithm, 'INSTANT');
  });
});

describe('parseVersion', () => {
  test('reads MySQL and MariaDB version strings', () => {
    assert.deepEqual(parseVersion('8.0.35'), [8, 0, 35]);
    assert.deepEqual(parseVersion('5.7'), [5, 7]);
    assert.deepEqual(parseVersion('10.11.6-MariaDB-0+deb12u1'), [10, 11, 6]);
    assert.deepEqual(parseVersion('8.0.35-27'), [8, 0, 35]);
    assert.deepEqual(parseVersion('latest'), []);
  });
});
