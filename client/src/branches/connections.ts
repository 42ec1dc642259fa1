import * as vscode from 'vscode';

/** A database branch Cutover can connect the workspace to: a PlanetScale branch, or any MySQL database. */
export interface BranchConnection {
  /** `database/branch` for PlanetScale, the configured name otherwise; unique. */
  id: string;
  kind: 'planetscale' | 'mysql';
  /** `pscale`: through a `pscale connect` proxy Cutover starts; `direct`: host/port/user, password in SecretStorage. */
  via: 'pscale' | 'direct';
  database: string;
  branch: string;
  host?: string;
  port?: number;
  user?: string;
  org?: string;
  production: boolean;
  safeMigrations: boolean;
}

/** One entry of the `cutover.branches` setting (shareable in the repo: never a password). */
interface ConfiguredBranch {
  name?: string;
  kind?: string;
  database?: string;
  branch?: string;
  host?: string;
  port?: number;
  user?: string;
  production?: boolean;
  safeMigrations?: boolean;
}

export function connectionId(kind: BranchConnection['kind'], database: string, branch: string, name?: string): string {
  return name && name.trim() !== '' ? name.trim() : kind === 'planetscale' ? `${database}/${branch}` : `${database}@${branch}`;
}

/** The connections in `cutover.branches`, skipping entries without what a connection needs. */
export function configuredConnections(scope?: vscode.Uri): BranchConnection[] {
  const raw = vscode.workspace.getConfiguration('cutover', scope).get<ConfiguredBranch[]>('branches', []);
  const out: BranchConnection[] = [];
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (!entry || typeof entry.database !== 'string' || typeof entry.host !== 'string') continue;
    const kind = entry.kind === 'planetscale' ? 'planetscale' : 'mysql';
    const branch = typeof entry.branch === 'string' && entry.branch ? entry.branch : 'main';
    out.push({
      id: connectionId(kind, entry.database, branch, entry.name),
      kind,
      via: 'direct',
      database: entry.database,
      branch,
      host: entry.host,
      port: typeof entry.port === 'number' ? entry.port : 3306,
      user: typeof entry.user === 'string' ? entry.user : 'root',
      production: entry.production === true,
      safeMigrations: entry.safeMigrations === true,
    });
  }
  return out;
}

/** Adds (or replaces) a direct connection in the workspace's `cutover.branches`, with no secret in it. */
export async function saveConfigured(connection: BranchConnection, name: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('cutover');
  const current = (config.get<ConfiguredBranch[]>('branches', []) ?? []).filter((b) => connectionId(b.kind === 'planetscale' ? 'planetscale' : 'mysql', b.database ?? '', b.branch ?? 'main', b.name) !== connection.id);
  const entry: ConfiguredBranch = { name, kind: connection.kind, database: connection.database, branch: connection.branch, host: connection.host, port: connection.port, user: connection.user, production: connection.production, safeMigrations: connection.safeMigrations };
  await config.update('branches', [...current, entry], vscode.ConfigurationTarget.Workspace);
}

export async function removeConfigured(id: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('cutover');
  const current = config.get<ConfiguredBranch[]>('branches', []) ?? [];
  await config.update('branches', current.filter((b) => connectionId(b.kind === 'planetscale' ? 'planetscale' : 'mysql', b.database ?? '', b.branch ?? 'main', b.name) !== id), vscode.ConfigurationTarget.Workspace);
}

/** The PlanetScale CLI to run: `cutover.pscalePath`, else `pscale` from PATH. */
export function pscalePath(): string | undefined {
  const configured = vscode.workspace.getConfiguration('cutover').get<string>('pscalePath', '');
  return configured.trim() === '' ? undefined : configured;
}

/** Passwords live in VS Code's SecretStorage only, keyed by connection. */
export class Secrets {
  constructor(private readonly storage: vscode.SecretStorage) {}
  get(id: string): Thenable<string | undefined> {
    return this.storage.get(`cutover.password:${id}`);
  }
  set(id: string, password: string): Thenable<void> {
    return this.storage.store(`cutover.password:${id}`, password);
  }
  delete(id: string): Thenable<void> {
    return this.storage.delete(`cutover.password:${id}`);
  }
}
