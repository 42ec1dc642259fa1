import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULES, resolveOptions, validateConfig } from '../../server/src/engine';
import { globToRegExp, matchesAny } from '../../server/src/engine/glob';

const ids = RULES.map((r) => r.id);

describe('.cutover.json validation', () => {
  test('keeps the valid parts and reports every problem with its path', () => {
    const { config, problems } = validateConfig(
      { target: 'postgres', mysqlVersion: '8.0.28', rules: { 'drop-column': 'off', 'drop-colum': 'off', 'no-cascade': 'loud' }, include: 'x', colour: true },
      ids,
    );
    assert.deepEqual(config, { mysqlVersion: '8.0.28', rules: { 'drop-column': 'off' } });
    assert.deepEqual(problems.map((p) => p.path), ['target', 'rules.drop-colum', 'rules.no-cascade', 'include', 'colour']);
  });

  test('a non-object is one problem, not an exception', () => {
    assert.equal(validateConfig([1, 2], ids).problems.length, 1);
    assert.equal(validateConfig(null, ids).problems.length, 1);
  });

  test('later layers win: editor settings, then the config file', () => {
    const options = resolveOptions({ target: 'mysql', rules: { 'drop-column': 'off', 'drop-table': 'info' } }, { target: 'vitess', rules: { 'drop-table': 'error' } });
    assert.deepEqual(options, { target: 'vitess', mysqlVersion: '8.0.35', rules: { 'drop-column': 'off', 'drop-table': 'error' } });
    assert.equal(resolveOptions().target, 'planetscale');
  });
});

describe('globs', () => {
  test('**, *, ?, {a,b} and [ab]', () => {
    assert.ok(globToRegExp('db/**/*.sql').test('db/migrations/2024/001_a.sql'));
    assert.ok(globToRegExp('db/**/*.sql').test('db/001_a.sql'));
    assert.ok(!globToRegExp('db/*.sql').test('db/migrations/001_a.sql'));
    assert.ok(globToRegExp('{seeds,fixtures}/*.sql').test('fixtures/x.sql'));
    assert.ok(globToRegExp('00?_[ab].sql').test('001_b.sql'));
    assert.ok(!globToRegExp('00?_[ab].sql').test('001_c.sql'));
  });

  test('a pattern without a slash matches a file name in any folder; ./ and backslashes are normalised', () => {
    assert.ok(matchesAny('db/seeds/dev.seed.sql', ['*.seed.sql']));
    assert.ok(matchesAny('.\\db\\schema.sql', ['./db/schema.sql']));
    assert.ok(!matchesAny('db/schema.sql', []));
  });
});
