import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, tempFolder } from './helpers';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

describe('cutover plan', () => {
  test('--git-base takes the migrations added since the merge-base (committed, modified or untracked)', () => {
    const dir = tempFolder({ 'db/migrations/001_users.up.sql': 'CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, legacy VARCHAR(9));\n' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'add', '-A');
    git(dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', 'base');
    git(dir, 'checkout', '-qb', 'feature');
    fs.writeFileSync(path.join(dir, 'db/migrations/002_bio.up.sql'), 'ALTER TABLE users ADD COLUMN bio TEXT NULL;\n');
    git(dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'add', '-A');
    git(dir, '-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', 'bio');
    fs.writeFileSync(path.join(dir, 'db/migrations/003_drop.up.sql'), 'ALTER TABLE users DROP COLUMN legacy;\n');
    fs.writeFileSync(path.join(dir, 'db/migrations/004_rename.up.sql'), 'ALTER TABLE users RENAME COLUMN name TO full_name;\n');

    const { code, stdout, stderr } = runCli(['plan', '--git-base', 'main', '--format', 'json'], dir);
    assert.equal(code, 0, stderr);
    const plan = JSON.parse(stdout);
    assert.equal(plan.version, 1);
    assert.deepEqual(plan.phases.map((p: { name: string }) => p.name), ['before-code', 'app-deploy', 'after-code']);
    const statements = (name: string) => plan.phases.find((p: { name: string }) => p.name === name).statements.map((s: { sql: string }) => s.sql);
    assert.deepEqual(statements('before-code'), ['ALTER TABLE users ADD COLUMN bio TEXT NULL', 'ALTER TABLE users ADD COLUMN full_name VARCHAR(100) NULL']);
    assert.deepEqual(statements('after-code'), ['ALTER TABLE users DROP COLUMN legacy', 'ALTER TABLE users DROP COLUMN name']);
    const first = plan.phases[0].statements[0];
    assert.equal(first.path, path.join('db', 'migrations', '002_bio.up.sql'));
    assert.deepEqual(first.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 42 } });
    assert.deepEqual([first.kind, first.table, first.algorithm, first.rebuildsTable, first.concurrentDml], ['alter-table', 'users', 'INSTANT', false, true]);
    assert.equal(plan.steps[0].title, 'Rename users.name to full_name');

    const markdown = runCli(['plan', '--git-base', 'main'], dir).stdout;
    assert.match(markdown, /^## Deploy plan\n\n### 1\. Deploy request 1 — before the app deploy \(expand\) · instant deploy possible\n/);
    assert.match(markdown, /\| 2 \| `ALTER TABLE users DROP COLUMN name` \*\(planned\)\* \| db\/migrations\/004_rename\.up\.sql:1 \| INSTANT \|/);
    assert.match(markdown, /#### Rename users\.name to full_name/);
  });

  test('a bad base is a clear usage error', () => {
    const dir = tempFolder({ 'a.sql': 'SELECT 1;\n' });
    git(dir, 'init', '-q', '-b', 'main');
    const { code, stderr } = runCli(['plan', '--git-base', 'no-such-branch'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /git could not find a merge-base with no-such-branch/);
  });
});
