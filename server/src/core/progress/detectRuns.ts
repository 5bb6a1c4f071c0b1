import type { ProgressFile, ProgressLine } from './progressLine';
import { utcMillis } from './values/logTime';

// position.log is opened in append mode, so every start of the task adds a run to the same
// file. A running task writes its lines every [pipeline] checkpoint_interval_secs (up to
// 2.0.25 always two lines, even for None), so a silence of more than two intervals means the
// task was not running. Runs are what the outline folds, and positions may legitimately go
// back only at the start of a run (the resume point is re-logged).

export interface Run {
  /** First and last non-blank line (0-based, whole file). */
  startLine: number;
  endLine: number;
  startTime?: string;
}

export function detectRuns(file: ProgressFile, checkpointIntervalSecs = 10): Run[] {
  const gapMs = (2 * checkpointIntervalSecs + 5) * 1000;
  const runs: Run[] = [];
  let prev: { line: ProgressLine; ms?: number } | undefined;
  for (const l of file.lines) {
    if (l.kind === 'blank') continue;
    const ms = l.logTime ? utcMillis(l.logTime.text) : undefined;
    const restart = !prev || (ms !== undefined && prev.ms !== undefined && (ms - prev.ms > gapMs || ms < prev.ms));
    if (restart) runs.push({ startLine: l.line, endLine: l.line, startTime: l.logTime?.text });
    else runs[runs.length - 1].endLine = l.line;
    prev = { line: l, ms: ms ?? prev?.ms };
  }
  return runs;
}
