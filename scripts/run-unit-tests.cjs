#!/usr/bin/env node
// Runs every compiled unit test (out/test/**/*.test.js, except the VS Code e2e suite) with node's test runner.
// Node 20's `--test` takes no globs, so the file list is gathered here.
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');

const root = path.resolve(__dirname, '..', 'out', 'test');
const skip = new Set([path.join(root, 'e2e')]);
function collect(dir, files) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (!skip.has(full)) collect(full, files); }
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files;
}
if (!fs.existsSync(root)) {
  console.error('No compiled tests in out/test: run `npm run compile-tests` first.');
  process.exit(2);
}
const filter = process.argv[2];
const files = collect(root, []).filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`No unit test files found${filter ? ` matching ${filter}` : ''}.`);
  process.exit(2);
}
const result = cp.spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
