import { t } from '../../i18n';
import { CDC_VARIANT_OF } from '../chooseCdcPosition';
import { acceptedPosition, type ProgressLine } from '../progressLine';
import { VARIANTS } from '../variants/index';
import type { ProgressRule, ProgressRuleContext } from './progressRule';

// Rules that need the task config: does the file fit the task, and what happens with the
// line ape-dts will resume from (ctx.resumeLine, from the simulator).

function resumeLine(ctx: ProgressRuleContext): ProgressLine | undefined {
  const n = ctx.resumeLine;
  return n === undefined ? undefined : ctx.nonBlank.find((l) => l.line === n);
}

const wrongSource: ProgressRule = {
  id: 'PL010',
  severity: 'warning',
  kinds: ['position', 'resumeConfig'],
  check(ctx, report) {
    const setup = ctx.setup;
    if (!setup || (setup.taskKind !== 'cdc' && setup.taskKind !== 'snapshot')) return;
    const expected =
      setup.taskKind === 'snapshot' ? ['snapshot', 'foxlake'] : [VARIANTS[CDC_VARIANT_OF[setup.dbType ?? ''] ?? 'None'].family];
    const task = `[extractor] db_type=${setup.dbType ?? '?'}, extract_type=${setup.taskKind}`;
    const chosen = resumeLine(ctx);
    let warned = false;
    for (const l of ctx.nonBlank) {
      const p = acceptedPosition(l);
      if (!p || expected.includes(VARIANTS[p.type].family)) continue;
      if (l === chosen) {
        report(l.line, p.typeNode.start, p.typeNode.end, t(ctx.profile === 'legacy' ? 'PL010.chosen.silently' : 'PL010.chosen.warn', { type: p.type, task }), 'error');
      } else if (!warned) {
        warned = true;
        report(l.line, p.typeNode.start, p.typeNode.end, t('PL010.other', { type: p.type, task }));
      }
    }
  },
};

const gtidWithoutSet: ProgressRule = {
  id: 'PL009',
  severity: 'warning',
  kinds: ['position', 'resumeConfig'],
  check(ctx, report) {
    const l = resumeLine(ctx);
    const p = l && acceptedPosition(l);
    if (!p || p.type !== 'MysqlCdc' || p.values.gtid_set !== '' || ctx.task?.eff('extractor.gtid_enabled') !== 'true') return;
    const at = p.nodes.gtid_set;
    report(
      l!.line,
      at.start,
      at.end,
      ctx.profile === 'legacy'
        ? t('PL009.legacy')
        : t('PL009'),
    );
  },
};

const mongoSource: ProgressRule = {
  id: 'PL027',
  severity: 'warning',
  kinds: ['position', 'resumeConfig'],
  check(ctx, report) {
    const l = resumeLine(ctx);
    const p = l && acceptedPosition(l);
    if (!p || p.type !== 'MongoCdc' || !ctx.task) return;
    const source = ctx.task.eff('extractor.source') ?? '';
    const opLog = ctx.profile === 'current' ? source.toLowerCase() === 'op_log' : source === 'op_log';
    const at = p.nodes.resume_token;
    if (opLog && p.values.resume_token !== '') {
      report(l!.line, at.start, at.end, t('PL027.op-log', { time: String(p.values.operation_time) }), 'information');
    } else if (!opLog && p.values.resume_token === '') {
      report(l!.line, at.start, at.end, t('PL027.no-token', { time: String(p.values.operation_time) }));
    }
  },
};

const redisResume: ProgressRule = {
  id: 'PL029',
  severity: 'information',
  kinds: ['position', 'resumeConfig'],
  check(ctx, report) {
    const first = ctx.nonBlank.find((l) => acceptedPosition(l)?.type === 'Redis');
    // For another source's task, PL010 says what matters about a Redis line.
    if (!first || (ctx.setup && ctx.setup.dbType !== 'redis')) return;
    const p = acceptedPosition(first)!;
    if (ctx.profile !== 'current') {
      report(first.line, p.typeNode.start, p.typeNode.end, t('PL029.never', { version: ctx.file.version }));
      return;
    }
    if (ctx.setup && ctx.setup.taskKind !== 'cdc') {
      report(first.line, p.typeNode.start, p.typeNode.end, t('PL029.not-cdc'));
    }
    const chosen = resumeLine(ctx);
    const c = chosen && acceptedPosition(chosen);
    if (c?.type === 'Redis' && ctx.task?.config.value('extractor', 'is_cluster') === 'true' && (!c.values.node_id || !c.values.address)) {
      report(chosen!.line, c.typeNode.start, c.typeNode.end, t('PL029.cluster'), 'warning');
    }
  },
};

const taskFinished: ProgressRule = {
  id: 'PL030',
  severity: 'warning',
  kinds: ['finished'],
  check(ctx, report) {
    if (!ctx.setup?.readsFinishedLog) return;
    for (const l of ctx.nonBlank) {
      if (l.kind !== 'finishedMarker') continue;
      report(l.line, l.logTime?.end ?? 0, l.text.length, t('PL030'));
    }
  },
};

const midTransaction: ProgressRule = {
  id: 'PL008',
  severity: 'warning',
  kinds: ['position', 'resumeConfig'],
  check(ctx, report) {
    const l = resumeLine(ctx);
    const p = l && acceptedPosition(l);
    if (!p || l!.slot !== 'current' || (p.type !== 'MysqlCdc' && p.type !== 'Kafka')) return;
    const at = l!.tag ?? p.typeNode;
    if (p.type === 'MysqlCdc') {
      report(l!.line, at.start, at.end, t('PL008.mysql'));
    } else {
      report(l!.line, at.start, at.end, t('PL008.kafka'), 'information');
    }
  },
};

export const taskFitRules: readonly ProgressRule[] = [wrongSource, gtidWithoutSet, mongoSource, redisResume, taskFinished, midTransaction];
