import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { DiagnosticFixData } from '../protocol';

function fixData(diagnostic: Diagnostic): DiagnosticFixData | undefined {
  const data = diagnostic.data as DiagnosticFixData | undefined;
  return data && Array.isArray(data.fixes) ? data : undefined;
}

/** Quick fixes come straight from the diagnostics' `data`: no second parse of the document. */
export function codeActions(params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
    return [];
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'cutover') continue;
    const data = fixData(diagnostic);
    data?.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [params.textDocument.uri]: fix.edits } },
      });
    });
  }
  return actions;
}
