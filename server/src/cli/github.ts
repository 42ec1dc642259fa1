import { LineIndex, Severity } from '../engine';
import { FileReport } from './reporters';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow commands escape %, CR and LF in messages, and also : and , in properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function toGithub(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    const lines = new LineIndex(report.source);
    for (const f of report.findings) {
      const start = lines.positionAt(f.start);
      const end = lines.positionAt(f.end);
      const properties = [
        `file=${escapeProperty(report.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`cutover ${f.rule}`)}`,
      ];
      out.push(`::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
