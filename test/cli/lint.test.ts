import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';

// The CLI is tested as users run it: the bundled dist/cli.js (npm test builds it first).
const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function run(args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('cutover lint', () => {
  const dir = tempMigrations({
    'migrations/001_posts.up.sql': 'CREATE TABLE posts (\n  id INT PRIMARY KEY,\n  author_id INT,\n  FOREIGN KEY (author_id) REFERENCES users (id)\n);\n',
    'migrations/001_posts.down.sql': 'ALTER TABLE posts ADD FOREIGN KEY (author_id) REFERENCES users (id);\n',
    'migrations/002_ok.up.sql': 'CREATE TABLE tags (id INT PRIMARY KEY);\n',
    'node_modules/pkg/x.sql': 'ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES c (id);\n',
  });

  test('--format json prints one object with 0-based ranges and fixes, and exits 1 on errors', () => {
    const { code, stdout } = run(['lint', 'migrations', '--format', 'json'], dir);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), [
      path.join('migrations', '001_posts.down.sql'),
      path.join('migrations', '001_posts.up.sql'),
      path.join('migrations', '002_ok.up.sql'),
    ]);
    const [down, up, ok] = report.files;
    assert.deepEqual(down.diagnostics, []);
    assert.deepEqual(ok.diagnostics, []);
    assert.equal(up.diagnostics.length, 1);
    const [fk] = up.diagnostics;
    assert.equal(fk.rule, 'no-foreign-keys');
    assert.equal(fk.severity, 'error');
    assert.deepEqual(fk.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 47 } });
    assert.equal(fk.fixes[0].title, 'Remove foreign key constraint (keep an index on its columns)');
    assert.deepEqual(fk.fixes[0].edits, [{ range: fk.range, newText: 'KEY author_id_idx (author_id)' }]);
  });

  test('text output gives file:line:col, and exit 0 when only warnings', () => {
    const { code, stdout } = run(['lint', path.join(dir, 'migrations'), '--target', 'vitess']);
    assert.equal(code, 0);
    assert.match(stdout, /001_posts\.up\.sql:4:3 {2}warning {2}Foreign key constraint on posts \(author_id\)/);
    assert.match(stdout, /0 errors, 1 warnings, 0 infos in 3 files/);
  });

  test('folders skip node_modules; a file named explicitly is always linted', () => {
    const walked = JSON.parse(run(['lint', '.', '--format=json'], dir).stdout);
    assert.ok(walked.files.every((f: { path: string }) => !f.path.includes('node_modules')));
    const named = JSON.parse(run(['lint', 'node_modules/pkg/x.sql', '--format=json'], dir).stdout);
    assert.equal(named.files[0].diagnostics.length, 1);
  });

  test('usage errors exit 2 with a clear message', () => {
    const badTarget = run(['lint', '--target', 'postgres'], dir);
    assert.equal(badTarget.code, 2);
    assert.match(badTarget.stderr, /unknown target "postgres"/);
    const missing = run(['lint', 'nowhere'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nowhere/);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['--help']).code, 0);
  });
});
