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
    out.push(`PL024: position.log is read after the resume config file and wins, so ${where(chosen)} is used instead of the config file's positions. Point the log dir at a folder without position.log to start from the config file.`);
  }
  if (log) out.push(...windowWarnings(log));

  const families = new Set(log?.candidates.map((c) => VARIANTS[c.position.type].family) ?? []);
  if (families.size > 1) {
    out.push(`PL011: position.log holds positions of several kinds (${[...families].join(', ')}); another task probably writes to the same log_dir, and ape-dts takes whichever line comes last.`);
  }

  const v = chosen?.position.values;
  const db = setup.dbType;
  if (db === 'mysql') {
    if (chosen?.slot === 'current') {
      out.push(`PL008: ${where(chosen)} is a current_position line; MySQL may then start inside a transaction (missing table map events fail the task, or half a transaction is applied). Prefer the nearest checkpoint_position line at or before it.`);
    }
    const gtidSet = chosen ? v!.gtid_set : ctx.start.gtid_set ?? '';
    if (task.eff('extractor.gtid_enabled') === 'true' && gtidSet === '') {
      out.push(
        setup.profile === 'legacy'
          ? 'PL009: gtid_enabled=true with an empty gtid_set: ape-dts 2.0.24 then starts at the server\'s latest GTID, skipping everything in between.'
          : 'PL009: gtid_enabled=true with an empty gtid_set: ape-dts starts by file/position (or at the latest position), and the gtid_set it records afterwards holds only GTIDs seen since then, so resuming by GTID later asks the server for all older history again.',
      );
    }
    if (task.config.value('extractor', 'start_time_utc') && (chosen || ctx.config.value('extractor', 'binlog_position'))) {
      out.push('PL026: start_time_utc recomputes binlog_filename from the time but keeps binlog_position, so the two no longer belong together. Leave start_time_utc empty when resuming from a position.');
    }
  }
  if (db === 'pg' && task.eff('extractor.recreate_slot_if_exists') === 'true' && (chosen || ctx.start.start_lsn)) {
    out.push('PL025: recreate_slot_if_exists=true drops and recreates the slot, and a new slot ignores start_lsn: changes since the position are lost. Set it to false to resume.');
  }
  if (db === 'mongo' && chosen) {
    const source = (task.eff('extractor.source') ?? '').toLowerCase();
    const opLog = setup.profile === 'current' ? source === 'op_log' : task.eff('extractor.source') === 'op_log';
    if (opLog && v!.resume_token !== '') {
      out.push(`PL027: source=op_log ignores the resume_token of ${where(chosen)} and re-reads from the start of second operation_time=${v!.operation_time}.`);
    }
    if (!opLog && v!.resume_token === '') {
      out.push(`PL027: ${where(chosen)} has no resume_token (it was written by an op_log task, or the event had none), so the change stream starts at operation_time=${v!.operation_time} instead.`);
    }
    const newer = choice?.losers.find((l) => l.candidate.slot === 'current' && l.candidate.position.type === 'MongoCdc');
    if (setup.profile !== 'legacy' && chosen.slot === 'checkpoint' && newer && (newer.candidate.position.values.operation_time as bigint) > (v!.operation_time as bigint)) {
      out.push(`PL028: ape-dts resumes from the checkpoint ${where(chosen)} although ${where(newer.candidate)} is newer; Mongo checkpoints are only written for filtered events and heartbeats, so the task replays from the older point.`);
    }
  }
  if (setup.taskKind === 'snapshot') {
    const finished = reads.find((r) => r.source === 'finished_log');
    const marker = finished?.readLines.find((l) => l.kind === 'finishedMarker');
    if (marker) {
      out.push(`PL030: finished.log says 'task finished' (line ${marker.line + 1}); with resume on, a new run skips every table listed as finished. Use a new log_dir for a fresh copy.`);
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
    return ['PL015: the part of position.log ape-dts reads holds no usable position (only None or rejected lines), so it resumes as if there were no position.'];
  }
  return [];
}

/** Why ape-dts skips a line it reads, or undefined when it takes the line (or it is blank / None). */
export function skipReason(l: ProgressLine): string | undefined {
  if (l.kind === 'blank' || l.kind === 'finishedMarker' || l.kind === 'comment') return undefined;
  if (l.panics) return "its last '}' comes before its first '{', and ape-dts panics on such a line (PL002)";
  if (l.kind === 'invalid') return l.text.includes('{') ? "its payload has no closing '}' (PL002)" : 'it has no {…} payload (PL002)';
  if (l.jsonError) return `its payload is not valid JSON: ${l.jsonError.message} (PL002)`;
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
      const truncated = r.source === 'log' && l === last ? ' (a truncated last line, PL014)' : '';
      out.push(`${where({ file: r.path, line: l.line })} is skipped${truncated}: ${why}.`);
    }
  }
  if (more > 0) out.push(`… and ${more} more skipped line${more > 1 ? 's' : ''}.`);
  return out;
}
