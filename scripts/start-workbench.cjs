#!/usr/bin/env node
// `npm start`: a real VS Code (the VS Code server from code-server, in the browser) on 127.0.0.1 with Cutover
// loaded from this checkout and the examples/ workspace open. Prints the URL; Ctrl-C stops it.
// PORT picks the port (default: a free one); CUTOVER_WORKSPACE opens another folder.
'use strict';
const fs = require('fs');
const path = require('path');
const { freePort, startServer, workbenchUrl } = require('./lib/vscode-server.cjs');

const root = path.resolve(__dirname, '..');
const workspace = path.resolve(process.env.CUTOVER_WORKSPACE || path.join(root, 'examples'));

(async () => {
  if (!fs.existsSync(path.join(root, 'dist/client.js'))) throw new Error('dist/client.js not found: run npm run build');
  // Settings and state persist between runs in the clone's git-ignored .vscode-test folder.
  const dataDir = path.join(root, '.vscode-test', 'workbench');
  fs.mkdirSync(dataDir, { recursive: true });
  const port = Number(process.env.PORT) || (await freePort());
  const logFile = path.join(dataDir, 'server.log');
  const { stop } = await startServer({ dataDir, port, logFile });
  const url = workbenchUrl(port, workspace, { extensionPath: root });
  console.log('\nCutover is running in VS Code (the VS Code server, served on 127.0.0.1 only).');
  console.log(`Open this URL in a browser on this machine:\n\n  ${url}\n`);
  console.log(`Workspace: ${workspace}\nServer log: ${logFile}`);
  console.log('From a terminal, the same engine: npx cutover lint examples/\n\nPress Ctrl-C to stop.');
  const shutdown = () => { stop(); process.exit(0); };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30); // stay up until interrupted
})().catch((e) => { console.error(`npm start failed: ${e.message}`); process.exit(1); });
