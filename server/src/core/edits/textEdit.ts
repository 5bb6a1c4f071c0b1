import type { Position, Range } from '../diagnostic';

/** A replacement of `range` in the ORIGINAL text (LSP semantics: edits never overlap). */
export interface TextEdit {
  range: Range;
  newText: string;
}

function offsetAt(lineStarts: number[], p: Position): number {
  return lineStarts[p.line] + p.character;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * Applies non-overlapping edits; edits at the same position keep their given order. One pass
 * from the front, so thousands of edits (fix-all on a long file) cost the text's length once.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStartsOf(text);
  const located = edits
    .map((e, i) => ({ e, i, from: offsetAt(starts, e.range.start), to: offsetAt(starts, e.range.end) }))
    .sort((a, b) => a.from - b.from || a.i - b.i);
  const parts: string[] = [];
  let cursor = 0;
  for (const { e, from, to } of located) {
    if (from > cursor) parts.push(text.slice(cursor, from));
    parts.push(e.newText);
    cursor = Math.max(cursor, to);
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
