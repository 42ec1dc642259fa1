import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempFolder } from './helpers';

describe('cutover lint', () => {
  const dir = tempFolder({
    'migrations/001_posts.up.sql': 'CREATE TABLE posts (\n  id INT PRIMARY KEY,\n  author_id INT,\n  FOREIGN KEY (author_id) REFERENCES users (id)\n);\n',
    'migrations/001_posts.down.sql': 'DROP TABLE posts;\n',
    'migrations/002_ok.up.sql': 'CREATE TABLE tags (id INT PRIMARY KEY);\n',
    'node_modules/pkg/x.sql': 'ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES c (id);\n',
  });

  test('--format json prints one object with 0-based ranges and fixes, and exits 1 on errors', () => {
    const { code, stdout } = runCli(['lint', 'migrations', '--format', 'json'], dir);
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
    const { code, stdout } = runCli(['lint', path.join(dir, 'migrations'), '--target', 'vitess']);
    assert.equal(code, 0);
    assert.match(stdout, /001_posts\.up\.sql:4:3 {2}warning {2}Foreign key constraint on posts \(author_id\)/);
    assert.match(stdout, /0 errors, 1 warnings, 0 infos in 3 files/);
  });

  test('folder walks take migrations (by path or by their schema changes) and include globs; other SQL only when named', () => {
    const folder = tempFolder({
      '.cutover.json': JSON.stringify({ include: ['reports/*.sql'] }),
      'queries/adhoc.sql': 'SELECT * FROM a WHERE id = 1;\n',
      'reports/monthly.sql': 'SELECT 2;\n',
      'db/001_x.sql': 'DROP TABLE c;\n',
      'samples/employees.sql': '-- Sample data\nDROP TABLE IF EXISTS e;\nCREATE TABLE e (id INT PRIMARY KEY);\n',
    });
    const walked = JSON.parse(runCli(['lint', '.', '--format', 'json'], folder).stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(walked, [path.join('db', '001_x.sql'), path.join('reports', 'monthly.sql'), path.join('samples', 'employees.sql')]);
    const named = JSON.parse(runCli(['lint', 'queries/adhoc.sql', '--format', 'json'], folder).stdout);
    assert.equal(named.files.length, 1);
  });

  test('folders skip node_modules; a file named explicitly is always linted', () => {
    const walked = JSON.parse(runCli(['lint', '.', '--format=json'], dir).stdout);
    assert.ok(walked.files.every((f: { path: string }) => !f.path.includes('node_modules')));
    const named = JSON.parse(runCli(['lint', 'node_modules/pkg/x.sql', '--format=json'], dir).stdout);
    assert.deepEqual(named.files[0].diagnostics.map((d: { rule: string }) => d.rule), ['locking-alter', 'no-foreign-keys']);
  });

  test('a file is judged against the earlier migrations of its folder, even when only it is named', () => {
    const folder = tempFolder({
      '1_users.up.sql': 'CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL);\n',
      '2_type.up.sql': 'ALTER TABLE users MODIFY name INT NOT NULL;\n',
    });
    const { stdout } = runCli(['lint', '2_type.up.sql', '--format', 'json'], folder);
    const rules = JSON.parse(stdout).files[0].diagnostics.map((d: { rule: string; message: string }) => d.rule);
    assert.ok(rules.includes('change-column-type'), `got ${rules.join(', ')}`);
  });

  test('usage errors exit 2 with a clear message', () => {
    const badTarget = runCli(['lint', '--target', 'postgres'], dir);
    assert.equal(badTarget.code, 2);
    assert.match(badTarget.stderr, /unknown target "postgres"/);
    const empty = runCli(['lint', '.'], tempFolder({ 'docs/notes.txt': 'nothing here' }));
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no SQL migrations found in \./);
    const missing = runCli(['lint', 'nowhere'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: nowhere/);
    assert.match(runCli(['lint', '--format', 'xml'], dir).stderr, /unknown format "xml"/);
    assert.equal(runCli(['frobnicate']).code, 2);
    assert.equal(runCli(['--help']).code, 0);
  });
});

describe('cutover lint: config, SARIF and GitHub annotations', () => {
  const dir = tempFolder({
    '.cutover.json': JSON.stringify({ target: 'mysql', rules: { 'no-foreign-keys': 'error' }, exclude: ['seeds/**'] }),
    'db/1_a.up.sql': 'ALTER TABLE a ADD FOREIGN KEY (b) REFERENCES c (id);\n',
    'seeds/data.sql': 'DROP TABLE a;\n',
    'other/.cutover.json': '{ "target": "planetscale", "rules": { "nope": "off" } }',
    'other/1_x.up.sql': 'ALTER TABLE x RENAME COLUMN a TO b;\n',
  });

  test('each file uses its nearest .cutover.json; excluded files are skipped; config problems go to stderr', () => {
    const { stdout, stderr } = runCli(['lint', '.', '--format', 'json'], dir);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), [path.join('db', '1_a.up.sql'), path.join('other', '1_x.up.sql')]);
    const severityOf = (file: { diagnostics: Array<{ rule: string; severity: string }> }, rule: string) => file.diagnostics.find((d) => d.rule === rule)?.severity;
    assert.equal(severityOf(report.files[0], 'no-foreign-keys'), 'error', 'rules override of the root config');
    assert.equal(severityOf(report.files[0], 'locking-alter'), 'warning', 'target mysql from the root config');
    assert.equal(severityOf(report.files[1], 'rename-column'), 'error', 'rename-column is an error on planetscale');
    assert.match(stderr, /other[/\\]\.cutover\.json: rules\.nope: unknown rule "nope"/);
  });

  test('with no paths, the config\'s migrations folders are linted', () => {
    const folder = tempFolder({
      '.cutover.json': JSON.stringify({ migrations: ['db/migrations'] }),
      'db/migrations/1_a.up.sql': 'DROP TABLE a;\n',
      'scratch/query.sql': 'DROP TABLE b;\n',
    });
    const report = JSON.parse(runCli(['lint', '--format', 'json'], folder).stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), [path.join('db', 'migrations', '1_a.up.sql')]);
  });

  test('--target on the command line wins over the config file', () => {
    const report = JSON.parse(runCli(['lint', 'other', '--format', 'json', '--target', 'mysql'], dir).stdout);
    assert.equal(report.files[0].diagnostics[0].severity, 'warning');
  });

  test('SARIF 2.1.0 with rules, levels and 1-based regions', () => {
    const sarif = JSON.parse(runCli(['lint', 'db', '--format', 'sarif'], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'cutover');
    assert.ok(run.tool.driver.rules.some((r: { id: string; helpUri: string }) => r.id === 'no-foreign-keys' && r.helpUri.endsWith('docs/rules/no-foreign-keys.md')));
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'no-foreign-keys');
    assert.equal(result.ruleId, 'no-foreign-keys');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 15, endLine: 1, endColumn: 52 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'db/1_a.up.sql');
  });

  test('GitHub workflow annotations, escaped', () => {
    const { stdout, code } = runCli(['lint', 'db', '--format', 'github'], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^::warning file=db\/1_a\.up\.sql,line=1,col=15,endLine=1,endColumn=52,title=cutover locking-alter::ALGORITHM=COPY/m);
    assert.match(stdout, /^::error file=db\/1_a\.up\.sql,line=1,col=15,endLine=1,endColumn=52,title=cutover no-foreign-keys::Foreign key constraint on a \(b\)/m);
  });
});
