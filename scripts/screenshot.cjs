#!/usr/bin/env node
// `npm run screenshot`: retakes the README screenshot from the real workbench: the examples/ workspace with a
// migration open, its foreign key squiggled, the hover and the Problems panel showing.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { freePort, startServer, launchBrowser, workbenchUrl } = require('./lib/vscode-server.cjs');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'images', 'screenshot-problems.png');
const file = process.env.SCREENSHOT_FILE || '000002_create_orders.up.sql';

(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-shot-'));
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
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
  } finally {
    await context.close().catch(() => {});
    stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
})().catch((e) => { console.error(`screenshot failed: ${e.message}`); process.exit(1); });
