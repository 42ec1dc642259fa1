import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { findMariaDbBinaries, sharedMariaDb, startMariaDb } from './mariadb';

/** Whether a TCP connection to host:port is accepted (false on refusal, any other error, or after 2 s). */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: boolean) => { socket.destroy(); resolve(result); };
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Linux: the addresses (hex, as in /proc/net/tcp*) of the sockets listening on `port`. */
function listeningAddresses(port: number): string[] {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  const addresses: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4 || fields[3] !== '0A') continue; // 0A: LISTEN
      const [address, localPort] = fields[1].split(':');
      if (localPort === portHex) addresses.push(address);
    }
  }
  return addresses;
}

/** Gone, or a zombie nobody reaped yet (PID 1 of a container may not reap). */
function processGone(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return /^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
    } catch {
      return true;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

interface ChildRun { server: { pid: number; dir: string; port: number }; code: number | null; signal: NodeJS.Signals | null; stderr: string }

/**
 * Runs a separate node process that starts the shared server and then ends as `mode` says: 'drain' (the event loop
 * empties), 'throw' (an uncaught exception) or 'killed' (it waits, and this test SIGKILLs it as soon as the server is up).
 */
function runChild(mode: 'drain' | 'throw' | 'killed'): Promise<ChildRun> {
  const script = `
    const { sharedMariaDb } = require(${JSON.stringify(path.join(__dirname, 'mariadb.js'))});
    sharedMariaDb().then((db) => {
      process.stdout.write(JSON.stringify({ pid: db.pid, dir: db.dir, port: db.port }) + '\\n');
      if (${JSON.stringify(mode)} === 'throw') setImmediate(() => { throw new Error('boom'); });
      if (${JSON.stringify(mode)} === 'killed') setTimeout(() => {}, 60_000); // ends by itself if this test dies first
    });`;
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['-e', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let server: ChildRun['server'] | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!server && stdout.includes('\n')) {
      server = JSON.parse(stdout.split('\n')[0]) as ChildRun['server'];
      if (mode === 'killed') child.kill('SIGKILL');
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`child (${mode}) timed out:\n${stderr}`)); }, 90_000);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (!server) reject(new Error(`child (${mode}) did not start a server (code ${code}, signal ${signal}):\n${stderr}`));
      else resolve({ server, code, signal, stderr });
    });
  });
}

describe('sharedMariaDb()', () => {
  test('starts one real MariaDB server per process', async (t) => {
    const db = await sharedMariaDb();
    t.diagnostic(`MariaDB ${db.version} on 127.0.0.1:${db.port}, started in ${db.startupMs} ms`);
    assert.equal(await sharedMariaDb(), db);
    assert.equal(db.host, '127.0.0.1');
    assert.ok(fs.existsSync(db.dataDir));
    assert.ok(db.dataDir.startsWith(db.dir + path.sep));
    assert.ok(!db.dataDir.startsWith('/var/lib/mysql'));
    const connection = await db.connect();
    try {
      const [rows] = await connection.query('SELECT VERSION() AS version, CURRENT_USER() AS user, @@datadir AS datadir');
      const row = (rows as Array<{ version: string; user: string; datadir: string }>)[0];
      assert.match(row.version, /MariaDB/);
      assert.equal(row.version, db.version);
      assert.equal(row.user, `${db.user}@127.0.0.1`);
      assert.equal(path.resolve(row.datadir), path.resolve(db.dataDir));
    } finally {
      await connection.end();
    }
  });

  test('gives the user all privileges over TCP, and only with its password', async () => {
    const db = await sharedMariaDb();
    const connection = await db.connect();
    try {
      const [rows] = await connection.query('SHOW GRANTS');
      const grants = (rows as Array<Record<string, string>>).map((row) => Object.values(row)[0]).join('\n');
      assert.match(grants, /GRANT ALL PRIVILEGES ON \*\.\* TO `cutover`@`127\.0\.0\.1`.*WITH GRANT OPTION/);
    } finally {
      await connection.end();
    }
    await assert.rejects(createConnection({ host: db.host, port: db.port, user: db.user, password: 'wrong' }), { errno: 1045 });
    // mariadb-install-db's password-less root@127.0.0.1 must not exist.
    await assert.rejects(createConnection({ host: db.host, port: db.port, user: 'root' }), { errno: 1045 });
  });

  test('never shows the password when the server object is printed', async () => {
    const db = await sharedMariaDb();
    assert.ok(db.password.length >= 20);
    const shown = inspect(db, { depth: 5 });
    assert.ok(!shown.includes(db.password), shown);
    assert.match(shown, /<redacted>/);
    assert.match(shown, new RegExp(`port: ${db.port}`));
  });

  test('two databases are isolated from each other', async () => {
    const db = await sharedMariaDb();
    const main = await db.createDatabase('branch_main');
    const feature = await db.createDatabase('branch-Feature');
    assert.notEqual(main, feature);
    assert.match(feature, /^branch_feature_\d+$/);

    const a = await db.connect(main, { multipleStatements: true });
    const b = await db.connect(feature);
    try {
      await a.query('CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(100)); INSERT INTO posts VALUES (1, \'hello\');');
      const [inA] = await a.query('SELECT title FROM posts');
      assert.deepEqual(inA, [{ title: 'hello' }]);

      const [tablesInB] = await b.query('SHOW TABLES');
      assert.deepEqual(tablesInB, []);
      await assert.rejects(b.query('SELECT * FROM posts'), { errno: 1146, code: 'ER_NO_SUCH_TABLE' });
      const [schemas] = await b.query(
        'SELECT table_schema AS db FROM information_schema.tables WHERE table_name = ? AND table_schema IN (?, ?)',
        ['posts', main, feature]);
      assert.deepEqual(schemas, [{ db: main }]);
    } finally {
      await a.end();
      await b.end();
    }
    // multipleStatements is off unless asked for.
    const c = await db.connect(feature);
    try {
      await assert.rejects(c.query('SELECT 1; SELECT 2'), { code: 'ER_PARSE_ERROR' });
    } finally {
      await c.end();
    }
  });

  test('listens on 127.0.0.1 only', async () => {
    const db = await sharedMariaDb();
    const connection = await db.connect();
    try {
      const [rows] = await connection.query('SELECT @@bind_address AS bind, @@skip_networking AS skip, @@port AS port');
      assert.deepEqual(rows, [{ bind: '127.0.0.1', skip: 0, port: db.port }]);
    } finally {
      await connection.end();
    }
    assert.equal(await canConnect('127.0.0.1', db.port), true);
    assert.equal(await canConnect('::1', db.port), false, 'reachable over IPv6 loopback');
    if (process.platform === 'linux') {
      assert.deepEqual(listeningAddresses(db.port), ['0100007F']); // 127.0.0.1, nothing else
      assert.equal(await canConnect('127.0.0.2', db.port), false, 'reachable on 127.0.0.2');
    }
    for (const address of Object.values(os.networkInterfaces()).flat()) {
      if (address && !address.internal) {
        assert.equal(await canConnect(address.address, db.port), false, `reachable on ${address.address}`);
      }
    }
  });

  test('answers ALGORITHM=INSTANT like an online-DDL oracle', async () => {
    const db = await sharedMariaDb();
    const connection = await db.connect(await db.createDatabase('instant'));
    try {
      await connection.query('CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB');
      await connection.query('ALTER TABLE t ADD COLUMN c INT, ALGORITHM=INSTANT');
      // errno 1846; mysql2 names it after MySQL's ER_ALTER_OPERATION_NOT_SUPPORTED_REASON (1845 is the one without reason).
      await assert.rejects(connection.query('ALTER TABLE t MODIFY c BIGINT, ALGORITHM=INSTANT'), (err: Error & { errno?: number; code?: string; sqlState?: string }) => {
        assert.equal(err.errno, 1846);
        assert.equal(err.code, 'ER_ALTER_OPERATION_NOT_SUPPORTED_REASON');
        assert.equal(err.sqlState, '0A000');
        assert.match(err.message, /ALGORITHM=INSTANT is not supported/);
        return true;
      });
      const [columns] = await connection.query(
        'SELECT column_name AS name, column_type AS type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position',
        ['t']);
      assert.deepEqual(columns, [{ name: 'id', type: 'int(11)' }, { name: 'c', type: 'int(11)' }]);
    } finally {
      await connection.end();
    }
  });
});

describe('findMariaDbBinaries()', () => {
  test('finds the installed server', () => {
    const binaries = findMariaDbBinaries();
    assert.match(path.basename(binaries.mariadbd), /^mariadbd$/);
    assert.match(path.basename(binaries.installDb), /^mariadb-install-db$/);
  });

  test('says that MariaDB is missing and how to install it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-no-mariadb-'));
    try {
      assert.throws(() => findMariaDbBinaries([empty]), (err: Error) => {
        assert.match(err.message, /MariaDB is not installed: mariadbd was not found/);
        assert.match(err.message, /scripts\/ensure-system-packages\.sh/);
        return true;
      });
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('startMariaDb() and stop()', () => {
  test('a server that cannot start fails with the end of its error log, and leaves nothing behind', async () => {
    // Fake binaries first in PATH: an install that only creates the data directory, a server that logs and exits.
    const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-fake-mariadb-'));
    fs.writeFileSync(path.join(fake, 'mariadb-install-db'),
      '#!/bin/sh\nfor a in "$@"; do case "$a" in --datadir=*) mkdir -p "${a#--datadir=}";; esac; done\n', { mode: 0o755 });
    fs.writeFileSync(path.join(fake, 'mariadbd'),
      '#!/bin/sh\nfor a in "$@"; do case "$a" in --log-error=*) log="${a#--log-error=}";; esac; done\n' +
      'echo "[ERROR] fake: InnoDB refuses to start" >> "$log"\nexit 1\n', { mode: 0o755 });
    const saved = { PATH: process.env.PATH, NO_TEMPLATE: process.env.CUTOVER_MARIADB_NO_TEMPLATE };
    process.env.PATH = `${fake}${path.delimiter}${process.env.PATH ?? ''}`;
    process.env.CUTOVER_MARIADB_NO_TEMPLATE = '1';
    const ownDirs = () => fs.readdirSync(os.tmpdir()).filter((name) => {
      try {
        return name.startsWith('cutover-mariadb-') && fs.readFileSync(path.join(os.tmpdir(), name, 'owner'), 'utf8').trim() === String(process.pid);
      } catch {
        return false;
      }
    });
    try {
      const before = ownDirs();
      await assert.rejects(startMariaDb(), (err: Error) => {
        assert.match(err.message, /mariadbd stopped before accepting connections \(exit code 1\)/);
        assert.match(err.message, /Last lines of the MariaDB error log:\n.*\[ERROR\] fake: InnoDB refuses to start/s);
        return true;
      });
      assert.deepEqual(ownDirs(), before);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.NO_TEMPLATE === undefined) delete process.env.CUTOVER_MARIADB_NO_TEMPLATE;
      else process.env.CUTOVER_MARIADB_NO_TEMPLATE = saved.NO_TEMPLATE;
      fs.rmSync(fake, { recursive: true, force: true });
    }
  });


  test('stop() shuts the server down and deletes its directory', async () => {
    const db = await startMariaDb();
    const shared = await sharedMariaDb();
    assert.notEqual(db.port, shared.port);
    assert.notEqual(db.dir, shared.dir);
    assert.equal(await canConnect('127.0.0.1', db.port), true);
    const open = await db.connect(); // left open on purpose: stop() must not hang on it
    await open.query('SELECT 1');

    const stopping = Date.now();
    await db.stop();
    const stopMs = Date.now() - stopping;
    assert.ok(stopMs < 10_000, `stop() took ${stopMs} ms`);
    assert.equal(await canConnect('127.0.0.1', db.port), false);
    assert.equal(fs.existsSync(db.dir), false);
    assert.equal(processGone(db.pid), true);
    await db.stop(); // idempotent
    await assert.rejects(db.connect(), /stopped/);
    // The shared server is unaffected.
    assert.equal(await canConnect('127.0.0.1', shared.port), true);
  });

  test('a test process that ends, throws or is killed leaves no server running', async () => {
    const [drained, threw, killed] = await Promise.all([runChild('drain'), runChild('throw'), runChild('killed')]);
    assert.equal(drained.code, 0, drained.stderr);
    assert.equal(threw.code, 1);
    assert.match(threw.stderr, /boom/);
    assert.equal(killed.signal, 'SIGKILL');
    for (const run of [drained, threw]) {
      assert.equal(processGone(run.server.pid), true);
      assert.equal(fs.existsSync(run.server.dir), false, `${run.server.dir} is left`);
      assert.equal(await canConnect('127.0.0.1', run.server.port), false);
    }
    if (process.platform === 'linux') {
      // SIGKILL leaves no chance to clean up: the kernel kills the server (pdeathsig) ...
      assert.ok(await waitUntil(() => processGone(killed.server.pid), 5_000), 'the server of a killed process still runs');
      // ... and the next start removes the directory left behind (unless a concurrent start did so already).
      const db = await startMariaDb();
      await db.stop();
      assert.equal(fs.existsSync(killed.server.dir), false, `${killed.server.dir} is left`);
    } else {
      fs.rmSync(killed.server.dir, { recursive: true, force: true });
    }
  });
});
