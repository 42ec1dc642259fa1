import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CutoverApi } from '../../../client/src/extension';
import { codeOf, cutoverDiagnostics, waitFor, workspaceUri } from './helpers';

const EXTENSION_ID = 'cutover-dev.cutover';
const POSTS = ['db', 'migrations', '000002_create_posts.up.sql'];

suite('Cutover in a real VS Code extension host', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('runs in a Node extension host', () => {
    assert.match(process.versions.node, /^\d+\.\d+\.\d+$/);
    assert.ok(vscode.version.startsWith('1.'), `VS Code version ${vscode.version}`);
  });

  test('activates on a .sql migration and starts the language server in its own process', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(...POSTS));
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'sql');
    const extension = vscode.extensions.getExtension<CutoverApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await waitFor('the extension to activate', () => extension.isActive);
    const info = await extension.exports.serverInfo();
    console.log(`language server pid ${info.pid} (node ${info.node}), extension host pid ${process.pid}`);
    assert.strictEqual(typeof info.pid, 'number');
    assert.notStrictEqual(info.pid, process.pid, 'the server runs in its own Node process');
  });

  test('flags the FOREIGN KEY clause with its range, code and docs link', async () => {
    const uri = workspaceUri(...POSTS);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor('a cutover diagnostic', () => cutoverDiagnostics(uri).length > 0 && cutoverDiagnostics(uri));
    assert.strictEqual(diagnostics.length, 1);
    const [fk] = diagnostics;
    assert.strictEqual(codeOf(fk), 'no-foreign-keys');
    assert.strictEqual(fk.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(
      [fk.range.start.line, fk.range.start.character, fk.range.end.line, fk.range.end.character],
      [6, 2, 6, 74],
    );
    const code = fk.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/no-foreign-keys\.md$/);
    assert.match(fk.message, /PlanetScale rejects foreign key constraints/);
  });

  test('"Remove foreign key constraint" keeps an index and clears the diagnostic without saving', async () => {
    const uri = workspaceUri(...POSTS);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [fk] = await waitFor('the FK diagnostic', () => cutoverDiagnostics(uri).length > 0 && cutoverDiagnostics(uri));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, fk.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Remove foreign key constraint'));
    assert.ok(fix?.edit, `quick fix offered; got: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.getText(), [
      '-- Posts belong to an author.',
      'CREATE TABLE posts (',
      '  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,',
      '  author_id BIGINT UNSIGNED NOT NULL,',
      '  title VARCHAR(200) NOT NULL,',
      '  PRIMARY KEY (id),',
      '  KEY author_id_idx (author_id)',
      ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
      '',
    ].join('\n'));
    assert.ok(document.isDirty, 'the fix is not saved');
    await waitFor('the diagnostic to clear', () => cutoverDiagnostics(uri).length === 0);
  });

  test('a rollback file (.down.sql) may drop what its migration added; the same DROP in a migration is flagged', async () => {
    const rollback = workspaceUri('db', 'migrations', '000002_create_posts.down.sql');
    const rollbackDocument = await vscode.workspace.openTextDocument(rollback);
    assert.match(rollbackDocument.getText(), /DROP TABLE posts/);
    const untitled = await vscode.workspace.openTextDocument({ language: 'sql', content: rollbackDocument.getText() });
    const [drop] = await waitFor('the same SQL to be flagged in an untitled document', () => cutoverDiagnostics(untitled.uri).length > 0 && cutoverDiagnostics(untitled.uri));
    assert.strictEqual(codeOf(drop), 'drop-table');
    assert.deepStrictEqual(cutoverDiagnostics(rollback).map(codeOf), []);
  });

  test('judges a migration against the earlier migrations of its folder, and points at them', async () => {
    const uri = workspaceUri('db', 'migrations', '000003_title_codes.up.sql');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const typeChange = await waitFor('change-column-type', () => cutoverDiagnostics(uri).find((d) => codeOf(d) === 'change-column-type'));
    assert.match(typeChange.message, /from VARCHAR\(200\) to INT/);
    assert.strictEqual(typeChange.severity, vscode.DiagnosticSeverity.Warning);
    const [related] = typeChange.relatedInformation ?? [];
    assert.ok(related, 'related information present');
    assert.match(related.location.uri.path, /000002_create_posts\.up\.sql$/);
    assert.strictEqual(related.location.range.start.line, 4);
    assert.strictEqual(related.message, 'posts.title was VARCHAR(200) here');
  });
});
