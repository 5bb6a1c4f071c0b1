import * as fs from 'node:fs';

// Progress files can be gigabytes (position.log is only rolled at 1 MB by the stock log4rs
// setup, but custom setups and long runs exist). A whole file is read only when small; a big
// one contributes its tail, with the number of the tail's first line counted by streaming
// through the rest, so line numbers still match the file.

export const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;
const TAIL_BYTES = 4 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface ProgressText {
  text: string;
  /** 0-based line number of the first line of `text` in the file. */
  firstLine: number;
  /** The whole file was read. */
  whole: boolean;
}

export function readProgressText(file: string): ProgressText {
  const size = fs.statSync(file).size;
  if (size <= WHOLE_FILE_LIMIT) return { text: fs.readFileSync(file, 'utf8'), firstLine: 0, whole: true };
  const fd = fs.openSync(file, 'r');
  try {
    const start = size - TAIL_BYTES;
    const buf = Buffer.alloc(CHUNK);
    let newlines = 0;
    for (let at = 0; at < start; at += CHUNK) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, start - at), at);
      // indexOf (native) instead of a byte loop: several times faster on a big file.
      const view = n === CHUNK ? buf : buf.subarray(0, n);
      for (let i = view.indexOf(10); i >= 0; i = view.indexOf(10, i + 1)) newlines++;
    }
    // Begin at a line boundary: skip the partial first line of the tail.
    const tail = Buffer.alloc(size - start);
    fs.readSync(fd, tail, 0, tail.length, start);
    const firstBreak = tail.indexOf(10);
    const text = tail.subarray(firstBreak + 1).toString('utf8');
    // The tail's own newlines before its first full line count too.
    return { text, firstLine: newlines + (firstBreak < 0 ? 0 : 1), whole: false };
  } finally {
    fs.closeSync(fd);
  }
}
