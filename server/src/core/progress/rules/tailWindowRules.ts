import { t } from '../../i18n';
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
    report(first.line, 0, first.text.length, t('PL015'));
  },
};

// A warning (spec): ape-dts starts, it just never sees these lines.
const scrolledOut: ProgressRule = {
  id: 'PL016',
  severity: 'warning',
  kinds: ['position'],
  check(ctx, report) {
    if (!ctx.window || ctx.name?.archive !== undefined) return;
    const { before, inside } = outside(ctx);
    const from = ctx.window.startLine + 1;
    const keys = new Set(inside.filter((l) => acceptedPosition(l)).map((l) => looseKey(l, ctx.profile)));
    const snapshot = (l: ProgressLine) => acceptedPosition(l)?.type === 'RdbSnapshot';
    // CDC: only the whole log matters (any position in the window wins over older ones).
    if (!inside.some((l) => acceptedPosition(l) && !snapshot(l))) {
      const last = before.filter((l) => acceptedPosition(l) && !snapshot(l) && acceptedPosition(l)!.type !== 'RdbSnapshotFinished').pop();
      if (last) {
        report(last.line, 0, last.text.length, t('PL016.cdc', { line: from, count: ctx.window.newlines - 1 }));
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
        t(known ? 'PL016.table' : 'PL016.table.unless-finished', { table, line: from }),
        known ? 'warning' : 'information',
      );
    }
  },
};

export const tailWindowRules: readonly ProgressRule[] = [nothingUsable, scrolledOut];
