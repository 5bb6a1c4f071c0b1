import type { Diagnostic } from './diagnostic';
import { maskDiagnostics } from './features/maskSecrets';
import { scanIni } from './ini/scanIni';
import { buildTaskConfig, type TaskConfig } from './model/taskConfig';
import { resolveVersion, type VersionSetting } from './schema/resolveVersion';
import type { ApeVersion } from './schema/types';
import { clipMessage, runConfigRules } from './rules/registry';

export interface LintOptions {
  /** `auto` reads the file to pick a profile. */
  version?: VersionSetting;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  version: ApeVersion;
  /** Why this profile was chosen (shown in hover / status item). */
  versionReason: string;
  config: TaskConfig;
}

/**
 * text → scan → model → rules → diagnostics (sorted by position). Messages are masked here,
 * once, so no output (LSP, CLI text or JSON, hovers) can show a password a rule quoted.
 */
export function lintConfig(text: string, options: LintOptions = {}): LintResult {
  const config = buildTaskConfig(scanIni(text));
  const { version, reason } = resolveVersion(options.version ?? 'auto', config);
  // Masked before clipped: a cut secret would no longer be recognised as one.
  const diagnostics = byPosition(maskDiagnostics(config, runConfigRules(config, version)).map(clipMessage), config.scan.lines.length);
  return { diagnostics, version, versionReason: reason, config };
}

/**
 * Sorted by start line, then character, keeping the rules' order for equal starts. Bucketed by
 * line: a big config with a duplicate on every line has thousands of findings, and a comparison
 * sort of them cost more than any rule.
 */
function byPosition(diagnostics: Diagnostic[], lineCount: number): Diagnostic[] {
  const buckets: (Diagnostic[] | undefined)[] = new Array(lineCount + 1);
  for (const d of diagnostics) {
    const line = Math.min(d.range.start.line, lineCount);
    (buckets[line] ??= []).push(d);
  }
  const sorted: Diagnostic[] = [];
  for (const bucket of buckets) {
    if (!bucket) continue;
    if (bucket.length > 1) bucket.sort((a, b) => a.range.start.character - b.range.start.character);
    for (const d of bucket) sorted.push(d);
  }
  return sorted;
}
