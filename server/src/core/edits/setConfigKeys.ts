import type { ScannedIni } from '../ini/scanIni';
import { deleteLine } from './lineEdits';
import type { TextEdit } from './textEdit';

// Minimal edits to a task config: a user's file changes only where a key is set or removed.
// A key is replaced in place (the LAST line for it, the one ape-dts uses); a missing key goes
// after the last non-blank line of its section's last block; a missing section goes at the end.
// Line endings follow the file's own (CRLF stays CRLF); BOM, comments, order and key case stay.

export type KeyChange =
  | { section: string; key: string; value: string }
  | { section: string; key: string; remove: true };

export function planKeyEdits(scan: ScannedIni, changes: readonly KeyChange[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const appendToSection = new Map<string, string[]>();
  const newSections = new Map<string, string[]>();

  for (const change of changes) {
    const entries = scan.entries.filter((e) => e.section === change.section && e.key === change.key);
    if ('remove' in change) {
      for (const e of entries) edits.push(deleteLine(scan, e.line));
      continue;
    }
    const last = entries[entries.length - 1];
    if (last?.delimiter) {
      // Already so: no edit at all, so the preview and the undo stack show only real changes.
      if (last.value !== change.value) edits.push({ range: last.valueRange, newText: change.value });
    } else if (last) {
      // A bare `key` line (no '=') erases the value; turn it into an assignment.
      edits.push({ range: last.lineRange, newText: `${last.rawKey}=${change.value}` });
    } else {
      const line = `${change.key}=${change.value}`;
      const target = scan.headers.some((h) => h.name === change.section) ? appendToSection : newSections;
      target.set(change.section, [...(target.get(change.section) ?? []), line]);
    }
  }

  const eol = scan.eol;
  // A line being removed cannot carry an appended key: appending at its end would overlap its removal.
  const removed = new Set(changes.flatMap((c) => ('remove' in c ? scan.entries.filter((e) => e.section === c.section && e.key === c.key).map((e) => e.line) : [])));
  for (const [section, lines] of appendToSection) {
    const after = lastLineOfSection(scan, section, removed);
    const at = { line: after, character: scan.lines[after].length };
    edits.push({ range: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') });
  }
  if (newSections.size > 0) {
    const lastLine = scan.lines.length - 1;
    const endsWithNewline = scan.lines[lastLine] === '';
    const body = [...newSections].map(([section, lines]) => [`[${section}]`, ...lines].join(eol)).join(eol + eol);
    const at = { line: lastLine, character: scan.lines[lastLine].length };
    const lead = lastLine === 0 && scan.lines[0] === '' ? '' : endsWithNewline ? eol : eol + eol;
    edits.push({ range: { start: at, end: at }, newText: lead + body + (endsWithNewline ? eol : '') });
  }
  return edits;
}

/** The last non-blank line of the last block headed by `[section]`, among lines that stay. */
function lastLineOfSection(scan: ScannedIni, section: string, removed: ReadonlySet<number>): number {
  const headers = scan.headers.filter((h) => h.name === section);
  const header = headers[headers.length - 1];
  const next = scan.headers.find((h) => h.line > header.line);
  let last = header.line;
  const end = next ? next.line : scan.lines.length;
  for (let l = header.line + 1; l < end; l++) {
    if (scan.lines[l].trim() !== '' && !removed.has(l) && !isCommentAboutNext(scan, l, end)) last = l;
  }
  return last;
}

// A comment block right before the next header usually describes that header; keep it with it.
function isCommentAboutNext(scan: ScannedIni, line: number, end: number): boolean {
  if (end === scan.lines.length) return false;
  for (let l = line; l < end; l++) {
    const t = scan.lines[l].trim();
    if (t === '') return false;
    if (!t.startsWith('#') && !t.startsWith(';')) return false;
  }
  return true;
}
