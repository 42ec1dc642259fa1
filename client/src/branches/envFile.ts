/**
 * Reading and editing an application's `.env` file so that it points at a PlanetScale branch.
 *
 * Semantics follow phpdotenv (Laravel) and symfony/dotenv, which agree on what matters here:
 * - `KEY=value`, optionally `export KEY=value`, blanks around `=` allowed; `#` starts a comment at the start of a line,
 *   or after whitespace in an unquoted value; after a closing quote the rest of the line is ignored.
 * - Single quotes are literal (no escapes, no `${VAR}` interpolation). Double quotes understand `\"`, `\\`, `\$`,
 *   `\n`, `\r`, `\t` (others are kept as written). Quoted values may span several lines.
 * - When a key appears more than once the LAST occurrence wins (phpdotenv, symfony/dotenv and the `dotenv` npm
 *   package all behave so), so `updateEnv` edits the last occurrence and leaves the earlier, dead ones alone.
 * `parseEnv` does not interpolate `${VAR}`: values are returned as written (after unquoting).
 *
 * Writing values: a value without blanks, `#`, quotes, backticks, `\` or `$` is written bare; otherwise single quotes
 * are preferred (literal in every loader, no interpolation of `$`), and double quotes with escapes are used when the
 * value holds a `'` or a line break. An existing value's quoting is kept: a double-quoted value stays double-quoted, a
 * single-quoted one stays single-quoted unless the new value cannot be single-quoted.
 */

export type EnvFlavour = 'laravel' | 'database-url';

export interface EnvConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
}

type Quote = '"' | "'" | '';

interface Assignment {
  key: string;
  /** Offsets in the text of the value as written, quotes included. */
  valueStart: number;
  valueEnd: number;
  quote: Quote;
  value: string;
}

const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const HEAD = /^[ \t\uFEFF]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;

/** Finds every well-formed assignment in the text, in order, with the exact span of its value. */
function scan(text: string): Assignment[] {
  const found: Assignment[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const contentEnd = lineEnd > pos && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let next = nl < 0 ? text.length : nl + 1;
    const head = HEAD.exec(text.slice(pos, contentEnd));
    if (head) {
      const valueStart = pos + head[0].length;
      const first = text[valueStart];
      if (first === '"' || first === "'") {
        const close = findClosingQuote(text, valueStart + 1, first);
        if (close >= 0) {
          const raw = text.slice(valueStart + 1, close);
          found.push({ key: head[1], valueStart, valueEnd: close + 1, quote: first, value: first === '"' ? unescapeDouble(raw) : raw });
          const after = text.indexOf('\n', close);
          next = after < 0 ? text.length : after + 1;
        }
        // An unclosed quote: the line is not an assignment we understand; it is kept as it is.
      } else {
        let valueEnd = contentEnd;
        for (let i = valueStart; i < contentEnd; i++) {
          if (text[i] === '#' && (i === valueStart || text[i - 1] === ' ' || text[i - 1] === '\t')) { valueEnd = i; break; }
        }
        while (valueEnd > valueStart && (text[valueEnd - 1] === ' ' || text[valueEnd - 1] === '\t')) valueEnd--;
        found.push({ key: head[1], valueStart, valueEnd, quote: '', value: text.slice(valueStart, valueEnd) });
      }
    }
    pos = next;
  }
  return found;
}

function findClosingQuote(text: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') { i++; continue; }
    if (c === quote) return i;
  }
  return -1;
}

const UNESCAPES: Record<string, string> = { '"': '"', '\\': '\\', $: '$', n: '\n', r: '\r', t: '\t' };

function unescapeDouble(raw: string): string {
  return raw.replace(/\\([\s\S])/g, (whole, c: string) => UNESCAPES[c] ?? whole);
}

/** Reads the variables of a `.env` file (last occurrence wins; no interpolation). */
export function parseEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const a of scan(text)) values.set(a.key, a.value);
  return values;
}

function needsQuotes(value: string): boolean {
  return /[\s#"'`$\\]/.test(value);
}

function canSingleQuote(value: string): boolean {
  return !/['\r\n]/.test(value);
}

function doubleQuoted(value: string): string {
  const escaped = value.replace(/[\\"$\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\' + c));
  return `"${escaped}"`;
}

/** How a value is written, given the quoting of the value it replaces ('' for bare or a new key). */
export function formatEnvValue(value: string, existing: Quote = ''): string {
  if (existing === '"') return doubleQuoted(value);
  if (existing === "'" && canSingleQuote(value)) return `'${value}'`;
  if (!needsQuotes(value)) return value;
  return canSingleQuote(value) ? `'${value}'` : doubleQuoted(value);
}

function lineEnding(text: string): string {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Sets the given keys (an undefined value leaves the key alone) and changes nothing else: the value of the last
 * occurrence of an existing key is replaced in place (its `export`, spacing, trailing comment and line ending stay);
 * missing keys are appended at the end, in the order given, with the file's dominant line ending (LF on a tie), and the
 * file keeps or lacks its final newline as before. `changed` lists the keys whose value differs (updated or appended).
 */
export function updateEnv(text: string, values: Record<string, string | undefined>): { text: string; changed: string[] } {
  const assignments = scan(text);
  const last = new Map<string, Assignment>();
  for (const a of assignments) last.set(a.key, a);
  const edits: { start: number; end: number; replacement: string }[] = [];
  const appended: string[] = [];
  const changed: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (!KEY_NAME.test(key)) throw new Error(`Not a valid .env variable name: ${JSON.stringify(key)}`);
    const current = last.get(key);
    if (!current) {
      appended.push(`${key}=${formatEnvValue(value)}`);
      changed.push(key);
      continue;
    }
    if (current.value === value) continue;
    let replacement = formatEnvValue(value, current.quote);
    // An empty bare value directly followed by a comment: keep the new value and the `#` apart.
    if (current.quote === '' && text[current.valueEnd] === '#') replacement += ' ';
    edits.push({ start: current.valueStart, end: current.valueEnd, replacement });
    changed.push(key);
  }
  let out = text;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  if (appended.length > 0) {
    const eol = lineEnding(text);
    if (out.length === 0) out = appended.join(eol) + eol;
    else if (out.endsWith('\n')) out += appended.join(eol) + eol;
    else out += eol + appended.join(eol);
  }
  return { text: out, changed };
}

/** Which convention the file follows: Laravel's `DB_*` variables, or a single `DATABASE_URL` (Symfony, Prisma). */
export function detectFlavour(existing: Map<string, string>): EnvFlavour | undefined {
  if (['DB_HOST', 'DB_DATABASE', 'DB_USERNAME', 'DB_CONNECTION', 'DB_PORT'].some((k) => existing.has(k))) return 'laravel';
  if (existing.has('DATABASE_URL')) return 'database-url';
  return undefined;
}

const MYSQL_SCHEMES = new Set(['mysql', 'mysql2', 'mysqli', 'pdo-mysql', 'pdo_mysql', 'mariadb']);

function encodeComponent(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * A connection URL `scheme://user:password@host:port/database` for the connection. The scheme (when it is a MySQL
 * one), query string and fragment of `previous` are kept; user, password and database are percent-encoded; an IPv6
 * host is bracketed; a missing or empty password leaves out `:password`.
 */
export function connectionUrl(conn: EnvConnection, previous?: string): string {
  const m = previous === undefined ? null : /^([A-Za-z][A-Za-z0-9+.\-_]*):\/\/[^?#]*([?#][\s\S]*)?$/.exec(previous.trim());
  const scheme = m && MYSQL_SCHEMES.has(m[1].toLowerCase()) ? m[1] : 'mysql';
  const tail = m?.[2] ?? '';
  const user = encodeComponent(conn.user) + (conn.password ? ':' + encodeComponent(conn.password) : '');
  const host = conn.host.includes(':') && !conn.host.startsWith('[') ? `[${conn.host}]` : conn.host;
  return `${scheme}://${user}@${host}:${conn.port}/${encodeComponent(conn.database)}${tail}`;
}

/**
 * The variables to set for a connection.
 * - `laravel`: `DB_HOST`, `DB_PORT`, `DB_DATABASE`, `DB_USERNAME`, `DB_PASSWORD` (set to '' when the connection has no
 *   password, e.g. a `pscale connect` proxy: a password of another branch would be stale). A URL variable overrides the
 *   separate ones in Laravel, so `DB_URL` (Laravel 11+) and `DATABASE_URL` (Laravel 8-10) are updated too, but only
 *   when the file already gives them a non-empty value. `DB_CONNECTION` is never touched.
 * - `database-url`: `DATABASE_URL`, keeping the query string (`?serverVersion=…`) of the existing one.
 */
export function envValuesFor(flavour: EnvFlavour, conn: EnvConnection, existing: Map<string, string>): Record<string, string | undefined> {
  if (flavour === 'database-url') return { DATABASE_URL: connectionUrl(conn, existing.get('DATABASE_URL')) };
  const values: Record<string, string | undefined> = {
    DB_HOST: conn.host,
    DB_PORT: String(conn.port),
    DB_DATABASE: conn.database,
    DB_USERNAME: conn.user,
    DB_PASSWORD: conn.password ?? '',
  };
  for (const key of ['DB_URL', 'DATABASE_URL']) {
    const previous = existing.get(key);
    if (previous !== undefined && previous.trim() !== '') values[key] = connectionUrl(conn, previous);
  }
  return values;
}
