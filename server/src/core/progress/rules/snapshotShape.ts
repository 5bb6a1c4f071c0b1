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

const oldShapeOnCurrent: ProgressRule = {
  id: 'PL006',
  severity: 'error',
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
        `This is the snapshot shape of ape-dts ≤ 2.0.25 (order_col/value). 2.0.26 ignores both fields and reads order_key as null, so ${table} restarts from the beginning. Write "order_key":{"single":[${c},${v}]} instead.`,
        isRead(ctx, l.line) ? 'error' : 'information',
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
        report(l.line, at.start, at.end, `order_key is null, so ape-dts does not use this line and ${table} restarts from the beginning (a table without a usable key has no resume point).`);
      } else if (p.values.db_type === 'mongo' && (key.shape !== 'single' || key.parts[0].value === null)) {
        report(l.line, at.start, at.end, `A Mongo collection resumes only from order_key {"single":["_id", value]} with a non-null value; ape-dts ignores this line and ${table} restarts from the beginning.`);
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
      report(l.line, at.start, at.end, `${table} is now ordered by (${now.join(', ')}), not (${cols.join(', ')}); ape-dts does not use this position and copies the table from the beginning.`);
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
      report(l.line, at.start, at.end, `The _id value ${problem}: ape-dts fails when it resumes ${table} from it. Use the collection's last copied ObjectId, or remove the line to copy it again.`, isRead(ctx, l.line) ? 'error' : 'information');
    }
  },
};

export const snapshotShapeRules: readonly ProgressRule[] = [oldShapeOnCurrent, unusableOrderKey, orderColumnsMatch, mongoValue];
