import { t } from '../../i18n';
import { comparePositions, streamOrder } from '../comparePositions';
import type { DecodedPosition } from '../decodePosition';
import { describePosition } from '../describePosition';
import { detectRuns } from '../detectRuns';
import { acceptedPosition, type ProgressLine } from '../progressLine';
import { gtidSetContains, parseGtidSet } from '../values/gtidSet';
import { isRead, type ProgressRule, type ProgressRuleContext } from './progressRule';

// While a task runs, each kind of line only moves forward. A step back inside one run means
// another task writes to the same log_dir, or the file was edited. At the start of a run a
// step back is normal: the resumed position is logged again (MySQL/PG/Mongo push it as a
// heartbeat), so a value already logged earlier is not flagged.

interface Seen {
  line: ProgressLine;
  p: DecodedPosition;
}

function eachStepBack(ctx: ProgressRuleContext, visit: (prev: Seen, cur: Seen) => void) {
  const interval = Number(ctx.task?.eff('pipeline.checkpoint_interval_secs') ?? '10') || 10;
  const logged = new Set<string>();
  const runStarts = new Set(detectRuns(ctx.file, interval).map((r) => r.startLine));
  let last = new Map<string, Seen>();
  for (const l of ctx.nonBlank) {
    if (runStarts.has(l.line)) last = new Map();
    const p = acceptedPosition(l);
    const o = p && streamOrder(p);
    if (!p || !o) continue;
    const key = `${l.slot}|${o.stream}`;
    const prev = last.get(key);
    const value = `${o.stream}=${o.value.join('/')}`;
    if (prev && !logged.has(value)) visit(prev, { line: l, p });
    last.set(key, { line: l, p });
    logged.add(value);
  }
}

const nonMonotonic: ProgressRule = {
  id: 'PL012',
  severity: 'warning',
  kinds: ['position'],
  check(ctx, report) {
    eachStepBack(ctx, (prev, cur) => {
      const at = cur.p.nodes.next_event_position ?? cur.p.nodes.operation_time ?? cur.p.nodes.repl_offset ?? cur.p.nodes.offset ?? cur.p.nodes.value ?? cur.p.nodes.order_key ?? cur.p.typeNode;
      if (cur.p.type === 'PgCdc') return;
      if (comparePositions(cur.p, prev.p) === -1) {
        report(cur.line.line, at.start, at.end, t('PL012', { from: describePosition(prev.p), line: prev.line.line + 1, to: describePosition(cur.p) }));
        return;
      }
      if (cur.p.type === 'MysqlCdc' && prev.p.values.gtid_set && cur.p.values.gtid_set) {
        const a = parseGtidSet(String(prev.p.values.gtid_set));
        const b = parseGtidSet(String(cur.p.values.gtid_set));
        if ('set' in a && 'set' in b && !gtidSetContains(b.set, a.set)) {
          const g = cur.p.nodes.gtid_set;
          report(cur.line.line, g.start, g.end, t('PL012.gtid', { line: prev.line.line + 1 }));
        }
      }
    });
  },
};

const pgLsnBack: ProgressRule = {
  id: 'PL013',
  severity: 'warning',
  kinds: ['position'],
  check(ctx, report) {
    eachStepBack(ctx, (prev, cur) => {
      if (cur.p.type !== 'PgCdc' || comparePositions(cur.p, prev.p) !== -1) return;
      const at = cur.p.nodes.lsn;
      report(cur.line.line, at.start, at.end, t('PL013', { from: String(prev.p.values.lsn), line: prev.line.line + 1, to: String(cur.p.values.lsn) }));
    });
  },
};

const staleMongoCheckpoint: ProgressRule = {
  id: 'PL028',
  severity: 'warning',
  kinds: ['position'],
  profiles: ['transitional', 'current'],
  check(ctx, report) {
    const read = ctx.nonBlank.filter((l) => isRead(ctx, l.line) && acceptedPosition(l)?.type === 'MongoCdc');
    const checkpoint = read.filter((l) => l.slot === 'checkpoint').pop();
    const current = read.filter((l) => l.slot === 'current').pop();
    if (!checkpoint || !current) return;
    const cp = acceptedPosition(checkpoint)!;
    const cur = acceptedPosition(current)!;
    if ((cur.values.operation_time as bigint) <= (cp.values.operation_time as bigint)) return;
    const at = cp.nodes.operation_time;
    report(checkpoint.line, at.start, at.end, t('PL028', { time: String(cp.values.operation_time), line: current.line + 1, newer: String(cur.values.operation_time) }));
  },
};

export const orderingRules: readonly ProgressRule[] = [nonMonotonic, pgLsnBack, staleMongoCheckpoint];
