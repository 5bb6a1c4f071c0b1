import { applyEdits, type TextEdit } from './textEdit';

// Several rounds of edits (fix-all fixing what the first round uncovered) expressed as edits
// against the ORIGINAL text, so the editor applies them in one step. Each line remembers the
// original line it still is; a line any round touched is new. The result replaces only runs of
// new lines, so every line no round touched stays byte for byte (and keeps its markers).

interface Line {
  /** The line's text with its terminator ('' on the last line). */
  text: string;
  /** The original line it is, unchanged; undefined once an edit touched it. */
  origin: number | undefined;
}

export class LineHistory {
  private lines: Line[];

  constructor(private readonly original: string) {
    this.lines = splitKeepingEol(original).map((text, i) => ({ text, origin: i }));
  }

  text(): string {
    return this.lines.map((l) => l.text).join('');
  }

  /**
   * Applies edits made against the current text. Returns false (and changes nothing) for an
   * edit shape it cannot follow: one that leaves a touched run without its final line break.
   */
  apply(edits: readonly TextEdit[]): boolean {
    if (edits.length === 0) return true;
    // Lines each edit touches; an edit that ends at the start of a line does not touch that line.
    const touched = new Set<number>();
    for (const e of edits) {
      const last = e.range.end.character === 0 && e.range.end.line > e.range.start.line ? e.range.end.line - 1 : e.range.end.line;
      for (let l = e.range.start.line; l <= last; l++) touched.add(l);
    }
    const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line);
    let k = 0;
    const next: Line[] = [];
    let i = 0;
    while (i < this.lines.length) {
      if (!touched.has(i)) {
        next.push(this.lines[i++]);
        continue;
      }
      let j = i;
      while (touched.has(j + 1)) j++;
      const group = this.lines.slice(i, j + 1).map((l) => l.text).join('');
      const own: TextEdit[] = [];
      while (k < sorted.length && sorted[k].range.start.line <= j) own.push(sorted[k++]);
      const rebased = own.map((e) => ({ newText: e.newText, range: { start: { line: e.range.start.line - i, character: e.range.start.character }, end: { line: e.range.end.line - i, character: e.range.end.character } } }));
      const replaced = applyEdits(group, rebased);
      const isLast = j === this.lines.length - 1;
      if (!isLast && replaced !== '' && !replaced.endsWith('\n')) return false;
      const pieces = splitKeepingEol(replaced);
      // A run that ends with a line break yields an empty last piece: the next line follows it.
      if (!isLast && pieces[pieces.length - 1] === '') pieces.pop();
      for (const text of pieces) next.push({ text, origin: undefined });
      i = j + 1;
    }
    this.lines = next;
    return true;
  }

  /** The whole history as edits against the original text: one per run of new lines. */
  editsAgainstOriginal(): TextEdit[] {
    const originalLines = splitKeepingEol(this.original);
    const lastLine = originalLines.length - 1;
    const contentLength = (l: number) => originalLines[l].replace(/\r?\n$/, '').length;
    const edits: TextEdit[] = [];
    let previous = -1; // the last original line kept so far
    let pending: string[] = [];
    const flush = (nextKept: number) => {
      if (pending.length === 0 && nextKept === previous + 1) return;
      const from = previous + 1;
      const start = { line: from, character: 0 };
      const end = nextKept <= lastLine ? { line: nextKept, character: 0 } : { line: lastLine, character: contentLength(lastLine) };
      edits.push({ range: { start, end }, newText: pending.join('') });
      pending = [];
    };
    for (const line of this.lines) {
      if (line.origin === undefined) {
        pending.push(line.text);
        continue;
      }
      flush(line.origin);
      previous = line.origin;
    }
    flush(lastLine + 1);
    return edits;
  }
}

/** Lines with their terminators; the last one ('' after a final line break) has none. */
function splitKeepingEol(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
    out.push(text.slice(from, nl + 1));
    from = nl + 1;
  }
  out.push(text.slice(from));
  return out;
}
