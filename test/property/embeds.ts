/**
 * `want` (in order) inside `have`, where the extra lines of `have` must satisfy `extra`: how the
 * planner properties say "every line is kept, and only lines it may touch were added".
 */
export function embeds(want: readonly string[], have: readonly string[], extra: (line: string) => boolean): boolean {
  let reachable = new Set([0]);
  for (const line of have) {
    const next = new Set<number>();
    const isExtra = extra(line);
    for (const p of reachable) {
      if (p < want.length && want[p] === line) next.add(p + 1);
      if (isExtra) next.add(p);
    }
    if (next.size === 0) return false;
    reachable = next;
  }
  return reachable.has(want.length);
}
