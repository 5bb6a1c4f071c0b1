import { t } from '../../i18n';
import type { OrderKey } from '../decodePosition';
import { acceptedPosition } from '../progressLine';
import { mongoKeyProblem } from '../values/mongoValues';
import { legacyMongoValueProblem } from '../variants/rdbSnapshot';
import { isRead, type ProgressRule } from './progressRule';

// Snapshot positions that parse but that ape-dts will not (or cannot) use. The shape changed
// in 2.0.26 (order_col/value → order_key); PL007 (the new shape read by ≤ 2.0.25) is a
// rejection and lives with the other rejected lines.

function snapshots(ctx: Parameters<ProgressRule['check']>[0]) {
  return ctx.nonBlank.flatMap((l) => {
    const p = acceptedPosition(l);
    return p && p.type === 'RdbSnapshot' ? [{ l, p, table: `${p.values.schema}.${p.values.tb}` }] : [];
  });
}

// A warning, not an error: 2.0.26 starts and parses the line (order_key=null), it only ignores
// it, so the table is copied again from the start (spec: position-schema.json, PL006).
const oldShapeOnCurrent: ProgressRule = {
  id: 'PL006',
  severity: 'warning',
  kinds: ['position', 'finished', 'resumeConfig'],
  profiles: ['current'],
  check(ctx, report) {
    for (const { l, p, table } of snapshots(ctx)) {
      const col = p.ignored.find((m) => m.key === 'order_col');
      if (!col || p.values.order_key) continue;
      const value = p.ignored.find((m) => m.key === 'value')?.value;
      const v = value?.kind === 'string' ? JSON.stringify(value.value) : '"<value>"';
      const c = col.value.kind === 'string' ? JSON.stringify(col.value.value) : '"<col>"';
      report(
        l.line,
        col.keyStart,
        value?.end ?? col.value.end,
        t('PL006', { table, col: c, value: v }),
        isRead(ctx, l.line) ? 'warning' : 'information',
      );
    }
  },
};

const unusableOrderKey: ProgressRule = {
  id: 'PL031',
  severity: 'warning',
  kinds: ['position', 'finished', 'resumeConfig'],
  profiles: ['current'],
  check(ctx, report) {
    for (const { l, p, table } of snapshots(ctx)) {
      if (p.ignored.some((m) => m.key === 'order_col')) continue;
      const key = p.values.order_key as OrderKey | null | undefined;
      const at = p.nodes.order_key ?? p.typeNode;
      if (!key) {
        report(l.line, at.start, at.end, t('PL031.null', { table }));
      } else if (p.values.db_type === 'mongo' && (key.shape !== 'single' || key.parts[0].value === null)) {
        report(l.line, at.start, at.end, t('PL031.mongo', { table }));
      }
    }
  },
};

const orderColumnsMatch: ProgressRule = {
  id: 'PL032',
  severity: 'information',
  kinds: ['position', 'finished', 'resumeConfig'],
  check(ctx, report) {
    const known = ctx.facts.orderColumns;
    if (!known) return;
    for (const { l, p, table } of snapshots(ctx)) {
      const now = known[table];
      if (!now) continue;
      const key = p.values.order_key as OrderKey | null | undefined;
      const cols = ctx.profile === 'current' ? key?.parts.map((x) => x.col) : [String(p.values.order_col)];
      if (!cols || cols.join('\u0000') === now.join('\u0000')) continue;
      const at = p.nodes.order_key ?? p.nodes.order_col ?? p.typeNode;
      report(l.line, at.start, at.end, t('PL032', { table, now: now.join(', '), cols: cols.join(', ') }));
    }
  },
};

const mongoValue: ProgressRule = {
  id: 'PL033',
  severity: 'error',
  kinds: ['position', 'finished', 'resumeConfig'],
  check(ctx, report) {
    for (const { l, p, table } of snapshots(ctx)) {
      if (p.values.db_type !== 'mongo') continue;
      let problem: string | undefined;
      let at = p.nodes.value;
      if (ctx.profile === 'current') {
        const key = p.values.order_key as OrderKey | null | undefined;
        const part = key?.shape === 'single' ? key.parts[0] : undefined;
        if (!part || part.value === null) continue;
        problem = mongoKeyProblem(part.value);
        at = part.node;
      } else {
        problem = legacyMongoValueProblem(String(p.values.value));
      }
      if (!problem || !at) continue;
      report(l.line, at.start, at.end, t('PL033', { problem, table }), isRead(ctx, l.line) ? 'error' : 'information');
    }
  },
};

export const snapshotShapeRules: readonly ProgressRule[] = [oldShapeOnCurrent, unusableOrderKey, orderColumnsMatch, mongoValue];
