import { t } from '../i18n';
import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import type { ApeVersion } from '../schema/types';
import type { CdcChoice } from './chooseCdcPosition';
import { acceptedPosition, type ProgressLine } from './progressLine';
import { where, type ReadFile } from './resumeCandidates';
import type { ResumeSetup } from './resumeSetup';
import { VARIANTS } from './variants/index';

// The simulator's warnings: situations in which ape-dts resumes, but not from where the user
// most likely expects, each tagged with its PL rule id.

export interface SituationContext {
  setup: ResumeSetup;
  config: TaskConfig;
  version: ApeVersion;
  reads: ReadFile[];
  start: Record<string, string>;
  choice?: CdcChoice;
}

export function situationWarnings(ctx: SituationContext): string[] {
  const out: string[] = [];
  const { setup, reads, choice } = ctx;
  const task = taskView(ctx.config, ctx.version);
  const chosen = choice?.chosen;
  const log = reads.find((r) => r.source === 'log');
  const conf = reads.find((r) => r.source === 'config_file');

  if (chosen?.source === 'log' && conf && conf.candidates.length > 0) {
    out.push(t('PL024.sim', { where: where(chosen) }));
  }
  if (log) out.push(...windowWarnings(log));

  const families = new Set(log?.candidates.map((c) => VARIANTS[c.position.type].family) ?? []);
  if (families.size > 1) {
    out.push(t('PL011.sim', { families: [...families].join(', ') }));
  }

  const v = chosen?.position.values;
  const db = setup.dbType;
  if (db === 'mysql') {
    if (chosen?.slot === 'current') {
      out.push(t('PL008.sim', { where: where(chosen) }));
    }
    const gtidSet = chosen ? v!.gtid_set : ctx.start.gtid_set ?? '';
    if (task.eff('extractor.gtid_enabled') === 'true' && gtidSet === '') {
      out.push(
        setup.profile === 'legacy'
          ? t('PL009.sim.legacy')
          : t('PL009.sim'),
      );
    }
    if (task.config.value('extractor', 'start_time_utc') && (chosen || ctx.config.value('extractor', 'binlog_position'))) {
      out.push(t('PL026.sim'));
    }
  }
  if (db === 'pg' && task.eff('extractor.recreate_slot_if_exists') === 'true' && (chosen || ctx.start.start_lsn)) {
    out.push(t('PL025.sim'));
  }
  if (db === 'mongo' && chosen) {
    const source = (task.eff('extractor.source') ?? '').toLowerCase();
    const opLog = setup.profile === 'current' ? source === 'op_log' : task.eff('extractor.source') === 'op_log';
    if (opLog && v!.resume_token !== '') {
      out.push(t('PL027.sim.op-log', { where: where(chosen), time: String(v!.operation_time) }));
    }
    if (!opLog && v!.resume_token === '') {
      out.push(t('PL027.sim.no-token', { where: where(chosen), time: String(v!.operation_time) }));
    }
    const newer = choice?.losers.find((l) => l.candidate.slot === 'current' && l.candidate.position.type === 'MongoCdc');
    if (setup.profile !== 'legacy' && chosen.slot === 'checkpoint' && newer && (newer.candidate.position.values.operation_time as bigint) > (v!.operation_time as bigint)) {
      out.push(t('PL028.sim', { where: where(chosen), newer: where(newer.candidate) }));
    }
  }
  if (setup.taskKind === 'snapshot') {
    const finished = reads.find((r) => r.source === 'finished_log');
    const marker = finished?.readLines.find((l) => l.kind === 'finishedMarker');
    if (marker) {
      out.push(t('PL030.sim', { line: marker.line + 1 }));
    }
  }
  return out;
}

function windowWarnings(log: ReadFile): string[] {
  if (log.candidates.length > 0) return [];
  const before = log.file.lines.slice(0, log.readLines.length > 0 ? log.readLines[0].line - log.file.firstLine : log.file.lines.length);
  // A position before the window is PL016, which the CDC chooser reports precisely.
  if (before.some((l) => acceptedPosition(l))) return [];
  if (log.readLines.some((l) => l.kind !== 'blank')) {
    return [t('PL015.sim')];
  }
  return [];
}

/** Why ape-dts skips a line it reads, or undefined when it takes the line (or it is blank / None). */
export function skipReason(l: ProgressLine): string | undefined {
  if (l.kind === 'blank' || l.kind === 'finishedMarker' || l.kind === 'comment') return undefined;
  if (l.panics) return t('progress.skip-reason.panics');
  if (l.kind === 'invalid') return t(l.text.includes('{') ? 'progress.skip-reason.no-closing-brace' : 'progress.skip-reason.no-payload');
  if (l.jsonError) return t('progress.skip-reason.json', { error: l.jsonError.message });
  const r = l.decoded?.rejections[0];
  return r ? `${r.message} (${r.rule})` : undefined;
}

/** Lines ape-dts reads but skips, after the chosen line (or all, when nothing was chosen). */
export function explainSkippedLines(reads: ReadFile[], chosen?: { file: string; line: number }): string[] {
  const out: string[] = [];
  let after = chosen === undefined;
  let more = 0;
  for (const r of reads) {
    const last = [...r.readLines].reverse().find((l) => l.kind !== 'blank');
    for (const l of r.readLines) {
      if (!after && r.path === chosen?.file && l.line === chosen.line) after = true;
      if (!after) continue;
      const why = skipReason(l);
      if (!why) continue;
      if (out.length >= 5) {
        more++;
        continue;
      }
      const truncated = r.source === 'log' && l === last;
      out.push(t(truncated ? 'progress.skipped.truncated' : 'progress.skipped', { where: where({ file: r.path, line: l.line }), why }));
    }
  }
  if (more > 0) out.push(t(more > 1 ? 'progress.skipped.more' : 'progress.skipped.one-more', { count: more }));
  return out;
}
