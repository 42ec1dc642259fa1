import { CodeDescription, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Finding, LineIndex, Severity, docsUrl } from './engine';
import { DiagnosticFixData } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Engine findings (offsets) → LSP diagnostics (line/character), with the fixes carried in `data`. */
export function toDiagnostic(finding: Finding, lines: LineIndex, docsBase: string): Diagnostic {
  const data: DiagnosticFixData = {
    rule: finding.rule,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText })),
    })),
  };
  const codeDescription: CodeDescription = { href: docsUrl(finding.rule, docsBase) };
  return {
    range: lines.rangeOf(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: 'cutover',
    code: finding.rule,
    codeDescription,
    message: finding.message,
    data,
  };
}
