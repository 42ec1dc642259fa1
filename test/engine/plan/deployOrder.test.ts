import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Schema, replayFile } from '../../../server/src/engine';
import { planDeploy } from '../../../server/src/engine/plan/deployOrder';

const history = replayFile(
  [
    'CREATE TABLE users (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, legacy_code VARCHAR(20), age INT) DEFAULT CHARSET=utf8mb4;',
    'CREATE TABLE orgs (id BIGINT NOT NULL PRIMARY KEY);',
    'CREATE TABLE members (id BIGINT NOT NULL PRIMARY KEY, org_id BIGINT, CONSTRAINT members_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id));',
  ].join('\n'),
  'history.sql',
  new Schema(),
);

function sqlOf(plan: ReturnType<typeof planDeploy>, phase: string): string[] {
  return plan.phases.find((p) => p.name === phase)!.statements.map((s) => s.sql);
}

describe('deploy-order planner', () => {
  test('add before the code, drop after it, rename as expand/contract steps', () => {
    const plan = planDeploy(
      [
        { path: '001_add.sql', source: 'ALTER TABLE users ADD COLUMN bio TEXT NULL;' },
        { path: '002_drop.sql', source: 'ALTER TABLE users DROP COLUMN legacy_code;' },
        { path: '003_rename.sql', source: 'ALTER TABLE users RENAME COLUMN name TO full_name;' },
      ],
      { target: 'planetscale' },
      history,
    );
    assert.deepEqual(plan.phases.map((p) => p.name), ['before-code', 'app-deploy', 'after-code']);
    assert.deepEqual(sqlOf(plan, 'before-code'), ['ALTER TABLE users ADD COLUMN bio TEXT NULL', 'ALTER TABLE users ADD COLUMN full_name VARCHAR(100) NULL']);
    assert.deepEqual(sqlOf(plan, 'after-code'), ['ALTER TABLE users DROP COLUMN legacy_code', 'ALTER TABLE users DROP COLUMN name']);
    assert.equal(plan.steps.length, 1);
    assert.equal(plan.steps[0].title, 'Rename users.name to full_name');
    assert.deepEqual(plan.steps[0].steps.map((s) => s.kind), ['deploy-request', 'app', 'backfill', 'app', 'deploy-request']);
    assert.match(plan.steps[0].steps[2].sql!, /^UPDATE users SET full_name = name WHERE full_name IS NULL/);
    const [first] = plan.phases[0].statements;
    assert.equal(first.algorithm, 'INSTANT');
    assert.equal(plan.phases[0].instantEligible, true);
    assert.deepEqual(plan.warnings, []);
  });

  test('a type change is planned like a rename; a widening is not', () => {
    const plan = planDeploy([{ path: '004.sql', source: 'ALTER TABLE users MODIFY age VARCHAR(10) NULL;\nALTER TABLE users MODIFY name VARCHAR(200) NOT NULL;' }], { target: 'planetscale' }, history);
    assert.equal(plan.steps.length, 1);
    assert.match(plan.steps[0].title, /^Change users\.age from INT to VARCHAR\(10\)/);
    assert.deepEqual(sqlOf(plan, 'before-code'), ['ALTER TABLE users ADD COLUMN age_new VARCHAR(10) NULL', 'ALTER TABLE users MODIFY name VARCHAR(200) NOT NULL']);
    assert.equal(plan.phases[0].instantEligible, false, 'widening VARCHAR across 255 bytes is not instant');
  });

  test('referenced tables are created first, whatever the file order', () => {
    const files = [
      { path: '010_child.sql', source: 'CREATE TABLE posts (id INT PRIMARY KEY, topic_id INT, FOREIGN KEY (topic_id) REFERENCES topics (id));' },
      { path: '011_parent.sql', source: 'CREATE TABLE topics (id INT PRIMARY KEY);' },
    ];
    assert.deepEqual(planDeploy(files, { target: 'mysql' }).phases[0].statements.map((s) => s.table), ['topics', 'posts']);
    assert.deepEqual(planDeploy([files[1], files[0]], { target: 'mysql' }).phases[0].statements.map((s) => s.table), ['topics', 'posts']);
  });

  test('drops go in reverse dependency order: the child (or its FK) before the parent', () => {
    const plan = planDeploy([{ path: '020.sql', source: 'DROP TABLE orgs;\nDROP TABLE members;' }], { target: 'mysql' }, history);
    assert.deepEqual(sqlOf(plan, 'after-code'), ['DROP TABLE members', 'DROP TABLE orgs']);
    const viaFk = planDeploy([{ path: '021.sql', source: 'DROP TABLE orgs;\nALTER TABLE members DROP FOREIGN KEY members_org_fk;' }], { target: 'mysql' }, history);
    assert.deepEqual(sqlOf(viaFk, 'after-code'), ['ALTER TABLE members DROP FOREIGN KEY members_org_fk', 'DROP TABLE orgs']);
  });

  test('a cycle is reported, not silently broken', () => {
    const plan = planDeploy(
      [{ path: '030.sql', source: 'CREATE TABLE a (id INT PRIMARY KEY, b_id INT, FOREIGN KEY (b_id) REFERENCES b (id));\nCREATE TABLE b (id INT PRIMARY KEY, a_id INT, FOREIGN KEY (a_id) REFERENCES a (id));' }],
      { target: 'mysql' },
    );
    assert.deepEqual(sqlOf(plan, 'before-code').map((s) => s.slice(0, 14)), ['CREATE TABLE a', 'CREATE TABLE b']);
    assert.equal(plan.warnings.length, 1);
    assert.match(plan.warnings[0].message, /cycle between a, b/);
  });

  test('a migration that mixes phases is warned about; rollbacks are not part of the plan', () => {
    const plan = planDeploy(
      [
        { path: '040_mixed.sql', source: 'ALTER TABLE users ADD COLUMN x INT NULL;\nALTER TABLE users DROP COLUMN legacy_code;' },
        { path: '040_mixed.down.sql', source: 'ALTER TABLE users ADD COLUMN legacy_code VARCHAR(20);' },
      ],
      { target: 'planetscale' },
      history,
    );
    assert.equal(plan.warnings.length, 1);
    assert.match(plan.warnings[0].message, /040_mixed\.sql mixes changes/);
    assert.deepEqual(sqlOf(plan, 'before-code'), ['ALTER TABLE users ADD COLUMN x INT NULL']);
  });
});
