import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatYamlScalar, readPscaleYml, writePscaleYml } from '../../client/src/branches/pscaleYml';
import { rng } from '../support/random';

describe('readPscaleYml', () => {
  test('reads what pscale branch switch writes', () => {
    assert.deepEqual(readPscaleYml('org: acme\ndatabase: shop\nbranch: add-index\n'), { org: 'acme', database: 'shop', branch: 'add-index' });
  });

  test('understands quotes, comments, CRLF, a BOM and ignores other and nested keys', () => {
    const text = '\uFEFF# project\r\norg: "ac\\"me" # the org\r\ndatabase: \'it\'\'s\'\r\nbranch: dev#1 # comment\r\nother: x\r\nnested:\r\n  branch: no\r\n';
    assert.deepEqual(readPscaleYml(text), { org: 'ac"me', database: "it's", branch: 'dev#1' });
  });

  test('leaves out empty and null values; the last of duplicate keys wins', () => {
    assert.deepEqual(readPscaleYml('org:\ndatabase: ~\nbranch: null\n'), {});
    assert.deepEqual(readPscaleYml('branch: a\nbranch: b\n'), { branch: 'b' });
    assert.deepEqual(readPscaleYml(''), {});
  });
});

describe('writePscaleYml', () => {
  test('creates a file', () => {
    assert.equal(writePscaleYml(undefined, { org: 'acme', database: 'shop', branch: 'main' }), 'org: acme\ndatabase: shop\nbranch: main\n');
    assert.equal(writePscaleYml('', { branch: 'main' }), 'branch: main\n');
  });

  test('changes only the given values, keeping comments, other keys, quoting and line endings', () => {
    const text = '# switched by pscale\r\norg: acme # keep\r\ndatabase: "shop"\r\nbranch: main\r\nextra: 1\r\n';
    assert.equal(writePscaleYml(text, { database: 'shop2', branch: 'feature/x' }), '# switched by pscale\r\norg: acme # keep\r\ndatabase: "shop2"\r\nbranch: feature/x\r\nextra: 1\r\n');
    assert.equal(writePscaleYml(text, { org: 'acme', database: 'shop' }), text);
  });

  test('appends missing keys and keeps a missing final newline missing', () => {
    assert.equal(writePscaleYml('org: acme', { database: 'shop', branch: 'dev' }), 'org: acme\ndatabase: shop\nbranch: dev');
    assert.equal(writePscaleYml('# c\n', { branch: 'dev' }), '# c\nbranch: dev\n');
  });

  test('fills an empty value and keeps a comment written right after it apart', () => {
    assert.equal(writePscaleYml('branch:\norg: ~ #c\n', { branch: 'b', org: 'o' }), 'branch: b\norg: o #c\n');
  });

  test('quotes values YAML would read as something else', () => {
    assert.equal(formatYamlScalar('main'), 'main');
    assert.equal(formatYamlScalar('yes'), "'yes'");
    assert.equal(formatYamlScalar('2024-01-01'), "'2024-01-01'");
    assert.equal(formatYamlScalar('a: b'), "'a: b'");
    assert.equal(formatYamlScalar("it's"), "'it''s'");
    assert.equal(formatYamlScalar('tab\there'), '"tab\\there"');
    assert.equal(formatYamlScalar('x', '"'), '"x"');
  });

  test('every value written reads back, whatever was there before', () => {
    const next = rng(99);
    const chars = ['a', 'Z', '0', '-', '_', '/', '.', ' ', '#', ':', "'", '"', '\\', '\t', '\n', 'é', '🙂', '~', '!', '&', '*', '[', '{', '|', '>', '%', '@', '`'];
    const before = ['', 'branch: main\n', "branch: 'x' # c\n", 'branch: "y"\n', 'branch:\n', '# only\nbranch: z'];
    for (let i = 0; i < 500; i++) {
      let value = '';
      const length = 1 + Math.floor(next() * 8);
      for (let j = 0; j < length; j++) value += chars[Math.floor(next() * chars.length)];
      for (const text of before) {
        const out = writePscaleYml(text, { branch: value, org: 'acme' });
        assert.deepEqual(readPscaleYml(out), { branch: value, org: 'acme' }, `${JSON.stringify(text)} with ${JSON.stringify(value)}: ${JSON.stringify(out)}`);
      }
    }
  });
});
