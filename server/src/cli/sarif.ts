import * as path from 'path';
import { pathToFileURL } from 'url';
import { LineIndex, RULES, Severity, docsUrl } from '../engine';
import { FileReport } from './reporters';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, as GitHub code scanning and other viewers read it. Lines and columns are 1-based there. */
export function toSarif(reports: readonly FileReport[], docsBase: string, version: string): string {
  const rules = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    helpUri: docsUrl(rule.id, docsBase),
    help: { text: rule.summary, markdown: rule.docs },
  }));
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((report) => {
    const lines = new LineIndex(report.source);
    const uri = path.relative(process.cwd(), path.resolve(report.path)).split(path.sep).join('/');
    return report.findings.map((f) => {
      const start = lines.positionAt(f.start);
      const end = lines.positionAt(f.end);
      return {
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    });
  });
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'cutover', version, informationUri: docsBase, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(process.cwd()).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
