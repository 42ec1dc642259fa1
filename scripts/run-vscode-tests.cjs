#!/usr/bin/env node
// Runs the mocha suite in out/test/e2e/suite inside a real VS Code extension host (Node), offline:
// the VS Code server from the npm package code-server, its workbench opened in headless Debian Chromium, and
// a test payload naming this extension and the suite. The workbench calls codeAutomationExit(code) at the end.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, startServer, launchBrowser, workbenchUrl } = require('./lib/vscode-server.cjs');

const root = path.resolve(__dirname, '..');
const testsPath = path.join(root, 'out/test/e2e/suite/index.js');
const fixtures = path.join(root, 'test/fixtures/workspace');
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 300000);

/** Files under `dir` (except the `skip` folders, where the tests put it on purpose) whose text contains `secret`. */
function filesContaining(dir, secret, skip) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (skip.has(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && fs.statSync(full).size < 20_000_000 && fs.readFileSync(full).includes(secret)) found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found;
}

/**
 * Creates the branch databases and the pscale stand-in: its `branch list` answer and an executable `pscale` (the tests
 * point `cutover.pscalePath` at it), proxying `connect` to the MariaDB. Returns what the tests need to add connections.
 */
async function seedBranches(db, tmp) {
  const connection = await db.connect(undefined, { multipleStatements: true });
  const rows = Array.from({ length: 3000 }, (_, i) => `(${i + 1}, ${i})`).join(',');
  for (const name of ['app_main', 'app_dev', 'app']) {
    await connection.query(`CREATE DATABASE \`${name}\`; USE \`${name}\`; CREATE TABLE orders (id INT PRIMARY KEY, total INT NOT NULL); INSERT INTO orders VALUES ${rows}; ANALYZE TABLE orders;`);
  }
  // app_dev has applied the first two golang-migrate migrations of the fixture folder; the rest are pending there.
  await connection.query('USE app_dev; CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty TINYINT(1) NOT NULL); INSERT INTO schema_migrations VALUES (2, 0);');
  await connection.query('USE app_main; CREATE TABLE users (id INT PRIMARY KEY); CREATE TABLE posts (id INT PRIMARY KEY, user_id INT, FOREIGN KEY (user_id) REFERENCES users (id));');
  // pscale connect's local proxy needs no password: a password-less user on `app` plays that part through the stand-in.
  await connection.query("CREATE USER 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL PRIVILEGES ON `app`.* TO 'root'@'127.0.0.1';");
  await connection.end();
  const bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  const standin = path.join(root, 'test/support/pscale-standin.cjs');
  fs.writeFileSync(path.join(bin, 'pscale'), `#!/bin/sh\nexec "${process.execPath}" "${standin}" "$@"\n`, { mode: 0o755 });
  const list = path.join(tmp, 'pscale-branches.json');
  fs.writeFileSync(list, JSON.stringify([
    { name: 'main', parent_branch: null, production: true, ready: true, safe_migrations: true, region: { slug: 'us-east' } },
    { name: 'dev', parent_branch: 'main', production: false, ready: true, safe_migrations: false, region: { slug: 'us-east' } },
  ]));
  process.env.CUTOVER_TEST_PSCALE = path.join(bin, 'pscale');
  process.env.PSCALE_STANDIN_BRANCHES = list;
  process.env.PSCALE_STANDIN_TARGET = `${db.host}:${db.port}`;
  return { host: db.host, port: db.port, user: db.user, password: db.password };
}
// The workbench's own start-up chatter, forwarded with the test output; VERBOSE=1 shows it.
const WORKBENCH_NOISE = /^(Ignoring fetching additional builtin|Updating additional builtin|Creating a socket|Resolving connection token|Resolved connection token|\[Service Worker\]|ChatSessionStore|Started local extension host|Extension host \(LocalProcess\))/;

(async () => {
  const t0 = Date.now();
  if (!fs.existsSync(testsPath)) throw new Error(`compiled suite not found at ${testsPath}: run npm run compile-tests`);
  if (!fs.existsSync(path.join(root, 'dist/client.js'))) throw new Error('dist/client.js not found: run npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-e2e-'));
  const scratch = path.join(tmp, 'tmp');
  fs.mkdirSync(scratch);
  process.env.TMPDIR = scratch; // the server's and the browser's temporary files (IPC sockets) stay in this run's folder
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(fixtures, workspace, { recursive: true }); // tests edit files: work on a copy
  // A real MariaDB for the branch-connection tests: databases app_main and app_dev stand in for two branches, `app` is
  // what the pscale stand-in's proxy serves. The VS Code server (and so the extension host) inherits the environment.
  const { startMariaDb } = require(path.join(root, 'out/test/support/mariadb.js'));
  const db = await startMariaDb();
  const password = db.password;
  process.env.CUTOVER_TEST_BRANCHES = JSON.stringify(await seedBranches(db, tmp));
  const port = await freePort();
  const serverLog = path.join(tmp, 'server.log');
  const server = await startServer({ dataDir: tmp, port, logFile: serverLog });
  const stop = () => {
    server.stop();
    return db.stop();
  };
  let context;
  let code = 'timeout';
  try {
    context = await launchBrowser(path.join(tmp, 'chromium'));
    const page = context.pages()[0] || (await context.newPage());
    const done = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        if (!process.env.VERBOSE && WORKBENCH_NOISE.test(String(args[0]))) return;
        (console[type] || console.log)(...args);
      });
      page.exposeFunction('codeAutomationExit', (exitCode) => resolve(exitCode));
    });
    if (process.env.VERBOSE) page.on('console', (m) => console.log('[browser]', m.type(), m.text()));
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    // The fixture is a multi-root workspace: two folders, each with its own .cutover.json.
    await page.goto(workbenchUrl(port, path.join(workspace, 'cutover-tests.code-workspace'), { extensionPath: root, testsPath }));
    code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    if (code !== 0) await page.screenshot({ path: path.join(tmp, 'failure.png') }).catch(() => {});
  } finally {
    if (context) await context.close().catch(() => {});
    await stop();
  }
  // The tests stored this password in SecretStorage and the app's .env; no log or setting file may hold it.
  const leaks = filesContaining(tmp, password, new Set([workspace, path.join(tmp, 'chromium'), scratch]));
  if (leaks.length > 0) {
    console.log(`the test password was written to: ${leaks.join(', ')}`);
    if (code === 0) code = 'secret leaked';
  }
  console.log(`VS Code integration tests: exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (code !== 0) {
    console.log(`server log and screenshot kept in ${tmp}`);
    console.log(fs.readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n'));
    process.exit(1);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(2); });
