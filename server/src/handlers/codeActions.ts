import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { fixAllSafe } from '../engine';
import { Analyzer } from '../analysis';
import { DiagnosticFixData, ShowRuleDocumentationCommand } from '../protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cutover`;

function fixData(diagnostic: Diagnostic): DiagnosticFixData | undefined {
  const data = diagnostic.data as DiagnosticFixData | undefined;
  return data && Array.isArray(data.fixes) ? data : undefined;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * Quick fixes, ignore comments and documentation come straight from the diagnostics' `data` (no second parse);
 * fix-all (`source.fixAll.cutover`) applies every safe fix of the document, one at a time.
 */
export async function codeActions(params: CodeActionParams, analyzer: Analyzer): Promise<CodeAction[]> {
  const only = params.context.only;
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'cutover') continue;
      const data = fixData(diagnostic);
      if (!data) continue;
      data.fixes.forEach((fix, index) => {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: index === 0, edit: { changes: { [uri]: fix.edits } } });
      });
      if (data.ignore) {
        actions.push({ title: `Ignore ${data.rule} for this statement`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [data.ignore.statement] } } });
        actions.push({ title: `Ignore ${data.rule} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [data.ignore.file] } } });
      }
      actions.push({
        title: `Show documentation for ${data.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${data.rule}`, command: ShowRuleDocumentationCommand, arguments: [data.rule] },
      });
    }
  }
  if (only && wants(only, FIX_ALL_KIND) && only.some((k) => k.startsWith(CodeActionKind.SourceFixAll))) {
    const fixAll = await fixAllAction(uri, analyzer);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

async function fixAllAction(uri: string, analyzer: Analyzer): Promise<CodeAction | undefined> {
  const analysis = await analyzer.analyse(uri);
  if (!analysis) return undefined;
  const { text, applied } = fixAllSafe(analysis.text, analysis.settings.options, analysis.filePath, analysis.schema);
  if (applied === 0) return undefined;
  const edit: TextEdit = { range: analysis.lines.rangeOf(0, analysis.text.length), newText: text };
  return { title: `Fix all safe Cutover problems (${applied})`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } };
}
