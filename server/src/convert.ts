import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Finding, LineIndex, OffsetEdit, Severity, docsUrl } from './engine';
import { DiagnosticFixData, LspEdit } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspEdit(edit: OffsetEdit, lines: LineIndex): LspEdit {
  return { range: lines.rangeOf(edit.start, edit.end), newText: edit.newText };
}

/** Engine findings (offsets) → LSP diagnostics (line/character), with fixes and ignore edits carried in `data`. */
export function toDiagnostic(finding: Finding, lines: LineIndex, docsBase: string): Diagnostic {
  const href = docsUrl(finding.rule, docsBase);
  const data: DiagnosticFixData = {
    rule: finding.rule,
    docs: href,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => toLspEdit(e, lines)) })),
    ignore: finding.ignore && { statement: toLspEdit(finding.ignore.statement, lines), file: toLspEdit(finding.ignore.file, lines) },
  };
  return {
    range: lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: 'cutover',
    code: finding.rule,
    codeDescription: { href },
    message: finding.message,
    data,
  };
}
