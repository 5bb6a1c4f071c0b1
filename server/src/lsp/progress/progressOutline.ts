import type { Range } from '../../core/diagnostic';
import { t } from '../../core/i18n';
import { acceptedPosition, type ProgressFile } from '../../core/progress/progressLine';
import type { ProgressAnalysis } from './analyseProgress';

// Outline and folding of a position.log / finished.log: one entry per run (a start of the
// task: a gap in the line times, see detectRuns) and inside it one per binlog file (MySQL),
// so a long log reads as "run 3 → mysql-bin.000007 → …".

export interface OutlineEntry {
  name: string;
  detail: string;
  kind: 'run' | 'binlog';
  range: Range;
  selectionRange: Range;
  children: OutlineEntry[];
}

export interface Fold {
  startLine: number;
  endLine: number;
}

export function progressOutline(a: ProgressAnalysis): OutlineEntry[] {
  return a.runs.map((run, i) => {
    const children = binlogSegments(a.parsed, run.startLine, run.endLine).map(
      (s): OutlineEntry => ({
        name: s.file,
        detail: t('lspProgress.outline.lines', { from: s.startLine + 1, to: s.endLine + 1 }),
        kind: 'binlog',
        range: rangeOf(a.parsed, s.startLine, s.endLine),
        selectionRange: rangeOf(a.parsed, s.startLine, s.startLine),
        children: [],
      }),
    );
    const lines = run.endLine - run.startLine + 1;
    return {
      name: run.startTime ? t('lspProgress.outline.run.from', { n: i + 1, time: run.startTime }) : t('lspProgress.outline.run', { n: i + 1 }),
      detail: t(lines === 1 ? 'lspProgress.outline.runLines.one' : 'lspProgress.outline.runLines.many', { from: run.startLine + 1, to: run.endLine + 1, count: lines }),
      kind: 'run',
      range: rangeOf(a.parsed, run.startLine, run.endLine),
      selectionRange: rangeOf(a.parsed, run.startLine, run.startLine),
      // A single segment spanning the whole run adds nothing to the tree.
      children: children.length === 1 && children[0].range.start.line === run.startLine && children[0].range.end.line === run.endLine ? [] : children,
    };
  });
}

export function progressFolds(a: ProgressAnalysis): Fold[] {
  const out: Fold[] = [];
  const walk = (entries: OutlineEntry[]) => {
    for (const e of entries) {
      if (e.range.end.line > e.range.start.line) out.push({ startLine: e.range.start.line, endLine: e.range.end.line });
      walk(e.children);
    }
  };
  walk(progressOutline(a));
  return out;
}

function binlogSegments(file: ProgressFile, from: number, to: number): { file: string; startLine: number; endLine: number }[] {
  const out: { file: string; startLine: number; endLine: number }[] = [];
  for (let n = from; n <= to; n++) {
    const l = file.lines[n - file.firstLine];
    const p = l && acceptedPosition(l);
    if (!p || p.type !== 'MysqlCdc') continue;
    const name = String(p.values.binlog_filename);
    const last = out[out.length - 1];
    if (last && last.file === name) last.endLine = n;
    else out.push({ file: name, startLine: n, endLine: n });
  }
  return out;
}

function rangeOf(file: ProgressFile, start: number, end: number): Range {
  const last = file.lines[end - file.firstLine];
  return { start: { line: start, character: 0 }, end: { line: end, character: last?.text.length ?? 0 } };
}
