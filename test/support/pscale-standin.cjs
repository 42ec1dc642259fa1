#!/usr/bin/env node
// A stand-in for the PlanetScale CLI `pscale`, for tests. It understands two commands:
//   pscale branch list <db> --format json [--org O]
//       prints the JSON array in the file named by PSCALE_STANDIN_BRANCHES.
//   pscale connect <db> <branch> [--port N] [--org O]
//       listens on 127.0.0.1 (port N, 3306 by default, or a random free port when that one is busy), forwards every
//       connection to PSCALE_STANDIN_TARGET (`host:port`, a loopback address) and prints the lines the real one prints.
//       It runs until SIGTERM or SIGINT, then closes everything and exits 0.
// Anything else prints a usage message and exits 1.
'use strict';
const fs = require('fs');
const net = require('net');

const USAGE = [
  'usage (pscale stand-in for tests):',
  '  pscale branch list <database> --format json [--org <org>]',
  '  pscale connect <database> <branch> [--port <port>] [--org <org>]',
].join('\n');

function fail(message) {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) { positional.push(arg); continue; }
    if (m[2] !== undefined) flags[m[1]] = m[2];
    else if (i + 1 < argv.length) flags[m[1]] = argv[++i];
    else fail(`flag needs an argument: --${m[1]}\n${USAGE}`);
  }
  return { positional, flags };
}

function branchList(db, flags) {
  if (flags.format !== 'json') fail(`the stand-in only prints --format json\n${USAGE}`);
  const file = process.env.PSCALE_STANDIN_BRANCHES;
  if (!file) fail('PSCALE_STANDIN_BRANCHES is not set');
  let branches;
  try {
    branches = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`cannot read the branches of ${db} from ${file}: ${err.message}`);
  }
  if (!Array.isArray(branches)) fail(`${file} does not hold a JSON array`);
  process.stdout.write(JSON.stringify(branches, null, 2) + '\n');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function parseTarget(text) {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(text || '') || /^([^:]+):(\d+)$/.exec(text || '');
  if (!m) fail('PSCALE_STANDIN_TARGET must be set to host:port');
  if (!LOOPBACK.has(m[1])) fail(`PSCALE_STANDIN_TARGET must be a loopback address, not ${m[1]}`);
  return { host: m[1], port: Number(m[2]) };
}

function connect(db, branch, flags) {
  const target = parseTarget(process.env.PSCALE_STANDIN_TARGET);
  const asked = flags.port === undefined ? 3306 : Number(flags.port);
  if (!Number.isInteger(asked) || asked < 0 || asked > 65535) fail(`invalid port ${flags.port}`);
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const end = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const ready = () => {
    const { port } = server.address();
    process.stdout.write(`Secure connection to database ${db} and branch ${branch} is established!.\n\n`
      + `Local address to connect your application: 127.0.0.1:${port} (press ctrl-c to quit)\n`);
  };
  server.once('error', (err) => {
    if (err.code !== 'EADDRINUSE') fail(err.message);
    process.stdout.write(`Tried address 127.0.0.1:${asked}, but it's already in use. Picking up a random port ...\n`);
    server.once('error', (again) => fail(again.message));
    server.listen(0, '127.0.0.1', ready);
  });
  server.listen(asked, '127.0.0.1', ready);
  const shutdown = () => {
    for (const s of sockets) s.destroy();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

const { positional, flags } = parseArgs(process.argv.slice(2));
if (positional[0] === 'branch' && positional[1] === 'list' && positional.length === 3) branchList(positional[2], flags);
else if (positional[0] === 'connect' && positional.length === 3) connect(positional[1], positional[2], flags);
else {
  process.stderr.write(`${USAGE}\n`);
  process.exit(1);
}
