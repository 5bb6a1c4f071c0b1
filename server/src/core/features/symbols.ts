import { range, type Range } from '../diagnostic';
import type { IniHeader, ScannedIni } from '../ini/scanIni';
import type { LintResult } from '../lintConfig';
import { clip } from './markdown';
import { maskValue, maskerFor } from './maskSecrets';

// Outline: one symbol per section header with its keys as children; keys before the first
// header (which ape-dts never reads) are listed at the top level so they are easy to spot.

export interface DocumentSymbol {
  name: string;
  /** The value for keys, with passwords masked. */
  detail?: string;
  kind: 'section' | 'key';
  /** From the header to the last non-blank line of the section body. */
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

/** The last non-blank line of a section that starts at `header`, before `nextLine`. */
export function sectionEndLine(scan: ScannedIni, header: IniHeader, nextLine: number): number {
  let end = nextLine - 1;
  while (end > header.line && scan.lines[end].trim() === '') end--;
  return end;
}

export function documentSymbols(result: LintResult): DocumentSymbol[] {
  const scan = result.config.scan;
  const mask = maskerFor(result.config);
  const keySymbol = (e: ScannedIni['entries'][number]): DocumentSymbol => ({
    // Clipped: an outline row shows a line, not a megabyte value.
    name: clip(e.rawKey),
    detail: e.value === undefined ? undefined : clip(mask(maskValue(e.section, e.key, e.value))),
    kind: 'key',
    range: e.lineRange,
    selectionRange: e.keyRange,
    children: [],
  });
  const symbols: DocumentSymbol[] = scan.entries.filter((e) => !e.header).map(keySymbol);
  // Grouped in one pass: filtering the entries per header is quadratic in a file of many sections.
  const byHeader = new Map<IniHeader, DocumentSymbol[]>();
  for (const e of scan.entries) {
    if (!e.header) continue;
    const list = byHeader.get(e.header);
    if (list) list.push(keySymbol(e));
    else byHeader.set(e.header, [keySymbol(e)]);
  }
  scan.headers.forEach((h, i) => {
    const next = scan.headers[i + 1]?.line ?? scan.lines.length;
    const end = sectionEndLine(scan, h, next);
    symbols.push({
      name: `[${clip(h.name)}]`,
      kind: 'section',
      range: { start: h.range.start, end: range(end, 0, scan.lines[end].length).end },
      selectionRange: h.nameRange,
      children: byHeader.get(h) ?? [],
    });
  });
  return symbols;
}
