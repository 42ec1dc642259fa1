import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { BranchConnection, Secrets, configuredConnections, connectionId, pscalePath, removeConfigured, saveConfigured } from './connections';
import { BranchManager, SwitchOptions } from './manager';
import { listBranches } from './pscale';
import { readPscaleYml } from './pscaleYml';

/** What "Add Branch Connection…" takes, from input boxes or (tests, other extensions) as an argument. */
export interface NewConnection {
  name?: string;
  kind?: 'planetscale' | 'mysql';
  host: string;
  port?: number;
  user: string;
  database: string;
  branch?: string;
  production?: boolean;
  safeMigrations?: boolean;
  password?: string;
}

/** PlanetScale branches of the database named in `.pscale.yml`, through `pscale branch list`. */
async function pscaleConnections(output: vscode.LogOutputChannel): Promise<BranchConnection[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const yml = folder && path.join(folder.uri.fsPath, '.pscale.yml');
  if (!yml || !fs.existsSync(yml)) return [];
  const { org, database } = readPscaleYml(fs.readFileSync(yml, 'utf8'));
  if (!database || !vscode.workspace.isTrusted) return [];
  try {
    const branches = await listBranches(database, { org, cwd: folder!.uri.fsPath, pscalePath: pscalePath() });
    return branches.map((b) => ({ id: connectionId('planetscale', database, b.name), kind: 'planetscale', via: 'pscale', database, branch: b.name, org, production: b.production, safeMigrations: b.safe_migrations }));
  } catch (error) {
    output.warn(`pscale branch list ${database}: ${(error as Error).message}`);
    return [];
  }
}

export function registerBranchCommands(context: vscode.ExtensionContext, manager: BranchManager, secrets: Secrets, output: vscode.LogOutputChannel): void {
  const all = async () => {
    const configured = configuredConnections();
    const listed = await pscaleConnections(output);
    return [...listed, ...configured.filter((c) => !listed.some((l) => l.id === c.id))];
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('cutover.switchBranch', async (target?: string, options?: SwitchOptions) => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Connecting to a database needs a trusted workspace.');
        return false;
      }
      const connections = await all();
      let chosen = typeof target === 'string' ? connections.find((c) => c.id === target) : undefined;
      if (!chosen && typeof target === 'string') {
        void vscode.window.showErrorMessage(`No branch connection named ${target}.`);
        return false;
      }
      if (!chosen) {
        if (connections.length === 0) {
          const add = await vscode.window.showInformationMessage('No branch connections yet: add one (PlanetScale branches are listed from .pscale.yml).', 'Add Branch Connection…');
          if (add) await vscode.commands.executeCommand('cutover.addBranch');
          return false;
        }
        const active = manager.current()?.connection.id;
        const picked = await vscode.window.showQuickPick(
          connections.map((c) => ({
            label: `${c.id === active ? '$(check) ' : ''}${c.production ? '$(warning) ' : ''}${c.id}`,
            description: `${c.kind === 'planetscale' ? 'PlanetScale' : 'MySQL'}${c.production ? ', production' : ''}${c.safeMigrations ? ', safe migrations' : ''}`,
            detail: c.via === 'pscale' ? 'through pscale connect' : `${c.user}@${c.host}:${c.port}/${c.database}`,
            connection: c,
          })),
          { placeHolder: 'Switch the workspace to which branch?', matchOnDescription: true },
        );
        chosen = picked?.connection;
      }
      return chosen ? manager.switchTo(chosen, options) : false;
    }),
    vscode.commands.registerCommand('cutover.addBranch', async (given?: NewConnection) => {
      const input = given ?? (await askConnection());
      if (!input) return undefined;
      const kind = input.kind ?? 'mysql';
      const branch = input.branch ?? 'main';
      const connection: BranchConnection = {
        id: connectionId(kind, input.database, branch, input.name),
        kind, via: 'direct', database: input.database, branch, host: input.host, port: input.port ?? 3306, user: input.user,
        production: input.production === true, safeMigrations: input.safeMigrations === true,
      };
      if (input.password !== undefined) await secrets.set(connection.id, input.password);
      await saveConfigured(connection, connection.id);
      return connection.id;
    }),
    vscode.commands.registerCommand('cutover.removeBranch', async (id?: string) => {
      const target = id ?? (await vscode.window.showQuickPick(configuredConnections().map((c) => c.id), { placeHolder: 'Remove which branch connection?' }));
      if (!target) return;
      if (manager.current()?.connection.id === target) await manager.disconnect();
      await removeConfigured(target);
      await secrets.delete(target);
    }),
    vscode.commands.registerCommand('cutover.disconnectBranch', () => manager.disconnect()),
    vscode.commands.registerCommand('cutover.showActiveBranch', () => {
      const state = manager.current();
      const text = state ? `${state.connection.id} (${state.connection.kind}${state.connection.production ? ', production' : ''}) — ${state.connected ? 'connected' : 'not reachable'}` : 'No branch connection is active.';
      void vscode.window.showInformationMessage(text);
      return state;
    }),
  );
}

async function askConnection(): Promise<NewConnection | undefined> {
  const host = await vscode.window.showInputBox({ prompt: 'Host (or 127.0.0.1 for a local proxy)', value: '127.0.0.1', ignoreFocusOut: true });
  if (!host) return undefined;
  const port = await vscode.window.showInputBox({ prompt: 'Port', value: '3306', validateInput: (v) => (/^\d+$/.test(v) ? undefined : 'A port number'), ignoreFocusOut: true });
  if (!port) return undefined;
  const database = await vscode.window.showInputBox({ prompt: 'Database', ignoreFocusOut: true });
  if (!database) return undefined;
  const branch = await vscode.window.showInputBox({ prompt: 'Branch (a name for this database: main, dev, …)', value: 'main', ignoreFocusOut: true });
  if (!branch) return undefined;
  const user = await vscode.window.showInputBox({ prompt: 'User', ignoreFocusOut: true });
  if (!user) return undefined;
  const password = await vscode.window.showInputBox({ prompt: 'Password (kept in VS Code\'s secret storage only)', password: true, ignoreFocusOut: true });
  if (password === undefined) return undefined;
  const kind = await vscode.window.showQuickPick(['mysql', 'planetscale'], { placeHolder: 'What is it?' });
  const production = await vscode.window.showQuickPick(['no', 'yes'], { placeHolder: 'Is it a production branch?' });
  const safe = production === 'yes' ? await vscode.window.showQuickPick(['yes', 'no'], { placeHolder: 'Are safe migrations on?' }) : 'no';
  return { host, port: Number(port), database, branch, user, password, kind: kind === 'planetscale' ? 'planetscale' : 'mysql', production: production === 'yes', safeMigrations: safe === 'yes' };
}
