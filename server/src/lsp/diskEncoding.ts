import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic';
import { decodeConfigBytes, firstInvalidUtf8 } from '../core/decodeText';

// A task config that is not UTF-8 (GBK is common) reaches the server already decoded by the
// editor, its bad bytes turned into U+FFFD — and linting that text yields a flood of spurious
// findings. ape-dts reads the file as UTF-8 and stops (see decodeText.ts), so the one finding
// that matters is the encoding. The editor may also have decoded GBK correctly ("Reopen with
// Encoding", files.autoGuessEncoding), so any non-ASCII text sends us to the file's own bytes;
// pure ASCII reads the same in every encoding ape-dts users meet.

/** Only the start of a larger file is read; a task config is a few kilobytes. */
export const MAX_ENCODING_CHECK_BYTES = 4 * 1024 * 1024;
/** A UTF-8 sequence is at most 4 bytes: an error this close to a cut-off may be the cut itself. */
const LONGEST_SEQUENCE = 4;
const NON_ASCII = /[^\x00-\x7F]/;

export interface FileSystem {
  statSync(path: string): { size: number; mtimeMs: number };
  /** Up to `max` bytes from the start of the file. */
  readStart(path: string, max: number): Uint8Array;
}

const nodeFs: FileSystem = {
  statSync: (p) => fs.statSync(p),
  readStart(p, max) {
    const fd = fs.openSync(p, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(max, fs.fstatSync(fd).size));
      const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, read);
    } finally {
      fs.closeSync(fd);
    }
  },
};

interface Checked {
  size: number;
  mtimeMs: number;
  diagnostic: Diagnostic | undefined;
}

/** The `ini.encoding` error of an open config whose file on disk is not UTF-8, remembered per file version. */
export class DiskEncodingCheck {
  private readonly checked = new Map<string, Checked>();

  constructor(
    private readonly files: FileSystem = nodeFs,
    private readonly maxBytes = MAX_ENCODING_CHECK_BYTES,
  ) {}

  /** The encoding error for `uri`, or undefined (valid UTF-8, ASCII-only text, not a file, unreadable). */
  diagnosticFor(uri: string, text: string): Diagnostic | undefined {
    if (!uri.startsWith('file:') || !NON_ASCII.test(text)) return undefined;
    try {
      const file = fileURLToPath(uri);
      const { size, mtimeMs } = this.files.statSync(file);
      const known = this.checked.get(uri);
      if (known && known.size === size && known.mtimeMs === mtimeMs) return known.diagnostic;
      const diagnostic = this.check(this.files.readStart(file, this.maxBytes), size);
      this.checked.set(uri, { size, mtimeMs, diagnostic });
      return diagnostic;
    } catch {
      return undefined; // not on disk (yet), or unreadable: lint the text as it is
    }
  }

  forget(uri: string): void {
    this.checked.delete(uri);
  }

  private check(bytes: Uint8Array, size: number): Diagnostic | undefined {
    const bad = firstInvalidUtf8(bytes);
    if (bad < 0) return undefined;
    if (bytes.length < size && bad > bytes.length - LONGEST_SEQUENCE) return undefined;
    const decoded = decodeConfigBytes(bytes);
    return 'diagnostic' in decoded ? decoded.diagnostic : undefined;
  }
}
