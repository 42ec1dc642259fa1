import { TARGETS } from '../types';
import { RuleDefinition } from './rule';

export const REQUIRED_DOC_SECTIONS = ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Fix safety'];

/** The rule's docs page (docs/rules/<id>.md), rendered from the rule module so the two cannot drift apart. */
export function renderDocsPage(rule: RuleDefinition): string {
  const severities = TARGETS.map((target) => `| \`${target}\` | ${rule.severity[target]} |`).join('\n');
  return `# ${rule.id}

${rule.summary}.

<!-- Generated from server/src/engine/rules/${rule.id}.ts by \`npm run docs\`; edit the rule module, not this file. -->

| target | default severity |
| --- | --- |
${severities}

Fix: ${rule.fix}. Configure with \`"rules": { "${rule.id}": "error" | "warning" | "info" | "off" }\` in \`.cutover.json\`.

${rule.docs.trim()}
`;
}

/** The README's rule table. */
export function renderRuleTable(rules: readonly RuleDefinition[]): string {
  const rows = rules.map((rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.summary} | ${rule.severity.planetscale} | ${rule.fix} |`);
  return ['| rule | flags | default (planetscale) | fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
