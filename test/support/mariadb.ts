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
 *
 * The server process and the exit hooks are in mariadbProcess.ts, the data directory and its template in mariadbDataDir.ts.
 */
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { Connection, createConnection } from 'mysql2/promise';
import { createServerDirectory, prepareServerDirectory, sweepStaleDirectories, temporaryRoot } from './mariadbDataDir';
import { errorMessage, findMariaDbBinaries, installExitHooks, Instance } from './mariadbProcess';

export { findMariaDbBinaries };
export type { MariaDbBinaries } from './mariadbProcess';

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

/** Starts a private MariaDB server: temporary data directory, 127.0.0.1 only, a free port, its own socket and pid file. */
export async function startMariaDb(): Promise<MariaDb> {
  const started = performance.now();
  const binaries = findMariaDbBinaries();
  installExitHooks();
  const tmpRoot = temporaryRoot();
  sweepStaleDirectories(tmpRoot);

  const instance = new Instance(createServerDirectory(tmpRoot));
  const password = randomBytes(18).toString('hex');
  try {
    await prepareServerDirectory(binaries, instance, tmpRoot);
    const { port, root } = await instance.startServer(binaries);
    try {
      await root.query(`CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`, [USER, password]);
      await root.query(`GRANT ALL PRIVILEGES ON *.* TO ?@'127.0.0.1' WITH GRANT OPTION`, [USER]);
    } catch (err) {
      throw new Error(`Could not create the MariaDB user ${USER}: ${errorMessage(err)}`);
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
    // Errors from the server or the driver may quote the statement that set the password.
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

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('<redacted>') : text;
}
