/**
 * Running the PlanetScale CLI `pscale`: listing a database's branches and starting a `pscale connect` proxy.
 * Always run with an argument array (never through a shell). Error messages quote pscale's output only after
 * `redactSecrets`, so passwords (`plain_text`, `password`, `pscale_pw_…`) never reach a log or a notification.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** A branch as `pscale branch list --format json` describes it (its field names), with defaults for missing fields. */
export interface PscaleBranch {
  name: string;
  parent_branch?: string;
  /** False when pscale does not say. */
  production: boolean;
  /** True when pscale does not say (older pscale versions do not print it). */
  ready: boolean;
  /** False when pscale does not say. */
  safe_migrations: boolean;
  region?: { slug: string; display_name?: string };
  created_at?: string;
  updated_at?: string;
  html_url?: string;
}

export interface PscaleOptions {
  /** The executable; `pscale` (found on PATH) by default. */
  pscalePath?: string;
  org?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface ProxyOptions extends PscaleOptions {
  /** The local port asked for (pscale's default, 3306, when absent); pscale picks a random one when it is busy. */
  port?: number;
  /** Every line pscale prints, ANSI colours removed and secrets redacted. */
  onOutput?: (line: string) => void;
}

export interface PscaleProxy {
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  readonly exited: boolean;
  /** Called once when the proxy process ends (at once, asynchronously, if it already has). */
  onExit(cb: (code: number | null, signal: NodeJS.Signals | null) => void): { dispose(): void };
  /** Ends the proxy process and its process group; resolves once it has exited. Safe to call more than once. */
  stop(): Promise<void>;
}

export const NOT_FOUND_MESSAGE = 'pscale was not found on PATH; install the PlanetScale CLI or use a direct connection';

export class PscaleNotFoundError extends Error {
  readonly code = 'PSCALE_NOT_FOUND';
  constructor(pscalePath?: string) {
    super(pscalePath
      ? `pscale was not found at ${pscalePath}; install the PlanetScale CLI or use a direct connection`
      : NOT_FOUND_MESSAGE);
    this.name = 'PscaleNotFoundError';
  }
}

const DEFAULT_LIST_TIMEOUT_MS = 60_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const TAIL_LINES = 12;
const REDACTED = '[redacted]';

export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '');
}

/** Removes passwords and tokens from text pscale printed (JSON fields, `key: value` pairs, URLs, pscale tokens). */
export function redactSecrets(text: string): string {
  const keys = 'plain_text|plainText|password|passwd|pwd|secret|access_token|service_token|token';
  return text
    .replace(new RegExp(`("(?:${keys})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`)
    .replace(new RegExp(`(?<![A-Za-z0-9])((?:${keys}|plain text)\\s*[:=]\\s*)(?!"\\[redacted\\]")(?:"[^"\\r\\n]*"|'[^'\\r\\n]*'|[^\\s,;}]+)`, 'gi'), `$1${REDACTED}`)
    .replace(/\bpscale_(pw|tkn|oauth)_[A-Za-z0-9_-]+/g, `pscale_$1_${REDACTED}`)
    .replace(/(\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:@/]*:)[^\s@/]+@/g, `$1${REDACTED}@`);
}

function quoteOutput(text: string, max = 200): string {
  const clean = redactSecrets(stripAnsi(text.trim()));
  return clean.length > max ? clean.slice(0, max) + '…' : clean;
}

function lastLines(text: string, count = 5): string {
  const lines = redactSecrets(stripAnsi(text)).split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  return lines.slice(-count).join('\n').slice(-1000);
}

function checkName(kind: string, value: string): void {
  if (value === '' || value.startsWith('-') || /[\0\r\n]/.test(value)) throw new Error(`Not a valid PlanetScale ${kind} name: ${JSON.stringify(value)}`);
}

function orgArgs(org: string | undefined): string[] {
  if (org === undefined || org === '') return [];
  checkName('organization', org);
  return ['--org', org];
}

function spawnError(err: NodeJS.ErrnoException, options: PscaleOptions): Error {
  if (err.code === 'ENOENT') {
    if (options.cwd !== undefined && !fs.existsSync(options.cwd)) return new Error(`Cannot run pscale: the folder ${options.cwd} does not exist`);
    return new PscaleNotFoundError(options.pscalePath);
  }
  if (err.code === 'EACCES') return new Error(`Cannot run pscale: ${options.pscalePath ?? 'pscale'} is not executable`);
  return new Error(`Cannot run pscale: ${redactSecrets(err.message)}`);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function branchFrom(item: unknown): PscaleBranch | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const o = item as Record<string, unknown>;
  const name = str(o.name);
  if (!name) return undefined;
  const branch: PscaleBranch = {
    name,
    production: o.production === true,
    ready: typeof o.ready === 'boolean' ? o.ready : true,
    safe_migrations: o.safe_migrations === true,
  };
  const parent = str(o.parent_branch);
  if (parent) branch.parent_branch = parent;
  const region = (typeof o.region === 'object' && o.region !== null ? o.region : { slug: o.region }) as Record<string, unknown>;
  const slug = str(region.slug);
  const display = str(region.display_name);
  if (slug) branch.region = display ? { slug, display_name: display } : { slug };
  for (const key of ['created_at', 'updated_at', 'html_url'] as const) {
    const v = str(o[key]);
    if (v) branch[key] = v;
  }
  return branch;
}

/** Parses the output of `pscale branch list <db> --format json`; entries without a name are skipped. */
export function parseBranchList(json: string): PscaleBranch[] {
  if (json.trim() === '') throw new Error('pscale branch list printed nothing (expected a JSON array of branches)');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`pscale branch list did not print JSON: ${quoteOutput(json)}`);
  }
  if (data === null) return [];
  if (!Array.isArray(data)) throw new Error(`pscale branch list printed JSON that is not an array of branches: ${quoteOutput(json)}`);
  return data.map(branchFrom).filter((b): b is PscaleBranch => b !== undefined);
}

/** Runs `pscale branch list <database> --format json [--org <org>]`. */
export async function listBranches(database: string, options: PscaleOptions = {}): Promise<PscaleBranch[]> {
  checkName('database', database);
  const args = ['branch', 'list', database, '--format', 'json', ...orgArgs(options.org)];
  const timeout = options.timeoutMs ?? DEFAULT_LIST_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(options.pscalePath ?? 'pscale', args,
      { cwd: options.cwd, env: options.env, timeout, maxBuffer: 32 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null };
          if (typeof e.code === 'string' && e.code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') { reject(spawnError(e, options)); return; }
          const output = lastLines(`${stderr}\n${stdout}`);
          const why = e.killed && e.signal ? `timed out after ${Math.round(timeout / 1000)}s` : typeof e.code === 'number' ? `exit code ${e.code}` : `signal ${e.signal ?? 'unknown'}`;
          reject(new Error(`pscale branch list ${database} failed (${why})${output ? `: ${output}` : ''}`));
          return;
        }
        try {
          resolve(parseBranchList(stdout));
        } catch (err) {
          reject(err);
        }
      });
  });
}

/** The host and port of a `Local address to connect your application: <host:port>` line, if it is one. */
export function parseLocalAddress(line: string): { host: string; port: number } | undefined {
  const m = /Local address to connect your application:\s*(\S+)/.exec(stripAnsi(line));
  if (!m) return undefined;
  const a = /^\[([^\]]+)\]:(\d{1,5})$/.exec(m[1]) ?? /^([^:\s]+):(\d{1,5})$/.exec(m[1]);
  if (!a) return undefined;
  const port = Number(a[2]);
  return port >= 1 && port <= 65535 ? { host: a[1], port } : undefined;
}

function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true }, () => undefined);
    return;
  }
  try {
    process.kill(-child.pid, signal); // the whole process group: pscale was started as its leader
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

/**
 * Spawns `pscale connect <database> <branch> [--port N] [--org O]` and resolves once it prints its local address.
 * Rejects if it exits first or prints no address within `timeoutMs` (30 s by default; the process is then stopped),
 * quoting the last lines of its output. pscale leads its own process group (so `stop()` ends its children too) and
 * is not ended when the caller exits: call `stop()` when done (e.g. on deactivation).
 */
export async function startProxy(database: string, branch: string, options: ProxyOptions = {}): Promise<PscaleProxy> {
  checkName('database', database);
  checkName('branch', branch);
  const args = ['connect', database, branch];
  if (options.port !== undefined) {
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error(`Not a valid port: ${options.port}`);
    args.push('--port', String(options.port));
  }
  args.push(...orgArgs(options.org));
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;

  return new Promise((resolve, reject) => {
    const child = spawn(options.pscalePath ?? 'pscale', args, {
      cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true,
    });
    const tail: string[] = [];
    const listeners = new Set<(code: number | null, signal: NodeJS.Signals | null) => void>();
    let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    let stopping: Promise<void> | undefined;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));

    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const outputTail = (): string => (tail.length ? `:\n${tail.slice(-TAIL_LINES).join('\n')}` : ' (it printed nothing)');
    const onLine = (raw: string): void => {
      const line = redactSecrets(stripAnsi(raw)).trimEnd();
      if (line.trim() === '') return;
      tail.push(line);
      if (tail.length > TAIL_LINES * 2) tail.splice(0, tail.length - TAIL_LINES);
      options.onOutput?.(line);
      const address = parseLocalAddress(raw);
      if (address) settle(() => resolve(proxy(address)));
    };
    const reader = (stream: NodeJS.ReadableStream | null): { flush(): void } => {
      let buffer = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        lines.forEach(onLine);
        // Some pscale versions end the address line without a newline: accept it once the address is complete.
        if (!settled && /Local address to connect your application:\s*\S+\s/.test(stripAnsi(buffer))) {
          const address = parseLocalAddress(buffer);
          if (address) { onLine(buffer); buffer = ''; }
        }
        if (buffer.length > 64 * 1024) { onLine(buffer); buffer = ''; }
      });
      return { flush: () => { if (buffer) onLine(buffer); buffer = ''; } };
    };
    const out = reader(child.stdout);
    const err = reader(child.stderr);

    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        if (exitInfo) return;
        signalTree(child, 'SIGTERM');
        const kill = setTimeout(() => signalTree(child, 'SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(kill);
      })();
      return stopping;
    };
    const proxy = (address: { host: string; port: number }): PscaleProxy => ({
      host: address.host,
      port: address.port,
      pid: child.pid as number,
      get exited() { return exitInfo !== undefined; },
      onExit(cb) {
        const info = exitInfo;
        if (info) { setImmediate(() => cb(info.code, info.signal)); return { dispose: () => undefined }; }
        listeners.add(cb);
        return { dispose: () => { listeners.delete(cb); } };
      },
      stop,
    });

    const timer = setTimeout(() => settle(() => {
      void stop();
      reject(new Error(`pscale connect ${database} ${branch} printed no local address within ${timeoutMs / 1000}s${outputTail()}`));
    }), timeoutMs);

    child.once('error', (e: NodeJS.ErrnoException) => settle(() => reject(spawnError(e, options))));
    let closed = false;
    const earlyExit = (): void => {
      if (closed) return;
      closed = true;
      out.flush();
      err.flush();
      const info = exitInfo;
      const how = info?.signal ? `signal ${info.signal}` : `exit code ${info?.code ?? 'unknown'}`;
      settle(() => reject(new Error(`pscale connect ${database} ${branch} exited (${how}) before the proxy was ready${outputTail()}`)));
    };
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      for (const cb of listeners) cb(code, signal);
      listeners.clear();
      // Output may still be in the pipes: wait for them to close (or a moment, if something else holds them open).
      if (!settled) setTimeout(earlyExit, 500).unref();
    });
    child.once('close', earlyExit);
  });
}
