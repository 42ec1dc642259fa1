// Shared by the parserAdapter tests: reading one statement with node-sql-parser and showing the model with the
// source text of its spans.
import assert from 'node:assert/strict';
import { SchemaChange } from '../../../server/src/engine/model/changes';
import { readWithParser } from '../../../server/src/engine/sql/parserAdapter';
import { Statement, splitStatements } from '../../../server/src/engine/sql/splitter';

export function only(sql: string): Statement {
  const { statements } = splitStatements(sql);
  assert.equal(statements.length, 1, `test bug: expected one statement in ${sql}`);
  return statements[0];
}

/**
 * The model with every span replaced by the source text it covers (`'@'`), so that a deepEqual against a readable
 * expectation checks all fields and, by slicing the source, every span.
 */
export function shown(sql: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => shown(sql, v));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const isSpan = typeof o.start === 'number' && typeof o.end === 'number';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!isSpan || (k !== 'start' && k !== 'end')) out[k] = shown(sql, v);
  if (isSpan) out['@'] = sql.slice(o.start as number, o.end as number);
  return out;
}

export function read(sql: string): SchemaChange | undefined {
  return readWithParser(only(sql));
}

/** Reads the statement, which must be read, and shows it with span texts. */
export function readShown(sql: string): any {
  const change = read(sql);
  assert.ok(change, `node-sql-parser reading expected for:\n${sql}`);
  return shown(sql, change);
}

/** A Name as `shown` renders it: unquoted name plus the identifier as written. */
export function n(written: string): { name: string; '@': string } {
  return { name: written.replace(/^`|`$/g, ''), '@': written };
}

export const COMMA = { '@': ',' };

/** Every {start, end} in the value, with the path that leads to it. */
export function spans(value: unknown, path = '$'): Array<{ path: string; start: number; end: number }> {
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = typeof o.start === 'number' && typeof o.end === 'number' ? [{ path, start: o.start as number, end: o.end as number }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => spans(v, `${path}.${k}`))];
}
