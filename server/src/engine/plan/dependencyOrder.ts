/**
 * A stable topological order: items keep their original order unless a dependency forces otherwise. Items on a cycle
 * keep their original order too, and the cycle is returned so it can be reported, never silently broken.
 */
export function dependencyOrder<T>(items: readonly T[], dependsOn: (item: T, other: T) => boolean): { order: T[]; cycles: T[][] } {
  const n = items.length;
  const edges: number[][] = items.map(() => []);
  const indegree = new Array<number>(n).fill(0);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a !== b && dependsOn(items[a], items[b])) {
        edges[b].push(a);
        indegree[a]++;
      }
    }
  }
  const order: number[] = [];
  const done = new Array<boolean>(n).fill(false);
  for (;;) {
    const next = indegree.findIndex((d, i) => d === 0 && !done[i]);
    if (next < 0) break;
    done[next] = true;
    order.push(next);
    for (const m of edges[next]) indegree[m]--;
  }
  const stuck = items.map((_, i) => i).filter((i) => !done[i]);
  const cycles = stuck.length > 0 ? [stuck.map((i) => items[i])] : [];
  return { order: [...order, ...stuck].map((i) => items[i]), cycles };
}
