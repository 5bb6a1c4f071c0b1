import type { FileReport } from './lintFile';

/** One array for the whole run, 1-based like the text format, so scripts can parse stdout directly. */
export function formatJson(reports: readonly FileReport[]): string {
  const rows = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: r.file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
