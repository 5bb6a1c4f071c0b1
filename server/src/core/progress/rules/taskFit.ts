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
        report(l.line, p.typeNode.start, p.typeNode.end, `ape-dts picks this line to resume from, but a ${p.type} position does not fit this task (${task}); it ignores it${ctx.profile === 'legacy' ? ' silently' : ' with a WARN'} and starts from the [extractor] keys. Remove the line, or use the right log_dir.`, 'error');
      } else if (!warned) {
        warned = true;
        report(l.line, p.typeNode.start, p.typeNode.end, `A ${p.type} position does not fit this task (${task}); ape-dts would ignore it. Is this the right log_dir / config file?`);
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
        ? 'ape-dts resumes from this line with gtid_enabled=true, and an empty gtid_set makes 2.0.24 start at the server\'s latest GTID: everything since this position is skipped. Fill in the GTID set, or set gtid_enabled=false to resume by file and position.'
        : 'gtid_enabled=true but this position has no GTID set: ape-dts resumes by file and position, and the GTID set it records afterwards holds only new transactions, so a later GTID resume asks the server for all older history again.',
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
      report(l!.line, at.start, at.end, `source=op_log ignores the resume token: ape-dts re-reads the oplog from the start of second ${p.values.operation_time}.`, 'information');
    } else if (!opLog && p.values.resume_token === '') {
      report(l!.line, at.start, at.end, `This position has no resume token, so the change stream starts at operation_time ${p.values.operation_time} (a whole second) instead of right after the last event. Expect a few events twice.`);
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
      report(first.line, p.typeNode.start, p.typeNode.end, `ape-dts ${ctx.file.version} never resumes Redis from its logs: these positions are for reading only. To continue, set [extractor] repl_id and repl_offset by hand.`);
      return;
    }
    if (ctx.setup && ctx.setup.taskKind !== 'cdc') {
      report(first.line, p.typeNode.start, p.typeNode.end, 'Only a Redis task with extract_type=cdc and sink_type=write resumes from its logs; this task (e.g. snapshot_and_cdc) starts over.');
    }
    const chosen = resumeLine(ctx);
    const c = chosen && acceptedPosition(chosen);
    if (c?.type === 'Redis' && ctx.task?.config.value('extractor', 'is_cluster') === 'true' && (!c.values.node_id || !c.values.address)) {
      report(chosen!.line, c.typeNode.start, c.typeNode.end, 'A Redis cluster node resumes only from a position that carries both node_id and address; this one lacks one, so no node uses it.', 'warning');
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
      report(l.line, l.logTime?.end ?? 0, l.text.length, 'The whole task finished here, and resume is on: a new run skips every table listed in this file. Start a fresh copy with a new [runtime] log_dir (or without resume).');
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
      report(l!.line, at.start, at.end, 'ape-dts resumes from this current_position line because no checkpoint line is left; MySQL may then start inside a transaction (missing table map events fail the task, or half a transaction is applied). Prefer a checkpoint_position line at or before it.');
    } else {
      report(l!.line, at.start, at.end, 'ape-dts resumes from this current_position line; for Kafka it may re-deliver or skip part of a source transaction. A checkpoint_position line is the safer resume point.', 'information');
    }
  },
};

export const taskFitRules: readonly ProgressRule[] = [wrongSource, gtidWithoutSet, mongoSource, redisResume, taskFinished, midTransaction];
