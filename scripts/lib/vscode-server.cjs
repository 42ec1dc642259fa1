// Shared by the integration-test runner, `npm start` and the screenshot script: starts the real VS Code server
// (server-main.js from the npm package code-server) on 127.0.0.1 and opens its workbench in Debian's Chromium.
'use strict';
const cp = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const cacheRoot = process.env.CUTOVER_VSCODE_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cutover-vscode-test');
const serverMain = process.env.VSCODE_SERVER_MAIN ||
  path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/code-server/lib/vscode/out/server-main.js');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function waitHttp(url, ms) {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => http.get(url, (res) => { res.resume(); resolve(); })
      .on('error', () => (Date.now() - t0 > ms ? reject(new Error(`VS Code server did not answer ${url}`)) : setTimeout(tick, 200)));
    tick();
  });
}

/** Starts the server with fresh data folders under `dataDir`; resolves once it answers HTTP. */
async function startServer({ dataDir, port, logFile }) {
  if (!fs.existsSync(serverMain)) throw new Error(`VS Code server not found at ${serverMain}: run scripts/install-vscode-server.sh`);
  const userData = path.join(dataDir, 'user-data');
  const log = fs.openSync(logFile, 'w');
  const server = cp.spawn(process.execPath, [serverMain,
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', // newer VS Code honours the test payload only with this flag
    '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', path.join(dataDir, 'server-data'), '--user-data-dir', userData,
    '--extensions-dir', path.join(dataDir, 'extensions'),
  ], { stdio: ['ignore', log, log], detached: true, env: { ...process.env, EXTENSIONS_GALLERY: '{}' /* no marketplace requests */ } });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } };
  process.on('exit', stop);
  await waitHttp(`http://127.0.0.1:${port}/version`, 60000);
  return { server, stop };
}

/** Headless Chromium with no outbound traffic: only 127.0.0.1 resolves. */
async function launchBrowser(profileDir, viewport = { width: 1280, height: 800 }) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run scripts/ensure-system-packages.sh`);
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath, headless: true, viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
}

/**
 * The workbench URL that opens `folder` (or a multi-root `.code-workspace` file) with the extension at
 * `extensionPath` loaded in development mode.
 */
function workbenchUrl(port, folder, { extensionPath, testsPath }) {
  const authority = `127.0.0.1:${port}`;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]);
  const open = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://${authority}/?${open}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { freePort, startServer, launchBrowser, workbenchUrl, serverMain };
