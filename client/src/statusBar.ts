import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { DiagnosticCounts, DiagnosticCountsNotification, DocumentInfo, DocumentInfoRequest } from '../../server/src/protocol';
import { BranchState } from './branches/manager';

/**
 * `$(database) Cutover: planetscale` for the active SQL editor: the target its `.cutover.json` or settings choose.
 * It turns to the warning colour while migrations have errors; clicking it opens the Problems panel.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cutover.status', vscode.StatusBarAlignment.Left, 50);
  private counts: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };
  private info: DocumentInfo | undefined;
  private branch: BranchState;
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

  setBranch(branch: BranchState): void {
    this.branch = branch;
    this.render();
  }

  /** The text and colour, for the integration tests. */
  state(): { text: string; warning: boolean; visible: boolean } {
    return { text: this.item.text, warning: this.item.backgroundColor !== undefined, visible: this.info !== undefined || this.branch !== undefined };
  }

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    this.info = document && (document.languageId === 'sql' || document.languageId === 'php')
      ? await this.client.sendRequest<DocumentInfo>(DocumentInfoRequest, { uri: document.uri.toString() }).catch(() => undefined)
      : undefined;
    this.render();
  }

  private render(): void {
    if (!this.info && !this.branch) {
      this.item.hide();
      return;
    }
    const { errors, warnings } = this.counts;
    // `$(database) app/dev` while a branch is active (crossed out while unreachable), then the target and counts.
    const branch = this.branch ? `$(${this.branch.connected ? 'database' : 'debug-disconnect'}) ${this.branch.connection.id} · ` : '$(database) ';
    this.item.text = `${branch}Cutover: ${this.info?.target ?? 'branch'}${errors > 0 ? ` $(error) ${errors}` : ''}${warnings > 0 ? ` $(warning) ${warnings}` : ''}`;
    const branchLine = this.branch
      ? `Branch **${this.branch.connection.id}**${this.branch.connection.production ? ' (production)' : ''}: ${this.branch.connected ? 'connected' : 'not reachable'}.\n\n`
      : '';
    this.item.tooltip = new vscode.MarkdownString(
      branchLine +
        (this.info ? `Target **${this.info.target}**${this.info.configFile ? ` from \`${this.info.configFile}\`` : ' (settings)'}.` : '') +
        (this.info && !this.info.linted ? '\n\nThis file does not look like a migration and is not linted; add it to `cutover.include` to lint it.' : ''),
    );
    const alarming = errors > 0 || this.branch?.connection.production === true;
    this.item.backgroundColor = alarming ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
