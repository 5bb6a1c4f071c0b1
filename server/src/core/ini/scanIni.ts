import { range, type Range } from '../diagnostic';

// A position-keeping scanner that reads task_config.ini the way ape-dts's loader does.
// ape-dts (2.0.24 … head) hands the file to the `configparser` crate (3.1.0) with
// `Ini::new()` and inline comments switched off, so:
// - every line is trimmed; `;`/`#` start a comment only as the first character;
// - `[name]` → section (text between the first `[` and the LAST `]`, lowercased);
//   a `[` without any `]` rejects the whole file;
// - otherwise the first `=` OR `:` splits key and value (both trimmed, key lowercased);
//   a line starting with `=`/`:` rejects the whole file; a line with neither is a bare key;
// - a UTF-8 BOM is not removed: it sticks to the first line.

export const DEFAULT_SECTION = 'default';

export interface IniHeader {
  /** Lowercased, trimmed name, as the loader keys it. */
  name: string;
  line: number;
  /** The whole trimmed header text. */
  range: Range;
  /** The name between the brackets. */
  nameRange: Range;
}

export interface IniEntry {
  /** Lowercased section the loader files this key under (`default` before the first header). */
  section: string;
  key: string;
  rawKey: string;
  /** Trimmed value; `undefined` for a line with neither `=` nor `:`. */
  value: string | undefined;
  delimiter: '=' | ':' | undefined;
  line: number;
  keyRange: Range;
  /** Range of the trimmed value (empty range right after the delimiter when the value is empty). */
  valueRange: Range;
  /** The trimmed line. */
  lineRange: Range;
  header: IniHeader | undefined;
}

export interface IniComment {
  line: number;
  marker: '#' | ';';
  range: Range;
}

export interface IniSyntaxError {
  kind: 'unterminated-section' | 'empty-key';
  line: number;
  range: Range;
}

export interface ScannedIni {
  text: string;
  /** Lines without their line terminators (`\n` or `\r\n`). */
  lines: string[];
  bom: boolean;
  eol: '\n' | '\r\n';
  headers: IniHeader[];
  entries: IniEntry[];
  comments: IniComment[];
  syntaxErrors: IniSyntaxError[];
}

const BOM = '\uFEFF';

/** Lines as Rust's `str::lines` gives them: split at '\n', a '\r' dropped only right before it. */
export function splitLines(text: string): string[] {
  const parts = text.split('\n');
  // A '\r' at the very end is no line break (lines() keeps it; trimming drops it), and treating it
  // as one would put an edit at "the end of the last line" before it instead of after.
  return parts.map((l, i) => (i < parts.length - 1 && l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Start and end (exclusive) of `s` trimmed as Rust's `str::trim` does (Unicode White_Space; the BOM is not white space). */
export function trimBounds(s: string, from = 0, to = s.length): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isRustWhitespace(s.charCodeAt(a))) a++;
  while (b > a && isRustWhitespace(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

function isRustWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function scanIni(text: string): ScannedIni {
  const lines = splitLines(text);
  const result: ScannedIni = {
    text,
    lines,
    bom: text.startsWith(BOM),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    headers: [],
    entries: [],
    comments: [],
    syntaxErrors: [],
  };
  let section = DEFAULT_SECTION;
  let header: IniHeader | undefined;

  lines.forEach((raw, line) => {
    const [a, b] = trimBounds(raw);
    if (a === b) return;
    const first = raw[a];
    const lineRange = range(line, a, b);
    if (first === ';' || first === '#') {
      result.comments.push({ line, marker: first, range: lineRange });
      return;
    }
    if (first === '[') {
      const close = raw.lastIndexOf(']', b - 1);
      if (close < a) {
        result.syntaxErrors.push({ kind: 'unterminated-section', line, range: lineRange });
        return;
      }
      const [na, nb] = trimBounds(raw, a + 1, close);
      header = { name: raw.slice(na, nb).toLowerCase(), line, range: lineRange, nameRange: range(line, na, nb) };
      section = header.name;
      result.headers.push(header);
      return;
    }
    const delimAt = firstDelimiter(raw, a, b);
    if (delimAt === a) {
      result.syntaxErrors.push({ kind: 'empty-key', line, range: lineRange });
      return;
    }
    if (delimAt < 0) {
      result.entries.push({
        section,
        key: raw.slice(a, b).toLowerCase(),
        rawKey: raw.slice(a, b),
        value: undefined,
        delimiter: undefined,
        line,
        keyRange: lineRange,
        valueRange: range(line, b, b),
        lineRange,
        header,
      });
      return;
    }
    const [ka, kb] = trimBounds(raw, a, delimAt);
    const [va, vb] = trimBounds(raw, delimAt + 1, b);
    result.entries.push({
      section,
      key: raw.slice(ka, kb).toLowerCase(),
      rawKey: raw.slice(ka, kb),
      value: raw.slice(va, vb),
      delimiter: raw[delimAt] as '=' | ':',
      line,
      keyRange: range(line, ka, kb),
      valueRange: range(line, va, vb),
      lineRange,
      header,
    });
  });
  return result;
}

function firstDelimiter(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (c === '=' || c === ':') return i;
  }
  return -1;
}
