import type { ProgressFile } from './progressLine';

// ape-dts does not read position.log from the top: FileUtil::tail seeks backwards from the
// end counting '\n' bytes, stops at the 200th, and reads from there. So the resumer sees
// the last 199 complete lines (blank lines count) when the file ends with a newline, or
// 199 lines plus the unterminated last one when it does not. Older releases used smaller
// windows (v2.0.16–v2.0.19: 30 newlines, v2.0.20–v2.0.21: 100); every version we check
// (2.0.24 … 2.0.26) uses 200. Resume config files and finished.log are read whole.

export const TAIL_NEWLINES = 200;

const BY_RELEASE: [RegExp, number][] = [
  [/^2\.0\.(1[6-9])(\.|$)/, 30],
  [/^2\.0\.2[01](\.|$)/, 100],
];

/** Newlines counted back from the end by a given ape-dts release (e.g. "2.0.19"). */
export function tailNewlines(release?: string): number {
  for (const [re, n] of BY_RELEASE) if (release && re.test(release.replace(/^v/, ''))) return n;
  return TAIL_NEWLINES;
}

export interface TailWindow {
  /** First line (0-based, in the whole file) that ape-dts reads. */
  startLine: number;
  /** Lines from startLine to the end of the given text. */
  lineCount: number;
  /** The newline count used. */
  newlines: number;
  /**
   * false when only a tail of the file was given and it is shorter than the window, so the
   * window may start before it.
   */
  complete: boolean;
}

/**
 * The window of `text` (a whole file, or a tail of it starting at line `firstLine`) that
 * ape-dts reads.
 */
export function tailWindow(text: string, options: { newlines?: number; firstLine?: number } = {}): TailWindow {
  const newlines = options.newlines ?? TAIL_NEWLINES;
  const firstLine = options.firstLine ?? 0;
  const { offset, found } = tailStartOffset(text, newlines);
  let linesBefore = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) linesBefore++;
  const total = countNewlines(text) + 1;
  return {
    startLine: firstLine + linesBefore,
    lineCount: total - linesBefore,
    newlines,
    complete: found || firstLine === 0,
  };
}

/** The same window for an already split file. */
export function tailWindowOf(file: ProgressFile, newlines = TAIL_NEWLINES): TailWindow {
  const count = file.lines.length;
  const skip = Math.max(0, count - newlines);
  return {
    startLine: file.firstLine + skip,
    lineCount: count - skip,
    newlines,
    complete: count > newlines || file.firstLine === 0,
  };
}

export function isInTailWindow(window: TailWindow, line: number): boolean {
  return line >= window.startLine;
}

/**
 * Where ape-dts starts reading: just after the `newlines`-th '\n' from the end. Scans
 * backwards only as far as needed, so it is cheap on a huge string; `found` is false when
 * the text has fewer newlines (then ape-dts reads all of it).
 */
export function tailStartOffset(text: string, newlines = TAIL_NEWLINES): { offset: number; found: boolean } {
  let seen = 0;
  for (let i = text.length - 1; i > 0; i--) {
    if (text.charCodeAt(i) === 0x0a && ++seen === newlines) return { offset: i + 1, found: true };
  }
  // ape-dts stops before looking at byte 0, so a newline there does not count.
  return { offset: 0, found: false };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
