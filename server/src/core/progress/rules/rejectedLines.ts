import type { Severity } from '../../diagnostic';
import type { Profile } from '../../schema/types';
import { acceptedPosition, type ProgressLine } from '../progressLine';
import { t } from '../../i18n';
import { isRead, type ProgressRule, type ProgressRuleContext } from './progressRule';

// Lines ape-dts reads but throws away: Position::from_log returns None for anything that
// does not deserialise, and None never overwrites an earlier position. So the resumer
// silently falls back to the previous valid line of the same kind. How bad that is depends
// on where the line sits: in a resume config or finished.log every line is deliberate
// (error); in position.log it matters only if no later valid line of the same kind follows
// in the part ape-dts reads (error), else it is superseded anyway (warning); outside that
// part it is never read (information).

/** Which resume entry a line would feed: its slot plus, where the payload tells, its key. */
export function looseKey(l: ProgressLine, profile: Profile): string {
  const get = (k: string) => {
    const m = l.json?.members.find((x) => x.key === k)?.value;
    return m && (m.kind === 'string' ? m.value : m.kind === 'number' ? m.raw : undefined);
  };
  const type = get('type');
  let key = 'default';
  if (type === 'RdbSnapshot' || type === 'RdbSnapshotFinished' || type === 'FoxlakeS3') {
    key = `${get('schema')}.${get('tb')}` + (profile !== 'current' && type === 'RdbSnapshot' ? `.${get('order_col')}` : '');
    if (type === 'RdbSnapshotFinished') return `finished:${key}`;
  } else if (profile === 'current' && type === 'Kafka') key = `${get('topic')}-${get('partition')}`;
  else if (profile === 'current' && type === 'Redis') key = get('node_id') || get('address') || 'default';
  return `${l.slot}:${key}`;
}

// Accepted lines ape-dts reads, grouped by looseKey, in file order; built once per lint run
// so a file with many bad lines stays linear.
const acceptedByKey = new WeakMap<ProgressRuleContext, Map<string, ProgressLine[]>>();

function neighbours(ctx: ProgressRuleContext, l: ProgressLine) {
  let index = acceptedByKey.get(ctx);
  if (!index) {
    index = new Map();
    for (const o of ctx.nonBlank) {
      if (!isRead(ctx, o.line) || !acceptedPosition(o)) continue;
      const k = looseKey(o, ctx.profile);
      const list = index.get(k);
      if (list) list.push(o);
      else index.set(k, [o]);
    }
    acceptedByKey.set(ctx, index);
  }
  const read = index.get(looseKey(l, ctx.profile)) ?? [];
  let lo = 0;
  let hi = read.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (read[mid].line < l.line) lo = mid + 1;
    else hi = mid;
  }
  const after = read[lo]?.line === l.line ? read[lo + 1] : read[lo];
  return { before: lo > 0 ? read[lo - 1] : undefined, after };
}

/** Severity of skipping this line, and the clause "ape-dts skips this line …" saying what it uses instead. */
// A skipped line is a warning at most (spec: position-schema.json lintRules): ape-dts starts
// anyway, from an older line, the config's keys or scratch, which is not what the user meant but
// is no refusal. Only a line that makes it panic (PL002.panics) is an error.
function skipImpact(ctx: ProgressRuleContext, l: ProgressLine): { severity: Severity; skips: string } {
  if (ctx.file.kind !== 'position') {
    return { severity: 'warning', skips: t(ctx.file.kind === 'finished' ? 'progress.skips.finished' : 'progress.skips.config') };
  }
  if (!isRead(ctx, l.line)) return { severity: 'information', skips: t('progress.skips.unread') };
  const { before, after } = neighbours(ctx, l);
  if (after) return { severity: 'warning', skips: t('progress.skips.superseded', { line: after.line + 1 }) };
  return {
    severity: 'warning',
    skips: before ? t('progress.skips.falls-back', { line: before.line + 1 }) : t('progress.skips.nothing-else'),
  };
}

function lastNonBlank(ctx: ProgressRuleContext): ProgressLine | undefined {
  if (ctx.lastNonBlank !== undefined) return ctx.lastNonBlank ?? undefined;
  return ctx.nonBlank[ctx.nonBlank.length - 1];
}

function isTruncatedLast(ctx: ProgressRuleContext, l: ProgressLine): boolean {
  // Only a broken JSON text looks like a cut-off write; a well-formed payload with a wrong
  // field is somebody's edit and keeps its own rule.
  return ctx.file.kind === 'position' && l === lastNonBlank(ctx) && !l.panics && (l.jsonError !== undefined || l.kind === 'invalid');
}

const malformed: ProgressRule = {
  id: 'PL002',
  severity: 'error',
  kinds: ['position', 'finished', 'resumeConfig'],
  check(ctx, report) {
    for (const l of ctx.nonBlank) {
      if (isTruncatedLast(ctx, l)) continue;
      if (l.panics) {
        if (!isRead(ctx, l.line)) continue;
        report(l.line, 0, l.text.length, t('PL002.panics'));
      } else if (l.kind === 'invalid') {
        const sev: Severity = isRead(ctx, l.line) ? 'warning' : 'information';
        report(l.line, 0, l.text.length, t(ctx.file.kind === 'resumeConfig' ? 'PL002.no-payload.config' : 'PL002.no-payload'), sev);
      } else if (l.jsonError) {
        const { severity, skips } = skipImpact(ctx, l);
        const end = l.payload?.end ?? l.text.length;
        report(l.line, l.jsonError.start, end, t('PL002.json', { error: l.jsonError.message, skips }), severity);
      }
    }
  },
};

function rejectionRule(id: 'PL003' | 'PL004' | 'PL007', profiles?: Profile[]): ProgressRule {
  return {
    id,
    severity: 'warning',
    kinds: ['position', 'finished', 'resumeConfig'],
    profiles,
    check(ctx, report) {
      for (const l of ctx.nonBlank) {
        const rejections = l.decoded?.rejections.filter((r) => r.rule === id) ?? [];
        if (rejections.length === 0) continue;
        const { severity, skips } = skipImpact(ctx, l);
        for (const r of rejections) {
          report(l.line, r.start, r.end, t(id === 'PL007' ? 'PL007.rejected' : 'progress.rejected', { reason: capital(r.message), skips }), severity);
        }
      }
    },
  };
}

const truncatedLast: ProgressRule = {
  id: 'PL014',
  severity: 'warning',
  kinds: ['position'],
  check(ctx, report) {
    const l = lastNonBlank(ctx);
    if (!l || !isTruncatedLast(ctx, l)) return;
    const detail = l.jsonError?.message ?? t(l.text.includes('{') ? 'progress.detail.no-closing-brace' : 'progress.detail.no-payload');
    const { before } = neighbours(ctx, l);
    report(
      l.line,
      l.payload?.start ?? 0,
      l.text.length,
      before ? t('PL014.falls-back', { detail, line: before.line + 1 }) : t('PL014.nothing-else', { detail }),
    );
  },
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const rejectedLineRules: readonly ProgressRule[] = [
  malformed,
  rejectionRule('PL003'),
  rejectionRule('PL004'),
  rejectionRule('PL007', ['legacy', 'transitional']),
  truncatedLast,
];
