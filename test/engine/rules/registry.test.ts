import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULES } from '../../../server/src/engine';
import { configJsonSchema } from '../../../server/src/engine/configSchema';
import { REQUIRED_DOC_SECTIONS, renderDocsPage, renderRuleTable } from '../../../server/src/engine/rules/docsPage';

const root = path.resolve(__dirname, '../../../..');
const rulesDir = path.join(root, 'server/src/engine/rules');

describe('rule registry', () => {
  test('every rule file is registered, and ids match file names', () => {
    const files = fs.readdirSync(rulesDir).filter((f) => /^[a-z]+(-[a-z]+)+\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(RULES.map((r) => r.id).sort(), files.sort());
  });

  test('every rule documents the required sections', () => {
    for (const rule of RULES) {
      for (const section of REQUIRED_DOC_SECTIONS) assert.ok(rule.docs.includes(`## ${section}\n`), `${rule.id} lacks "## ${section}"`);
    }
  });

  test('docs/rules and the README table are up to date (npm run docs)', () => {
    for (const rule of RULES) {
      const page = fs.readFileSync(path.join(root, 'docs/rules', `${rule.id}.md`), 'utf8');
      assert.equal(page, renderDocsPage(rule), `docs/rules/${rule.id}.md is stale: run npm run docs`);
    }
    assert.ok(fs.readFileSync(path.join(root, 'README.md'), 'utf8').includes(renderRuleTable(RULES)), 'README rule table is stale: run npm run docs');
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/cutover.schema.json'), 'utf8'));
    assert.deepEqual(schema, configJsonSchema(), 'schemas/cutover.schema.json is stale: run npm run docs');
  });
});
