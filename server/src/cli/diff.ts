/** A unified diff of two texts (line-based, LCS), with 3 lines of context, as `diff -u` and `git diff` print it. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while changes are closer than two contexts apart.
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind !== ' ') end = j;
      else if (j - end > context * 2) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const slice = ops.slice(start, stop);
    const oldStart = slice[0].oldLine;
    const newStart = slice[0].newLine;
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    hunks.push(`@@ -${oldStart + 1},${oldCount} +${newStart + 1},${newCount} @@`);
    for (const op of slice) hunks.push(`${op.kind}${op.text}`);
    i = stop;
  }
  return `--- a/${path}\n+++ b/${path}\n${hunks.join('\n')}\n`;
}

interface Op {
  kind: ' ' | '-' | '+';
  text: string;
  oldLine: number;
  newLine: number;
}

function diffLines(a: string[], b: string[]): Op[] {
  // Trim the common head and tail so the quadratic table only covers the changed middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const table: Uint32Array[] = Array.from({ length: midA.length + 1 }, () => new Uint32Array(midB.length + 1));
  for (let x = midA.length - 1; x >= 0; x--) {
    for (let y = midB.length - 1; y >= 0; y--) {
      table[x][y] = midA[x] === midB[y] ? table[x + 1][y + 1] + 1 : Math.max(table[x + 1][y], table[x][y + 1]);
    }
  }
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: ' ', text: a[k], oldLine: k, newLine: k });
  let x = 0;
  let y = 0;
  while (x < midA.length || y < midB.length) {
    if (x < midA.length && y < midB.length && midA[x] === midB[y]) {
      ops.push({ kind: ' ', text: midA[x], oldLine: head + x, newLine: head + y });
      x++;
      y++;
    } else if (y < midB.length && (x >= midA.length || table[x][y + 1] >= table[x + 1][y])) {
      ops.push({ kind: '+', text: midB[y], oldLine: head + x, newLine: head + y });
      y++;
    } else {
      ops.push({ kind: '-', text: midA[x], oldLine: head + x, newLine: head + y });
      x++;
    }
  }
  for (let k = 0; k < tail; k++) {
    ops.push({ kind: ' ', text: a[a.length - tail + k], oldLine: a.length - tail + k, newLine: b.length - tail + k });
  }
  return ops;
}
