/**
 * `.pscale.yml` at the git root, as `pscale branch switch` writes it: a flat YAML map of scalar strings
 * (`org`, `database`, `branch`). Only top-level `key: scalar` lines are understood; every other line (comments, other
 * keys, `---`, nested content) is kept byte for byte. Values may be plain, 'single-quoted' (`''` escapes a quote) or
 * "double-quoted" (YAML escapes). A key given twice: the last one is read and written, like for `.env` files.
 */

export interface PscaleYml {
  org?: string;
  database?: string;
  branch?: string;
}

const KEYS = ['org', 'database', 'branch'] as const;
type Key = (typeof KEYS)[number];

interface Entry {
  key: string;
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | '';
  value: string | undefined;
}

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*|"[^"\\]*"|'[^']*')[ \t]*:(?:[ \t]+|$)/;

function scan(text: string): Entry[] {
  const entries: Entry[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const contentEnd = lineEnd > pos && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(pos === 0 && text.startsWith('\uFEFF') ? 1 : pos, contentEnd);
    const offset = pos === 0 && text.startsWith('\uFEFF') ? 1 : pos;
    const m = LINE.exec(line);
    if (m) {
      const key = /^["']/.test(m[1]) ? m[1].slice(1, -1) : m[1];
      const entry = scalar(line, m[0].length);
      if (entry) entries.push({ key, ...entry, valueStart: offset + entry.valueStart, valueEnd: offset + entry.valueEnd });
    }
    pos = nl < 0 ? text.length : nl + 1;
  }
  return entries;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function unescapeDouble(raw: string): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') { out += c; continue; }
    const e = raw[++i];
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (width > 0) {
      const hex = raw.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(hex)) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += width;
    } else if (e !== undefined && e in DOUBLE_ESCAPES) out += DOUBLE_ESCAPES[e];
    else return undefined;
  }
  return out;
}

/** The scalar that starts at `start` in a line: its span and value (undefined for an empty value, `~` or `null`). */
function scalar(line: string, start: number): Omit<Entry, 'key'> | undefined {
  const first = line[start];
  if (first === '"') {
    for (let i = start + 1; i < line.length; i++) {
      if (line[i] === '\\') { i++; continue; }
      if (line[i] === '"') {
        const value = unescapeDouble(line.slice(start + 1, i));
        return value === undefined ? undefined : { valueStart: start, valueEnd: i + 1, quote: '"', value };
      }
    }
    return undefined;
  }
  if (first === "'") {
    for (let i = start + 1; i < line.length; i++) {
      if (line[i] !== "'") continue;
      if (line[i + 1] === "'") { i++; continue; }
      return { valueStart: start, valueEnd: i + 1, quote: "'", value: line.slice(start + 1, i).replace(/''/g, "'") };
    }
    return undefined;
  }
  if (first === '|' || first === '>' || first === '[' || first === '{' || first === '&' || first === '*' || first === '!') return undefined;
  let end = line.length;
  for (let i = start; i < line.length; i++) {
    if (line[i] === '#' && (i === start || line[i - 1] === ' ' || line[i - 1] === '\t')) { end = i; break; }
  }
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  const raw = line.slice(start, end);
  const value = raw === '' || raw === '~' || /^null$/i.test(raw) ? undefined : raw;
  return { valueStart: start, valueEnd: end, quote: '', value };
}

/** Reads `org`, `database` and `branch` (absent, empty or null values are left out). */
export function readPscaleYml(text: string): PscaleYml {
  const result: PscaleYml = {};
  for (const e of scan(text)) {
    if ((KEYS as readonly string[]).includes(e.key)) {
      if (e.value === undefined) delete result[e.key as Key];
      else result[e.key as Key] = e.value;
    }
  }
  return result;
}

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** A YAML scalar for the value: plain when unambiguous, else single-quoted (or double-quoted when kept or needed). */
export function formatYamlScalar(value: string, existing: '"' | "'" | '' = ''): string {
  const controls = /[\x00-\x1f\x7f\x85\u2028\u2029]/.test(value);
  if (existing === '"' || controls) {
    return '"' + value.replace(/[\\"\x00-\x1f\x7f\x85\u2028\u2029]/g, (c) => {
      const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
      return named[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }) + '"';
  }
  if (existing === '' && /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !RESERVED.test(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function lineEnding(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Sets the given keys (undefined leaves a key alone) in the text of a `.pscale.yml` (undefined or empty: a new file),
 * changing only those values: comments, other keys and line endings are kept; a key's quoting is kept when possible;
 * missing keys are appended in the order org, database, branch (the file keeps or lacks its final newline).
 */
export function writePscaleYml(text: string | undefined, values: PscaleYml): string {
  const source = text ?? '';
  const last = new Map<string, Entry>();
  for (const e of scan(source)) last.set(e.key, e);
  const edits: { start: number; end: number; replacement: string }[] = [];
  const appended: string[] = [];
  for (const key of KEYS) {
    const value = values[key];
    if (value === undefined) continue;
    const entry = last.get(key);
    if (!entry) { appended.push(`${key}: ${formatYamlScalar(value)}`); continue; }
    if (entry.value === value) continue;
    let replacement = formatYamlScalar(value, entry.quote);
    const before = source[entry.valueStart - 1];
    if (before !== ' ' && before !== '\t') replacement = ' ' + replacement; // `branch:` with nothing after it
    if (source[entry.valueEnd] === '#') replacement += ' ';
    edits.push({ start: entry.valueStart, end: entry.valueEnd, replacement });
  }
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  if (appended.length > 0) {
    const eol = lineEnding(source);
    if (out.length === 0) out = appended.join(eol) + eol;
    else if (out.endsWith('\n')) out += appended.join(eol) + eol;
    else out += eol + appended.join(eol);
  }
  return out;
}
