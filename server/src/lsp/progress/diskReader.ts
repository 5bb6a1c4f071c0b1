import * as fs from 'node:fs';
import { TAIL_NEWLINES } from '../../core/progress/tailWindow';
import { COUNT_LINES_UP_TO, fromEndFirstLine, readProgressTail } from '../../io/readProgressTail';

// Progress files read from disk by the language server (files that are not open, and files
// too big for the editor to hand over: VS Code syncs nothing over 50 MB). ape-dts reads only
// the last 200 newlines of position.log, so a big file contributes only its tail: first the
// last 64 KiB, more if those hold fewer lines than the window. The tail's first line number
// is counted by streaming through the rest in 1 MiB chunks, each an awaited read, so the
// server never blocks for long; the count is cached, and a file that only grew (log4rs
// appends; a roll renames it, giving a new inode) is counted from where the last count ended.
//
// A prediction must be instant however big the file (count: false): only readProgressTail's
// few dozen kilobytes are read. The lines before the tail are counted at once only when that
// is cheap (a file up to COUNT_LINES_UP_TO, or a known count to bring up to date by at most
// EXTEND_COUNT_BYTES); otherwise the tail's lines are numbered back from the end
// (fromEndFirstLine), the count is made in the background, and `onCounted` says when line
// numbers can be given.

export const WHOLE_FILE_BYTES = 2 * 1024 * 1024;
const FIRST_TAIL_BYTES = 64 * 1024;
const MAX_TAIL_BYTES = 64 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const EXTEND_COUNT_BYTES = 8 * 1024 * 1024;

export interface DiskText {
  text: string;
  /** 0-based line number of the first line of `text` in the file. */
  firstLine: number;
  /** The whole file was read. */
  whole: boolean;
  size: number;
  /** Lines are numbered back from the end (negative: line -1 is the last), not counted. */
  fromEnd?: boolean;
}

export interface ReadOptions {
  /** A position log: big files by their tail (default true). */
  tail: boolean;
  /** Count the lines before the tail (reads the file); false: tail only, see above (default true). */
  count?: boolean;
}

interface Entry {
  ino: number;
  size: number;
  mtimeMs: number;
  value: DiskText;
  /** Newlines in the bytes before `offset`. */
  counted: { offset: number; newlines: number };
}

export class ProgressDiskReader {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<DiskText | null>>();
  /** Newlines before `offset` of a file (inode `ino`), from a count made for a tail-only read. */
  private readonly counts = new Map<string, { ino: number; offset: number; newlines: number }>();
  private readonly counting = new Set<string>();

  /** `onCounted(file)`: a background count finished; tail-only reads of it now give line numbers. */
  constructor(private readonly onCounted: (file: string) => void = () => undefined) {}

  /** The file's text (or tail), or null when it does not exist or cannot be read. */
  read(file: string, options: ReadOptions = { tail: true }): Promise<DiskText | null> {
    const count = options.count ?? true;
    const key = `${options.tail ? (count ? 'tail' : 'tailonly') : 'whole'}:${file}`;
    let p = this.pending.get(key);
    if (!p) {
      p = (options.tail && !count ? this.loadTailOnly(file, key) : this.load(file, options.tail, key)).finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  /** Names of the files in a folder ([] when it cannot be listed). */
  async list(folder: string): Promise<string[]> {
    try {
      return await fs.promises.readdir(folder);
    } catch {
      return [];
    }
  }

  forget(file?: string): void {
    if (file === undefined) this.cache.clear();
    else for (const k of [...this.cache.keys()]) if (k.endsWith(`:${file}`)) this.cache.delete(k);
  }

  private async loadTailOnly(file: string, key: string): Promise<DiskText | null> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      this.cache.delete(key);
      return null;
    }
    if (!stat.isFile()) return null;
    if (stat.size <= WHOLE_FILE_BYTES) return this.load(file, false, key);
    const hit = this.cache.get(key);
    if (hit && hit.ino === stat.ino && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs && (!hit.value.fromEnd || !this.counts.has(file))) return hit.value;
    try {
      const tail = readProgressTail(file);
      let firstLine = tail.firstLine;
      const usable = this.counts.get(file);
      const known = usable && usable.ino === stat.ino && usable.offset <= tail.startByte ? usable : { offset: 0, newlines: 0 };
      if (firstLine === undefined && (tail.startByte - known.offset <= EXTEND_COUNT_BYTES || stat.size <= COUNT_LINES_UP_TO)) {
        const handle = await fs.promises.open(file, 'r');
        try {
          firstLine = known.newlines + (await countNewlines(handle, known.offset, tail.startByte));
        } finally {
          await handle.close();
        }
        this.counts.set(file, { ino: stat.ino, offset: tail.startByte, newlines: firstLine });
      }
      const value: DiskText =
        firstLine !== undefined
          ? { text: tail.text, firstLine, whole: tail.whole, size: stat.size }
          : { text: tail.text, firstLine: fromEndFirstLine(tail.text), whole: false, size: stat.size, fromEnd: true };
      if (value.fromEnd) this.countLater(file, stat.ino, tail.startByte);
      this.cache.set(key, { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, value, counted: { offset: 0, newlines: 0 } });
      return value;
    } catch {
      return null;
    }
  }

  /** Counts the newlines before `offset` in the background (awaited 1 MiB reads), then says so. */
  private countLater(file: string, ino: number, offset: number): void {
    if (this.counting.has(file)) return;
    this.counting.add(file);
    void (async () => {
      const handle = await fs.promises.open(file, 'r');
      try {
        if ((await handle.stat()).ino !== ino) return;
        const known = this.counts.get(file);
        const from = known && known.ino === ino && known.offset <= offset ? known : { offset: 0, newlines: 0 };
        const newlines = from.newlines + (await countNewlines(handle, from.offset, offset));
        this.counts.set(file, { ino, offset, newlines });
      } finally {
        await handle.close();
      }
      this.onCounted(file);
    })()
      .catch(() => undefined)
      .finally(() => this.counting.delete(file));
  }

  private async load(file: string, tail: boolean, key: string): Promise<DiskText | null> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      this.cache.delete(key);
      return null;
    }
    if (!stat.isFile()) return null;
    const hit = this.cache.get(key);
    if (hit && hit.ino === stat.ino && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs) return hit.value;
    try {
      if (!tail || stat.size <= WHOLE_FILE_BYTES) {
        const text = (await fs.promises.readFile(file)).toString('utf8');
        const value = { text, firstLine: 0, whole: true, size: stat.size };
        this.cache.set(key, { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, value, counted: { offset: 0, newlines: 0 } });
        return value;
      }
      const handle = await fs.promises.open(file, 'r');
      try {
        const { start, text } = await readTail(handle, stat.size);
        // Reuse the last count when the file only grew since.
        const from = hit && hit.ino === stat.ino && hit.counted.offset <= start && hit.size <= stat.size ? hit.counted : { offset: 0, newlines: 0 };
        const newlines = from.newlines + (await countNewlines(handle, from.offset, start));
        const value = { text, firstLine: newlines, whole: false, size: stat.size };
        this.cache.set(key, { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, value, counted: { offset: start, newlines } });
        return value;
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
  }
}

/** The end of the file from a line start, holding more lines than ape-dts's window. */
async function readTail(handle: fs.promises.FileHandle, size: number): Promise<{ start: number; text: string }> {
  for (let want = FIRST_TAIL_BYTES; ; want *= 2) {
    const at = Math.max(0, size - Math.min(want, MAX_TAIL_BYTES));
    const buf = Buffer.alloc(size - at);
    await readFully(handle, buf, at);
    // Start after the first newline unless we are at the start of the file.
    const cut = at === 0 ? 0 : buf.indexOf(10) + 1;
    let newlines = 0;
    for (let i = buf.indexOf(10, cut); i !== -1; i = buf.indexOf(10, i + 1)) newlines++;
    const enough = newlines > TAIL_NEWLINES;
    if (at === 0 || (enough && cut > 0) || want >= MAX_TAIL_BYTES) {
      return { start: at + cut, text: buf.subarray(cut).toString('utf8') };
    }
  }
}

async function readFully(handle: fs.promises.FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await handle.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
}

async function countNewlines(handle: fs.promises.FileHandle, from: number, to: number): Promise<number> {
  const buf = Buffer.alloc(CHUNK_BYTES);
  let n = 0;
  for (let at = from; at < to; ) {
    const { bytesRead } = await handle.read(buf, 0, Math.min(CHUNK_BYTES, to - at), at);
    if (bytesRead === 0) break;
    const view = buf.subarray(0, bytesRead);
    for (let i = view.indexOf(10); i !== -1; i = view.indexOf(10, i + 1)) n++;
    at += bytesRead;
  }
  return n;
}
