import { t } from '../../i18n';
import type { Severity } from '../../diagnostic';
import { CDC_VARIANT_OF } from '../chooseCdcPosition';
import type { JsonNode } from '../json/scanJson';
import { acceptedPosition } from '../progressLine';
import { fieldsAt } from '../variants/variantSpec';
import { isRead, type ProgressRule, type ProgressRuleContext } from './progressRule';

// String fields are not checked when ape-dts reads a line: a malformed LSN or GTID set is
// accepted, wins over the earlier valid line, and fails (or misleads) only when the
// extractor uses it. The checks themselves live with each variant (variants/*.ts, `format`);
// here they become diagnostics, with the severity the task config allows us to know.

function formatRule(id: 'PL004' | 'PL005' | 'PL027'): ProgressRule {
  return {
    id,
    severity: id === 'PL005' ? 'warning' : 'error',
    kinds: ['position', 'finished', 'resumeConfig'],
    check(ctx, report) {
      for (const l of ctx.nonBlank) {
        const p = acceptedPosition(l);
        if (!p) continue;
        for (const [name, field] of Object.entries(fieldsAt(p.spec, ctx.profile))) {
          const f = field.format;
          const value = p.values[name];
          if (!f || f.rule !== id || typeof value !== 'string') continue;
          const problem = f.problem(value);
          if (!problem) continue;
          const node = p.nodes[name];
          const { severity, unused } = contextual(ctx, p.type, name, f.severity);
          const read = isRead(ctx, l.line);
          report(
            l.line,
            node.start,
            node.end,
            unused ? t('progress.field-invalid.unused', { name, problem, unused }) : t('progress.field-invalid', { name, problem, consequence: f.consequence, fix: f.fix }),
            read ? severity : 'information',
          );
        }
      }
    },
  };
}

/** What the task config tells about whether the bad value is used at all. */
function contextual(ctx: ProgressRuleContext, type: string, field: string, severity: Severity): { severity: Severity; unused?: string } {
  const eff = (key: string) => ctx.task?.eff(`extractor.${key}` as `${string}.${string}`);
  if (ctx.setup?.taskKind === 'cdc' && type !== 'RdbSnapshot' && CDC_VARIANT_OF[ctx.setup.dbType ?? ''] !== type) {
    return { severity: 'information', unused: t('progress.unused.other-source') };
  }
  if (type === 'MysqlCdc' && field === 'gtid_set' && ctx.task && eff('gtid_enabled') !== 'true') {
    return { severity: 'information', unused: t('progress.unused.gtid-disabled') };
  }
  if (type === 'MongoCdc' && field === 'resume_token' && ctx.task) {
    const source = eff('source') ?? '';
    const opLog = ctx.profile === 'current' ? source.toLowerCase() === 'op_log' : source === 'op_log';
    if (opLog) return { severity: 'information', unused: t('progress.unused.op-log') };
  }
  return { severity };
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

function bigIntegers(node: JsonNode, out: { start: number; end: number; raw: string }[]) {
  if (node.kind === 'number' && node.integer) {
    const n = BigInt(node.raw);
    if (n > MAX_EXACT || n < -MAX_EXACT) out.push(node);
  } else if (node.kind === 'object') node.members.forEach((m) => bigIntegers(m.value, out));
  else if (node.kind === 'array') node.items.forEach((i) => bigIntegers(i, out));
}

const bigInts: ProgressRule = {
  id: 'PL037',
  severity: 'information',
  kinds: ['position', 'finished', 'resumeConfig'],
  check(ctx, report) {
    for (const l of ctx.nonBlank) {
      if (!acceptedPosition(l)) continue;
      const found: { start: number; end: number; raw: string }[] = [];
      bigIntegers(l.json!, found);
      for (const n of found) {
        const rounded = BigInt(Math.round(Number(n.raw))).toString();
        report(l.line, n.start, n.end, rounded === n.raw ? t('PL037', { number: n.raw }) : t('PL037.rounded', { number: n.raw, rounded }));
      }
    }
  },
};

export const fieldValueRules: readonly ProgressRule[] = [formatRule('PL004'), formatRule('PL005'), formatRule('PL027'), bigInts];
