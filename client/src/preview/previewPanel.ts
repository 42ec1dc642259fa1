import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { PlanParams, PlanRequest, PlanResult } from '../../../server/src/protocol';
import { planHtml } from './html';

export type PreviewMessage = { type: 'copy' } | { type: 'open'; link: number };

/** "Cutover: Preview Deploy Order": one webview beside the editor, refreshed on each run. */
export class DeployPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private plan: PlanResult | undefined;
  private links: Array<{ uri: string; line: number }> = [];

  constructor(private readonly client: () => LanguageClient) {}

  /** What the panel shows, for the integration tests. */
  current(): PlanResult | undefined {
    return this.panel ? this.plan : undefined;
  }

  async show(uris: vscode.Uri[] | undefined, source?: 'git' | 'pending', branchName?: string): Promise<PlanResult | undefined> {
    const params: PlanParams = { uris: uris?.map((u) => u.toString()) };
    if (!params.uris?.length && branchName && !source) {
      // With a branch connected, what is pending on it is the other natural "change".
      const picked = await vscode.window.showQuickPick(
        [{ label: `Migrations pending on ${branchName}`, source: 'pending' as const }, { label: 'Migrations changed on this git branch', source: 'git' as const }],
        { placeHolder: 'Preview the deploy order of…' },
      );
      if (!picked) return undefined;
      source = picked.source;
    }
    params.pending = source === 'pending' || undefined;
    if (!params.uris?.length) {
      // The git change: running git needs a trusted workspace.
      if (!params.pending && !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Previewing the git change runs git: trust this workspace first, or select migrations in the Explorer.');
        return undefined;
      }
      const active = vscode.window.activeTextEditor?.document.uri;
      params.folder = (active && vscode.workspace.getWorkspaceFolder(active)?.uri.toString()) ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
    }
    const result = await this.client().sendRequest<PlanResult | { error: string }>(PlanRequest, params);
    if ('error' in result) {
      void vscode.window.showInformationMessage(result.error);
      return undefined;
    }
    this.plan = result;
    this.render();
    return result;
  }

  async handle(message: PreviewMessage): Promise<void> {
    if (message.type === 'copy' && this.plan) {
      await vscode.env.clipboard.writeText(this.plan.markdown);
      void vscode.window.showInformationMessage('Deploy plan copied as Markdown.');
    } else if (message.type === 'open') {
      const target = this.links[message.link];
      if (!target) return;
      const position = new vscode.Position(target.line, 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    }
  }

  private render(): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('cutover.deployOrder', 'Deploy Order', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: PreviewMessage) => void this.handle(message));
    }
    this.links = [];
    this.panel.webview.html = planHtml(this.plan!, this.links, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
