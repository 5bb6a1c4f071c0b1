import type { TaskConfig } from '../model/taskConfig';
import type { DecodedPosition } from '../progress/decodePosition';
import { acceptedPosition, type ProgressFile } from '../progress/progressLine';
import { isInTailWindow, tailWindowOf } from '../progress/tailWindow';
import { taskView } from '../schema/conditions';
import type { ApeVersion } from '../schema/types';
import { t } from '../i18n';

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
    out.push({ id: 'PL009', message: t('resume.warn.PL009') });
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
      out.push({ id: 'PL038', message: t('resume.warn.PL038') });
    }
    if (task.eff('extractor.recreate_slot_if_exists') === 'true') {
      out.push({ id: 'PL025', message: t('resume.warn.PL025') });
    }
  }
  if (file.kind === 'position' && !isInTailWindow(tailWindowOf(file), line)) {
    out.push({ id: 'PL015', message: t('resume.warn.PL015', { line: line + 1 }) });
  }
  const interval = Number(task.eff('pipeline.checkpoint_interval_secs') ?? '10') || 10;
  if (facts.logModifiedMs !== undefined && facts.nowMs !== undefined && facts.nowMs - facts.logModifiedMs <= 2 * interval * 1000) {
    out.push({ id: 'running', message: t('resume.warn.running', { seconds: Math.round((facts.nowMs - facts.logModifiedMs) / 1000) }) });
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
