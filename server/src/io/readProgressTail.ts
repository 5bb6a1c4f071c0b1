import * as fs from 'node:fs';
import { TAIL_NEWLINES } from '../core/progress/tailWindow';

// Where ape-dts resumes depends only on the end of position.log (the last 200 lines), so a
// prediction needs only the end of the file: read backwards from the end, a block at a time,
// until the window and one line before it are in, and at least `minBytes` (a little history
// for the "hidden before the window" checks). On a 1 GB file that is a few dozen kilobytes.
//
// What it costs to say which LINE of the file that is: counting every line break before the
// tail, i.e. reading the whole file (countLines). Without it the tail's lines are numbered from
// the tail's start and only `startByte` places them in the file.

export const TAIL_MIN_BYTES = 64 * 1024;
/**
 * Up to this size counting the lines before the tail is cheap (a few milliseconds): callers
 * count, and give true line numbers. Above it they read only the tail (see fromEndFirstLine).
 */
export const COUNT_LINES_UP_TO = 8 * 1024 * 1024;
const BLOCK = 64 * 1024;

export interface ProgressTail {
  /** The tail, starting at a line boundary. */
  text: string;
  /** Byte offset of the tail in the file. */
  startByte: number;
  /** 0-based line number of the tail's first line; only when counted (or when the tail is the whole file). */
  firstLine?: number;
  /** The file's size. */
  size: number;
  /** The tail is the whole file. */
  whole: boolean;
}

export interface ReadTailOptions {
  /** Line breaks to have before the end (default: the window's 200, plus one for the line before it). */
  newlines?: number;
  minBytes?: number;
  /** Count the lines before the tail (reads the whole file once) so firstLine is exact. */
  countLines?: boolean;
}

export function readProgressTail(file: string, options: ReadTailOptions = {}): ProgressTail {
  const want = options.newlines ?? TAIL_NEWLINES + 1;
  const minBytes = options.minBytes ?? TAIL_MIN_BYTES;
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const blocks: Buffer[] = [];
    let start = size;
    let seen = 0;
    // The byte offset just after the want-th line break from the end, once found.
    let cut = -1;
    while (start > 0 && cut < 0) {
      const from = Math.max(0, start - Math.max(BLOCK, start === size ? minBytes : 0));
      const block = Buffer.allocUnsafe(start - from);
      fs.readSync(fd, block, 0, block.length, from);
      blocks.unshift(block);
      for (let i = block.lastIndexOf(10); i >= 0; i = i > 0 ? block.lastIndexOf(10, i - 1) : -1) {
        if (++seen >= want && size - (from + i + 1) >= minBytes) {
          cut = from + i + 1;
          break;
        }
      }
      start = from;
    }
    const all = blocks.length === 1 ? blocks[0] : Buffer.concat(blocks);
    const startByte = cut < 0 ? 0 : cut;
    const text = all.subarray(startByte - start).toString('utf8');
    const whole = startByte === 0;
    const tail: ProgressTail = { text, startByte, size, whole };
    if (whole) tail.firstLine = 0;
    else if (options.countLines) tail.firstLine = countNewlines(fd, 0, startByte);
    return tail;
  } finally {
    fs.closeSync(fd);
  }
}

/** Line breaks in bytes [from, to) of an open file, read in 1 MiB chunks. */
export function countNewlines(fd: number, from: number, to: number): number {
  const buf = Buffer.allocUnsafe(1024 * 1024);
  let count = 0;
  for (let at = from; at < to; ) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, to - at), at);
    if (n === 0) break;
    const view = n === buf.length ? buf : buf.subarray(0, n);
    for (let i = view.indexOf(10); i >= 0; i = view.indexOf(10, i + 1)) count++;
    at += n;
  }
  return count;
}

/**
 * The firstLine to give a tail whose place in the file was not counted: its lines are then
 * numbered back from the end of the file, so that the 1-based number shown (line + 1) is -1 for
 * the last line, -2 for the one before… (a final line break ends the last line, it does not
 * start another). Exact without reading the rest of the file.
 */
export function fromEndFirstLine(text: string): number {
  const pieces = text.split('\n').length;
  return -(pieces - (text.endsWith('\n') ? 1 : 0)) - 1;
}

