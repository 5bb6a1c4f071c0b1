import type { Diagnostic } from '../core/diagnostic';
import { decodeConfigBytes } from '../core/decodeText';
import { lintConfig } from '../core/lintConfig';
import type { VersionSetting } from '../core/schema/resolveVersion';
import type { ApeVersion } from '../core/schema/types';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** The profile the file was checked against; absent when it could not be decoded. */
  version?: ApeVersion;
  versionReason?: string;
}

/** Decodes as ape-dts does (strict UTF-8, BOM kept), then lints; no file system access. */
export function lintFileBytes(file: string, bytes: Uint8Array, version: VersionSetting): FileReport {
  const decoded = decodeConfigBytes(bytes);
  if ('diagnostic' in decoded) return { file, diagnostics: [decoded.diagnostic] };
  const result = lintConfig(decoded.text, { version });
  return { file, diagnostics: result.diagnostics, version: result.version, versionReason: result.versionReason };
}
