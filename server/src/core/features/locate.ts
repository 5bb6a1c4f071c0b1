import type { Diagnostic, Position, Range } from '../diagnostic';
import type { IniEntry, IniHeader, ScannedIni } from '../ini/scanIni';

// What sits under the cursor, in the loader's terms. Every feature (hover, completion,
// definition) asks this one question of the same scan, so they never disagree on it.

export type Target =
  | { kind: 'section'; header: IniHeader }
  | { kind: 'key'; entry: IniEntry }
  | { kind: 'value'; entry: IniEntry };

export function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function targetAt(scan: ScannedIni, p: Position): Target | undefined {
  const header = scan.headers.find((h) => h.line === p.line);
  if (header) return contains(header.range, p) ? { kind: 'section', header } : undefined;
  const entry = scan.entries.find((e) => e.line === p.line);
  if (!entry || !contains(entry.lineRange, p)) return undefined;
  if (entry.delimiter === undefined) return { kind: 'key', entry };
  // The delimiter itself belongs to the key: hovering `=` explains the key.
  const delimiterAt = scan.lines[p.line].indexOf(entry.delimiter, entry.keyRange.end.character);
  return p.character <= delimiterAt ? { kind: 'key', entry } : { kind: 'value', entry };
}

/** The header governing a line (the last one above it), if any. */
export function headerAbove(scan: ScannedIni, line: number): IniHeader | undefined {
  let found: IniHeader | undefined;
  for (const h of scan.headers) {
    if (h.line > line) break;
    found = h;
  }
  return found;
}

export function diagnosticsOnLine(diagnostics: readonly Diagnostic[], line: number): Diagnostic[] {
  return diagnostics.filter((d) => d.range.start.line <= line && line <= d.range.end.line);
}
