import type { RowDataPacket } from 'mysql2/promise';
import { LiveBranch, orderMigrations } from './engine';
import { pendingMigrations, readAppliedState } from './workspace/appliedMigrations';

/** How the server reaches the active branch: the client resolved the proxy or the credentials. */
export interface BranchEndpoint {
  name: string;
  host: string;
  port: number;
  user: string;
  /** From the client's SecretStorage; kept in memory only, never logged. */
  password?: string;
  database: string;
  production: boolean;
  safeMigrations: boolean;
}

/** The migrations of `files` the branch does not have yet, from its migration tool's table. */
export async function pendingOnBranch(endpoint: BranchEndpoint, files: string[]): Promise<{ files: string[]; description: string; notes: string[] }> {
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection({ host: endpoint.host, port: endpoint.port, user: endpoint.user, password: endpoint.password, database: endpoint.database, connectTimeout: 10000 }).catch((error: { code?: string }) => {
    throw new Error(`cannot connect to ${endpoint.name} (${error.code ?? 'connection failed'})`);
  });
  try {
    // SQL and PHP migrations are kept by different tools; a workspace may hold both (one per tool's table).
    const pending: string[] = [];
    const tools: string[] = [];
    const notes: string[] = [];
    for (const kind of ['sql', 'php'] as const) {
      const ofKind = files.filter((f) => /\.php$/i.test(f) === (kind === 'php'));
      if (ofKind.length === 0) continue;
      const state = await readAppliedState(connection, kind);
      if (!state) continue;
      tools.push(state.tool);
      notes.push(...state.notes);
      pending.push(...pendingMigrations(orderMigrations(ofKind).map((m) => m.path), state));
    }
    if (tools.length === 0) throw new Error(`${endpoint.name} has no migration table (Laravel, Doctrine, golang-migrate, dbmate, goose, Flyway or Prisma)`);
    return { files: pending, description: `${pending.length} migration${pending.length === 1 ? '' : 's'} pending on ${endpoint.name} (${tools.join(', ')})`, notes };
  } finally {
    await connection.end().catch(() => undefined);
  }
}

/**
 * Reads what the rules need from the branch's information_schema: approximate rows per table and how many foreign keys
 * exist. Errors carry the driver's code, never the password.
 */
export async function readLiveBranch(endpoint: BranchEndpoint): Promise<LiveBranch> {
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password,
    database: endpoint.database,
    connectTimeout: 10000,
  }).catch((error: { code?: string }) => {
    throw new Error(`cannot read the schema of ${endpoint.name} at ${endpoint.host}:${endpoint.port} (${error.code ?? 'connection failed'})`);
  });
  try {
    const [tables] = await connection.query<RowDataPacket[]>('SELECT TABLE_NAME AS name, TABLE_ROWS AS row_count FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = ?', ['BASE TABLE']);
    const [fks] = await connection.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()');
    const tableRows: Record<string, number> = {};
    for (const t of tables) tableRows[String(t.name).toLowerCase()] = Number(t.row_count ?? 0);
    return { name: endpoint.name, production: endpoint.production, safeMigrations: endpoint.safeMigrations, tableRows, foreignKeys: Number(fks[0]?.n ?? 0) };
  } finally {
    await connection.end().catch(() => undefined);
  }
}
