import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CutoverApi } from '../../../client/src/extension';
import { codeOf, cutoverDiagnostics, waitFor, workspaceUri } from './helpers';

const MIGRATIONS = ['db', 'migrations'];

async function open(...segments: string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Waits for `count` diagnostics of `rule`, published for the document's current text (not a version before an edit or revert). */
async function diagnosticsOf(document: vscode.TextDocument, rule: string, count = 1): Promise<vscode.Diagnostic[]> {
  return waitFor(`${count} ${rule} diagnostics`, () => {
    const all = cutoverDiagnostics(document.uri);
    const fresh = all.every((d) => !d.range.isEmpty && document.validateRange(d.range).isEqual(d.range));
    const found = all.filter((d) => codeOf(d) === rule);
    return fresh && found.length === count && found;
  });
}

async function actionsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, kind = vscode.CodeActionKind.QuickFix.value): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, kind);
}

async function apply(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, titlePrefix: string): Promise<string> {
  const actions = await actionsFor(document, diagnostic);
  const action = actions.find((a) => a.title.startsWith(titlePrefix));
  assert.ok(action?.edit, `"${titlePrefix}" offered; got: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return document.getText();
}

suite('Editor experience', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the workspace pass reports migrations that were never opened', async () => {
    const uri = workspaceUri(...MIGRATIONS, '000006_drop_title.up.sql');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'not open');
    const [drop] = await waitFor('the workspace pass', () => cutoverDiagnostics(uri).length > 0 && cutoverDiagnostics(uri));
    assert.strictEqual(codeOf(drop), 'drop-column');
  });

  test('SQL that is not a migration is left alone', async () => {
    const scratch = await open('scratch.sql');
    const migration = await open(...MIGRATIONS, '000002_create_posts.up.sql');
    await diagnosticsOf(migration, 'no-foreign-keys');
    assert.deepStrictEqual(cutoverDiagnostics(scratch.uri), []);
  });

  test('each folder of a multi-root workspace uses its own .cutover.json, and the status bar says which target', async () => {
    const api = vscode.extensions.getExtension<CutoverApi>('cutover-dev.cutover')!.exports;
    const app = await open(...MIGRATIONS, '000002_create_posts.up.sql');
    const [appFk] = await diagnosticsOf(app, 'no-foreign-keys');
    assert.strictEqual(appFk.severity, vscode.DiagnosticSeverity.Error);
    await waitFor('the status bar on planetscale, in the warning colour', () => /Cutover: planetscale/.test(api.statusBar().text) && api.statusBar().warning);
    const legacyFolder = vscode.workspace.workspaceFolders![1].uri;
    const legacy = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(legacyFolder, 'migrations', '001_accounts.up.sql'));
    await vscode.window.showTextDocument(legacy);
    const [legacyFk] = await diagnosticsOf(legacy, 'no-foreign-keys');
    assert.strictEqual(legacyFk.severity, vscode.DiagnosticSeverity.Information);
    await waitFor('the status bar on mysql', () => /Cutover: mysql/.test(api.statusBar().text));
  });

  test('remove FK: first definition without an index becomes a KEY', async () => {
    const document = await open(...MIGRATIONS, '000004_fk_positions.up.sql');
    const fks = await diagnosticsOf(document, 'no-foreign-keys', 3);
    const text = await apply(document, fks[0], 'Remove foreign key constraint');
    assert.strictEqual(text.split('\n')[1], '  KEY post_id_idx (post_id),');
    await diagnosticsOf(document, 'no-foreign-keys', 2);
  });

  test('remove FK: a middle definition with an index loses its line and comma, comments elsewhere stay', async () => {
    const document = await open(...MIGRATIONS, '000004_fk_positions.up.sql');
    const fks = await diagnosticsOf(document, 'no-foreign-keys', 3);
    const text = await apply(document, fks[1], 'Remove foreign key constraint');
    assert.strictEqual(text, [
      'CREATE TABLE comments (',
      '  CONSTRAINT comments_post_fk FOREIGN KEY (post_id) REFERENCES posts (id),',
      '  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,',
      '  post_id BIGINT UNSIGNED NOT NULL,',
      '  author_id BIGINT UNSIGNED NOT NULL, -- who wrote it',
      '  editor_id BIGINT UNSIGNED NULL,',
      '  PRIMARY KEY (id),',
      '  KEY comments_author_idx (author_id),',
      '  -- editors are optional',
      '  CONSTRAINT comments_editor_fk FOREIGN KEY (editor_id) REFERENCES users (id) ON DELETE SET NULL',
      ');',
      '',
    ].join('\n'));
  });

  test('remove FK: the last definition without an index becomes a KEY, cascade and all', async () => {
    const document = await open(...MIGRATIONS, '000004_fk_positions.up.sql');
    const fks = await diagnosticsOf(document, 'no-foreign-keys', 3);
    const text = await apply(document, fks[2], 'Remove foreign key constraint');
    assert.strictEqual(text.split('\n')[10], '  KEY editor_id_idx (editor_id)');
    await diagnosticsOf(document, 'no-cascade', 0);
  });

  test('remove FK in ALTER TABLE: the only clause, with an index already there, takes the statement', async () => {
    const document = await open(...MIGRATIONS, '000005_alter_fks.up.sql');
    const fks = await diagnosticsOf(document, 'no-foreign-keys', 2);
    const text = await apply(document, fks[0], 'Remove foreign key constraint');
    assert.ok(text.startsWith('ALTER TABLE comments\n'), text);
  });

  test('remove FK in ALTER TABLE: one of several clauses, no index on the column, becomes ADD INDEX', async () => {
    const document = await open(...MIGRATIONS, '000005_alter_fks.up.sql');
    const fks = await diagnosticsOf(document, 'no-foreign-keys', 2);
    const text = await apply(document, fks[1], 'Remove foreign key constraint');
    assert.strictEqual(text.split('\n').slice(1).join('\n'), [
      'ALTER TABLE comments',
      '  ADD COLUMN reply_to BIGINT UNSIGNED NULL,',
      '  ADD INDEX reply_to_idx (reply_to),',
      '  ADD INDEX comments_created_idx (id);',
      '',
    ].join('\n'));
  });

  test('remove cascading action', async () => {
    const document = await open(...MIGRATIONS, '000004_fk_positions.up.sql');
    const [cascade] = await diagnosticsOf(document, 'no-cascade');
    const text = await apply(document, cascade, 'Remove ON DELETE SET NULL');
    assert.ok(text.includes('  CONSTRAINT comments_editor_fk FOREIGN KEY (editor_id) REFERENCES users (id)\n);'), text);
  });

  test('ignore for this statement, and for this file', async () => {
    const document = await open(...MIGRATIONS, '000007_ignores.up.sql');
    const [rename] = await diagnosticsOf(document, 'rename-table');
    const statementIgnored = await apply(document, rename, 'Ignore rename-table for this statement');
    assert.ok(statementIgnored.includes('-- cutover-ignore rename-table\nRENAME TABLE comments TO remarks;'), statementIgnored);
    await diagnosticsOf(document, 'rename-table', 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const [again] = await diagnosticsOf(document, 'rename-table');
    const fileIgnored = await apply(document, again, 'Ignore rename-table for this file');
    assert.ok(fileIgnored.startsWith('-- cutover-ignore-file rename-table\n'), fileIgnored);
    await diagnosticsOf(document, 'rename-table', 0);
  });

  test('fix-all (source.fixAll.cutover) applies the safe fixes: an unused ignore goes', async () => {
    const document = await open(...MIGRATIONS, '000007_ignores.up.sql');
    await diagnosticsOf(document, 'unused-ignore');
    const [fixAll] = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.cutover');
    assert.ok(fixAll?.edit, 'fix-all offered');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.ok(document.getText().startsWith('ALTER TABLE posts ADD COLUMN slug'), document.getText());
    await diagnosticsOf(document, 'unused-ignore', 0);
  });

  test('"Show documentation" opens the rule page', async () => {
    const document = await open(...MIGRATIONS, '000007_ignores.up.sql');
    const [rename] = await waitFor('the rename diagnostic on the reverted text', () => {
      const found = cutoverDiagnostics(document.uri).filter((d) => codeOf(d) === 'rename-table' && document.getText(d.range) === 'comments TO remarks');
      return found.length === 1 && found;
    });
    const actions = await actionsFor(document, rename);
    const docs = actions.find((a) => a.title === 'Show documentation for rename-table');
    // The host hands commands with arguments back as internal delegates: run it as received.
    assert.ok(docs?.command, `the action carries a command: ${JSON.stringify(actions.map((a) => [a.title, a.command]))}`);
    await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
    await waitFor('the preview tab', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => /rename-table/.test(t.label))));
  });

  test('"Remove All Foreign Key Constraints in File" fixes every FK at once, keeping indexes', async () => {
    const document = await open(...MIGRATIONS, '000004_fk_positions.up.sql');
    await diagnosticsOf(document, 'no-foreign-keys', 3);
    const removed = await vscode.commands.executeCommand<number>('cutover.removeAllForeignKeys', document.uri, { confirm: false });
    assert.strictEqual(removed, 3);
    assert.ok(!/FOREIGN KEY/.test(document.getText()), document.getText());
    assert.ok(/KEY post_id_idx \(post_id\)/.test(document.getText()) && /KEY editor_id_idx \(editor_id\)/.test(document.getText()));
    await diagnosticsOf(document, 'no-foreign-keys', 0);
  });
});
