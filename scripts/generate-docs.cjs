#!/usr/bin/env node
// `npm run docs`: writes docs/rules/<id>.md, the README's rule table and schemas/cutover.schema.json from the rule modules (compiled to out/).
// A unit test fails when the committed pages differ from what this would write.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const { RULES } = require(path.join(root, 'out/server/src/engine/rules/registry.js'));
const { renderDocsPage, renderRuleTable } = require(path.join(root, 'out/server/src/engine/rules/docsPage.js'));
const { configJsonSchema } = require(path.join(root, 'out/server/src/engine/configSchema.js'));

fs.mkdirSync(path.join(root, 'docs/rules'), { recursive: true });
for (const rule of RULES) fs.writeFileSync(path.join(root, 'docs/rules', `${rule.id}.md`), renderDocsPage(rule));
const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const table = `<!-- rules:start -->\n${renderRuleTable(RULES)}\n<!-- rules:end -->`;
fs.writeFileSync(readmePath, readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, table));
fs.mkdirSync(path.join(root, 'schemas'), { recursive: true });
fs.writeFileSync(path.join(root, 'schemas/cutover.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote the config schema, ${RULES.length} rule pages and the README rule table`);
