// Shared by the Laravel migration tests: the fixture migrations in test/fixtures/laravel and small readers of what
// readLaravelMigration returns.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from 'php-parser';
import { AlterAction, CreateTable, ForeignKeyDefinition, SchemaChange } from '../../../server/src/engine/model/changes';
import { readLaravelMigration } from '../../../server/src/engine/php/laravel';
import { PhpMigration } from '../../../server/src/engine/php/types';

export const fixtures = path.resolve(__dirname, '../../../../test/fixtures/laravel');
export const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

/** The value with every span replaced by the source text it covers (`'@'`), so one deepEqual checks fields and spans. */
export function shown(source: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => shown(source, v));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const isSpan = typeof o.start === 'number' && typeof o.end === 'number';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!isSpan || (k !== 'start' && k !== 'end')) out[k] = shown(source, v);
  if (isSpan) out['@'] = source.slice(o.start as number, o.end as number);
  return out;
}

/** Asserts the PHP parses (php-parser, not our memoised wrapper). */
export function assertParses(php: string): void {
  const engine = new Engine({ parser: { extractDoc: true }, ast: { withPositions: true } });
  assert.doesNotThrow(() => engine.parseCode(php, 'fixed.php'), `does not parse:\n${php}`);
}

export function read(source: string): PhpMigration {
  const migration = readLaravelMigration(source);
  assert.equal(migration.framework, 'laravel');
  return migration;
}

/** Wraps blueprint statements in a Schema::table (or create) call inside up(). */
export function migration(body: string, method: 'table' | 'create' = 'table', table = 'users'): string {
  return `<?php\n\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n        Schema::${method}('${table}', function (Blueprint $table) {\n${body}\n        });\n    }\n};\n`;
}

export function actionsOf(m: PhpMigration): AlterAction[] {
  return m.changes.flatMap((c) => (c.change.kind === 'alter-table' ? c.change.actions : []));
}

export function onlyCreate(m: PhpMigration): CreateTable {
  const creates = m.changes.map((c) => c.change).filter((c): c is CreateTable => c.kind === 'create-table');
  assert.equal(creates.length, 1);
  return creates[0];
}

export function foreignKeys(change: SchemaChange): ForeignKeyDefinition[] {
  if (change.kind === 'create-table') return change.foreignKeys;
  if (change.kind === 'alter-table') return change.actions.flatMap((a) => (a.kind === 'add-foreign-key' ? [a.foreignKey] : []));
  return [];
}

/** One line per change and action: what a reviewer would check first. */
export function outline(source: string, m: PhpMigration): string[] {
  const text = (s: { start: number; end: number }) => source.slice(s.start, s.end).replace(/\s+/g, ' ');
  return m.changes.flatMap((c) => {
    const head = `${c.rollback ? 'down' : 'up'} ${c.change.kind} ${text(c)}`;
    return c.change.kind === 'alter-table' ? [head, ...c.change.actions.map((a) => `  ${a.kind} ${text(a)}`)] : [head];
  });
}
