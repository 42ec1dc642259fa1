import * as path from 'path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { describeMigration } from '../engine';

/** The migration tools whose bookkeeping table tells which migrations a database (a branch) already has. */
export type MigrationTool = 'laravel' | 'doctrine' | 'golang-migrate' | 'dbmate' | 'goose' | 'flyway' | 'prisma';

export interface AppliedState {
  tool: MigrationTool;
  table: string;
  isApplied(file: string): boolean;
  /** Things the user should know (a dirty golang-migrate version, a failed Flyway migration). */
  notes: string[];
}

const TABLES: Array<{ table: string; tool: MigrationTool | 'schema_migrations' }> = [
  { table: 'migrations', tool: 'laravel' },
  { table: 'doctrine_migration_versions', tool: 'doctrine' },
  { table: 'goose_db_version', tool: 'goose' },
  { table: 'flyway_schema_history', tool: 'flyway' },
  { table: '_prisma_migrations', tool: 'prisma' },
  // golang-migrate and dbmate share the name; their columns tell them apart.
  { table: 'schema_migrations', tool: 'schema_migrations' },
];

function base(file: string): string {
  return path.basename(file).replace(/\.(php|sql)$/i, '');
}

function versionOf(file: string): string {
  return describeMigration(file).version.join('.');
}

async function rows(connection: Connection, sql: string): Promise<RowDataPacket[]> {
  const [result] = await connection.query<RowDataPacket[]>(sql);
  return result;
}

/**
 * Reads the migration table of the database the connection is on. `kind` says what the workspace's migrations are
 * (PHP files point at Laravel or Doctrine), for databases that hold more than one tool's table. Undefined: none found.
 */
export async function readAppliedState(connection: Connection, kind: 'php' | 'sql'): Promise<AppliedState | undefined> {
  const present = new Set((await rows(connection, 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()')).map((r) => String(r.name).toLowerCase()));
  const candidates = TABLES.filter((t) => present.has(t.table) && (kind === 'php' ? t.tool === 'laravel' || t.tool === 'doctrine' : t.tool !== 'laravel' && t.tool !== 'doctrine'));
  const found = candidates[0];
  if (!found) return undefined;
  const notes: string[] = [];
  switch (found.tool) {
    case 'laravel': {
      const applied = new Set((await rows(connection, 'SELECT migration FROM migrations')).map((r) => String(r.migration)));
      return { tool: 'laravel', table: found.table, notes, isApplied: (f) => applied.has(base(f)) };
    }
    case 'doctrine': {
      const applied = new Set((await rows(connection, 'SELECT version FROM doctrine_migration_versions')).map((r) => String(r.version).split('\\').pop()!));
      return { tool: 'doctrine', table: found.table, notes, isApplied: (f) => applied.has(base(f)) };
    }
    case 'goose': {
      // The newest row per version says whether it is applied (goose records rollbacks as is_applied = 0).
      const latest = new Map<string, boolean>();
      for (const r of await rows(connection, 'SELECT version_id, is_applied FROM goose_db_version ORDER BY id')) latest.set(String(r.version_id), Boolean(r.is_applied));
      return { tool: 'goose', table: found.table, notes, isApplied: (f) => latest.get(String(Number(versionOf(f)))) === true };
    }
    case 'flyway': {
      const history = await rows(connection, 'SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL');
      for (const r of history) if (!r.success) notes.push(`Flyway migration ${r.version} failed on this branch; repair it before deploying.`);
      const applied = new Set(history.filter((r) => r.success).map((r) => String(r.version).split(/[._]/).map(Number).join('.')));
      return { tool: 'flyway', table: found.table, notes, isApplied: (f) => applied.has(versionOf(f)) };
    }
    case 'prisma': {
      const applied = new Set((await rows(connection, 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')).map((r) => String(r.migration_name)));
      return { tool: 'prisma', table: found.table, notes, isApplied: (f) => applied.has(path.basename(path.dirname(f))) };
    }
    default: {
      const columns = new Set((await rows(connection, "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'schema_migrations'")).map((r) => String(r.name).toLowerCase()));
      if (columns.has('dirty')) {
        // golang-migrate keeps one row: the current version; every migration up to it is applied.
        const [current] = await rows(connection, 'SELECT version, dirty FROM schema_migrations LIMIT 1');
        const version = current ? Number(current.version) : 0;
        if (current?.dirty) notes.push(`golang-migrate version ${version} is dirty on this branch: it failed half-way; fix it before deploying.`);
        return { tool: 'golang-migrate', table: found.table, notes, isApplied: (f) => Number(versionOf(f)) <= version };
      }
      const applied = new Set((await rows(connection, 'SELECT version FROM schema_migrations')).map((r) => String(r.version)));
      return { tool: 'dbmate', table: found.table, notes, isApplied: (f) => applied.has(versionOf(f)) };
    }
  }
}

/** The migrations (not rollbacks) the database does not have yet, in their tool's order. */
export function pendingMigrations(files: readonly string[], state: AppliedState): string[] {
  return files.filter((f) => describeMigration(f).kind !== 'rollback' && !state.isApplied(f));
}
