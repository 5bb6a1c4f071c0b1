import type { TaskConfig } from '../model/taskConfig';
import type { DecodedPosition } from '../progress/decodePosition';
import { acceptedPosition, type ProgressFile } from '../progress/progressLine';
import { isInTailWindow, tailWindowOf } from '../progress/tailWindow';
import { taskView } from '../schema/conditions';
import type { ApeVersion } from '../schema/types';

// What the user must hear before the config is edited: a wrong resume point loses or
// duplicates data, and some of them cannot be honoured by the source at all.

export interface PlanWarning {
  id: string;
  message: string;
}

export interface SafetyFacts {
  /** position.log's modification time and now (ms), to tell a task that still runs. */
  logModifiedMs?: number;
  nowMs?: number;
}

function lsnValue(lsn: string): bigint | undefined {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : undefined;
}

export function safetyWarnings(
  config: TaskConfig,
  version: ApeVersion,
  file: ProgressFile,
  line: number,
  p: DecodedPosition,
  facts: SafetyFacts,
): PlanWarning[] {
  const task = taskView(config, version);
  const out: PlanWarning[] = [];
  if (p.type === 'MysqlCdc' && task.eff('extractor.gtid_enabled') === 'true' && !p.values.gtid_set) {
    out.push({ id: 'PL009', message: 'gtid_enabled=true but this position has an empty gtid_set: ape-dts then starts from the newest GTID set (2.0.24) or from the file and offset, and the GTID set it records afterwards lacks the older history. Check the GTID set before you resume.' });
  }
  if (p.type === 'PgCdc') {
    const mine = lsnValue(String(p.values.lsn));
    const later = file.lines
      .filter((l) => l.line > line)
      .map((l) => acceptedPosition(l))
      .filter((q): q is DecodedPosition => q?.type === 'PgCdc')
      .map((q) => lsnValue(String(q.values.lsn)))
      .filter((v): v is bigint => v !== undefined);
    if (mine !== undefined && later.some((v) => v > mine)) {
      out.push({ id: 'PL038', message: 'Later lines have a higher LSN, which ape-dts has probably already confirmed to the replication slot. PostgreSQL cannot rewind a slot: if start_lsn is older than the slot\'s confirmed_flush_lsn, ape-dts starts from confirmed_flush_lsn instead.' });
    }
    if (task.eff('extractor.recreate_slot_if_exists') === 'true') {
      out.push({ id: 'PL025', message: 'recreate_slot_if_exists=true drops and recreates the slot at start, so start_lsn is ignored.' });
    }
  }
  if (file.kind === 'position' && !isInTailWindow(tailWindowOf(file), line)) {
    out.push({ id: 'PL015', message: `Line ${line + 1} lies before the part of position.log ape-dts reads on its own; the plan writes the position explicitly, so it is used anyway.` });
  }
  const interval = Number(task.eff('pipeline.checkpoint_interval_secs') ?? '10') || 10;
  if (facts.logModifiedMs !== undefined && facts.nowMs !== undefined && facts.nowMs - facts.logModifiedMs <= 2 * interval * 1000) {
    out.push({ id: 'running', message: `position.log was written ${Math.round((facts.nowMs - facts.logModifiedMs) / 1000)} s ago, within two checkpoint intervals: the task looks still running. Stop it before you change where it resumes.` });
  }
  return out;
}

/** The nearest line at or before `line` holding a MySQL checkpoint (a safe point between transactions). */
export function nearestCheckpointBefore(file: ProgressFile, line: number): number | undefined {
  for (let i = line - file.firstLine; i >= 0; i--) {
    const l = file.lines[i];
    if (l.slot === 'checkpoint' && acceptedPosition(l)?.type === 'MysqlCdc') return l.line;
  }
  return undefined;
}
