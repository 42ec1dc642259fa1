import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ServerInfo, ServerInfoRequest } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { DeployPreview } from './preview/previewPanel';
import { registerBranchCommands } from './branches/branchCommands';
import { Secrets } from './branches/connections';
import { BranchManager } from './branches/manager';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension exports to other extensions and to its own integration tests. */
export interface CutoverApi {
  serverInfo(): Promise<ServerInfo>;
  statusBar(): { text: string; warning: boolean; visible: boolean };
  preview: DeployPreview;
  branches: BranchManager;
}

export async function activate(context: vscode.ExtensionContext): Promise<CutoverApi> {
  const output = vscode.window.createOutputChannel('Cutover', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
  registerCommands(context, () => client!, output);
  const preview = new DeployPreview(() => client!);
  context.subscriptions.push(
    preview,
    // From the palette: the git change; from the Explorer or an editor: the selected migrations.
    vscode.commands.registerCommand('cutover.previewDeployOrder', (clicked?: vscode.Uri, selected?: vscode.Uri[], source?: 'git' | 'pending') =>
      preview.show(selected?.length ? selected : clicked ? [clicked] : undefined, source, branches.current()?.connection.id),
    ),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('cutover.restartServer', async () => {
      await client?.restart();
      output.info('Language server restarted');
    }),
    vscode.commands.registerCommand('cutover.showOutput', () => output.show(true)),
  );
  await client.start();
  const statusBar = new StatusBar(client);
  const secrets = new Secrets(context.secrets);
  const branches = new BranchManager(context, () => client!, secrets, output);
  registerBranchCommands(context, branches, secrets, output);
  context.subscriptions.push(statusBar, branches, branches.onDidChange((state) => statusBar.setBranch(state)));
  // The branch that was active before a reload (workspace state), reached again in the background.
  if (vscode.workspace.isTrusted) void branches.restore();
  return {
    serverInfo: () => client!.sendRequest<ServerInfo>(ServerInfoRequest),
    statusBar: () => statusBar.state(),
    preview,
    branches,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Saved migrations and config files change what other migrations are judged against. */
function watchers(context: vscode.ExtensionContext): vscode.FileSystemWatcher[] {
  const created = ['**/.cutover.json', '**/*.sql', '**/migrations/**/*.php'].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...created);
  return created;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sql' },
      { scheme: 'untitled', language: 'sql' },
      // Laravel and Doctrine migrations; the server lints only PHP files that are migrations.
      { scheme: 'file', language: 'php' },
    ],
    synchronize: { configurationSection: 'cutover', fileEvents: watchers(context) },
    outputChannel: output,
  };
  return new LanguageClient('cutover', 'Cutover', serverOptions, clientOptions);
}
