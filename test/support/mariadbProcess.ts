/**
 * The mariadbd process of a test server: finding the binaries, starting it on a free port, waiting until it answers,
 * stopping it, and the exit hooks and signal handlers that stop every server still running when the test process ends.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection, createConnection } from 'mysql2/promise';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const EXIT_STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 5;
const INSTALL_HINT = 'Run `bash scripts/ensure-system-packages.sh` to install it (Debian package mariadb-server), then run the tests again.';

/** Options for the bootstrap in mariadb-install-db as well as for the server: the redo log size must agree. */
export const ENGINE_OPTIONS = [
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

/** The temporary directory and the server process in it; registered for cleanup from creation until shutdown. */
export class Instance {
  readonly dataDir: string;
  /** Private: servers sharing /tmp collide on the names of internal temporary tables (seen with parallel installs). */
  readonly tmpDir: string;
  readonly socket: string;
  readonly errorLog: string;
  child: ChildProcess | undefined;
  /** mariadb-install-db while it runs, so that a shutdown during the install kills it too. */
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
  async startServer(binaries: MariaDbBinaries): Promise<{ port: number; root: Connection }> {
    const deadline = performance.now() + READY_TIMEOUT_MS;
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
      '--no-defaults', // never read the system's option files
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
    // pdeathsig: the kernel kills the server when the thread that spawned it (node's main thread) dies, even by SIGKILL.
    const setpriv = process.platform === 'linux' ? findExecutable('setpriv', defaultSearchDirs()) : undefined;
    const [command, commandArgs] = setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', mariadbd, ...args]] : [mariadbd, args];
    const stderr = fs.openSync(path.join(this.dir, 'stderr.log'), 'a');
    try {
      this.exitStatus = undefined;
      const child = spawn(command, commandArgs, { stdio: ['ignore', stderr, stderr] });
      this.child = child;
      this.#exited = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          this.exitStatus = describeExit(code, signal);
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
      .map((name) => readFrom(path.join(this.dir, name)).trim())
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
        child.kill('SIGTERM'); // MariaDB's clean shutdown
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
      sleepSync(100); // let it die before deleting its files
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
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let hooksInstalled = false;
let draining = false;

/** Stops the servers still running when the test process ends: see the cleanup order at the top of mariadb.ts. */
export function installExitHooks(): void {
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

export function userOption(): string[] {
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

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

/** Kills a child spawned with `detached: true` together with the processes it started. */
export function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Linux: waits until the process is gone or a zombie (its parent, maybe us, has not reaped it yet). */
export function waitForExitSync(pid: number, timeoutMs: number): boolean {
  const deadline = Date.now() + timeoutMs;
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
    sleepSync(10);
  }
}

/** Blocks the thread: in `exit` and signal handlers there is no event loop to wait on. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The file's text from byte `offset` on, or '' if it cannot be read. */
export function readFrom(file: string, offset = 0): string {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
