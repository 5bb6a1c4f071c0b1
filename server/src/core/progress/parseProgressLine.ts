import type { Profile } from '../schema/types';
import { decodePosition } from './decodePosition';
import { scanJson } from './json/scanJson';
import type { ProgressFileKind } from './progressFileKind';
import { CURRENT_FLAG, type ProgressLine, type Span } from './progressLine';

// One line of position.log, finished.log or a resume config, read the way ape-dts's
// `Position::from_log` reads it (every version): a blank line is None; otherwise the
// payload is the text from the FIRST `{` to the LAST `}`, handed to serde_json; anything
// that does not parse is logged as "invalid position log" and skipped. We also pick out the
// time and tag columns, which ape-dts ignores, so rules can say what looks wrong.

const NON_SPACE = /\S/;
const TIME_PREFIX = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?/;

export function parseProgressLine(text: string, line: number, kind: ProgressFileKind, profile: Profile): ProgressLine {
  if (text.endsWith('\r')) text = text.slice(0, -1);
  const slot = text.includes(CURRENT_FLAG) ? 'current' : 'checkpoint';
  const out: ProgressLine = { line, text, kind: 'invalid', slot };
  // Rust's str::trim: any Unicode white space. (/\S/ is the same test as trim() === '' without the copy.)
  if (!NON_SPACE.test(text)) return { ...out, kind: 'blank' };

  const time = TIME_PREFIX.exec(text);
  if (time) out.logTime = { text: time[0], start: 0, end: time[0].length };

  const left = text.indexOf('{');
  const right = text.lastIndexOf('}');
  const columnsEnd = left >= 0 ? left : text.length;
  const tag = tagColumn(text, out.logTime?.end ?? 0, columnsEnd);
  if (tag) out.tag = tag;

  if (left < 0 || right < 0) {
    if (kind === 'finished' && /^\s*\|\s*task finished\s*$/.test(text.slice(out.logTime?.end ?? 0))) {
      return { ...out, kind: 'finishedMarker' };
    }
    const trimmed = text.trimStart();
    if (kind === 'resumeConfig' && (trimmed.startsWith('//') || trimmed.startsWith('#'))) {
      return { line, text, slot, kind: 'comment' };
    }
    return out;
  }
  if (right < left) return { ...out, kind: 'position', panics: true };

  out.kind = 'position';
  out.payload = { text: text.slice(left, right + 1), start: left, end: right + 1 };
  const scan = scanJson(text, left, right + 1);
  if (!scan.ok) {
    const at = Math.min(scan.error.offset, right);
    out.jsonError = { start: at, end: at + 1, message: scan.error.message };
    return out;
  }
  // The payload starts with '{', so a successful scan is always an object.
  if (scan.node.kind === 'object') {
    out.json = scan.node;
    out.decoded = decodePosition(scan.node, profile);
  }
  return out;
}

/**
 * The word between the time and the payload, e.g. `current_position` in
 * `<time> | current_position | {…}`, with or without the surrounding pipes.
 */
function tagColumn(text: string, from: number, to: number): Span | undefined {
  const m = /[^\s|{}]+(?:[ \t]+[^\s|{}]+)*/.exec(text.slice(from, to));
  if (!m) return undefined;
  const start = from + m.index;
  return { text: m[0], start, end: start + m[0].length };
}

/** Is the tag written as `| tag |` (pipe, space, tag, space, pipe)? */
export function tagIsFramed(line: ProgressLine): boolean {
  const t = line.tag;
  if (!t) return false;
  return line.text.slice(t.start - 2, t.start) === '| ' && line.text.slice(t.end, t.end + 2) === ' |';
}
