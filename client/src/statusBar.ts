import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { DiagnosticCounts, DiagnosticCountsNotification, DocumentInfo, DocumentInfoRequest } from '../../server/src/protocol';

/**
 * `$(database) Cutover: planetscale` for the active SQL editor: the target its `.cutover.json` or settings choose.
 * It turns to the warning colour while migrations have errors; clicking it opens the Problems panel.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cutover.status', vscode.StatusBarAlignment.Left, 50);
  private counts: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };
  private info: DocumentInfo | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Cutover';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      client.onNotification(DiagnosticCountsNotification, (counts: DiagnosticCounts) => {
        this.counts = counts;
        this.render();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
    );
    void this.refresh();
  }

  /** The text and colour, for the integration tests. */
  state(): { text: string; warning: boolean; visible: boolean } {
    return { text: this.item.text, warning: this.item.backgroundColor !== undefined, visible: this.info !== undefined };
  }

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    this.info = document && (document.languageId === 'sql' || document.languageId === 'php')
      ? await this.client.sendRequest<DocumentInfo>(DocumentInfoRequest, { uri: document.uri.toString() }).catch(() => undefined)
      : undefined;
    this.render();
  }

  private render(): void {
    if (!this.info) {
      this.item.hide();
      return;
    }
    const { errors, warnings } = this.counts;
    this.item.text = `$(database) Cutover: ${this.info.target}${errors > 0 ? ` $(error) ${errors}` : ''}${warnings > 0 ? ` $(warning) ${warnings}` : ''}`;
    this.item.tooltip = new vscode.MarkdownString(
      `Target **${this.info.target}**${this.info.configFile ? ` from \`${this.info.configFile}\`` : ' (settings)'}.` +
        (this.info.linted ? '' : '\n\nThis file does not look like a migration and is not linted; add it to `cutover.include` to lint it.'),
    );
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
