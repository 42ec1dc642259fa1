#!/usr/bin/env node
// `npm run screenshot`: retakes the README screenshots from the real workbench: the examples/ workspace with a
// migration open, its foreign key squiggled, the hover and the Problems panel showing; then the deploy-order preview of
// a branch that adds, drops and renames columns.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, startServer, launchBrowser, workbenchUrl } = require('./lib/vscode-server.cjs');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'images', 'screenshot-problems.png');
const previewOut = path.join(root, 'images', 'screenshot-preview.png');
const cp = require('child_process');

/** A git history for the copy: the first two migrations on main, the rest on a feature branch (the change to preview). */
function makeBranch(workspace) {
  const git = (...args) => cp.execFileSync('git', ['-c', 'user.email=screenshot@example.invalid', '-c', 'user.name=screenshot', ...args], { cwd: workspace, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', 'README.md', '.cutover.json', 'database', 'db/migrations/000001_create_users.up.sql', 'db/migrations/000001_create_users.down.sql', 'db/migrations/000002_create_orders.up.sql', 'db/migrations/000002_create_orders.down.sql');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  git('add', '-A');
  git('commit', '-qm', 'feature');
}
const file = process.env.SCREENSHOT_FILE || '000002_create_orders.up.sql';

(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-shot-'));
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  makeBranch(workspace);
  const port = await freePort();
  const { stop } = await startServer({ dataDir: tmp, port, logFile: path.join(tmp, 'server.log') });
  const context = await launchBrowser(path.join(tmp, 'chromium'), { width: 1400, height: 860 });
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(workbenchUrl(port, workspace, { extensionPath: root }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(4000); // let the workbench settle before typing
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
    await page.keyboard.type(file);
    await page.waitForTimeout(1000);
    await page.keyboard.press('Enter');
    const squiggle = page.locator('.squiggly-error').first();
    await squiggle.waitFor({ timeout: 60000 });
    await page.keyboard.press('Control+Shift+M'); // Problems panel
    await page.waitForTimeout(1500);
    // Hover with the mouse itself: the editor's text layer sits above the squiggle's decoration element.
    const box = await squiggle.boundingBox();
    if (box) await page.mouse.move(box.x + Math.min(box.width / 2, 60), box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover', { timeout: 20000 }).catch(() => {});
    await page.waitForTimeout(1000);
    await page.screenshot({ path: out });
    console.log(`wrote ${path.relative(root, out)}`);

    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M'); // close the Problems panel again
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
    await page.keyboard.type('Cutover: Preview Deploy Order');
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForSelector('iframe.webview', { timeout: 60000 });
    await page.waitForTimeout(3000);
    await page.screenshot({ path: previewOut });
    console.log(`wrote ${path.relative(root, previewOut)}`);
  } finally {
    await context.close().catch(() => {});
    stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
})().catch((e) => { console.error(`screenshot failed: ${e.message}`); process.exit(1); });
