import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LiveBranch } from '../../../server/src/engine';
import { assertClean, assertViolations, lint } from '../helpers';

const RULE = 'safe-migrations';
const main: LiveBranch = { name: 'app/main', production: true, safeMigrations: true, tableRows: { orders: 2_500_000 }, foreignKeys: 0 };

describe('live branch: safe-migrations, table sizes, foreign key support', () => {
  test('direct DDL on a production branch with safe migrations is an error; on a dev branch or without a connection, nothing', () => {
    const [finding] = assertViolations('ALTER TABLE users ADD COLUMN plan VARCHAR(20) NULL;\nSELECT 1;\nTRUNCATE TABLE logs;', RULE, ['ALTER TABLE users ADD COLUMN plan VARCHAR(20) NULL', 'TRUNCATE TABLE logs'], { live: main });
    assert.match(finding.message, /app\/main is a production branch with safe migrations on/);
    assertClean('ALTER TABLE users ADD COLUMN plan VARCHAR(20) NULL;', RULE, { live: { ...main, name: 'app/dev', production: false } });
    assertClean('ALTER TABLE users ADD COLUMN plan VARCHAR(20) NULL;', RULE, { live: { ...main, safeMigrations: false } });
    assertClean('ALTER TABLE users ADD COLUMN plan VARCHAR(20) NULL;', RULE);
  });

  test('locking-alter gives the table size on the branch, and a blocking ALTER of a big table applied directly is an error', () => {
    const sql = 'ALTER TABLE orders MODIFY total BIGINT NOT NULL;';
    const history = 'CREATE TABLE orders (id INT PRIMARY KEY, total INT NOT NULL);';
    const onMysql = lint(sql, { history, target: 'mysql', live: { ...main, production: false } }).find((f) => f.rule === 'locking-alter')!;
    assert.match(onMysql.message, /orders has about 2,500,000 rows on app\/main/);
    assert.equal(onMysql.severity, 'error');
    const small = lint(sql, { history, target: 'mysql', live: { ...main, tableRows: { orders: 10 } } }).find((f) => f.rule === 'locking-alter')!;
    assert.equal(small.severity, 'warning');
    const onPlanetScale = lint(sql, { history, live: main }).find((f) => f.rule === 'locking-alter')!;
    assert.equal(onPlanetScale.severity, 'info', 'a deploy request copies online whatever the size');
  });

  test('a branch that already has foreign keys has foreign key support on: no-foreign-keys becomes a warning', () => {
    const sql = 'ALTER TABLE posts ADD FOREIGN KEY (a) REFERENCES t (id);';
    const finding = lint(sql, { live: { ...main, foreignKeys: 3 } }).find((f) => f.rule === 'no-foreign-keys')!;
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /already has foreign keys, so its foreign key support is on/);
    assert.equal(lint(sql, { live: main }).find((f) => f.rule === 'no-foreign-keys')!.severity, 'error');
  });
});
