import { PROFILE_OF, type ApeVersion } from '../schema/types';
import { parseProgressLine } from './parseProgressLine';
import type { ProgressFileKind } from './progressFileKind';
import type { ProgressFile } from './progressLine';

export interface ParseProgressOptions {
  kind: ProgressFileKind;
  version: ApeVersion;
  /**
   * Line number of the first line of `text` in the whole file, when `text` is only its tail
   * (a huge position.log is read from the end). Must start at a line boundary.
   */
  firstLine?: number;
}

/** Splits on '\n' like ape-dts (a trailing '\r' is dropped from each line) and parses every line. */
export function parseProgressFile(text: string, options: ParseProgressOptions): ProgressFile {
  const profile = PROFILE_OF[options.version];
  const firstLine = options.firstLine ?? 0;
  const lines = text.split('\n').map((l, i) => parseProgressLine(l, firstLine + i, options.kind, profile));
  return {
    kind: options.kind,
    version: options.version,
    profile,
    firstLine,
    lines,
    endsWithNewline: text.endsWith('\n'),
  };
}

/** The parsed line with this (whole-file) line number, if the file holds it. */
export function lineAt(file: ProgressFile, line: number) {
  return file.lines[line - file.firstLine];
}
