import { splitLines } from '../ini/scanIni';

// A unified diff (as `diff -u` prints it) for the CLI's dry run. Configs are small, so a
// plain LCS table is fine.

export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = linesOf(before);
  const b = linesOf(after);
  const ops = diffLines(a, b);
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].op === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while changes are within 2*context of each other.
    while (end < ops.length) {
      if (ops[end].op !== ' ') {
        end++;
        continue;
      }
      let next = end;
      while (next < ops.length && ops[next].op === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aStart = hunk.find((o) => o.a !== undefined)?.a ?? ops.slice(0, start).filter((o) => o.op !== '+').length;
    const bStart = hunk.find((o) => o.b !== undefined)?.b ?? ops.slice(0, start).filter((o) => o.op !== '-').length;
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.op}${o.text}`);
    i = stop;
    start = stop;
  }
  return out.join('\n') + '\n';
}

function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = splitLines(text);
  return text.endsWith('\n') ? lines.slice(0, -1) : lines;
}

interface Op {
  op: ' ' | '-' | '+';
  text: string;
  a?: number;
  b?: number;
}

function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ op: ' ', text: a[i], a: i++, b: j++ });
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', text: a[i], a: i++ });
    else ops.push({ op: '+', text: b[j], b: j++ });
  }
  return ops;
}
