import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { orderMigrations } from '../../../server/src/engine';

describe('migration order', () => {
  test('golang-migrate: numeric versions, each rollback after its migration', () => {
    const order = orderMigrations(['10_c.up.sql', '2_b.down.sql', '2_b.up.sql', '1_a.up.sql']).map((m) => `${m.path}:${m.kind}`);
    assert.deepEqual(order, ['1_a.up.sql:migration', '2_b.up.sql:migration', '2_b.down.sql:rollback', '10_c.up.sql:migration']);
  });

  test('Flyway: dotted and underscored versions, undo files, repeatables last, baselines first', () => {
    const order = orderMigrations(['R__views.sql', 'V1.10__x.sql', 'V1.2__y.sql', 'V2_1__z.sql', 'U1.2__y.sql', 'schema.sql']).map((m) => m.path);
    assert.deepEqual(order, ['schema.sql', 'V1.2__y.sql', 'U1.2__y.sql', 'V1.10__x.sql', 'V2_1__z.sql', 'R__views.sql']);
  });

  test('Prisma folders, timestamps and Laravel dates', () => {
    assert.deepEqual(orderMigrations(['m/20240102000000_b/migration.sql', 'm/20231231235959_a/migration.sql']).map((m) => m.path), ['m/20231231235959_a/migration.sql', 'm/20240102000000_b/migration.sql']);
    assert.deepEqual(orderMigrations(['2024_02_01_000000_b.php', '2024_01_10_000000_a.php']).map((m) => m.path), ['2024_01_10_000000_a.php', '2024_02_01_000000_b.php']);
  });
});
