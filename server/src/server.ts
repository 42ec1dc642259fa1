import { CodeActionKind, Connection, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsBaseUrl } from './docsLocation';
import { codeActions } from './handlers/codeActions';
import { DiagnosticsHandler } from './handlers/diagnostics';
import { ServerInfo, ServerInfoRequest } from './protocol';
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
  const diagnostics = new DiagnosticsHandler(connection, documents, settings, schemas, docsBaseUrl());

  connection.onInitialize((params) => {
    hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'cutover' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settings.forget();
    diagnostics.revalidateAll();
  });
  // Saved migrations and .cutover.json files change what other documents are judged against.
  connection.onDidChangeWatchedFiles(() => {
    settings.forget();
    schemas.forget();
    diagnostics.revalidateAll();
  });

  documents.onDidChangeContent((event) => diagnostics.schedule(event.document));
  documents.onDidSave(() => diagnostics.revalidateAll());
  documents.onDidClose((event) => {
    settings.forget(event.document.uri);
    diagnostics.clear(event.document.uri);
  });

  connection.onCodeAction((params) => runSafe(connection, 'computing code actions', [], () => codeActions(params)));
  connection.onRequest(ServerInfoRequest, (): ServerInfo => ({
    pid: process.pid,
    node: process.versions.node,
    version: typeof CUTOVER_VERSION === 'string' ? CUTOVER_VERSION : 'dev',
  }));

  documents.listen(connection);
  connection.listen();
}
