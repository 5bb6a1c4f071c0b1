import type { Diagnostic, Severity } from '../../diagnostic';
import type { TaskConfig } from '../../model/taskConfig';
import type { TaskView } from '../../schema/conditions';
import type { Profile } from '../../schema/types';
import type { ProgressFileKind, ProgressFileName } from '../progressFileKind';
import type { ProgressFile, ProgressLine } from '../progressLine';
import type { ResumeSetup } from '../resumeSetup';
import type { ResumePrediction } from '../simulateResume';
import type { TailWindow } from '../tailWindow';

// A progress-file rule: a PL id from the spec, its usual severity, the file kinds and
// profiles it applies to, and a check. Severity follows the project's policy: error = ape-dts
// fails, or silently skips / misreads the line in a way that changes where it resumes;
// warning = it goes on, but not as the user meant; information = worth knowing. Some rules
// raise or lower the severity per finding (a skipped line that a later line supersedes
// changes nothing).

export interface ProgressFacts {
  /** Names of the other files in the same folder (rolled archives, PL017). */
  siblingNames?: string[];
  /** Where the first byte that is not UTF-8 sits (from decodeProgressBytes), PL018. */
  invalidUtf8?: { line: number; character: number };
  /** Tables already finished (schema, tb), e.g. from finished.log, for PL016 on snapshot logs. */
  finishedTables?: { schema: string; tb: string }[];
  /** "schema.tb" → the columns ape-dts orders the table by now (from the database), PL032. */
  orderColumns?: Record<string, string[]>;
}

export interface ProgressRuleContext {
  file: ProgressFile;
  path?: string;
  name?: ProgressFileName;
  profile: Profile;
  /** The task config the file belongs to, when known. */
  config?: TaskConfig;
  task?: TaskView;
  setup?: ResumeSetup;
  /** position.log only: the lines ape-dts reads. */
  window?: TailWindow;
  prediction?: ResumePrediction;
  /** The line of this file ape-dts resumes from (CDC), before checking that it fits the source. */
  resumeLine?: number;
  facts: ProgressFacts;
  /** Non-blank lines, in order. */
  nonBlank: ProgressLine[];
  /**
   * The file's last non-blank line, when `nonBlank` holds only part of the file (the streaming
   * validator checks a big file a chunk at a time); null = it is not among `nonBlank`.
   * Omitted: the last entry of `nonBlank`.
   */
  lastNonBlank?: ProgressLine | null;
}

export type ProgressReport = (line: number, start: number, end: number, message: string, severity?: Severity) => void;

export interface ProgressRule {
  id: string;
  severity: Severity;
  kinds: readonly ProgressFileKind[];
  profiles?: readonly Profile[];
  check(ctx: ProgressRuleContext, report: ProgressReport): void;
}

export function reporterFor(rule: ProgressRule, out: Diagnostic[]): ProgressReport {
  return (line, start, end, message, severity) =>
    out.push({
      range: { start: { line, character: start }, end: { line, character: Math.max(end, start) } },
      severity: severity ?? rule.severity,
      code: rule.id,
      message,
    });
}

/** Is the line inside the part of the file ape-dts reads? (Config files and finished.log: always.) */
export function isRead(ctx: ProgressRuleContext, line: number): boolean {
  return !ctx.window || line >= ctx.window.startLine;
}
