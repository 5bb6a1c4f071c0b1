import { range, type Range } from '../diagnostic';
import type { ScannedIni } from '../ini/scanIni';

import type { TextEdit } from './textEdit';

// Line-level edits against the original text: a fix touches only the characters it must, so
// CRLF/LF, a BOM, comments, spacing and the user's key case survive byte for byte.

// Where each line's '\n' is, once per scan: a fix per line (fix-all, quick fixes for a whole
// file) must not walk the text from the top every time.
const newlines = new WeakMap<ScannedIni, number[]>();

function newlinesOf(scan: ScannedIni): number[] {
  let found = newlines.get(scan);
  if (!found) {
    found = [];
    for (let at = scan.text.indexOf('\n'); at >= 0; at = scan.text.indexOf('\n', at + 1)) found.push(at);
    newlines.set(scan, found);
  }
  return found;
}

/** The line terminator of one line as written ('' for a last line without one). */
export function eolOf(scan: ScannedIni, line: number): string {
  if (line >= scan.lines.length - 1) return '';
  const nl = newlinesOf(scan)[line];
  return nl > 0 && scan.text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Removes a whole line with its terminator (or the terminator before it, on the last line). */
export function deleteLine(scan: ScannedIni, line: number): TextEdit {
  if (line < scan.lines.length - 1) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  if (line === 0) return { range: range(0, 0, scan.lines[0].length), newText: '' };
  const prev = scan.lines[line - 1].length;
  return { range: { start: { line: line - 1, character: prev }, end: { line, character: scan.lines[line].length } }, newText: '' };
}

/** Where a new line can be inserted above `line` (after a BOM glued to line 0). */
export function lineStart(scan: ScannedIni, line: number): number {
  return line === 0 && scan.bom ? 1 : 0;
}

/** Inserts a full line above `line`, ended with that line's own terminator style. */
export function insertLineAbove(scan: ScannedIni, line: number, text: string): TextEdit {
  const at = lineStart(scan, line);
  const eol = eolOf(scan, line) || (scan.eol === '\r\n' ? '\r\n' : '\n');
  return { range: range(line, at, at), newText: text + eol };
}

/**
 * Writes `name` in the case style of `written`: DB_TYPE → upper; otherwise each '_' part of
 * `name` is capitalised like the part of `written` at the same place (Resume_Log_Dir → Log_Dir).
 */
export function inCaseOf(written: string, name: string): string {
  const letters = written.replace(/[^a-zA-Z]/g, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return name.toUpperCase();
  const capitals = written.split('_').map((p) => /^[A-Z]/.test(p));
  return name
    .split('_')
    .map((p, i) => (capitals[Math.min(i, capitals.length - 1)] && p ? p[0].toUpperCase() + p.slice(1) : p))
    .join('_');
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  const samePoint = (p: Range['start'], q: Range['start']) => p.line === q.line && p.character === q.character;
  // Two inserts at one point would be ordered arbitrarily by the client: treat as a clash.
  if (samePoint(a.start, b.start)) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}
