import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CutoverApi } from '../../../client/src/extension';
import type { PlanResult } from '../../../server/src/protocol';
import { waitFor, workspaceUri } from './helpers';

suite('Deploy-order preview', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens a webview with the three phases, the rename steps and a warning for the mixed migration; links open files', async () => {
    const api = vscode.extensions.getExtension<CutoverApi>('cutover-dev.cutover')!.exports;
    const files = ['000006_drop_title.up.sql', '000007_ignores.up.sql'].map((f) => workspaceUri('db', 'migrations', f));
    const plan = await vscode.commands.executeCommand<PlanResult>('cutover.previewDeployOrder', files[0], files);
    assert.ok(plan, 'a plan');
    assert.strictEqual(api.preview.current(), plan, 'the panel shows it');
    assert.deepStrictEqual(plan.phases.map((p) => p.name), ['before-code', 'app-deploy', 'after-code']);
    assert.deepStrictEqual(plan.phases[0].statements.map((s) => s.sql), ['ALTER TABLE posts ADD COLUMN slug VARCHAR(100) NULL', 'CREATE TABLE remarks LIKE comments']);
    assert.deepStrictEqual(plan.phases[2].statements.map((s) => s.sql), ['ALTER TABLE posts DROP COLUMN title', 'DROP TABLE comments']);
    assert.strictEqual(plan.steps[0].title, 'Rename table comments to remarks');
    assert.match(plan.warnings[0].message, /000007_ignores\.up\.sql mixes changes/);
    assert.match(plan.markdown, /^## Deploy plan/);
    await waitFor('the webview tab', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === 'Deploy Order')));

    // The first link of the page is the first statement's file:line.
    await api.preview.handle({ type: 'open', link: 0 });
    const editor = await waitFor('the linked file', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('000007_ignores.up.sql') && vscode.window.activeTextEditor);
    assert.strictEqual(editor.selection.active.line, 1);
  });
});
