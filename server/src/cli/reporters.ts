import { Finding, LineIndex, Range } from '../engine';

export interface FileReport {
  path: string;
  source: string;
  findings: Finding[];
}

export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: Range;
  fixes: Array<{ title: string; safe: boolean; edits: Array<{ range: Range; newText: string }> }>;
}

export function toJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => {
    const lines = new LineIndex(report.source);
    const diagnostics: JsonDiagnostic[] = report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: lines.rangeOf(f.start, f.end),
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        safe: fix.safe,
        edits: fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText })),
      })),
    }));
    return { path: report.path, diagnostics };
  });
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** Human output: `path:line:col  severity  message  [rule]`, 1-based like compilers print, colour on a TTY. */
export function toText(reports: readonly FileReport[], colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `${code}${text}${COLOURS.reset}` : text);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    const lines = new LineIndex(report.source);
    for (const f of report.findings) {
      counts[f.severity]++;
      const { line, character } = lines.positionAt(f.start);
      out.push(`${report.path}:${line + 1}:${character + 1}  ${paint(COLOURS[f.severity], f.severity)}  ${f.message}  ${paint(COLOURS.dim, f.rule)}`);
    }
  }
  const fileWord = reports.length === 1 ? 'file' : 'files';
  out.push(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos in ${reports.length} ${fileWord}`);
  return `${out.join('\n')}\n`;
}
