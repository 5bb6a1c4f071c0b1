import { t } from '../i18n';
import type { DecodedPosition } from './decodePosition';
import { parseProgressFile } from './parseProgressFile';
import { LOG_TAGS, acceptedPosition, type LogTag, type ProgressFile, type ProgressLine } from './progressLine';
import type { ProgressFileKind } from './progressFileKind';
import { tailWindowOf, type TailWindow } from './tailWindow';
import type { ApeVersion } from '../schema/types';

// The lines a resumer actually takes in, in the order it takes them: the whole resume
// config file first, then the tail window of position.log, then (snapshot only) the whole
// finished.log. Blank, None and rejected lines never take part.

export interface ProgressFileInput {
  path: string;
  /** The file's text, or only its tail (then set firstLine). */
  text?: string;
  /** Already parsed (the LSP's cache); must be parsed for the same version. */
  parsed?: ProgressFile;
  /** Line number of the first line of `text` in the whole file, when `text` is a tail. */
  firstLine?: number;
}

export type CandidateSource = 'config_file' | 'log' | 'finished_log';

export interface Candidate {
  source: CandidateSource;
  file: string;
  /** 0-based line in its file. */
  line: number;
  /** How ape-dts files it: current iff the line contains `| current_position |`. */
  slot: 'current' | 'checkpoint';
  /** The tag as written, when it is one of the real tags. */
  tag: LogTag | null;
  position: DecodedPosition;
  progressLine: ProgressLine;
}

export interface ReadFile {
  source: CandidateSource;
  path: string;
  file: ProgressFile;
  /** Lines ape-dts reads: all of them, or the tail window of position.log. */
  window: TailWindow | undefined;
  /** Lines ape-dts reads, in order. */
  readLines: ProgressLine[];
  candidates: Candidate[];
}

export function readProgressFile(
  input: ProgressFileInput,
  source: CandidateSource,
  version: ApeVersion,
  /** Pretend ape-dts read all of position.log (to tell what the tail window hides). */
  ignoreWindow = false,
): ReadFile {
  const kind: ProgressFileKind = source === 'log' ? 'position' : source === 'finished_log' ? 'finished' : 'resumeConfig';
  const file = input.parsed ?? parseProgressFile(input.text ?? '', { kind, version, firstLine: input.firstLine });
  const window = source === 'log' && !ignoreWindow ? tailWindowOf(file) : undefined;
  const readLines = window ? file.lines.slice(window.startLine - file.firstLine) : file.lines;
  const candidates: Candidate[] = [];
  for (const l of readLines) {
    const position = acceptedPosition(l);
    if (!position) continue;
    const written = l.tag?.text as LogTag | undefined;
    candidates.push({
      source,
      file: input.path,
      line: l.line,
      slot: l.slot,
      tag: written && LOG_TAGS.includes(written) ? written : null,
      position,
      progressLine: l,
    });
  }
  return { source, path: input.path, file, window, readLines, candidates };
}

/** "position.log line 12" — 1-based, as editors and the CLI show lines. */
export function where(c: { file: string; line: number }): string {
  const name = c.file.split(/[\\/]/).pop() || c.file;
  return t('progress.where', { file: name, line: c.line + 1 });
}
