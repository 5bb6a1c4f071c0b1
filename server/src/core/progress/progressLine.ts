import type { Decoded } from './decodePosition';
import type { JsonObject } from './json/scanJson';
import type { ProgressFileKind } from './progressFileKind';
import type { ApeVersion, Profile } from '../schema/types';

export type LogTag = 'current_position' | 'checkpoint_position' | 'start_aof_position';
export const LOG_TAGS: readonly LogTag[] = ['current_position', 'checkpoint_position', 'start_aof_position'];

// ape-dts never looks at the tag column as such: a line is a "current" line iff it contains
// this exact text, and every other line with a valid payload is a "checkpoint" line.
export const CURRENT_FLAG = '| current_position |';

/** A piece of one line: its text and its character offsets (UTF-16, end exclusive). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export type LineKind =
  | 'blank'
  /** A resume config line without any `{…}` pair that reads as a comment (`//`, `#`). */
  | 'comment'
  /** Has a `{…}` payload (whether ape-dts accepts it or not). */
  | 'position'
  /** finished.log's `<time> | task finished`. */
  | 'finishedMarker'
  /** Anything else: ape-dts logs "invalid position log" and skips it. */
  | 'invalid';

export interface ProgressLine {
  /** 0-based line number in the whole file. */
  line: number;
  /** The line without its line break (and without a trailing `\r`). */
  text: string;
  kind: LineKind;
  logTime?: Span;
  /** The tag column as written (possibly misspelt). */
  tag?: Span;
  /** How ape-dts files the line: `current` iff the text contains `| current_position |`. */
  slot: 'current' | 'checkpoint';
  /** From the first `{` to the last `}`, as ape-dts cuts it. */
  payload?: Span;
  /** The payload as JSON, when it is JSON. */
  json?: JsonObject;
  /** Why the payload is not JSON (offsets in the line). */
  jsonError?: { start: number; end: number; message: string };
  /** ape-dts's reading of the payload: a position, or why it rejects it. */
  decoded?: Decoded;
  /**
   * The last `}` comes before the first `{`: ape-dts slices the line from the `{` to the `}`
   * and that panics.
   */
  panics?: boolean;
}

export interface ProgressFile {
  kind: ProgressFileKind;
  version: ApeVersion;
  profile: Profile;
  /** Line number of `lines[0]` in the whole file (non-zero when only a tail was given). */
  firstLine: number;
  lines: ProgressLine[];
  /** The text ends with a line break (then the last entry of `lines` is the empty rest). */
  endsWithNewline: boolean;
}

/** The accepted, non-None position of a line, if any. */
export function acceptedPosition(l: ProgressLine) {
  const p = l.decoded?.position;
  return p && p.type !== 'None' ? p : undefined;
}
