import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'mysql2/promise';
import { Algorithm, DdlClassification } from '../../../server/src/engine/ddl/onlineDdl';
import { Schema } from '../../../server/src/engine/schema/model';
import { replayFile } from '../../../server/src/engine/lint';
import { classifySql } from './classifySql';
import { MariaDb, sharedMariaDb } from '../../support/mariadb';

/**
 * The `mariadb` target checked against a real MariaDB server. For every case the table is created afresh, then the
 * ALTER is tried with ALGORITHM=INSTANT, NOCOPY and INPLACE (the first the server accepts is the best algorithm; NOCOPY
 * is our INPLACE without a rebuild; none means COPY), and once more with LOCK=NONE alone, which the server accepts only
 * when some algorithm lets writes continue. Errors 1845/1846 (ER_ALTER_OPERATION_NOT_SUPPORTED[_REASON]) mean "not
 * with that algorithm / lock"; any other error is a broken case.
 */

function classifyOnMariaDb(setupSql: string, statementSql: string, mariadbVersion: string): DdlClassification {
  return classifySql(setupSql, statementSql, { target: 'mariadb', mariadbVersion });
}

const ROW = "INSERT INTO t (id, a, b, c, g, e, n, k) VALUES (1, 1, 'b', 'c', 'g', 'x', 1, 1), (2, 2, 'bb', 'cc', 'gg', 'y', 2, 2);";
const T = `CREATE TABLE t (
  id INT NOT NULL PRIMARY KEY,
  a INT,
  b VARCHAR(50),
  c VARCHAR(20) CHARACTER SET latin1,
  g VARCHAR(20) CHARACTER SET utf8mb3,
  e ENUM('x', 'y'),
  n INT NOT NULL,
  k INT,
  v INT AS (a + 1) VIRTUAL,
  st INT AS (a + 2) STORED,
  KEY ia (a),
  KEY ian (a, n),
  KEY ik (k),
  KEY ig (g)
) DEFAULT CHARSET=utf8mb4; ${ROW}`;
const LONG = "CREATE TABLE t (id INT PRIMARY KEY, w VARCHAR(100) CHARACTER SET latin1, x VARCHAR(200) CHARACTER SET latin1) DEFAULT CHARSET=utf8mb4; INSERT INTO t VALUES (1, 'w', 'x');";
const MB3 = "CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(30), l VARCHAR(70), KEY isx (s)) DEFAULT CHARSET=utf8mb3; INSERT INTO t VALUES (1, 's', 'l');";
const MB3_SHORT = "CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(30), ch CHAR(10), body TEXT, KEY isx (s)) DEFAULT CHARSET=utf8mb3; INSERT INTO t VALUES (1, 's', 'c', 'b');";
const FULLTEXT = "CREATE TABLE t (id INT PRIMARY KEY, a INT, body TEXT, FULLTEXT KEY ft (body)) DEFAULT CHARSET=utf8mb4; INSERT INTO t VALUES (1, 1, 'hello world');";
const GEO = 'CREATE TABLE t (id INT PRIMARY KEY, a INT, pos POINT NOT NULL) DEFAULT CHARSET=utf8mb4;';
const GEO_INDEXED = 'CREATE TABLE t (id INT PRIMARY KEY, a INT, pos POINT NOT NULL, SPATIAL KEY sp (pos)) DEFAULT CHARSET=utf8mb4;';
const COMPRESSED = 'CREATE TABLE t (id INT PRIMARY KEY, a INT) ROW_FORMAT=COMPRESSED; INSERT INTO t VALUES (1, 1);';
const REDUNDANT = 'CREATE TABLE t (id INT PRIMARY KEY, a INT NOT NULL, b VARCHAR(200)) ROW_FORMAT=REDUNDANT DEFAULT CHARSET=utf8mb4; INSERT INTO t VALUES (1, 1, \'b\');';
const PARTITIONED = 'CREATE TABLE t (id INT PRIMARY KEY, a INT) PARTITION BY HASH (id) PARTITIONS 2; INSERT INTO t VALUES (1, 1), (2, 2);';
const PARENT = 'CREATE TABLE p (id INT PRIMARY KEY); INSERT INTO p VALUES (1);';
const CHILD = `${PARENT} CREATE TABLE t (id INT PRIMARY KEY, pid INT, b INT, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id)); INSERT INTO t VALUES (1, 1, 1);`;
const CASCADE = `${PARENT} CREATE TABLE t (id INT PRIMARY KEY, pid INT, b INT, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE); INSERT INTO t VALUES (1, 1, 1);`;

const CASES: Array<[setup: string, alter: string]> = [
  // adding columns
  [T, 'ALTER TABLE t ADD COLUMN z INT'],
  [T, 'ALTER TABLE t ADD COLUMN z INT FIRST'],
  [T, 'ALTER TABLE t ADD COLUMN z INT NOT NULL AFTER a'],
  [T, 'ALTER TABLE t ADD COLUMN z DATETIME NOT NULL'],
  [T, 'ALTER TABLE t ADD COLUMN z INT NOT NULL AUTO_INCREMENT UNIQUE'],
  [T, 'ALTER TABLE t ADD COLUMN z INT UNIQUE'],
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (a * 2) STORED'],
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (a * 2) VIRTUAL'],
  [T, 'ALTER TABLE t ADD COLUMN z INT DEFAULT (a + 1)'],
  [T, 'ALTER TABLE t ADD COLUMN z CHAR(36) DEFAULT (UUID())'],
  [T, 'ALTER TABLE t ADD COLUMN z INT DEFAULT (1 + 1)'],
  [T, 'ALTER TABLE t ADD COLUMN (y INT, z VARCHAR(10))'],
  // dropping, renaming, moving columns
  [T, 'ALTER TABLE t DROP COLUMN b'],
  [T, 'ALTER TABLE t DROP COLUMN k'],
  [T, 'ALTER TABLE t DROP COLUMN n'],
  [T, 'ALTER TABLE t DROP COLUMN st'],
  [T, 'ALTER TABLE t DROP COLUMN v'],
  [T, 'ALTER TABLE t RENAME COLUMN b TO b2'],
  [T, 'ALTER TABLE t CHANGE b b2 VARCHAR(50)'],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(50) AFTER n'],
  [T, 'ALTER TABLE t ALTER COLUMN a SET DEFAULT 5'],
  [T, 'ALTER TABLE t ALTER COLUMN a DROP DEFAULT'],
  [T, 'ALTER TABLE t MODIFY a INT DEFAULT (n + 1)'],
  // types
  [T, 'ALTER TABLE t MODIFY a BIGINT'],
  [T, 'ALTER TABLE t CHANGE a a2 BIGINT'],
  [T, 'ALTER TABLE t MODIFY a INT(5)'],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(63)'],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(64)'],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(40)'],
  [T, 'ALTER TABLE t MODIFY b TEXT'],
  [T, 'ALTER TABLE t MODIFY g VARCHAR(86) CHARACTER SET utf8mb3'],
  [T, 'ALTER TABLE t MODIFY c VARCHAR(256) CHARACTER SET latin1'],
  [LONG, 'ALTER TABLE t MODIFY w VARCHAR(300) CHARACTER SET latin1'],
  [LONG, 'ALTER TABLE t MODIFY x VARCHAR(300) CHARACTER SET latin1'],
  [LONG, 'ALTER TABLE t MODIFY x VARCHAR(255) CHARACTER SET latin1'],
  [T, 'ALTER TABLE t MODIFY g VARCHAR(20) CHARACTER SET utf8mb4'],
  [T, 'ALTER TABLE t MODIFY c VARCHAR(20) CHARACTER SET utf8mb4'],
  [T, 'ALTER TABLE t MODIFY c VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin'],
  [T, 'ALTER TABLE t MODIFY g VARCHAR(20) CHARACTER SET utf8mb3 COLLATE utf8mb3_bin'],
  [T, 'ALTER TABLE t MODIFY a INT NOT NULL'],
  [T, 'ALTER TABLE t MODIFY n INT NULL'],
  [REDUNDANT, 'ALTER TABLE t MODIFY a INT NULL'],
  [REDUNDANT, 'ALTER TABLE t MODIFY b VARCHAR(300)'],
  [T, "ALTER TABLE t MODIFY e ENUM('x', 'y', 'z')"],
  [T, "ALTER TABLE t MODIFY e ENUM('y', 'x')"],
  [T, "ALTER TABLE t MODIFY e ENUM('x', 'y', 'z') NOT NULL"],
  [T, 'ALTER TABLE t MODIFY k INT NOT NULL AUTO_INCREMENT'],
  // indexes and keys
  [T, 'ALTER TABLE t ADD INDEX ib (b)'],
  [T, 'ALTER TABLE t ADD UNIQUE INDEX ub (b, id)'],
  [T, 'ALTER TABLE t DROP INDEX ia'],
  [T, 'ALTER TABLE t RENAME INDEX ia TO ia2'],
  [T, 'ALTER TABLE t ADD FULLTEXT INDEX ft (b)'],
  [FULLTEXT, 'ALTER TABLE t ADD FULLTEXT INDEX ft2 (body)'],
  [GEO, 'ALTER TABLE t ADD SPATIAL INDEX sp (pos)'],
  [T, 'ALTER TABLE t DROP PRIMARY KEY'],
  [T, 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, n)'],
  [`${PARENT} ${T}`, 'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)'],
  [CHILD, 'ALTER TABLE t DROP FOREIGN KEY fk_p'],
  [T, 'ALTER TABLE t ADD CONSTRAINT chk CHECK (n > 0)'],
  // table-wide
  [MB3, 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4'],
  [MB3_SHORT, 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4'],
  [T, 'ALTER TABLE t CONVERT TO CHARACTER SET latin1'],
  [T, 'ALTER TABLE t DEFAULT CHARSET=latin1'],
  [T, 'ALTER TABLE t ROW_FORMAT=DYNAMIC'],
  [T, 'ALTER TABLE t FORCE'],
  [T, 'ALTER TABLE t ENGINE=InnoDB'],
  [T, "ALTER TABLE t COMMENT='people'"],
  [T, 'ALTER TABLE t AUTO_INCREMENT=1000'],
  [T, 'ALTER TABLE t RENAME TO t2'],
  // tables that limit instant changes
  [FULLTEXT, 'ALTER TABLE t ADD COLUMN z INT'],
  [FULLTEXT, 'ALTER TABLE t DROP COLUMN a'],
  [FULLTEXT, 'ALTER TABLE t MODIFY a INT NOT NULL'],
  [FULLTEXT, 'ALTER TABLE t DROP INDEX ft, ADD COLUMN z INT'],
  [FULLTEXT, 'ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, a)'],
  [GEO_INDEXED, 'ALTER TABLE t ADD COLUMN z INT'],
  [GEO_INDEXED, 'ALTER TABLE t MODIFY a INT NOT NULL'],
  [COMPRESSED, 'ALTER TABLE t ADD COLUMN z INT'],
  [PARTITIONED, 'ALTER TABLE t ADD COLUMN z INT FIRST'],
  [PARTITIONED, 'ALTER TABLE t DROP COLUMN a'],
  [CASCADE, 'ALTER TABLE t ADD INDEX ib (b)'],
  // VIRTUAL columns: adding, dropping or shifting one allows little else in the same statement
  [T, 'ALTER TABLE t ADD COLUMN z INT AFTER st'],
  [T, 'ALTER TABLE t MODIFY k INT AFTER st'],
  [T, 'ALTER TABLE t MODIFY k INT FIRST'],
  [T, 'ALTER TABLE t DROP COLUMN v, ALTER COLUMN a SET DEFAULT 1'],
  [T, 'ALTER TABLE t DROP COLUMN v, ADD INDEX ib (b)'],
  [T, 'ALTER TABLE t DROP COLUMN v, DROP COLUMN b'],
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (k + 1) VIRTUAL, ADD COLUMN y INT'],
  [T, 'ALTER TABLE t ADD COLUMN z INT AS (k + 1) VIRTUAL, ADD INDEX ib (b)'],
  [T, 'ALTER TABLE t DROP COLUMN b, DROP INDEX ia'],
  [T, 'ALTER TABLE t DROP COLUMN b, RENAME COLUMN c TO c2'],
  [T, 'ALTER TABLE t MODIFY v INT AS (a + 3) VIRTUAL'],
  // more of the same kinds
  [T, 'ALTER TABLE t CHANGE b b2 VARCHAR(64)'],
  [T, 'ALTER TABLE t CHANGE b b2 VARCHAR(60) NOT NULL DEFAULT \'\''],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(50) NOT NULL'],
  [T, 'ALTER TABLE t MODIFY e ENUM(\'x\', \'y\') DEFAULT \'y\' COMMENT \'state\''],
  [T, 'ALTER TABLE t DROP INDEX ian, ADD INDEX ian (a, n, k)'],
  [T, 'ALTER TABLE t ADD UNIQUE INDEX uk (k), ADD INDEX ib (b)'],
  [T, "ALTER TABLE t STATS_PERSISTENT=0"],
  [T, 'ALTER TABLE t KEY_BLOCK_SIZE=8'],
  [`${T} ALTER TABLE t ADD CONSTRAINT chk CHECK (n > 0);`, 'ALTER TABLE t DROP CONSTRAINT chk'],
  [MB3_SHORT, 'ALTER TABLE t MODIFY body TEXT CHARACTER SET utf8mb4'],
  [MB3_SHORT, 'ALTER TABLE t MODIFY ch CHAR(10) CHARACTER SET utf8mb4'],
  ["CREATE TABLE t (id INT PRIMARY KEY, body LONGTEXT) DEFAULT CHARSET=utf8mb3;", 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4'],
  [MB3_SHORT, 'ALTER TABLE t CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_bin'],
  [CHILD, 'ALTER TABLE p RENAME COLUMN id TO pk'],
  [CHILD, 'ALTER TABLE t MODIFY pid INT NOT NULL'],
  [CHILD, 'ALTER TABLE t DROP FOREIGN KEY fk_p, DROP INDEX fk_p'],
  [CASCADE, 'ALTER TABLE t MODIFY b BIGINT'],
  [PARTITIONED, 'ALTER TABLE t MODIFY a BIGINT'],
  [PARTITIONED, 'ALTER TABLE t ADD INDEX ia (a)'],
  [COMPRESSED, 'ALTER TABLE t DROP COLUMN a'],
  [REDUNDANT, 'ALTER TABLE t ADD COLUMN z INT FIRST'],
  // several clauses
  [T, 'ALTER TABLE t ADD COLUMN z INT, DROP COLUMN b, ALTER COLUMN a SET DEFAULT 1'],
  [T, 'ALTER TABLE t ADD COLUMN z INT, ADD INDEX ib (b)'],
  [T, 'ALTER TABLE t DROP COLUMN b, ADD INDEX ic (c)'],
  [T, 'ALTER TABLE t ADD COLUMN z INT, DROP INDEX ia'],
  [T, 'ALTER TABLE t RENAME COLUMN b TO b2, ADD INDEX ic (c)'],
  [T, 'ALTER TABLE t MODIFY b VARCHAR(60), ADD INDEX ic (c)'],
  [T, 'ALTER TABLE t ADD COLUMN z INT, MODIFY a BIGINT'],
  [T, 'ALTER TABLE t ADD COLUMN z INT, MODIFY a INT NOT NULL'],
];

const NOT_SUPPORTED = new Set([1845, 1846]);

interface Observed {
  algorithm: Algorithm;
  rebuildsTable: boolean;
  concurrentDml: boolean;
}

describe('MariaDB online DDL: the classifier agrees with a real server', () => {
  let server: MariaDb;
  let connection: Connection;

  before(async () => {
    server = await sharedMariaDb();
    connection = await server.connect(await server.createDatabase('ddl_oracle'), { multipleStatements: true });
  });

  after(async () => {
    await connection?.end();
    await server?.stop();
  });

  async function reset(setup: string): Promise<void> {
    const tables = [...replayFile(setup, 'setup.sql', new Schema()).all().map((t) => t.name), 't2'];
    await connection.query(`SET foreign_key_checks = 0; DROP TABLE IF EXISTS ${tables.map((t) => `\`${t}\``).join(', ')}; SET foreign_key_checks = 1; ${setup}`);
  }

  /** True if the server ran `sql`, false if it refused it with 1845/1846; any other error fails the case. */
  async function accepts(setup: string, sql: string): Promise<boolean> {
    await reset(setup);
    try {
      await connection.query(sql);
      return true;
    } catch (err) {
      const errno = (err as { errno?: number }).errno;
      if (errno !== undefined && NOT_SUPPORTED.has(errno)) return false;
      throw new Error(`${sql}: ${(err as Error).message}`);
    }
  }

  async function observe(setup: string, alter: string): Promise<Observed> {
    let observed: Pick<Observed, 'algorithm' | 'rebuildsTable'> = { algorithm: 'COPY', rebuildsTable: true };
    if (await accepts(setup, `${alter}, ALGORITHM=INSTANT`)) observed = { algorithm: 'INSTANT', rebuildsTable: false };
    else if (await accepts(setup, `${alter}, ALGORITHM=NOCOPY`)) observed = { algorithm: 'INPLACE', rebuildsTable: false };
    else if (await accepts(setup, `${alter}, ALGORITHM=INPLACE`)) observed = { algorithm: 'INPLACE', rebuildsTable: true };
    return { ...observed, concurrentDml: await accepts(setup, `${alter}, LOCK=NONE`) };
  }

  for (const [setup, alter] of CASES) {
    const where = setup === T ? '' : `  [${setup.slice(0, 70)}…]`;
    test(`${alter}${where}`, async () => {
      const observed = await observe(setup, alter);
      const result = classifyOnMariaDb(setup, alter, server.version);
      const predicted = { algorithm: result.algorithm, rebuildsTable: result.rebuildsTable, concurrentDml: result.concurrentDml };
      assert.deepEqual(predicted, observed, `classifier said: ${result.actions.map((a) => a.reason).join(' | ')}`);
    });
  }

  test('ALGORITHM=INPLACE is the least MariaDB accepts: an instant ADD COLUMN stays instant', async () => {
    const instantCount = async () => {
      const [rows] = await connection.query("SHOW GLOBAL STATUS LIKE 'innodb_instant_alter_column'");
      return Number((rows as Array<{ Value: string }>)[0].Value);
    };
    const alter = 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INPLACE';
    await reset(T);
    const before = await instantCount();
    await connection.query(alter);
    assert.equal(await instantCount(), before + 1);
    const result = classifyOnMariaDb(T, alter, server.version);
    assert.deepEqual([result.algorithm, result.rebuildsTable, result.unhonourable], ['INSTANT', false, undefined]);
  });

  test('what the classifier predicts for explicit ALGORITHM= / LOCK= is what the server does', async () => {
    const explicit: Array<[setup: string, alter: string]> = [
      [T, 'ALTER TABLE t ADD INDEX ib (b), ALGORITHM=INSTANT'],
      [T, 'ALTER TABLE t ADD INDEX ib (b), ALGORITHM=NOCOPY, LOCK=NONE'],
      [T, 'ALTER TABLE t MODIFY a INT NOT NULL, ALGORITHM=NOCOPY'],
      [T, 'ALTER TABLE t MODIFY a BIGINT, ALGORITHM=INPLACE'],
      [T, 'ALTER TABLE t ADD FULLTEXT INDEX ft (b), LOCK=NONE'],
      [T, 'ALTER TABLE t RENAME TO t2, LOCK=NONE'],
      [CASCADE, 'ALTER TABLE t ADD INDEX ib (b), LOCK=NONE'],
      [T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=INPLACE'],
      [T, 'ALTER TABLE t ADD COLUMN z INT, ALGORITHM=COPY, LOCK=SHARED'],
    ];
    for (const [setup, alter] of explicit) {
      const ran = await accepts(setup, alter);
      const result = classifyOnMariaDb(setup, alter, server.version);
      assert.equal(result.unhonourable === undefined, ran, `${alter}: ${result.unhonourable?.message ?? 'predicted to run'}`);
    }
  });
});
