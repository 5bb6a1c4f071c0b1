import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import type { Diagnostic } from '../core/diagnostic';
import { firstInvalidUtf8 } from '../core/decodeText';
import { ProgressStreamValidator, type StreamValidateOptions } from '../core/progress/streamValidate';
import { TAIL_NEWLINES } from '../core/progress/tailWindow';

// Full validation of a position.log of any size (lintProgress's findings, see
// core/progress/streamValidate.ts) reading it once, a chunk at a time: memory stays at a few
// chunks however big the file is. A second pass is made only in the rare case streamValidate
// asks for one (a position stepping back to a value logged long before).
//
// Text is decoded as decodeProgressBytes does: leniently, keeping a BOM, with the first byte that
// is not UTF-8 reported (PL018) unless the caller already gives it in facts.

export const CHUNK_BYTES = 1024 * 1024;
const DECODE_BYTES = 32 * 1024;

export interface StreamFileOptions extends Omit<StreamValidateOptions, 'path'> {
  /** The name ape-dts knows the file by (defaults to the path read). */
  path?: string;
  chunkBytes?: number;
  /** After each chunk of the first pass: bytes read so far, and the file's size. */
  onProgress?: (done: number, total: number) => void;
}

export interface StreamFileSummary {
  bytes: number;
  lines: number;
  diagnostics: number;
  /** The file was read a second time (see Recheck). */
  secondPass: boolean;
}

/** Splits byte chunks into lines (pieces of text.split('\n')) and decodes them. */
class LineReader {
  // The unfinished last line of the chunks so far, at the start of one buffer that is reused
  // (a new buffer per chunk left megabytes of external memory for V8 to collect late).
  private buf = Buffer.alloc(0);
  private carryLen = 0;
  /** File offset of the next byte pushed. */
  private offset = 0;
  private lineNo = 0;
  private badUtf8: { line: number; character: number } | undefined;

  /** `onWindow` is called once, before the first line that starts at or after byte `windowByte`. */
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly checkUtf8: boolean,
    private readonly windowByte = Infinity,
    private onWindow?: () => void,
  ) {}

  get invalidUtf8() {
    return this.badUtf8;
  }

  get lines() {
    return this.lineNo;
  }

  push(chunk: Buffer): void {
    const start = this.offset - this.carryLen;
    this.offset += chunk.length;
    const need = this.carryLen + chunk.length;
    if (this.buf.length < need) {
      const bigger = Buffer.allocUnsafe(Math.max(need, 2 * this.buf.length));
      this.buf.copy(bigger, 0, 0, this.carryLen);
      this.buf = bigger;
    }
    chunk.copy(this.buf, this.carryLen);
    const data = this.buf.subarray(0, need);
    const last = data.lastIndexOf(10);
    if (last < 0) {
      this.carryLen = need;
      return;
    }
    // Decoding copies the bytes into strings, so the buffer can be reused right after.
    this.region(data.subarray(0, last + 1), start);
    this.buf.copyWithin(0, last + 1, need);
    this.carryLen = need - (last + 1);
  }

  /** At the end: the text after the last line break is the last line (empty when the file ends with one). */
  end(): void {
    const rest = this.buf.subarray(0, this.carryLen);
    this.carryLen = 0;
    this.window(this.offset - rest.length);
    const text = this.decode(rest);
    this.onLine(text);
    this.lineNo++;
  }

  private window(at: number): void {
    if (this.onWindow && at >= this.windowByte) {
      this.onWindow();
      this.onWindow = undefined;
    }
  }

  /**
   * Whole lines, each ending with '\n', decoded DECODE_BYTES at a time: strings that small are
   * young garbage V8 frees at once, where megabyte strings would pile up in the old generation
   * (RSS grew with the file size) before a full collection.
   */
  private region(bytes: Buffer, offset: number): void {
    for (let start = 0; start < bytes.length; ) {
      let end = bytes.length;
      if (end - start > DECODE_BYTES) {
        const nl = bytes.lastIndexOf(10, start + DECODE_BYTES - 1);
        end = (nl >= start ? nl : bytes.indexOf(10, start + DECODE_BYTES)) + 1;
      }
      // The window starts at a line boundary: cut there so its lines come after onWindow.
      const w = this.windowByte - offset;
      if (this.onWindow && w > start && w < end) end = w;
      this.window(offset + start);
      const text = this.decode(bytes.subarray(start, end));
      let from = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
        this.onLine(text.slice(from, nl));
        this.lineNo++;
        from = nl + 1;
      }
      start = end;
    }
  }

  private decode(bytes: Buffer): string {
    if (isUtf8(bytes)) return bytes.toString('utf8');
    // Decoded as decodeProgressBytes does (U+FFFD per bad sequence, BOM kept); the first bad
    // byte is reported where it reports it.
    const decoder = () => new TextDecoder('utf-8', { ignoreBOM: true });
    const bad = this.checkUtf8 && !this.badUtf8 ? firstInvalidUtf8(bytes) : -1;
    if (bad >= 0) {
      const lineStart = bytes.lastIndexOf(10, bad - 1) + 1;
      let line = this.lineNo;
      for (let i = bytes.indexOf(10); i >= 0 && i < lineStart; i = bytes.indexOf(10, i + 1)) line++;
      this.badUtf8 = { line, character: decoder().decode(bytes.subarray(lineStart, bad)).length };
    }
    return decoder().decode(bytes);
  }
}

function validator(file: string, options: StreamFileOptions, onDiagnostic: (d: Diagnostic) => void) {
  const { chunkBytes: _chunkBytes, onProgress: _onProgress, ...rest } = options;
  return new ProgressStreamValidator({ ...rest, path: options.path ?? file, windowMarked: true }, onDiagnostic);
}

const BACK_BLOCK = 64 * 1024;

/**
 * Byte offset of the first line ape-dts reads: just after the 200th line break from the end
 * (tailWindowOf's last 200 lines), or 0 when the file has fewer. Read backwards a block at a time.
 */
function windowStartScan(size: number) {
  let seen = 0;
  let end = size;
  return {
    /** The next block to read, or undefined when done. */
    next: (): { from: number; length: number } | undefined => (end > 0 ? { from: Math.max(0, end - BACK_BLOCK), length: end - Math.max(0, end - BACK_BLOCK) } : undefined),
    /** Feeds that block; returns the answer once known. */
    feed(block: Buffer, from: number): number | undefined {
      for (let i = block.lastIndexOf(10); i >= 0; i = i > 0 ? block.lastIndexOf(10, i - 1) : -1) {
        if (++seen === TAIL_NEWLINES) return from + i + 1;
      }
      end = from;
      return end === 0 ? 0 : undefined;
    },
  };
}

function windowStartSync(fd: number, size: number): number {
  const scan = windowStartScan(size);
  const buf = Buffer.allocUnsafe(BACK_BLOCK);
  for (let block = scan.next(); block; block = scan.next()) {
    const n = fs.readSync(fd, buf, 0, block.length, block.from);
    const found = scan.feed(buf.subarray(0, n), block.from);
    if (found !== undefined) return found;
  }
  return 0;
}

async function windowStartAsync(handle: fs.promises.FileHandle, size: number): Promise<number> {
  const scan = windowStartScan(size);
  const buf = Buffer.allocUnsafe(BACK_BLOCK);
  for (let block = scan.next(); block; block = scan.next()) {
    const { bytesRead } = await handle.read(buf, 0, block.length, block.from);
    const found = scan.feed(buf.subarray(0, bytesRead), block.from);
    if (found !== undefined) return found;
  }
  return 0;
}

/** Validates a position.log synchronously (CLI). */
export function validateProgressFileSync(file: string, options: StreamFileOptions, onDiagnostic: (d: Diagnostic) => void): StreamFileSummary {
  let count = 0;
  const v = validator(file, options, (d) => {
    count++;
    onDiagnostic(d);
  });
  const fd = fs.openSync(file, 'r');
  try {
    const windowByte = windowStartSync(fd, fs.fstatSync(fd).size);
    const buf = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK_BYTES);
    const pass = (onLine: (l: string) => void, first: boolean, untilLine = Infinity) => {
      const reader = new LineReader(onLine, first && options.facts?.invalidUtf8 === undefined, windowByte, first ? () => v.windowBegins() : undefined);
      let bytes = 0;
      for (;;) {
        if (reader.lines >= untilLine) return { reader, bytes };
        const n = fs.readSync(fd, buf, 0, buf.length, bytes);
        if (n === 0) break;
        bytes += n;
        reader.push(buf.subarray(0, n));
        if (first) v.compact();
      }
      reader.end();
      return { reader, bytes };
    };
    const { reader, bytes } = pass((l) => v.line(l), true);
    if (reader.invalidUtf8) v.noteInvalidUtf8(reader.invalidUtf8);
    const recheck = v.end();
    if (recheck) {
      let seen = 0;
      pass((l) => (seen++ < recheck.untilLine ? v.recheckLine(l) : undefined), false, recheck.untilLine);
    }
    v.finish();
    return { bytes, lines: reader.lines, diagnostics: count, secondPass: recheck !== undefined };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Validates a position.log without blocking the event loop for long (language server): one
 * chunk per turn. Stops with an AbortError when `signal` aborts.
 */
export async function validateProgressFile(
  file: string,
  options: StreamFileOptions,
  onDiagnostic: (d: Diagnostic) => void,
  signal?: AbortSignal,
): Promise<StreamFileSummary> {
  let count = 0;
  const v = validator(file, options, (d) => {
    count++;
    onDiagnostic(d);
  });
  const handle = await fs.promises.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const windowByte = await windowStartAsync(handle, size);
    const buf = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK_BYTES);
    const pass = async (onLine: (l: string) => void, first: boolean, untilLine = Infinity) => {
      const reader = new LineReader(onLine, first && options.facts?.invalidUtf8 === undefined, windowByte, first ? () => v.windowBegins() : undefined);
      let bytes = 0;
      for (;;) {
        signal?.throwIfAborted();
        if (reader.lines >= untilLine) return { reader, bytes };
        const { bytesRead } = await handle.read(buf, 0, buf.length, bytes);
        if (bytesRead === 0) break;
        bytes += bytesRead;
        reader.push(buf.subarray(0, bytesRead));
        if (first) {
          v.compact();
          options.onProgress?.(bytes, size);
        }
      }
      reader.end();
      return { reader, bytes };
    };
    const { reader, bytes } = await pass((l) => v.line(l), true);
    if (reader.invalidUtf8) v.noteInvalidUtf8(reader.invalidUtf8);
    const recheck = v.end();
    if (recheck) {
      let seen = 0;
      await pass((l) => (seen++ < recheck.untilLine ? v.recheckLine(l) : undefined), false, recheck.untilLine);
    }
    v.finish();
    return { bytes, lines: reader.lines, diagnostics: count, secondPass: recheck !== undefined };
  } finally {
    await handle.close();
  }
}
