import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CLI, tempFolder } from '../cli/helpers';
import { pendingMigrations, readAppliedState } from '../../server/src/workspace/appliedMigrations';
import { sharedMariaDb } from '../support/mariadb';

/** A database standing in for a branch, with one migration tool's table and rows. */
async function branchWith(setup: string): Promise<{ database: string; close: () => Promise<void>; state: (kind: 'php' | 'sql') => ReturnType<typeof readAppliedState> }> {
  const db = await sharedMariaDb();
  const database = await db.createDatabase('branch');
  const connection = await db.connect(database, { multipleStatements: true });
  await connection.query(setup);
  return { database, close: () => connection.end(), state: (kind) => readAppliedState(connection, kind) };
}

const names = (files: string[]) => files.map((f) => path.basename(f.endsWith('migration.sql') ? path.dirname(f) : f));

describe('migrations pending on a branch, from the migration tool\'s table (real MariaDB)', () => {
  after(async () => (await sharedMariaDb()).stop());

  test('Laravel: the migrations table', async () => {
    const branch = await branchWith("CREATE TABLE migrations (id INT AUTO_INCREMENT PRIMARY KEY, migration VARCHAR(255), batch INT); INSERT INTO migrations (migration, batch) VALUES ('2024_01_01_000000_create_users_table', 1);");
    const state = (await branch.state('php'))!;
    assert.equal(state.tool, 'laravel');
    const files = ['/m/2024_01_01_000000_create_users_table.php', '/m/2024_02_01_000000_add_plan.php'];
    assert.deepEqual(names(pendingMigrations(files, state)), ['2024_02_01_000000_add_plan.php']);
    await branch.close();
  });

  test('golang-migrate (one current version, dirty noted) and dbmate (one row per migration) share schema_migrations', async () => {
    const migrate = await branchWith('CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty TINYINT(1) NOT NULL); INSERT INTO schema_migrations VALUES (2, 1);');
    const migrateState = (await migrate.state('sql'))!;
    assert.equal(migrateState.tool, 'golang-migrate');
    assert.match(migrateState.notes[0], /version 2 is dirty/);
    assert.deepEqual(names(pendingMigrations(['/m/000001_a.up.sql', '/m/000001_a.down.sql', '/m/000002_b.up.sql', '/m/000003_c.up.sql'], migrateState)), ['000003_c.up.sql']);
    await migrate.close();
    const dbmate = await branchWith("CREATE TABLE schema_migrations (version VARCHAR(128) NOT NULL PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101000000'), ('20240301000000');");
    const dbmateState = (await dbmate.state('sql'))!;
    assert.equal(dbmateState.tool, 'dbmate');
    assert.deepEqual(names(pendingMigrations(['/m/20240101000000_a.sql', '/m/20240201000000_b.sql', '/m/20240301000000_c.sql'], dbmateState)), ['20240201000000_b.sql']);
    await dbmate.close();
  });

  test('goose (latest row per version), Flyway (successful versions) and Prisma (finished, not rolled back)', async () => {
    const goose = await branchWith('CREATE TABLE goose_db_version (id INT AUTO_INCREMENT PRIMARY KEY, version_id BIGINT, is_applied TINYINT(1)); INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, 1), (1, 1), (2, 1), (2, 0);');
    assert.deepEqual(names(pendingMigrations(['/m/00001_a.sql', '/m/00002_b.sql'], (await goose.state('sql'))!)), ['00002_b.sql']);
    await goose.close();
    const flyway = await branchWith("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50), success TINYINT(1)); INSERT INTO flyway_schema_history VALUES (1, '1', 1), (2, '1.1', 0);");
    const flywayState = (await flyway.state('sql'))!;
    assert.deepEqual(names(pendingMigrations(['/m/V1__a.sql', '/m/V1.1__b.sql', '/m/V2__c.sql'], flywayState)), ['V1.1__b.sql', 'V2__c.sql']);
    assert.match(flywayState.notes[0], /1\.1 failed/);
    await flyway.close();
    const prisma = await branchWith("CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY, migration_name VARCHAR(255), finished_at DATETIME NULL, rolled_back_at DATETIME NULL); INSERT INTO _prisma_migrations VALUES ('1', '20240101_init', NOW(), NULL), ('2', '20240201_add', NOW(), NOW());");
    assert.deepEqual(names(pendingMigrations(['/p/20240101_init/migration.sql', '/p/20240201_add/migration.sql'], (await prisma.state('sql'))!)), ['20240201_add']);
    await prisma.close();
  });

  test('cutover plan --pending-on plans only what the branch lacks; the password comes from the environment', async () => {
    const db = await sharedMariaDb();
    const branch = await branchWith('CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty TINYINT(1) NOT NULL); INSERT INTO schema_migrations VALUES (1, 0);');
    const dir = tempFolder({
      'db/000001_users.up.sql': 'CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL, legacy INT);\n',
      'db/000002_bio.up.sql': 'ALTER TABLE users ADD COLUMN bio TEXT NULL;\n',
      'db/000003_drop.up.sql': 'ALTER TABLE users DROP COLUMN legacy;\n',
    });
    const url = `mysql://${db.user}@${db.host}:${db.port}/${branch.database}`;
    const run = spawnSync(process.execPath, [CLI, 'plan', 'db', '--pending-on', url, '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CUTOVER_DB_PASSWORD: db.password } });
    assert.equal(run.status, 0, run.stderr);
    const plan = JSON.parse(run.stdout);
    assert.deepEqual(plan.phases[0].statements.map((s: { sql: string }) => s.sql), ['ALTER TABLE users ADD COLUMN bio TEXT NULL']);
    assert.deepEqual(plan.phases[2].statements.map((s: { sql: string }) => s.sql), ['ALTER TABLE users DROP COLUMN legacy']);
    const denied = spawnSync(process.execPath, [CLI, 'plan', 'db', '--pending-on', url], { cwd: dir, encoding: 'utf8', env: { ...process.env, CUTOVER_DB_PASSWORD: 'wrong' } });
    assert.equal(denied.status, 2);
    assert.match(denied.stderr, /cannot connect to .*ER_ACCESS_DENIED_ERROR.*CUTOVER_DB_PASSWORD/);
    assert.ok(!denied.stderr.includes(db.password) && !denied.stderr.includes('wrong'), 'no password in the message');
    assert.match(spawnSync(process.execPath, [CLI, 'plan', 'db', '--pending-on', `mysql://u:secret@${db.host}/x`], { cwd: dir, encoding: 'utf8' }).stderr, /without a password/);
    await branch.close();
  });
});
