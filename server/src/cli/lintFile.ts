import type { Diagnostic } from '../core/diagnostic';
import { decodeConfigBytes } from '../core/decodeText';
import { maskDiagnostics } from '../core/features/maskSecrets';
import { lintConfig } from '../core/lintConfig';
import type { VersionSetting } from '../core/schema/resolveVersion';
import type { TaskConfig } from '../core/model/taskConfig';
import type { ApeVersion } from '../core/schema/types';
import { sharedLogDirDiagnostics } from '../core/workspace/sharedLogDir';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** The profile the file was checked against; absent when it could not be decoded. */
  version?: ApeVersion;
  versionReason?: string;
  config?: TaskConfig;
}

/** Decodes as ape-dts does (strict UTF-8, BOM kept), then lints; no file system access. */
export function lintFileBytes(file: string, bytes: Uint8Array, version: VersionSetting): FileReport {
  const decoded = decodeConfigBytes(bytes);
  if ('diagnostic' in decoded) return { file, diagnostics: [decoded.diagnostic] };
  const result = lintConfig(decoded.text, { version });
  return { file, diagnostics: result.diagnostics, version: result.version, versionReason: result.versionReason, config: result.config };
}

/** Checks that need several task configs at once (tasks sharing a log folder), added to each report. */
export function addCrossFileFindings(reports: FileReport[]): void {
  const tasks = reports.flatMap((r) => (r.config && r.version ? [{ path: r.file, config: r.config, version: r.version }] : []));
  const found = sharedLogDirDiagnostics(tasks);
  for (const r of reports) {
    const extra = found.get(r.file);
    if (!extra) continue;
    r.diagnostics.push(...(r.config ? maskDiagnostics(r.config, extra) : extra));
    r.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
