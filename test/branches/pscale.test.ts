import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  NOT_FOUND_MESSAGE, PscaleNotFoundError, listBranches, parseBranchList, parseLocalAddress, redactSecrets, startProxy,
} from '../../client/src/branches/pscale';

const STANDIN = path.resolve(__dirname, '../../../test/support/pscale-standin.cjs');
const posix = process.platform !== 'win32';

const BRANCHES = [
  {
    id: 'x1y2z3', name: 'main', parent_branch: null, production: true, ready: true, safe_migrations: true, sharded: false,
    region: { slug: 'aws-eu-west-1', display_name: 'AWS eu-west-1 (Dublin)', location: 'Dublin', enabled: true },
    created_at: '2024-05-01T10:00:00.000Z', updated_at: '2024-06-01T10:00:00.000Z', html_url: 'https://app.planetscale.com/acme/shop/main',
    schema_last_updated_at: '2024-06-01T10:00:00.000Z', mysql_address: 'aws.connect.psdb.cloud',
  },
  {
    id: 'a1b2c3', name: 'add-index', parent_branch: 'main', production: false, ready: false, safe_migrations: false,
    region: { slug: 'aws-eu-west-1' }, created_at: '2024-06-02T10:00:00.000Z', updated_at: '2024-06-02T10:00:00.000Z',
    html_url: 'https://app.planetscale.com/acme/shop/add-index',
  },
];

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-pscale-'));
}

function script(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

function standin(dir: string, name = 'pscale'): string {
  return script(dir, name, `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(STANDIN)} "$@"`);
}

function listen(server: net.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

function echoThrough(port: number, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(message));
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length >= message.length) { socket.end(); resolve(received); }
    });
    socket.on('error', reject);
    socket.setTimeout(5000, () => { socket.destroy(); reject(new Error('no echo')); });
  });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => { socket.destroy(); resolve(false); });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

describe('parseBranchList', () => {
  test('reads the documented shape', () => {
    assert.deepEqual(parseBranchList(JSON.stringify(BRANCHES)), [
      {
        name: 'main', production: true, ready: true, safe_migrations: true,
        region: { slug: 'aws-eu-west-1', display_name: 'AWS eu-west-1 (Dublin)' },
        created_at: '2024-05-01T10:00:00.000Z', updated_at: '2024-06-01T10:00:00.000Z', html_url: 'https://app.planetscale.com/acme/shop/main',
      },
      {
        name: 'add-index', parent_branch: 'main', production: false, ready: false, safe_migrations: false, region: { slug: 'aws-eu-west-1' },
        created_at: '2024-06-02T10:00:00.000Z', updated_at: '2024-06-02T10:00:00.000Z', html_url: 'https://app.planetscale.com/acme/shop/add-index',
      },
    ]);
  });

  test('tolerates missing fields and skips entries without a name', () => {
    assert.deepEqual(parseBranchList('[{"name":"dev"},{"name":"x","region":"us-east"},{"id":1},null,"main",{"name":""}]'), [
      { name: 'dev', production: false, ready: true, safe_migrations: false },
      { name: 'x', production: false, ready: true, safe_migrations: false, region: { slug: 'us-east' } },
    ]);
    assert.deepEqual(parseBranchList('[]'), []);
    assert.deepEqual(parseBranchList('null'), []);
  });

  test('a clear error on output that is not JSON, quoting at most 200 redacted characters', () => {
    const output = 'Error: "password": "hunter2" ' + 'x'.repeat(1000);
    const err = (() => { try { parseBranchList(output); } catch (e) { return e as Error; } return undefined; })();
    assert.ok(err);
    assert.match(err.message, /^pscale branch list did not print JSON: Error: "password": "\[redacted\]" x+…$/);
    assert.ok(!err.message.includes('hunter2'));
    assert.ok(err.message.length < 'pscale branch list did not print JSON: '.length + 202);
    assert.throws(() => parseBranchList(''), /printed nothing/);
    assert.throws(() => parseBranchList('{"code":"not_found"}'), /not an array of branches: \{"code":"not_found"\}/);
  });
});

describe('redactSecrets and parseLocalAddress', () => {
  test('redacts passwords in JSON, key: value text, tokens and URLs', () => {
    const text = '{"plain_text":"pscale_pw_abc","username":"u1","password": "s3\\"cret"}\nPassword: hunter2\nDB_PASSWORD=xyz\ntoken pscale_tkn_abc_DEF\nmysql://u:pw@host/db';
    const clean = redactSecrets(text);
    for (const secret of ['pscale_pw_abc', 's3', 'hunter2', 'xyz', 'abc_DEF', ':pw@']) assert.ok(!clean.includes(secret), `${secret} in ${clean}`);
    assert.ok(clean.includes('"username":"u1"'));
    assert.ok(clean.includes('mysql://u:[redacted]@host/db'));
  });

  test('reads the local address line, with or without colours', () => {
    assert.deepEqual(parseLocalAddress('Local address to connect your application: 127.0.0.1:3306 (press ctrl-c to quit)'), { host: '127.0.0.1', port: 3306 });
    assert.deepEqual(parseLocalAddress('Local address to connect your application: \x1b[1;34m127.0.0.1:55123\x1b[0m (press ctrl-c to quit)'), { host: '127.0.0.1', port: 55123 });
    assert.deepEqual(parseLocalAddress('Local address to connect your application: [::1]:3307'), { host: '::1', port: 3307 });
    assert.equal(parseLocalAddress('Secure connection to database shop and branch main is established!.'), undefined);
    assert.equal(parseLocalAddress('Local address to connect your application: 127.0.0.1:99999'), undefined);
  });
});

describe('pscale through the stand-in', { skip: !posix }, () => {
  let dir: string;
  let pscale: string;
  let branchesFile: string;
  let echo: net.Server;
  let echoPort: number;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dir = tempDir();
    pscale = standin(dir);
    branchesFile = path.join(dir, 'branches.json');
    fs.writeFileSync(branchesFile, JSON.stringify(BRANCHES));
    echo = net.createServer((socket) => socket.pipe(socket).on('error', () => socket.destroy()));
    echoPort = await listen(echo);
    env = { ...process.env, PSCALE_STANDIN_BRANCHES: branchesFile, PSCALE_STANDIN_TARGET: `127.0.0.1:${echoPort}` };
  });

  after(async () => {
    await close(echo);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('listBranches with pscalePath, and with pscale found on PATH', async () => {
    const byPath = await listBranches('shop', { pscalePath: pscale, env, org: 'acme' });
    assert.deepEqual(byPath.map((b) => [b.name, b.production, b.parent_branch]), [['main', true, undefined], ['add-index', false, 'main']]);
    const onPath = await listBranches('shop', { env: { ...env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` }, cwd: dir });
    assert.deepEqual(onPath, byPath);
  });

  test('listBranches reports a failing pscale with its last lines, redacted', async () => {
    await assert.rejects(listBranches('shop', { pscalePath: pscale, env: { ...env, PSCALE_STANDIN_BRANCHES: '' } }),
      /^Error: pscale branch list shop failed \(exit code 1\): Error: PSCALE_STANDIN_BRANCHES is not set$/);
    const leaky = script(dir, 'leaky', 'echo \'{"plain_text": "pscale_pw_SECRET"}\'; echo "password: hunter2" >&2; exit 3');
    await assert.rejects(listBranches('shop', { pscalePath: leaky }), (err: Error) => {
      assert.match(err.message, /exit code 3/);
      assert.ok(!/SECRET|hunter2/.test(err.message), err.message);
      return true;
    });
    const slow = script(dir, 'slow', 'exec sleep 30');
    await assert.rejects(listBranches('shop', { pscalePath: slow, timeoutMs: 300 }), /timed out/);
    await assert.rejects(listBranches('-x', { pscalePath: pscale }), /Not a valid PlanetScale database name/);
  });

  test('a missing executable gives a clear error', async () => {
    const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
    await assert.rejects(listBranches('shop', { env: { ...env, PATH: empty } }), (err: Error) => {
      assert.ok(err instanceof PscaleNotFoundError);
      assert.equal(err.message, NOT_FOUND_MESSAGE);
      return true;
    });
    await assert.rejects(startProxy('shop', 'main', { env: { ...env, PATH: empty } }), { message: NOT_FOUND_MESSAGE });
    await assert.rejects(startProxy('shop', 'main', { pscalePath: path.join(empty, 'pscale') }), /^PscaleNotFoundError: pscale was not found at .*empty-.*pscale; install the PlanetScale CLI/);
  });

  test('startProxy forwards connections, and stop closes the port', async () => {
    const asked = await freePort();
    const lines: string[] = [];
    const proxy = await startProxy('shop', 'main', { pscalePath: pscale, env, port: asked, org: 'acme', onOutput: (l) => lines.push(l) });
    let exits = 0;
    proxy.onExit(() => exits++);
    try {
      assert.equal(proxy.host, '127.0.0.1');
      assert.equal(proxy.port, asked);
      assert.ok(proxy.pid > 0);
      assert.ok(lines.some((l) => l.startsWith('Secure connection to database shop and branch main is established!')));
      assert.equal(await echoThrough(proxy.port, 'hello through the proxy ✓'), 'hello through the proxy ✓');
    } finally {
      await Promise.all([proxy.stop(), proxy.stop()]);
      await proxy.stop();
    }
    assert.equal(proxy.exited, true);
    assert.equal(await refused(proxy.port), true);
    await sleep(10);
    assert.equal(exits, 1);
    const late = await new Promise<number | null>((resolve) => proxy.onExit((code) => resolve(code)));
    assert.equal(late, 0);
  });

  test('startProxy takes the port pscale picked when the one asked for is busy', async () => {
    const busy = net.createServer();
    const busyPort = await listen(busy);
    try {
      const proxy = await startProxy('shop', 'dev', { pscalePath: pscale, env, port: busyPort });
      try {
        assert.notEqual(proxy.port, busyPort);
        assert.equal(await echoThrough(proxy.port, 'ping'), 'ping');
      } finally {
        await proxy.stop();
      }
    } finally {
      await close(busy);
    }
  });

  test('onExit tells when the proxy dies on its own', async () => {
    const proxy = await startProxy('shop', 'main', { pscalePath: pscale, env, port: await freePort() });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proxy.onExit((_code, signal) => resolve(signal)));
    process.kill(proxy.pid, 'SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    await proxy.stop();
  });

  test('a proxy that exits before it is ready rejects with its last lines, redacted', async () => {
    await assert.rejects(startProxy('shop', 'main', { pscalePath: pscale, env: { ...env, PSCALE_STANDIN_TARGET: '' } }),
      /^Error: pscale connect shop main exited \(exit code 1\) before the proxy was ready:\nError: PSCALE_STANDIN_TARGET must be set to host:port$/);
    const leaky = script(dir, 'leaky-connect', 'echo \'{"plain_text": "pscale_pw_SECRET"}\'; echo "Error: password: hunter2" >&2; exit 2');
    await assert.rejects(startProxy('shop', 'main', { pscalePath: leaky }), (err: Error) => {
      assert.match(err.message, /exit code 2/);
      assert.match(err.message, /\[redacted\]/);
      assert.ok(!/SECRET|hunter2/.test(err.message), err.message);
      return true;
    });
  });

  test('a proxy that prints no address within the timeout is stopped', async () => {
    const pidFile = path.join(dir, 'silent.pid');
    const silent = script(dir, 'silent', `echo $$ > ${JSON.stringify(pidFile)}; echo "Fetching certificates"; exec sleep 30`);
    const started = Date.now();
    await assert.rejects(startProxy('shop', 'main', { pscalePath: silent, timeoutMs: 500 }),
      /^Error: pscale connect shop main printed no local address within 0.5s:\nFetching certificates$/);
    assert.ok(Date.now() - started < 5000);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      try { process.kill(pid, 0); await sleep(50); } catch { alive = false; }
    }
    assert.equal(alive, false);
  });

  test('an address line without a newline is enough', async () => {
    const port = await freePort();
    const quiet = script(dir, 'no-newline', `printf 'Local address to connect your application: 127.0.0.1:${port} (press ctrl-c to quit)'; exec sleep 30`);
    const proxy = await startProxy('shop', 'main', { pscalePath: quiet });
    assert.equal(proxy.port, port);
    await proxy.stop();
    assert.equal(proxy.exited, true);
  });

  test('the stand-in refuses other commands', async () => {
    await assert.rejects(listBranches('shop', { pscalePath: script(dir, 'other', `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(STANDIN)} database list`) }),
      /exit code 1\): usage \(pscale stand-in for tests\):/);
  });
});
