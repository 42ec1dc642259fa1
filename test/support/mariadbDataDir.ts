/**
 * The temporary directory of a test server: creating and filling it (mariadb-install-db, or a copy of a cached
 * template of its result), and sweeping the directories that killed test processes left behind.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  describeExit, ENGINE_OPTIONS, Instance, killProcessGroup, MariaDbBinaries, readFrom, signal, userOption, waitForExitSync,
} from './mariadbProcess';

const DIR_PREFIX = 'cutover-mariadb-';
/** Not starting with DIR_PREFIX: the sweep must not take the template for a stale server directory. */
const TEMPLATE_PREFIX = 'cutover-mariadb.template-';
const STAGING_PREFIX = 'cutover-mariadb.staging-';
/** A directory without an owner yet, or a staging directory, this old is abandoned rather than still being set up. */
const ABANDONED_AFTER_MS = 10 * 60_000;
const INSTALL_TIMEOUT_MS = 120_000;

// mariadb-install-db's "normal" root also exists as root@127.0.0.1, root@::1 and root@<hostname>, without a
// password: drop all but root@localhost (the socket, inside our private directory) before the server listens.
const INIT_SQL = [
  "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host <> 'localhost';",
  "DELETE FROM mysql.proxies_priv WHERE Host <> 'localhost';",
  '',
].join('\n');

/** Where server directories go: the system's temporary directory, unless it is too long for a socket path. */
export function temporaryRoot(): string {
  const root = os.tmpdir();
  // Unix socket paths are limited to about 104 bytes; a long TMPDIR (macOS) falls back to /tmp.
  return path.join(root, `${DIR_PREFIX}XXXXXX`, 'sock').length < 100 || !fs.existsSync('/tmp') ? root : '/tmp';
}

/** A new private directory (mode 0700) for one server. */
export function createServerDirectory(tmpRoot: string): string {
  return fs.mkdtempSync(path.join(tmpRoot, DIR_PREFIX));
}

/** Fills the server directory: the owner's pid (for the sweep), secure-file-priv's directory, tmpdir and data. */
export async function prepareServerDirectory(binaries: MariaDbBinaries, instance: Instance, tmpRoot: string): Promise<void> {
  fs.writeFileSync(path.join(instance.dir, 'owner'), `${process.pid}\n`);
  fs.mkdirSync(path.join(instance.dir, 'files'));
  fs.mkdirSync(instance.tmpDir);
  await prepareDataDirectory(binaries, instance, tmpRoot);
}

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
      child.once('exit', (code, sig) => { clearTimeout(timer); resolve(code === 0 ? 'ok' : describeExit(code, sig)); });
      child.once('error', (err) => { clearTimeout(timer); resolve(`could not be started: ${err.message}`); });
    });
  } finally {
    instance.installer = undefined;
    fs.closeSync(log);
  }
  if (status !== 'ok') {
    // Its output ends in a long generic help text: show the errors and warnings before it.
    const lines = readFrom(logPath).trim().split('\n');
    const errors = lines.filter((line) => /\bERROR\b|\[Warning\]/.test(line)).slice(-20);
    const shown = errors.length > 0 ? errors : lines.slice(-30);
    throw new Error(`mariadb-install-db failed (${status}).\nErrors in its output:\n${shown.join('\n')}`);
  }
}

/**
 * Removes directories of servers whose test process is gone (killed before it could clean up), killing such a server
 * if it somehow still runs, and abandoned template staging directories. Directories of live processes, and fresh ones
 * not yet claimed, are left alone.
 */
export function sweepStaleDirectories(tmpRoot: string): void {
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
        if (isAbandoned(dir) && isOwnPrivateDirectory(dir)) fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // gone already
      }
      continue;
    }
    if (!entry.name.startsWith(DIR_PREFIX)) continue;
    try {
      const owner = Number.parseInt(readFrom(path.join(dir, 'owner')), 10);
      if (Number.isNaN(owner)) {
        if (!isAbandoned(dir)) continue;
      } else if (processExists(owner)) {
        continue;
      }
      killLeftoverServer(Number.parseInt(readFrom(path.join(dir, 'pid')), 10), path.join(dir, 'data'));
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // someone else's directory, or a race with its owner: leave it
    }
  }
}

/** Whether `dir` was last modified long ago; throws if it is gone. */
function isAbandoned(dir: string): boolean {
  return Date.now() - fs.statSync(dir).mtimeMs > ABANDONED_AFTER_MS;
}

/** Kills a server left running by a test process that is gone, if `pid` still is that server (Linux only). */
function killLeftoverServer(pid: number, dataDir: string): void {
  if (Number.isNaN(pid) || !processExists(pid) || process.platform !== 'linux') return;
  // The pid may have been reused by an unrelated process: check its command line first.
  if (readFrom(`/proc/${pid}/cmdline`).includes(`--datadir=${dataDir}`)) {
    signal(pid, 'SIGKILL');
    waitForExitSync(pid, 2_000);
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
