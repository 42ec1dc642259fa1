/**
 * A private, throw-away MariaDB server for tests that need a real database.
 *
 * Each server lives in its own temporary directory (data directory, socket, pid file, logs), listens on 127.0.0.1 only
 * on a free port, and never reads the system's option files, so it cannot touch the system's server or /var/lib/mysql.
 * It runs with small buffers and without durability (no doublewrite, no flush at commit): the data is thrown away anyway.
 *
 * Cleanup, from the normal path to the last resort:
 * - `stop()` shuts the server down (SIGTERM, which MariaDB handles as a clean shutdown) and deletes the directory;
 * - when the event loop of the test process drains (`beforeExit`), every server still running is stopped that way;
 * - on `exit` (process.exit, an uncaught exception) and on SIGINT/SIGTERM/SIGHUP, servers are stopped synchronously;
 * - on Linux the server is started through `setpriv --pdeathsig KILL`, so the kernel kills it if the test process
 *   itself is killed (SIGKILL, OOM); the directory it leaves behind is removed by the next `startMariaDb()`.
 *
 * The password is never printed: `util.inspect` (console.log, assertion messages) shows it redacted, and error messages
 * are scrubbed of it.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import { Connection, createConnection } from 'mysql2/promise';

export interface MariaDb {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** A user with all privileges (WITH GRANT OPTION), connecting over TCP with a password. */
  readonly user: string;
  readonly password: string;
  /** What `SELECT VERSION()` answers, e.g. `10.11.19-MariaDB-0+deb12u1`. */
  readonly version: string;
  /** The temporary directory holding the data directory, socket, pid file and logs; `stop()` deletes it. */
  readonly dir: string;
  readonly dataDir: string;
  /** The server's process id. */
  readonly pid: number;
  /** How long `startMariaDb()` took, in milliseconds, until the user could connect over TCP. */
  readonly startupMs: number;
  /** Opens a mysql2/promise connection (optionally to `database`, with multipleStatements). Close it with `end()`. */
  connect(database?: string, options?: { multipleStatements?: boolean }): Promise<Connection>;
  /** Creates a fresh empty database with a unique name and returns the name. */
  createDatabase(prefix?: string): Promise<string>;
  /** Shuts the server down and deletes its directory; connections still open are destroyed. Idempotent. */
  stop(): Promise<void>;
}

const USER = 'cutover';
const DIR_PREFIX = 'cutover-mariadb-';
/** Not starting with DIR_PREFIX: the sweep must not take the template for a stale server directory. */
const TEMPLATE_PREFIX = 'cutover-mariadb.template-';
const STAGING_PREFIX = 'cutover-mariadb.staging-';
const INSTALL_TIMEOUT_MS = 120_000;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const EXIT_STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 5;
const INSTALL_HINT = 'Run `bash scripts/ensure-system-packages.sh` to install it (Debian package mariadb-server), then run the tests again.';

/** Options for the bootstrap in mariadb-install-db as well as for the server: the redo log size must agree. */
const ENGINE_OPTIONS = [
  '--innodb-buffer-pool-size=32M',
  '--innodb-log-file-size=8M',
  // io_uring/libaio are often unavailable in containers (seccomp); synchronous I/O is plenty for tests.
  '--innodb-use-native-aio=0',
];

const SERVER_OPTIONS = [
  '--bind-address=127.0.0.1',
  '--skip-name-resolve',
  '--skip-log-bin',
  '--local-infile=0',
  '--character-set-server=utf8mb4',
  '--default-time-zone=+00:00',
  '--innodb-flush-log-at-trx-commit=0',
  '--innodb-doublewrite=0',
  '--innodb-buffer-pool-load-at-startup=0',
  '--innodb-buffer-pool-dump-at-shutdown=0',
  '--key-buffer-size=1M',
  '--aria-pagecache-buffer-size=8M',
  '--table-open-cache=400',
];

export interface MariaDbBinaries {
  mariadbd: string;
  installDb: string;
}

/**
 * Finds `mariadbd` and `mariadb-install-db` in `dirs` (by default PATH, then the sbin and bin directories), or throws
 * an Error saying that MariaDB is not installed and how to install it.
 */
export function findMariaDbBinaries(dirs: string[] = defaultSearchDirs()): MariaDbBinaries {
  const mariadbd = findExecutable('mariadbd', dirs);
  if (!mariadbd) {
    throw new Error(`MariaDB is not installed: mariadbd was not found (looked in ${dirs.join(', ') || 'no directories'}), ` +
      `and the tests that need a real database server cannot run without it. ${INSTALL_HINT}`);
  }
  // mariadb-install-db is in bin, mariadbd in sbin; look next to mariadbd's prefix first.
  const installDb = findExecutable('mariadb-install-db', [path.join(path.dirname(mariadbd), '..', 'bin'), ...dirs]);
  if (!installDb) {
    throw new Error(`MariaDB is not completely installed: ${mariadbd} exists but mariadb-install-db was not found. ${INSTALL_HINT}`);
  }
  return { mariadbd, installDb };
}

/** Starts a private MariaDB server: temporary data directory, 127.0.0.1 only, a free port, its own socket and pid file. */
export async function startMariaDb(): Promise<MariaDb> {
  const started = performance.now();
  const binaries = findMariaDbBinaries();
  installExitHooks();
  const tmpRoot = temporaryRoot();
  sweepStaleDirectories(tmpRoot);

  const dir = fs.mkdtempSync(path.join(tmpRoot, DIR_PREFIX));
  const instance = new Instance(dir);
  const password = randomBytes(18).toString('hex');
  try {
    fs.writeFileSync(path.join(dir, 'owner'), `${process.pid}\n`);
    fs.mkdirSync(path.join(dir, 'files'));
    fs.mkdirSync(instance.tmpDir);
    await prepareDataDirectory(binaries, instance, tmpRoot);
    const { port, root } = await instance.startServer(binaries, performance.now() + READY_TIMEOUT_MS);
    try {
      await root.query(`CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`, [USER, password]);
      await root.query(`GRANT ALL PRIVILEGES ON *.* TO ?@'127.0.0.1' WITH GRANT OPTION`, [USER]);
    } catch (err) {
      throw new Error(`Could not create the MariaDB user ${USER}: ${redact(errorMessage(err), password)}`);
    } finally {
      await root.end().catch(() => root.destroy());
    }
    const server = new Server(instance, port, USER, password);
    instance.stop = () => server.stop();
    const version = await server.queryVersion();
    server.ready(version, Math.round(performance.now() - started));
    return server;
  } catch (err) {
    await instance.shutdown().catch(() => undefined);
    if (err instanceof Error) {
      err.message = redact(err.message, password);
      if (err.stack) err.stack = redact(err.stack, password);
    }
    throw err;
  }
}

let shared: Promise<MariaDb> | undefined;
let sharedServer: MariaDb | undefined;

/**
 * One server shared by all test files of one process, started on first use and stopped when the process exits.
 * Give each test its own database (`createDatabase()`) rather than sharing tables. If it could not start, every call
 * rejects with the same error instead of trying again.
 */
export function sharedMariaDb(): Promise<MariaDb> {
  shared ??= startMariaDb().then((server) => {
    sharedServer = server;
    return server;
  });
  return shared;
}

class Server implements MariaDb {
  readonly host = '127.0.0.1' as const;
  version = '';
  startupMs = 0;
  readonly #instance: Instance;
  readonly #connections = new Set<Connection>();
  #databases = 0;
  #stopping: Promise<void> | undefined;

  constructor(instance: Instance, readonly port: number, readonly user: string, readonly password: string) {
    this.#instance = instance;
  }

  get dir(): string { return this.#instance.dir; }
  get dataDir(): string { return this.#instance.dataDir; }
  get pid(): number { return this.#instance.child?.pid ?? -1; }

  ready(version: string, startupMs: number): void {
    this.version = version;
    this.startupMs = startupMs;
  }

  async connect(database?: string, options: { multipleStatements?: boolean } = {}): Promise<Connection> {
    if (this.#stopping) throw new Error('This MariaDB server has been stopped.');
    if (this.#instance.exitStatus !== undefined) {
      throw new Error(`The MariaDB server exited unexpectedly (${this.#instance.exitStatus}).\n${this.#instance.logTail()}`);
    }
    const connection = await createConnection({
      host: this.host,
      port: this.port,
      user: this.user,
      password: this.password,
      database,
      multipleStatements: options.multipleStatements ?? false,
    });
    this.#connections.add(connection);
    connection.once('end', () => this.#connections.delete(connection));
    return connection;
  }

  async createDatabase(prefix = 'db'): Promise<string> {
    const clean = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 48) || 'db';
    const name = `${clean}_${++this.#databases}`;
    const connection = await this.connect();
    try {
      await connection.query(`CREATE DATABASE \`${name}\``);
    } finally {
      await connection.end();
    }
    return name;
  }

  async queryVersion(): Promise<string> {
    const connection = await this.connect();
    try {
      const [rows] = await connection.query('SELECT VERSION() AS version');
      return String((rows as Array<{ version: string }>)[0].version);
    } finally {
      await connection.end();
    }
  }

  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      for (const connection of this.#connections) connection.destroy();
      this.#connections.clear();
      await this.#instance.shutdown();
      if (sharedServer === this) {
        shared = undefined;
        sharedServer = undefined;
      }
    })();
    return this.#stopping;
  }

  [inspect.custom](): string {
    const shown = { host: this.host, port: this.port, user: this.user, password: '<redacted>', version: this.version, dir: this.dir };
    return `MariaDb ${inspect(shown)}`;
  }
}

/** The temporary directory and the server process in it; registered for cleanup from creation until shutdown. */
class Instance {
  readonly dataDir: string;
  /** Private: servers sharing /tmp collide on the names of internal temporary tables (seen with parallel installs). */
  readonly tmpDir: string;
  readonly socket: string;
  readonly errorLog: string;
  child: ChildProcess | undefined;
  /** mariadb-install-db while it runs. */
  installer: ChildProcess | undefined;
  exitStatus: string | undefined;
  /** Stops the server through its MariaDb object once there is one (which also forgets a shared server). */
  stop: () => Promise<void> = () => this.shutdown();
  #exited: Promise<void> = Promise.resolve();
  #shutdown: Promise<void> | undefined;

  constructor(readonly dir: string) {
    this.dataDir = path.join(dir, 'data');
    this.tmpDir = path.join(dir, 'tmp');
    this.socket = path.join(dir, 'sock');
    this.errorLog = path.join(dir, 'error.log');
    instances.add(this);
  }

  /**
   * Spawns mariadbd on a free port and waits until it answers on its socket; returns the port and a root connection.
   * A port taken between choosing and binding it makes mariadbd exit at once: then another port is tried.
   */
  async startServer(binaries: MariaDbBinaries, deadline: number): Promise<{ port: number; root: Connection }> {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const logStart = fileSize(this.errorLog);
      this.#spawn(binaries.mariadbd, port);
      try {
        return { port, root: await this.#waitUntilReady(deadline) };
      } catch (err) {
        const portTaken = this.exitStatus !== undefined && /address already in use/i.test(readFrom(this.errorLog, logStart));
        if (!portTaken || attempt === PORT_ATTEMPTS) throw err;
      }
    }
  }

  #spawn(mariadbd: string, port: number): void {
    const args = [
      '--no-defaults',
      `--datadir=${this.dataDir}`,
      `--tmpdir=${this.tmpDir}`,
      `--socket=${this.socket}`,
      `--pid-file=${path.join(this.dir, 'pid')}`,
      `--log-error=${this.errorLog}`,
      `--secure-file-priv=${path.join(this.dir, 'files')}`,
      `--port=${port}`,
      ...userOption(),
      ...SERVER_OPTIONS,
      ...ENGINE_OPTIONS,
    ];
    // pdeathsig: the kernel kills the server when the thread that spawned it (node's main thread) dies.
    const setpriv = process.platform === 'linux' ? findExecutable('setpriv', defaultSearchDirs()) : undefined;
    const [command, commandArgs] = setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', mariadbd, ...args]] : [mariadbd, args];
    const stderr = fs.openSync(path.join(this.dir, 'stderr.log'), 'a');
    try {
      this.exitStatus = undefined;
      const child = spawn(command, commandArgs, { stdio: ['ignore', stderr, stderr] });
      this.child = child;
      this.#exited = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          this.exitStatus = signal ? `killed by ${signal}` : `exit code ${code}`;
          resolve();
        });
        child.once('error', (err) => {
          this.exitStatus ??= `could not be started: ${err.message}`;
          resolve();
        });
      });
      // The server must not keep the test process alive; beforeExit/exit stop it.
      child.unref();
    } finally {
      fs.closeSync(stderr);
    }
  }

  /** Polls the root socket until the server answers; returns that root connection. */
  async #waitUntilReady(deadline: number): Promise<Connection> {
    let lastError = 'no attempt';
    for (;;) {
      if (this.exitStatus !== undefined) {
        throw new Error(`mariadbd stopped before accepting connections (${this.exitStatus}).\n${this.logTail()}`);
      }
      try {
        return await createConnection({ socketPath: this.socket, user: 'root', connectTimeout: 5_000 });
      } catch (err) {
        lastError = errorMessage(err);
      }
      if (performance.now() > deadline) {
        throw new Error(`mariadbd did not accept connections within ${READY_TIMEOUT_MS / 1000} s ` +
          `(last attempt: ${lastError}).\n${this.logTail()}`);
      }
      await Promise.race([sleep(20), this.#exited]);
    }
  }

  logTail(lines = 30): string {
    const text = ['stderr.log', 'error.log']
      .map((name) => readFrom(path.join(this.dir, name), 0).trim())
      .filter(Boolean)
      .join('\n');
    const tail = text.split('\n').slice(-lines).join('\n');
    return tail ? `Last lines of the MariaDB error log:\n${tail}` : 'The MariaDB error log is empty.';
  }

  /** Stops the server cleanly (SIGTERM, then SIGKILL after a timeout) and deletes the directory. Idempotent. */
  shutdown(): Promise<void> {
    this.#shutdown ??= (async () => {
      if (this.installer) killProcessGroup(this.installer);
      const child = this.child;
      if (child && this.exitStatus === undefined) {
        child.ref(); // keep the event loop alive until the server has exited
        child.kill('SIGTERM');
        const timedOut = await Promise.race([this.#exited.then(() => false), sleep(STOP_TIMEOUT_MS, true, { ref: false })]);
        if (timedOut) {
          child.kill('SIGKILL');
          await this.#exited;
        }
      }
      fs.rmSync(this.dir, { recursive: true, force: true });
      instances.delete(this);
    })();
    return this.#shutdown;
  }

  /** For `exit` and signal handlers, where nothing asynchronous runs any more. */
  shutdownSync(): void {
    if (this.installer) {
      killProcessGroup(this.installer);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // let it die before deleting its files
    }
    const pid = this.child?.pid;
    if (pid !== undefined && this.exitStatus === undefined) {
      if (process.platform === 'linux') {
        signal(pid, 'SIGTERM');
        if (!waitForExitSync(pid, EXIT_STOP_TIMEOUT_MS)) {
          signal(pid, 'SIGKILL');
          waitForExitSync(pid, EXIT_STOP_TIMEOUT_MS);
        }
      } else {
        signal(pid, 'SIGKILL');
      }
    }
    try {
      fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // best effort: the next startMariaDb() sweeps directories whose owner is gone
    }
    instances.delete(this);
  }
}

const instances = new Set<Instance>();
let hooksInstalled = false;
let draining = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('beforeExit', () => {
    if (draining || instances.size === 0) return;
    draining = true;
    void Promise.allSettled([...instances].map((instance) => instance.stop())).finally(() => { draining = false; });
  });
  process.on('exit', () => {
    for (const instance of [...instances]) instance.shutdownSync();
  });
  const onSignal = (name: NodeJS.Signals): void => {
    for (const instance of [...instances]) instance.shutdownSync();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    // Without other listeners, re-raise so the process ends the way it would have without this hook.
    if (process.listenerCount(name) === 0) process.kill(process.pid, name);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
}
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Fills the instance's data directory. mariadb-install-db takes most of the start-up time (it loads the help tables
 * and the sys schema), so its result is kept as a template in the temporary directory, keyed by the MariaDB binaries
 * and the options, and later servers (other test processes) start from a copy, the way MariaDB's own mysql-test-run
 * does. Delete the `cutover-mariadb.template-*` directory to force a fresh install, or set
 * CUTOVER_MARIADB_NO_TEMPLATE=1 to neither use nor save one.
 */
async function prepareDataDirectory(binaries: MariaDbBinaries, instance: Instance, tmpRoot: string): Promise<void> {
  const template = templateDirectory(binaries, tmpRoot);
  if (template && isOwnPrivateDirectory(template) && fs.existsSync(path.join(template, 'complete'))) {
    try {
      copyDirectory(path.join(template, 'data'), instance.dataDir);
      return;
    } catch {
      fs.rmSync(instance.dataDir, { recursive: true, force: true });
    }
  }
  await installDataDirectory(binaries, instance);
  if (template) saveTemplate(instance.dataDir, template, tmpRoot);
}

function templateDirectory(binaries: MariaDbBinaries, tmpRoot: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined || process.env.CUTOVER_MARIADB_NO_TEMPLATE === '1') return undefined;
  try {
    const identity = [binaries.mariadbd, binaries.installDb].map((file) => {
      const stat = fs.statSync(fs.realpathSync(file));
      return [fs.realpathSync(file), stat.size, stat.mtimeMs];
    });
    const key = createHash('sha256').update(JSON.stringify([identity, ENGINE_OPTIONS, INIT_SQL, uid])).digest('hex').slice(0, 16);
    return path.join(tmpRoot, `${TEMPLATE_PREFIX}${key}`);
  } catch {
    return undefined;
  }
}

/** A directory created by mkdtemp of this user (mode 0700): nobody else can have planted or changed it. */
function isOwnPrivateDirectory(dir: string): boolean {
  try {
    const stat = fs.lstatSync(dir);
    return stat.isDirectory() && stat.uid === process.getuid?.() && (stat.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/** Best effort: copies a freshly installed, never started data directory into place as the template, atomically. */
function saveTemplate(dataDir: string, template: string, tmpRoot: string): void {
  let staging: string | undefined;
  try {
    staging = fs.mkdtempSync(path.join(tmpRoot, STAGING_PREFIX));
    copyDirectory(dataDir, path.join(staging, 'data'));
    fs.writeFileSync(path.join(staging, 'complete'), '');
    fs.renameSync(staging, template); // fails if another process saved one first: then theirs is used
    staging = undefined;
  } catch {
    // no template this time
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

function copyDirectory(from: string, to: string): void {
  fs.mkdirSync(to, { mode: 0o700 });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyDirectory(source, target);
    else if (entry.isFile()) fs.copyFileSync(source, target);
    else throw new Error(`unexpected file in a MariaDB data directory: ${source}`);
  }
}

// mariadb-install-db's "normal" root also exists as root@127.0.0.1, root@::1 and root@<hostname>, without a
// password: drop all but root@localhost (the socket, inside our private directory) before the server listens.
const INIT_SQL = [
  "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host <> 'localhost';",
  "DELETE FROM mysql.proxies_priv WHERE Host <> 'localhost';",
  '',
].join('\n');

async function installDataDirectory(binaries: MariaDbBinaries, instance: Instance): Promise<void> {
  const initSql = path.join(instance.dir, 'init.sql');
  fs.writeFileSync(initSql, INIT_SQL);
  const args = [
    '--no-defaults', // must come first
    `--datadir=${instance.dataDir}`,
    `--tmpdir=${instance.tmpDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--skip-name-resolve',
    `--extra-file=${initSql}`,
    ...userOption(),
    ...ENGINE_OPTIONS,
  ];
  const logPath = path.join(instance.dir, 'install.log');
  const log = fs.openSync(logPath, 'a');
  let status: string;
  try {
    // In its own process group: the script pipes the SQL into `mariadbd --bootstrap`, which must die with it.
    const child = spawn(binaries.installDb, args, { stdio: ['ignore', log, log], detached: true });
    instance.installer = child;
    status = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => { killProcessGroup(child); resolve(`timed out after ${INSTALL_TIMEOUT_MS / 1000} s`); }, INSTALL_TIMEOUT_MS);
      child.once('exit', (code, sig) => { clearTimeout(timer); resolve(code === 0 ? 'ok' : sig ? `killed by ${sig}` : `exit code ${code}`); });
      child.once('error', (err) => { clearTimeout(timer); resolve(`could not be started: ${err.message}`); });
    });
  } finally {
    instance.installer = undefined;
    fs.closeSync(log);
  }
  if (status !== 'ok') {
    // Its output ends in a long generic help text: show the errors and warnings before it.
    const lines = readFrom(logPath, 0).trim().split('\n');
    const errors = lines.filter((line) => /\bERROR\b|\[Warning\]/.test(line)).slice(-20);
    const shown = errors.length > 0 ? errors : lines.slice(-30);
    throw new Error(`mariadb-install-db failed (${status}).\nErrors in its output:\n${shown.join('\n')}`);
  }
}

/**
 * Removes directories of servers whose test process is gone (killed before it could clean up), killing such a server
 * if it somehow still runs. Directories of live processes, and fresh ones not yet claimed, are left alone.
 */
function sweepStaleDirectories(tmpRoot: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(tmpRoot, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(tmpRoot, entry.name);
    if (entry.name.startsWith(STAGING_PREFIX)) {
      try {
        if (Date.now() - fs.statSync(dir).mtimeMs > 10 * 60_000 && isOwnPrivateDirectory(dir)) fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // gone already
      }
      continue;
    }
    if (!entry.name.startsWith(DIR_PREFIX)) continue;
    try {
      const owner = Number.parseInt(readFrom(path.join(dir, 'owner'), 0), 10);
      if (Number.isNaN(owner)) {
        if (Date.now() - fs.statSync(dir).mtimeMs < 10 * 60_000) continue;
      } else if (processExists(owner)) {
        continue;
      }
      const serverPid = Number.parseInt(readFrom(path.join(dir, 'pid'), 0), 10);
      if (!Number.isNaN(serverPid) && processExists(serverPid) && process.platform === 'linux') {
        const cmdline = readFrom(`/proc/${serverPid}/cmdline`, 0);
        if (cmdline.includes(`--datadir=${path.join(dir, 'data')}`)) {
          signal(serverPid, 'SIGKILL');
          waitForExitSync(serverPid, 2_000);
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // someone else's directory, or a race with its owner: leave it
    }
  }
}

function temporaryRoot(): string {
  const root = os.tmpdir();
  // Unix socket paths are limited to about 104 bytes; a long TMPDIR (macOS) falls back to /tmp.
  return path.join(root, `${DIR_PREFIX}XXXXXX`, 'sock').length < 100 || !fs.existsSync('/tmp') ? root : '/tmp';
}

function userOption(): string[] {
  // mariadbd refuses to run as root unless told so; as another user the option is not needed.
  return process.getuid?.() === 0 ? ['--user=root'] : [];
}

function defaultSearchDirs(): string[] {
  const fromPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...new Set([...fromPath, '/usr/sbin', '/usr/local/sbin', '/usr/bin', '/usr/local/bin'])];
}

function findExecutable(name: string, dirs: string[]): string | undefined {
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return path.resolve(file);
    } catch {
      // not here
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Linux: waits until the process is gone or a zombie (its parent, maybe us, has not reaped it yet). */
function waitForExitSync(pid: number, timeoutMs: number): boolean {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return true;
    }
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return true;
    if (Date.now() > deadline) return false;
    Atomics.wait(pause, 0, 0, 10);
  }
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function readFrom(file: string, offset: number): string {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('<redacted>') : text;
}
