import type { Diagnostic, Range, Severity } from '../diagnostic';
import type { TaskView } from '../schema/conditions';
import type { Versions } from '../schema/types';

/**
 * A config rule: a stable id, its severity, the versions it applies to, and a check.
 * Severity: error = ape-dts refuses to load or start; warning = it goes on, but not as the
 * user meant; information = worth knowing.
 */
export interface ConfigRule {
  id: string;
  severity: Severity;
  versions?: Versions;
  check(task: TaskView, report: Report): void;
}

export type Report = (range: Range, message: string) => void;

export function reporterFor(rule: ConfigRule, out: Diagnostic[]): Report {
  return (range, message) => out.push({ range, severity: rule.severity, code: rule.id, message });
}
