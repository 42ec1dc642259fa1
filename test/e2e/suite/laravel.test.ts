import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, cutoverDiagnostics, waitFor, workspaceUri } from './helpers';

suite('Laravel migrations in the editor', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('foreignId()->constrained()->cascadeOnDelete(): both problems on the right call, and the fix gives ->index()', async () => {
    const uri = workspaceUri('database', 'migrations', '2024_05_01_000000_create_comments_table.php');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'php');
    const diagnostics = await waitFor('the FK and cascade problems', () => {
      const found = cutoverDiagnostics(uri);
      return found.length >= 2 && found;
    });
    const fk = diagnostics.find((d) => codeOf(d) === 'no-foreign-keys')!;
    const cascade = diagnostics.find((d) => codeOf(d) === 'no-cascade')!;
    assert.strictEqual(document.getText(fk.range), 'constrained()');
    assert.strictEqual(document.getText(cascade.range), 'cascadeOnDelete()');
    assert.deepStrictEqual(diagnostics.filter((d) => codeOf(d) === 'drop-table'), [], 'down() is the rollback');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, fk.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Remove foreign key constraint'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().includes("$table->foreignId('user_id')->index();"), document.getText());
    await waitFor('the problems to clear', () => cutoverDiagnostics(uri).every((d) => codeOf(d) !== 'no-foreign-keys' && codeOf(d) !== 'no-cascade'));
  });
});
