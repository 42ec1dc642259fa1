import { OffsetEdit } from '../types';

/** Anything that sits in a comma-separated list: a CREATE TABLE definition or an ALTER TABLE clause. */
export interface ListItem {
  start: number;
  end: number;
  commaAfter?: { start: number; end: number };
}

/** Offset of the first character of the line that holds `offset`. */
export function lineStart(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}

/** End of the line that holds `offset`, past its line break. */
function lineEndWithBreak(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  if (source[i] === '\r' && source[i + 1] === '\n') return i + 2;
  return i < source.length ? i + 1 : i;
}

function onlyBlanks(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

function skipBlanksForward(source: string, offset: number): number {
  let i = offset;
  while (source[i] === ' ' || source[i] === '\t') i++;
  return i;
}

function skipBlanksBackward(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && (source[i - 1] === ' ' || source[i - 1] === '\t')) i--;
  return i;
}

/** True when the span [start, end) is alone on its lines: nothing but blanks before it and after it. */
export function standsOnOwnLines(source: string, start: number, end: number): boolean {
  const before = source.slice(lineStart(source, start), start);
  const after = source.slice(end, lineEndWithBreak(source, end)).replace(/\r?\n$|\r$/, '');
  return onlyBlanks(before) && onlyBlanks(after);
}

/**
 * Deletes [start, end) with the blanks before it. When the span is alone on its lines, the lines go too, so no blank
 * line is left behind; when it starts a line but code follows it (`  ON DELETE CASCADE;`), what follows joins the line
 * above, unless that line may end in a comment, which would swallow it.
 */
export function deleteSpan(source: string, start: number, end: number): OffsetEdit {
  if (standsOnOwnLines(source, start, end)) {
    return { start: lineStart(source, start), end: lineEndWithBreak(source, end), newText: '' };
  }
  const from = skipBlanksBackward(source, start);
  const startsLine = from === lineStart(source, start) && from > 0;
  if (startsLine) {
    const breakStart = source[from - 1] === '\n' && source[from - 2] === '\r' ? from - 2 : from - 1;
    const previousLine = source.slice(lineStart(source, breakStart), breakStart);
    if (previousLine.trim() !== '' && !/--|#|\/\*/.test(previousLine)) return { start: skipBlanksBackward(source, breakStart), end, newText: '' };
  }
  return { start: from, end, newText: '' };
}

/**
 * Removes items[index] from its comma-separated list together with exactly one neighbouring comma: the one
 * after it, or for the last item the one before it. Text on other lines (comments included) is kept.
 */
export function removeListItem(source: string, items: readonly ListItem[], index: number): OffsetEdit[] {
  const item = items[index];
  const following = items[index + 1];
  if (following && item.commaAfter) {
    const comma = item.commaAfter;
    if (standsOnOwnLines(source, item.start, comma.end)) {
      return [{ start: lineStart(source, item.start), end: lineEndWithBreak(source, comma.end), newText: '' }];
    }
    return [{ start: item.start, end: skipBlanksForward(source, comma.end), newText: '' }];
  }
  const previousComma = index > 0 ? items[index - 1].commaAfter : undefined;
  if (!previousComma) return [deleteSpan(source, item.start, item.end)];
  // Only white space between the comma and the item: both go, and the list closes right after the previous item.
  if (/^\s*$/.test(source.slice(previousComma.end, item.start))) {
    return [{ start: previousComma.start, end: item.end, newText: '' }];
  }
  return [{ start: previousComma.start, end: previousComma.end, newText: '' }, deleteSpan(source, item.start, item.end)];
}

/** Applies non-overlapping edits to a text (used by the CLI, the tests and fix-all). */
export function applyEdits(source: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = source;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error(`overlapping edits at offset ${edit.start}`);
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}
