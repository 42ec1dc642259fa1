import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CutoverApi } from '../../../client/src/extension';
import { codeOf, cutoverDiagnostics, waitFor, workspaceUri } from './helpers';

interface TestDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Set by scripts/run-vscode-tests.cjs: a real MariaDB with app_main / app_dev, and a pscale stand-in on PATH. */
const database = (): TestDatabase => JSON.parse(process.env.CUTOVER_TEST_BRANCHES ?? 'null') as TestDatabase;

suite('Branch connections (real MariaDB, pscale stand-in)', function () {
  this.timeout(60000);
  let api: CutoverApi;
  const envPath = () => workspaceUri('.env').fsPath;
  const migration = () => workspaceUri('db', 'migrations', '000008_orders_total.up.sql');

  suiteSetup(async function () {
    if (!process.env.CUTOVER_TEST_BRANCHES) this.skip(); // @vscode/test-electron runs have no database
    api = vscode.extensions.getExtension<CutoverApi>('cutover-dev.cutover')!.exports;
    const db = database();
    await vscode.commands.executeCommand('cutover.addBranch', { name: 'dev', host: db.host, port: db.port, user: db.user, password: db.password, database: 'app_dev', branch: 'dev' });
    await vscode.commands.executeCommand('cutover.addBranch', { name: 'main', host: db.host, port: db.port, user: db.user, password: db.password, database: 'app_main', branch: 'main', production: true, safeMigrations: true });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('cutover.disconnectBranch');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('connections are saved without their password anywhere but SecretStorage', () => {
    const saved = JSON.stringify(vscode.workspace.getConfiguration('cutover').get('branches'));
    assert.match(saved, /"name":"dev"/);
    assert.ok(!saved.includes(database().password), 'no password in settings');
    const workspaceFile = vscode.workspace.workspaceFile!.fsPath;
    assert.ok(!fs.readFileSync(workspaceFile, 'utf8').includes(database().password), 'no password in the workspace file');
  });

  test('switching to dev rewrites only the connection keys of .env, and the server reads the branch', async () => {
    const before = fs.readFileSync(envPath(), 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('cutover.switchBranch', 'dev'), true);
    const after = fs.readFileSync(envPath(), 'utf8');
    const db = database();
    assert.strictEqual(after, before.replace('DB_PORT=3306', `DB_PORT=${db.port}`).replace('DB_DATABASE=app\n', 'DB_DATABASE=app_dev\n').replace('DB_USERNAME=root', `DB_USERNAME=${db.user}`).replace('DB_PASSWORD=\n', `DB_PASSWORD=${db.password}\n`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(migration()));
    const locking = await waitFor('locking-alter with the table size', () => cutoverDiagnostics(migration()).find((d) => codeOf(d) === 'locking-alter' && /rows on dev/.test(d.message)));
    assert.match(locking.message, /orders has about [\d,]+ rows on dev/);
    await waitFor('the status bar on dev', () => /\$\(database\) dev · Cutover/.test(api.statusBar().text));
  });

  test('the deploy-order preview of what is pending on the connected branch', async () => {
    const plan = await vscode.commands.executeCommand<{ description: string; phases: Array<{ name: string; statements: Array<{ sql: string; path?: string }> }> }>(
      'cutover.previewDeployOrder', undefined, undefined, 'pending');
    assert.ok(plan, 'a plan');
    assert.match(plan.description, /pending on dev \(golang-migrate\)/);
    const paths = plan.phases.flatMap((p) => p.statements.map((s) => s.path ?? ''));
    assert.ok(!paths.some((p) => /00000[12]_/.test(p)), `applied migrations are not planned: ${paths.join(', ')}`);
    assert.ok(paths.some((p) => p.includes('000008_orders_total')), paths.join(', '));
  });

  test('switching to a production branch with safe migrations: warning colour, and direct DDL is reported', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('cutover.switchBranch', 'main', { confirmProduction: true }), true);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(migration()));
    await waitFor('safe-migrations', () => cutoverDiagnostics(migration()).some((d) => codeOf(d) === 'safe-migrations'));
    await waitFor('the status bar on main, in the warning colour', () => /main · Cutover/.test(api.statusBar().text) && api.statusBar().warning);
    assert.match(fs.readFileSync(envPath(), 'utf8'), /^DB_DATABASE=app_main$/m);
    await vscode.commands.executeCommand('cutover.disconnectBranch');
    await waitFor('safe-migrations gone once disconnected', () => !cutoverDiagnostics(migration()).some((d) => codeOf(d) === 'safe-migrations'));
  });

  test('a bad password: one clear message, nothing half-switched', async () => {
    const db = database();
    await vscode.commands.executeCommand('cutover.addBranch', { name: 'broken', host: db.host, port: db.port, user: db.user, password: 'wrong', database: 'app_dev' });
    const before = fs.readFileSync(envPath(), 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('cutover.switchBranch', 'broken'), false);
    assert.strictEqual(fs.readFileSync(envPath(), 'utf8'), before, '.env untouched');
    assert.strictEqual(api.branches.current(), undefined);
    await vscode.commands.executeCommand('cutover.removeBranch', 'broken');
  });

  test('PlanetScale through pscale: branches listed from .pscale.yml, a proxy started, and recovery when it dies', async () => {
    const yml = path.join(path.dirname(envPath()), '.pscale.yml');
    fs.writeFileSync(yml, 'org: acme\ndatabase: app\nbranch: main\n');
    // The VS Code server resolves the login shell's PATH for extensions, so the stand-in is named in the setting.
    await vscode.workspace.getConfiguration('cutover').update('pscalePath', process.env.CUTOVER_TEST_PSCALE, vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand('cutover.switchBranch', 'app/dev'), true, api.branches.lastError);
    assert.match(fs.readFileSync(yml, 'utf8'), /^branch: dev$/m);
    const env = fs.readFileSync(envPath(), 'utf8');
    const port = /^DB_PORT=(\d+)$/m.exec(env)?.[1];
    assert.ok(port && Number(port) !== database().port, `the proxy's port, not the database's: ${port}`);
    assert.match(env, /^DB_DATABASE=app$/m);
    assert.ok(api.branches.current()?.connected);
    const pid = api.branches.proxyPid();
    assert.ok(pid, 'a proxy process');
    process.kill(pid, 'SIGKILL');
    await waitFor('the status bar to show the lost connection', () => api.branches.current()?.connected === false && /debug-disconnect/.test(api.statusBar().text));
    // Recovery: switching again starts a new proxy.
    assert.strictEqual(await vscode.commands.executeCommand('cutover.switchBranch', 'app/dev'), true, api.branches.lastError);
    assert.ok(api.branches.current()?.connected && api.branches.proxyPid() !== pid);
    fs.rmSync(yml);
  });
});
