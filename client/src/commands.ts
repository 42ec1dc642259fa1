import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { FixRuleRequest, FixRuleResult, LintWorkspaceRequest, LintWorkspaceResult, ShowRuleDocumentationCommand } from '../../server/src/protocol';

const PREVIEW_SCHEME = 'cutover-preview';

/** The proposed texts shown on the right of a preview diff. */
class PreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export function registerCommands(context: vscode.ExtensionContext, client: () => LanguageClient, output: vscode.LogOutputChannel): void {
  const previews = new PreviewDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    vscode.commands.registerCommand(ShowRuleDocumentationCommand, (rule?: string) => showRuleDocumentation(context, rule)),
    vscode.commands.registerCommand('cutover.removeAllForeignKeys', (uri?: vscode.Uri, options?: { confirm?: boolean }) =>
      removeAllForeignKeys(client(), previews, uri, options?.confirm !== false),
    ),
    vscode.commands.registerCommand('cutover.lintWorkspace', async () => {
      const result = await client().sendRequest<LintWorkspaceResult>(LintWorkspaceRequest);
      output.info(`Linted ${result.files} migration files: ${result.errors} errors, ${result.warnings} warnings`);
      return result;
    }),
  );
}

async function showRuleDocumentation(context: vscode.ExtensionContext, rule?: string): Promise<void> {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  let id = rule;
  if (!id) {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    const rules = entries.map(([name]) => name).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    id = await vscode.window.showQuickPick(rules, { placeHolder: 'Which rule?' });
    if (!id) return;
  }
  const page = vscode.Uri.joinPath(folder, `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showWarningMessage(`Cutover has no rule named "${id}".`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/**
 * The PlanetScale import workflow: every foreign key of a schema removed at once (indexes kept). The result is shown as
 * a diff first and applied only when confirmed, as one undoable edit, and only if the document did not change meanwhile.
 */
async function removeAllForeignKeys(client: LanguageClient, previews: PreviewDocuments, uri: vscode.Uri | undefined, confirm: boolean): Promise<number> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Open a SQL migration or schema first.');
    return 0;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const result = await client.sendRequest<FixRuleResult | null>(FixRuleRequest, { uri: document.uri.toString(), rule: 'no-foreign-keys' });
  if (!result || result.applied === 0) {
    void vscode.window.showInformationMessage('No foreign key constraints to remove in this file.');
    return 0;
  }
  if (confirm) {
    const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: document.uri.path, query: String(Date.now()) });
    previews.set(preview, result.text);
    await vscode.commands.executeCommand('vscode.diff', document.uri, preview, `${vscode.workspace.asRelativePath(document.uri)}: without foreign keys`);
    const choice = await vscode.window.showInformationMessage(
      `Remove ${result.applied} foreign key constraint${result.applied === 1 ? '' : 's'}? Indexes on their columns are kept.`,
      { modal: true },
      'Remove',
    );
    if (choice !== 'Remove') return 0;
  }
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage('The file changed while the preview was open; run the command again.');
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), result.text);
  return (await vscode.workspace.applyEdit(edit)) ? result.applied : 0;
}
