import type { LintResult } from '../lintConfig';
import { sectionEndLine } from './symbols';

// Folding: a range per section (header to its last non-blank line) and one per run of two or
// more full-line comments, such as the commented-out alternatives ape-dts's templates carry.

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export function foldingRanges(result: LintResult): FoldingRange[] {
  const scan = result.config.scan;
  const ranges: FoldingRange[] = [];
  scan.headers.forEach((h, i) => {
    const next = scan.headers[i + 1]?.line ?? scan.lines.length;
    const end = sectionEndLine(scan, h, next);
    if (end > h.line) ranges.push({ startLine: h.line, endLine: end, kind: 'region' });
  });
  let runStart = -1;
  let previous = -2;
  const close = () => {
    if (runStart >= 0 && previous > runStart) ranges.push({ startLine: runStart, endLine: previous, kind: 'comment' });
  };
  for (const c of scan.comments) {
    if (c.line !== previous + 1) {
      close();
      runStart = c.line;
    }
    previous = c.line;
  }
  close();
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
