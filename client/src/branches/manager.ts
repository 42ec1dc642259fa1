import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ActiveBranchRequest, ActiveBranchResult } from '../../../server/src/protocol';
import { BranchConnection, Secrets, pscalePath } from './connections';
import { EnvChange, envFileOf, restoreEnvFile, syncEnvFile } from './envSync';
import { PscaleProxy, startProxy } from './pscale';
import { writePscaleYml } from './pscaleYml';

const ACTIVE_KEY = 'cutover.activeBranch';

export interface SwitchOptions {
  /** Skip the modal for production branches (the integration tests; the palette always asks). */
  confirmProduction?: boolean;
  /** Switch even when the branch cannot be reached (the `.env` is then rewritten anyway). */
  offline?: boolean;
}

export type BranchState = { connection: BranchConnection; connected: boolean } | undefined;

/**
 * Owns the active branch: reaches it (a `pscale connect` proxy or direct credentials), lets the server read it, keeps
 * the app's `.env` and `.pscale.yml` in step, and remembers it in workspace state. Nothing is half-switched: the `.env`
 * changes only once the branch answered (or offline switching was chosen).
 */
export class BranchManager implements vscode.Disposable {
  private proxy: PscaleProxy | undefined;
  private state: BranchState;
  private readonly changed = new vscode.EventEmitter<BranchState>();
  readonly onDidChange = this.changed.event;
  /** The last `.env` change, for tests and the Undo button. */
  lastEnvChange: EnvChange | undefined;
  /** Why the last switch failed, as shown to the user. */
  lastError: string | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient,
    private readonly secrets: Secrets,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  current(): BranchState {
    return this.state;
  }

  /** Reconnects to the branch that was active before a reload, without touching `.env` again. */
  async restore(): Promise<void> {
    const saved = this.context.workspaceState.get<BranchConnection>(ACTIVE_KEY);
    if (!saved) return;
    this.set({ connection: saved, connected: false });
    const reached = await this.reach(saved).catch((error: Error) => {
      this.output.warn(`Could not reconnect to ${saved.id}: ${error.message}`);
      return undefined;
    });
    if (reached) this.set({ connection: saved, connected: true });
  }

  async switchTo(connection: BranchConnection, options: SwitchOptions = {}): Promise<boolean> {
    if (connection.production && !options.confirmProduction) {
      const answer = await vscode.window.showWarningMessage(
        `${connection.id} is a production branch${connection.safeMigrations ? ' with safe migrations on' : ''}. Switch the workspace and the app's .env to it?`,
        { modal: true },
        'Switch to Production',
      );
      if (answer !== 'Switch to Production') return false;
    }
    let endpoint: Endpoint | undefined;
    try {
      endpoint = await this.reach(connection);
    } catch (error) {
      await this.stopProxy();
      this.set(undefined);
      await this.notifyServer(undefined);
      const next = connection.via === 'pscale' ? 'Check `pscale auth login` and the database name, then try again.' : 'Check the host, port, user and password (Cutover: Add Branch Connection… replaces them).';
      this.lastError = `Cutover could not reach ${connection.id}: ${(error as Error).message}. ${next}`;
      if (!options.offline) {
        // Offline switching (the .env points at the branch though it cannot be reached now) only when asked for.
        void vscode.window.showErrorMessage(this.lastError, 'Switch Offline').then((choice) => {
          if (choice === 'Switch Offline') void this.switchTo(connection, { ...options, confirmProduction: true, offline: true });
        });
        return false;
      }
    }
    this.lastError = undefined;
    await this.context.workspaceState.update(ACTIVE_KEY, connection);
    this.set({ connection, connected: endpoint !== undefined });
    await this.updateFiles(connection, endpoint);
    return true;
  }

  async disconnect(): Promise<void> {
    await this.stopProxy();
    await this.context.workspaceState.update(ACTIVE_KEY, undefined);
    this.set(undefined);
    await this.notifyServer(undefined);
  }

  /** Starts the proxy or checks the credentials, then has the server read the branch; throws with a plain reason. */
  private async reach(connection: BranchConnection): Promise<Endpoint> {
    await this.stopProxy();
    let endpoint: Endpoint;
    if (connection.via === 'pscale') {
      const proxy = await startProxy(connection.database, connection.branch, { org: connection.org, cwd: this.folder()?.uri.fsPath, pscalePath: pscalePath() });
      this.proxy = proxy;
      proxy.onExit(() => {
        if (this.proxy !== proxy) return;
        this.proxy = undefined;
        if (this.state?.connection.id === connection.id) {
          this.set({ connection, connected: false });
          void this.notifyServer(undefined);
          void vscode.window.showWarningMessage(`The pscale proxy for ${connection.id} stopped. Run Cutover: Switch Branch Connection… to reconnect.`);
        }
      });
      endpoint = { host: proxy.host, port: proxy.port, user: connection.user ?? 'root', password: undefined, database: connection.database };
    } else {
      endpoint = { host: connection.host ?? '127.0.0.1', port: connection.port ?? 3306, user: connection.user ?? 'root', password: await this.secrets.get(connection.id), database: connection.database };
    }
    const result = await this.notifyServer({ connection, endpoint });
    if (!result.ok) {
      await this.stopProxy();
      throw new Error(result.error);
    }
    this.output.info(`Connected to ${connection.id}: ${result.tables} tables, ${result.foreignKeys} foreign keys`);
    return endpoint;
  }

  private async notifyServer(active: { connection: BranchConnection; endpoint: Endpoint } | undefined): Promise<ActiveBranchResult> {
    const branch = active && { name: active.connection.id, ...active.endpoint, production: active.connection.production, safeMigrations: active.connection.safeMigrations };
    return this.client().sendRequest<ActiveBranchResult>(ActiveBranchRequest, { branch });
  }

  private async updateFiles(connection: BranchConnection, endpoint: Endpoint | undefined): Promise<void> {
    const folder = this.folder();
    if (!folder) return;
    if (connection.kind === 'planetscale') {
      const yml = path.join(folder.uri.fsPath, '.pscale.yml');
      const before = fs.existsSync(yml) ? fs.readFileSync(yml, 'utf8') : undefined;
      fs.writeFileSync(yml, writePscaleYml(before, { org: connection.org, database: connection.database, branch: connection.branch }));
    }
    const envFile = envFileOf(folder);
    if (!envFile) return;
    const target = endpoint ?? { host: connection.host ?? '127.0.0.1', port: connection.port ?? 3306, user: connection.user ?? 'root', password: await this.secrets.get(connection.id), database: connection.database };
    const change = await syncEnvFile(envFile, target);
    if (!change || change.changed.length === 0) return;
    this.lastEnvChange = change;
    void vscode.window.showInformationMessage(`Switched to ${connection.id}: ${path.basename(envFile)} now sets ${change.changed.join(', ')}.`, 'Undo').then((choice) => {
      if (choice === 'Undo') void restoreEnvFile(change);
    });
  }

  private folder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  private async stopProxy(): Promise<void> {
    const proxy = this.proxy;
    this.proxy = undefined;
    await proxy?.stop();
  }

  private set(state: BranchState): void {
    this.state = state;
    this.changed.fire(state);
  }

  /** The running proxy's process, for the integration tests (they kill it to test recovery). */
  proxyPid(): number | undefined {
    return this.proxy?.pid;
  }

  dispose(): void {
    void this.stopProxy();
    this.changed.dispose();
  }
}

interface Endpoint {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
}
