import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { connectionUrl, detectFlavour, envValuesFor, formatEnvValue, parseEnv, updateEnv } from '../../client/src/branches/envFile';
import { rng } from '../support/random';

describe('parseEnv', () => {
  test('reads bare, quoted, exported and commented assignments', () => {
    const env = parseEnv([
      '# DB_HOST=commented.out',
      'DB_HOST=127.0.0.1',
      'export DB_PORT = 3306 # the port',
      "DB_PASSWORD='p@ss #word $x'",
      'APP_NAME="My \\"App\\" \\$HOME\\\\x\\ny"',
      'EMPTY=',
      'HASH=a#b',
      'ONLY_COMMENT=#nothing',
      'not an assignment',
      '  INDENTED=yes',
    ].join('\n'));
    assert.equal(env.get('DB_HOST'), '127.0.0.1');
    assert.equal(env.get('DB_PORT'), '3306');
    assert.equal(env.get('DB_PASSWORD'), 'p@ss #word $x');
    assert.equal(env.get('APP_NAME'), 'My "App" $HOME\\x\ny');
    assert.equal(env.get('EMPTY'), '');
    assert.equal(env.get('HASH'), 'a#b');
    assert.equal(env.get('ONLY_COMMENT'), '');
    assert.equal(env.get('INDENTED'), 'yes');
    assert.equal(env.size, 8);
  });

  test('the last occurrence wins, quoted values may span lines, CRLF is not part of a value', () => {
    const env = parseEnv('A=1\r\nB="x\r\nA=2\r\ny"\r\nA=3\r\nC=\'it\nworks\'\r\n');
    assert.equal(env.get('A'), '3');
    assert.equal(env.get('B'), 'x\r\nA=2\r\ny');
    assert.equal(env.get('C'), 'it\nworks');
  });
});

describe('updateEnv', () => {
  test('updates in place and keeps export, spacing, comments and CRLF', () => {
    const text = '# db\r\nexport DB_HOST = old.host # where\r\nDB_PORT=3306\n\nAPP=x';
    const { text: out, changed } = updateEnv(text, { DB_HOST: '127.0.0.1', DB_PORT: '3306', APP: undefined });
    assert.equal(out, '# db\r\nexport DB_HOST = 127.0.0.1 # where\r\nDB_PORT=3306\n\nAPP=x');
    assert.deepEqual(changed, ['DB_HOST']);
  });

  test('updates the last of duplicate keys and leaves the earlier ones', () => {
    const { text } = updateEnv('DB_HOST=a\nDB_HOST=b\nX=1\n', { DB_HOST: 'c' });
    assert.equal(text, 'DB_HOST=a\nDB_HOST=c\nX=1\n');
  });

  test('keeps the quoting style of the value it replaces', () => {
    assert.equal(updateEnv('A="old"\n', { A: 'new' }).text, 'A="new"\n');
    assert.equal(updateEnv("A='old'\n", { A: 'new $x' }).text, "A='new $x'\n");
    assert.equal(updateEnv("A='old'\n", { A: "it's" }).text, 'A="it\'s"\n');
    assert.equal(updateEnv('A=old\n', { A: 'has space' }).text, "A='has space'\n");
    assert.equal(updateEnv('A="old" # keep\n', { A: 'a"b$c\\d\ne' }).text, 'A="a\\"b\\$c\\\\d\\ne" # keep\n');
  });

  test('a bare value does not swallow a comment written right after =', () => {
    const { text } = updateEnv('A=#comment\n', { A: 'v' });
    assert.equal(text, 'A=v #comment\n');
    assert.equal(parseEnv(text).get('A'), 'v');
  });

  test('appends missing keys with the final-newline convention of the file', () => {
    assert.equal(updateEnv('', { A: '1', B: 'x y' }).text, "A=1\nB='x y'\n");
    assert.equal(updateEnv('X=1\r\nY=2\r\n', { A: '1' }).text, 'X=1\r\nY=2\r\nA=1\r\n');
    assert.equal(updateEnv('X=1\nY=2', { A: '1', B: '2' }).text, 'X=1\nY=2\nA=1\nB=2');
  });

  test('reports nothing and changes nothing when the values are already there', () => {
    const text = "export DB_HOST='127.0.0.1'\nDB_PORT=3306";
    assert.deepEqual(updateEnv(text, { DB_HOST: '127.0.0.1', DB_PORT: '3306' }), { text, changed: [] });
  });

  test('rejects names that are not variable names', () => {
    assert.throws(() => updateEnv('', { 'A B': 'x' }), /Not a valid \.env variable name/);
    assert.throws(() => updateEnv('', { 'A\nB': 'x' }), /Not a valid/);
  });

  test('formatEnvValue round-trips every value through parseEnv', () => {
    const next = rng(7);
    for (let i = 0; i < 500; i++) {
      const value = randomValue(next);
      for (const style of ['', "'", '"'] as const) {
        const written = formatEnvValue(value, style);
        assert.equal(parseEnv(`K=${written}\n`).get('K'), value, `${JSON.stringify(value)} as ${JSON.stringify(written)}`);
      }
    }
  });
});

// ---- Property test: random files, random updates; only the updated keys' values may change. ----

const KEYS = ['DB_HOST', 'DB_PORT', 'DB_DATABASE', 'DB_USERNAME', 'DB_PASSWORD', 'DATABASE_URL', 'APP_NAME', 'APP_KEY', 'x.y', 'my-key', '_U'];
const NEW_KEYS = ['NEW_ONE', 'ANOTHER_ONE', 'DB_URL'];
const VALUE_CHARS = ['a', 'Z', '0', '_', '-', '.', ':', '/', '@', '%', '=', ' ', '\t', '#', '"', "'", '$', '{', '}', '\\', '`', '\n', '\r\n', 'é', '日本', '🙂', 'Ω'];
const SAFE_CHARS = ['a', 'Z', '0', '9', '_', '-', '.', ':', '/', '@', '%', '=', 'é', '日本', '🙂', 'Ω', '+', ','];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

function randomValue(next: () => number, chars: readonly string[] = VALUE_CHARS): string {
  let s = '';
  const length = Math.floor(next() * 10);
  for (let i = 0; i < length; i++) s += pick(next, chars);
  return s;
}

interface Rec {
  raw: string;
  key?: string;
  value?: string;
  head?: string; // everything before the value
  tail?: string; // everything after the value, terminator excluded
  eol: string;
}

function randomAssignment(next: () => number, key: string, eol: string): Rec {
  const head = `${pick(next, ['', '', ' ', '\t'])}${next() < 0.25 ? pick(next, ['export ', 'export\t']) : ''}${key}${pick(next, ['', '', ' '])}=${pick(next, ['', '', ' '])}`;
  const style = pick(next, ['bare', 'bare', 'single', 'double', 'empty']);
  let raw: string;
  let value: string;
  if (style === 'empty') {
    value = '';
    raw = '';
  } else if (style === 'bare') {
    value = pick(next, SAFE_CHARS) + randomValue(next, [...SAFE_CHARS, '#']);
    raw = value;
  } else if (style === 'single') {
    value = randomValue(next, VALUE_CHARS.filter((c) => c !== "'" && c !== '\r\n'));
    raw = `'${value}'`;
  } else {
    value = randomValue(next);
    raw = '"' + [...value].map((c) => (c === '\n' && next() < 0.5 ? '\\n' : c === '"' || c === '\\' || (c === '$' && next() < 0.5) ? '\\' + c : c)).join('').replace(/\r/g, '\\r') + '"';
  }
  const tail = next() < 0.3 ? pick(next, [' # note', '  #é comment "x"', '\t# DB_HOST=nope']) : style === 'bare' || style === 'empty' ? '' : pick(next, ['', '#tight']);
  return { raw: head + raw + tail + eol, key, value, head, tail, eol };
}

function randomFile(next: () => number): Rec[] {
  const recs: Rec[] = [];
  const count = Math.floor(next() * 14);
  for (let i = 0; i < count; i++) {
    const eol = i === count - 1 && next() < 0.3 ? '' : pick(next, ['\n', '\n', '\r\n']);
    const kind = next();
    if (kind < 0.15) recs.push({ raw: pick(next, ['# comment', '#DB_HOST=commented', "  # it's \"quoted\" = yes", '# 日本 🙂']) + eol, eol });
    else if (kind < 0.25) recs.push({ raw: pick(next, ['', '', '   ', '\t']) + eol, eol });
    else if (kind < 0.3) recs.push({ raw: pick(next, ['not an assignment', '=novalue', '1BAD=x', '[section]']) + eol, eol });
    else recs.push(randomAssignment(next, pick(next, KEYS), eol));
  }
  return recs;
}

function lineAt(text: string, from: number): string {
  const nl = text.indexOf('\n', from);
  return text.slice(from, nl < 0 ? text.length : nl + 1);
}

describe('updateEnv on generated files', () => {
  test('changes only the updated keys, line by line', () => {
    const next = rng(20240601);
    for (let iteration = 0; iteration < 1500; iteration++) {
      const recs = randomFile(next);
      const text = recs.map((r) => r.raw).join('');
      const model = new Map<string, string>();
      const lastIndex = new Map<string, number>();
      recs.forEach((r, i) => { if (r.key !== undefined) { model.set(r.key, r.value!); lastIndex.set(r.key, i); } });
      assert.deepEqual(parseEnv(text), model, `parse of ${JSON.stringify(text)}`);

      const values: Record<string, string | undefined> = {};
      for (const key of [...KEYS, ...NEW_KEYS]) {
        const r = next();
        if (r < 0.5) continue;
        values[key] = r < 0.6 ? undefined : r < 0.7 && model.has(key) ? model.get(key) : randomValue(next);
      }
      const context = `file ${JSON.stringify(text)} values ${JSON.stringify(values)}`;
      const { text: out, changed } = updateEnv(text, values);
      const expectedChanged = Object.entries(values).filter(([k, v]) => v !== undefined && model.get(k) !== v).map(([k]) => k);
      assert.deepEqual(changed, expectedChanged, context);

      // Walk the records: untouched ones are byte-identical, an updated one is a single line with the same head/tail.
      let at = 0;
      recs.forEach((rec, i) => {
        const updated = rec.key !== undefined && lastIndex.get(rec.key) === i && changed.includes(rec.key);
        if (!updated) {
          assert.equal(out.slice(at, at + rec.raw.length), rec.raw, `record ${i} kept; ${context}`);
          at += rec.raw.length;
          return;
        }
        let line = lineAt(out, at);
        if (rec.eol === '') line = line.replace(/\r?\n$/, '');
        // Between `=` and the comment of an empty value, blanks may be spacing or part of the comment: compare without.
        const loose = rec.value === '' && rec.raw.includes('#');
        assert.ok(line.startsWith(loose ? rec.head!.trimEnd() : rec.head!), `head kept in ${JSON.stringify(line)}; ${context}`);
        assert.ok(line.endsWith((loose ? rec.tail!.trimStart() : rec.tail!) + rec.eol), `tail kept in ${JSON.stringify(line)}; ${context}`);
        assert.equal(parseEnv(line).get(rec.key!), values[rec.key!], context);
        at += line.length;
      });

      // Whatever remains is the appended keys, one per line.
      const missing = Object.keys(values).filter((k) => values[k] !== undefined && !model.has(k));
      let rest = out.slice(at);
      if (missing.length === 0) {
        assert.equal(rest, '', context);
      } else {
        const eols = text.match(/\r?\n/g) ?? [];
        const eol = eols.filter((e) => e === '\r\n').length > eols.length / 2 ? '\r\n' : '\n';
        if (text !== '' && !text.endsWith('\n')) {
          assert.ok(rest.startsWith(eol), context);
          rest = rest.slice(eol.length);
        }
        assert.equal(rest.endsWith(eol), text === '' || text.endsWith('\n'), `final newline convention; ${context}`);
        const lines = rest.split(eol);
        if (lines[lines.length - 1] === '') lines.pop();
        assert.deepEqual(lines.map((l) => l.slice(0, l.indexOf('='))), missing, context);
        lines.forEach((l, j) => assert.equal(parseEnv(l).get(missing[j]), values[missing[j]], context));
      }

      // And the file as a whole reads as expected.
      const after = parseEnv(out);
      for (const key of new Set([...model.keys(), ...Object.keys(values)])) {
        assert.equal(after.get(key), values[key] ?? model.get(key), `${key}; ${context}`);
      }
    }
  });
});

describe('envValuesFor and detectFlavour', () => {
  const conn = { host: '127.0.0.1', port: 3307, database: 'shop', user: 'root' };

  test('detects Laravel and DATABASE_URL files', () => {
    assert.equal(detectFlavour(parseEnv('DB_CONNECTION=mysql\nDB_HOST=x\n')), 'laravel');
    assert.equal(detectFlavour(parseEnv('DATABASE_URL="mysql://a@b/c"\n')), 'database-url');
    assert.equal(detectFlavour(parseEnv('DB_HOST=x\nDATABASE_URL=mysql://a@b/c\n')), 'laravel');
    assert.equal(detectFlavour(parseEnv('APP_KEY=x\n')), undefined);
  });

  test('Laravel: the DB_* keys, an empty password for a proxy, DB_URL only when the file sets it', () => {
    assert.deepEqual(envValuesFor('laravel', conn, parseEnv('DB_HOST=x\n')), {
      DB_HOST: '127.0.0.1', DB_PORT: '3307', DB_DATABASE: 'shop', DB_USERNAME: 'root', DB_PASSWORD: '',
    });
    const withUrl = envValuesFor('laravel', { ...conn, password: 'p w' }, parseEnv('DB_URL=mysql://old@h:1/d?charset=utf8mb4\nDATABASE_URL=\n'));
    assert.equal(withUrl.DB_PASSWORD, 'p w');
    assert.equal(withUrl.DB_URL, 'mysql://root:p%20w@127.0.0.1:3307/shop?charset=utf8mb4');
    assert.equal('DATABASE_URL' in withUrl, false);
  });

  test('DATABASE_URL: percent-encoded credentials, the old query string and MySQL scheme kept', () => {
    const existing = parseEnv('DATABASE_URL="mysql://app:!ChangeMe!@127.0.0.1:3306/app?serverVersion=8.0.32&charset=utf8mb4"\n');
    const values = envValuesFor('database-url', { host: 'aws.connect.psdb.cloud', port: 3306, database: 'my db', user: 'u@x', password: "p:a/s's#?%" }, existing);
    assert.equal(values.DATABASE_URL, 'mysql://u%40x:p%3Aa%2Fs%27s%23%3F%25@aws.connect.psdb.cloud:3306/my%20db?serverVersion=8.0.32&charset=utf8mb4');
    assert.equal(connectionUrl(conn, 'mariadb://x@y/z'), 'mariadb://root@127.0.0.1:3307/shop');
    assert.equal(connectionUrl(conn, 'postgresql://x@y/z?sslmode=require'), 'mysql://root@127.0.0.1:3307/shop?sslmode=require');
    assert.equal(connectionUrl({ ...conn, host: '::1' }), 'mysql://root@[::1]:3307/shop');
  });

  test('end to end: a Symfony .env keeps every other byte', () => {
    const text = '###> doctrine/doctrine-bundle ###\r\n# DATABASE_URL="sqlite:///%kernel.project_dir%/var/data.db"\r\nDATABASE_URL="mysql://app:!ChangeMe!@127.0.0.1:3306/app?serverVersion=8.0.32&charset=utf8mb4"\r\n###< doctrine/doctrine-bundle ###\r\n';
    const existing = parseEnv(text);
    const { text: out, changed } = updateEnv(text, envValuesFor(detectFlavour(existing)!, conn, existing));
    assert.deepEqual(changed, ['DATABASE_URL']);
    assert.equal(out, text.replace('app:!ChangeMe!@127.0.0.1:3306/app', 'root@127.0.0.1:3307/shop'));
  });
});
