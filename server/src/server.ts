import { CodeActionKind, Connection, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, filePathOf } from './analysis';
import { docsBaseUrl } from './docsLocation';
import { fixRule } from './engine';
import { FIX_ALL_KIND, codeActions } from './handlers/codeActions';
import { DiagnosticsHandler } from './handlers/diagnostics';
import { Publisher } from './handlers/publish';
import { WorkspaceLinter } from './handlers/workspaceLint';
import { planRequest } from './handlers/plan';
import { ActiveBranchParams, ActiveBranchRequest, ActiveBranchResult, DocumentInfo, DocumentInfoRequest, PlanParams, PlanRequest, FixRuleParams, FixRuleRequest, FixRuleResult, LintWorkspaceRequest, ServerInfo, ServerInfoRequest } from './protocol';
import { BranchEndpoint, readLiveBranch } from './liveBranch';
import { runSafe } from './runSafe';
import { SchemaCache } from './schemaCache';
import { SettingsCache } from './settings';

declare const CUTOVER_VERSION: string | undefined;

/** Capabilities and handler registration; the handlers hold the logic, the engine holds the analysis. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let hasConfigurationCapability = false;
  const settings = new SettingsCache(connection, () => hasConfigurationCapability);
  const schemas = new SchemaCache();
  const analyzer = new Analyzer(documents, settings, schemas);
  const publisher = new Publisher(connection, docsBaseUrl(), (p) => analyzer.openText(p));
  const diagnostics = new DiagnosticsHandler(connection, documents, analyzer, publisher);
  const workspace = new WorkspaceLinter(connection, analyzer, publisher);
  const logFailure = (what: string) => (error: unknown) => connection.console.error(`Error while ${what}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);

  connection.onInitialize((params) => {
    hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
    analyzer.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cutover', version: typeof CUTOVER_VERSION === 'string' ? CUTOVER_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      analyzer.setWorkspaceFolders(((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri));
      workspace.lint().catch(logFailure('linting the workspace'));
    });
    workspace.lint().catch(logFailure('linting the workspace'));
  });

  const everythingChanged = () => {
    settings.forget();
    schemas.forget();
    diagnostics.revalidateAll();
    workspace.lint().catch(logFailure('linting the workspace'));
  };
  connection.onDidChangeConfiguration(everythingChanged);
  // Saved migrations and .cutover.json files change what other migrations are judged against.
  connection.onDidChangeWatchedFiles(everythingChanged);

  documents.onDidChangeContent((event) => diagnostics.changed(event.document));
  // The saved document itself (lintOnType off lints on save); what depends on it follows from the file watcher.
  documents.onDidSave((event) => diagnostics.schedule(event.document.uri, true));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    settings.forget(uri);
    diagnostics.closed(uri);
    // Closing a file does not lose the workspace's view of it.
    if (workspace.isKnown(uri)) workspace.relintClosed(uri).catch(logFailure(`linting ${uri}`));
    else publisher.clear(uri);
  });

  connection.onCodeAction((params) => codeActions(params, analyzer).catch((error: unknown) => {
    logFailure('computing code actions')(error);
    return [];
  }));
  connection.onRequest(FixRuleRequest, async (params: FixRuleParams): Promise<FixRuleResult | null> => {
    const analysis = await analyzer.analyse(params.uri);
    if (!analysis) return null;
    return runSafe(connection, `fixing ${params.rule}`, null, () => ({
      ...fixRule(analysis.text, params.rule, analysis.settings.options, analysis.filePath, analysis.schema),
      version: analysis.version,
    }));
  });
  connection.onRequest(LintWorkspaceRequest, () => workspace.lint());
  let activeBranch: BranchEndpoint | undefined;
  connection.onRequest(ActiveBranchRequest, async ({ branch }: ActiveBranchParams): Promise<ActiveBranchResult> => {
    activeBranch = branch;
    let result: ActiveBranchResult = { ok: true, tables: 0, foreignKeys: 0 };
    try {
      analyzer.live = branch ? await readLiveBranch(branch) : undefined;
      if (analyzer.live) result = { ok: true, tables: Object.keys(analyzer.live.tableRows).length, foreignKeys: analyzer.live.foreignKeys };
    } catch (error) {
      analyzer.live = undefined;
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    diagnostics.revalidateAll();
    workspace.lint().catch(logFailure('linting the workspace'));
    return result;
  });
  connection.onRequest(PlanRequest, (params: PlanParams) =>
    planRequest(params, analyzer, async (folder) => {
      const value = hasConfigurationCapability ? await connection.workspace.getConfiguration({ scopeUri: folder, section: 'cutover.baseRef' }) : undefined;
      return typeof value === 'string' ? value : '';
    }, activeBranch).catch((error: unknown) => {
      logFailure('planning the deploy')(error);
      return { error: 'Cutover could not plan this change; see the Cutover output for details.' };
    }),
  );
  connection.onRequest(DocumentInfoRequest, async ({ uri }: { uri: string }): Promise<DocumentInfo> => {
    const filePath = filePathOf(uri);
    const documentSettings = await settings.get(uri, filePath);
    const linted = analyzer.isLinted(filePath, documentSettings, documents.get(uri)?.getText());
    return { target: documentSettings.options.target, linted, configFile: documentSettings.config.file };
  });
  connection.onRequest(ServerInfoRequest, (): ServerInfo => ({
    pid: process.pid,
    node: process.versions.node,
    version: typeof CUTOVER_VERSION === 'string' ? CUTOVER_VERSION : 'dev',
  }));

  documents.listen(connection);
  connection.listen();
}
