// The core's own diagnostic shape. It mirrors LSP's (0-based lines, UTF-16 columns)
// so the server maps it one to one, but it carries no editor types.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Diagnostic {
  range: Range;
  severity: Severity;
  /** Stable rule id, e.g. `type.parse`. */
  code: string;
  message: string;
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
