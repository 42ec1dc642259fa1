#!/usr/bin/env node
// `npm run bench`: how fast the engine lints, on generated input (no network, no database). Prints figures, asserts
// nothing: speed targets are read here, not in timed tests. Run after `npm run compile-tests`.
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');
const engine = require(path.join(__dirname, '..', 'out/server/src/engine'));

function dump(tables) {
  let sql = '/*!40101 SET NAMES utf8mb4 */;\n';
  for (let i = 0; i < tables; i++) {
    sql += `DROP TABLE IF EXISTS \`t${i}\`;\nCREATE TABLE \`t${i}\` (\n  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,\n  \`parent_id\` bigint unsigned DEFAULT NULL,\n  \`name\` varchar(255) NOT NULL DEFAULT '',\n  \`created_at\` timestamp NULL DEFAULT CURRENT_TIMESTAMP,\n  PRIMARY KEY (\`id\`),\n  KEY \`parent\` (\`parent_id\`),\n  CONSTRAINT \`t${i}_fk\` FOREIGN KEY (\`parent_id\`) REFERENCES \`t0\` (\`id\`) ON DELETE CASCADE\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n`;
  }
  return sql;
}

function time(label, fn, runs = 3) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${samples[Math.floor(runs / 2)].toFixed(1)} ms`);
  return result;
}

const options = { target: 'planetscale' };
for (const tables of [100, 1000, 5000]) {
  const sql = dump(tables);
  const result = time(`lint a ${(sql.length / 1e6).toFixed(1)} MB dump (${tables} tables)`, () => engine.lintFile(sql, options, 'schema.sql'));
  if (tables === 5000) console.log(`  ${result.findings.length} findings`);
}

// Typing in one statement of a 300-statement migration: every other statement is a cache hit.
const lines = [];
for (let i = 0; i < 300; i++) lines.push(`ALTER TABLE t${i % 20} ADD COLUMN c${i} VARCHAR(${i + 1}) NULL;`);
const base = lines.join('\n');
engine.lintFile(base, options, 'm.sql');
let n = 0;
time('re-lint a 300-statement migration after one edit', () => engine.lintFile(base.replace('c150 ', `c150x${n++} `), options, 'm.sql'), 9);
const before = process.memoryUsage().heapUsed;
engine.lintFile(dump(5000), options, 'schema.sql');
console.log(`${'heap used after the 5000-table dump'.padEnd(58)} ${((process.memoryUsage().heapUsed - before) / 1e6).toFixed(0)} MB more`);
