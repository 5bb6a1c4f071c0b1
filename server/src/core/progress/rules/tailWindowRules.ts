import { acceptedPosition, type ProgressLine } from '../progressLine';
import { looseKey } from './rejectedLines';
import type { ProgressRule } from './progressRule';

// The resumer reads only the end of position.log (the text after the 200th newline from
// the end). Progress that scrolled out of that window is invisible to it.

function outside(ctx: Parameters<ProgressRule['check']>[0]) {
  const window = ctx.window!;
  const before = ctx.nonBlank.filter((l) => l.line < window.startLine);
  const inside = ctx.nonBlank.filter((l) => l.line >= window.startLine);
  return { before, inside };
}

const nothingUsable: ProgressRule = {
  id: 'PL015',
  severity: 'warning',
  kinds: ['position'],
  check(ctx, report) {
    if (!ctx.window || ctx.name?.archive !== undefined) return;
    const { before, inside } = outside(ctx);
    if (inside.length === 0 || inside.some((l) => acceptedPosition(l)) || before.some((l) => acceptedPosition(l))) return;
    const first = inside[0];
    report(first.line, 0, first.text.length, `The part of position.log ape-dts reads (from this line on) holds no usable position, only None or rejected lines, so the task starts from the [extractor] keys (CDC) or from the beginning (snapshot).`);
  },
};

const scrolledOut: ProgressRule = {
  id: 'PL016',
  severity: 'error',
  kinds: ['position'],
  check(ctx, report) {
    if (!ctx.window || ctx.name?.archive !== undefined) return;
    const { before, inside } = outside(ctx);
    const from = `line ${ctx.window.startLine + 1}`;
    const keys = new Set(inside.filter((l) => acceptedPosition(l)).map((l) => looseKey(l, ctx.profile)));
    const snapshot = (l: ProgressLine) => acceptedPosition(l)?.type === 'RdbSnapshot';
    // CDC: only the whole log matters (any position in the window wins over older ones).
    if (!inside.some((l) => acceptedPosition(l) && !snapshot(l))) {
      const last = before.filter((l) => acceptedPosition(l) && !snapshot(l) && acceptedPosition(l)!.type !== 'RdbSnapshotFinished').pop();
      if (last) {
        report(last.line, 0, last.text.length, `This is the last position in the file, but ape-dts reads position.log only from ${from} on (the last ${ctx.window.newlines - 1} lines), so it never sees it and starts from the [extractor] keys.`);
      }
    }
    // Snapshot: per table; a table already finished does not need its progress.
    const finished = new Set((ctx.facts.finishedTables ?? []).map((t) => `${t.schema}.${t.tb}`));
    const known = ctx.facts.finishedTables !== undefined;
    const lastPerKey = new Map<string, ProgressLine>();
    for (const l of before) if (snapshot(l)) lastPerKey.set(looseKey(l, ctx.profile), l);
    for (const [key, l] of lastPerKey) {
      if (keys.has(key)) continue;
      const p = acceptedPosition(l)!;
      const table = `${p.values.schema}.${p.values.tb}`;
      if (finished.has(table)) continue;
      report(
        l.line,
        0,
        l.text.length,
        `The last progress of ${table} lies before ${from}, where ape-dts starts reading position.log, so ${known ? 'the table' : 'unless it is listed in finished.log, the table'} is copied again from the beginning.`,
        known ? 'error' : 'information',
      );
    }
  },
};

export const tailWindowRules: readonly ProgressRule[] = [nothingUsable, scrolledOut];
