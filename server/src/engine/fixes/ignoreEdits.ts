import { IgnoreDirective } from '../ignores';
import { Statement } from '../sql/splitter';
import { OffsetEdit } from '../types';
import { lineStart } from './listEdits';


let memo: { source: string; eol: string } | undefined;

/** The file's line break, remembered for the last file: every finding of a file asks, and a dump has thousands. */
export function lineBreak(source: string): string {
  if (memo?.source !== source) memo = { source, eol: source.includes('\r\n') ? '\r\n' : '\n' };
  return memo.eol;
}

/** Adds `rule` to an existing directive's list, before any `-- reason`. */
function extend(source: string, directive: IgnoreDirective, rule: string): OffsetEdit {
  const text = source.slice(directive.start, directive.end);
  // Blank out the comment's own marker (same length) so only a `-- reason` separator can match.
  const reason = /\s(--|#)\s?/.exec(text.replace(/^(--|#|\/\*|\/\/)/, (marker) => ' '.repeat(marker.length)));
  const blockEnd = text.endsWith('*/') ? text.length - 2 : text.length;
  let at = reason ? reason.index : blockEnd;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return { start: directive.start + at, end: directive.start + at, newText: `, ${rule}` };
}

/** "Ignore for this statement": a `-- cutover-ignore <rule>` line above it, or the rule added to the one already there. */
export function ignoreStatementEdit(source: string, statement: Statement, ignores: readonly IgnoreDirective[], rule: string): OffsetEdit {
  const existing = ignores.find((i) => i.scope === 'statement' && i.appliesTo?.start === statement.start && i.rules.length > 0);
  if (existing) return extend(source, existing, rule);
  const at = lineStart(source, statement.start);
  const indent = /^[ \t]*/.exec(source.slice(at, statement.start))?.[0] ?? '';
  // A statement that shares its line with code before it gets the comment on a line of its own, right before it.
  if (indent.length !== statement.start - at) return { start: statement.start, end: statement.start, newText: `${lineBreak(source)}-- cutover-ignore ${rule}${lineBreak(source)}` };
  return { start: at, end: at, newText: `${indent}-- cutover-ignore ${rule}${lineBreak(source)}` };
}

/** "Ignore for this file": `-- cutover-ignore-file <rule>` as the first line, or the rule added to the one already there. */
export function ignoreFileEdit(source: string, ignores: readonly IgnoreDirective[], rule: string): OffsetEdit {
  const existing = ignores.find((i) => i.scope === 'file' && i.rules.length > 0);
  if (existing) return extend(source, existing, rule);
  return { start: 0, end: 0, newText: `-- cutover-ignore-file ${rule}${lineBreak(source)}` };
}
