import type { Diagnostic } from '../diagnostic';
import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import { PROFILE_OF, type ApeVersion } from '../schema/types';
import { chooseCdcPosition } from './chooseCdcPosition';
import { parseProgressFile } from './parseProgressFile';
import { classifyProgressFile, type ProgressFileKind } from './progressFileKind';
import type { ProgressFile } from './progressLine';
import { readProgressFile } from './resumeCandidates';
import { resolveResumeSetup } from './resumeSetup';
import type { ResumePrediction } from './simulateResume';
import { tailWindowOf } from './tailWindow';
import { fieldValueRules } from './rules/fieldValues';
import { fileFactRules } from './rules/fileFacts';
import { lineGrammarRules } from './rules/lineGrammar';
import { orderingRules } from './rules/ordering';
import { reporterFor, type ProgressFacts, type ProgressRule, type ProgressRuleContext } from './rules/progressRule';
import { rejectedLineRules } from './rules/rejectedLines';
import { sharedLogDirRules } from './rules/sharedLogDir';
import { snapshotShapeRules } from './rules/snapshotShape';
import { tailWindowRules } from './rules/tailWindowRules';
import { taskFitRules } from './rules/taskFit';

// position.log / finished.log / resume config → diagnostics with PL rule ids. Rules that
// need the task config (or facts from the file system) skip themselves without them.

export const PROGRESS_RULES: readonly ProgressRule[] = [
  ...lineGrammarRules,
  ...rejectedLineRules,
  ...fieldValueRules,
  ...snapshotShapeRules,
  ...orderingRules,
  ...sharedLogDirRules,
  ...tailWindowRules,
  ...taskFitRules,
  ...fileFactRules,
];

// A rolled archive (position3.log) is never read: no line of it is inside the window.
const NOTHING_READ = { startLine: Number.MAX_SAFE_INTEGER, lineCount: 0, newlines: 0, complete: true };

export interface LintProgressInput {
  version: ApeVersion;
  /** The file's path; its name decides the kind unless `kind` is given. */
  path?: string;
  kind?: ProgressFileKind;
  /** The text (or a tail of it, with firstLine), unless `parsed` is given. */
  text?: string;
  firstLine?: number;
  parsed?: ProgressFile;
  /** The task config whose resumer reads this file. */
  config?: TaskConfig;
  configDir?: string;
  /** simulateResume's answer for that task, to mark the line it resumes from. */
  prediction?: ResumePrediction;
  facts?: ProgressFacts;
}

export function lintProgress(input: LintProgressInput): Diagnostic[] {
  const name = input.path ? classifyProgressFile(input.path) : undefined;
  const kind = input.kind ?? input.parsed?.kind ?? name?.kind ?? 'position';
  const file = input.parsed ?? parseProgressFile(input.text ?? '', { kind, version: input.version, firstLine: input.firstLine });
  const profile = PROFILE_OF[input.version];
  const setup = input.config && resolveResumeSetup(input.config, input.version, input.configDir);
  const ctx: ProgressRuleContext = {
    file,
    path: input.path,
    name,
    profile,
    config: input.config,
    task: input.config && taskView(input.config, input.version),
    setup,
    window: kind !== 'position' ? undefined : name?.archive !== undefined ? NOTHING_READ : tailWindowOf(file),
    prediction: input.prediction,
    facts: input.facts ?? {},
    nonBlank: file.lines.filter((l) => l.kind !== 'blank'),
  };
  ctx.resumeLine = resumeLineOf(ctx, input);

  const out: Diagnostic[] = [];
  for (const rule of PROGRESS_RULES) {
    if (!rule.kinds.includes(kind)) continue;
    if (rule.profiles && !rule.profiles.includes(profile)) continue;
    rule.check(ctx, reporterFor(rule, out));
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
  return out;
}

/** The CDC line of this file the resumer hands to the extractor, if any (also used by streamValidate). */
export function resumeLineOf(ctx: ProgressRuleContext, input: Pick<LintProgressInput, 'prediction' | 'path' | 'version'>): number | undefined {
  const p = input.prediction;
  if (p && p.file !== null && input.path !== undefined) {
    if (p.file !== input.path) return undefined;
    if (p.line !== null) return p.line;
  }
  if (!ctx.setup || ctx.setup.taskKind !== 'cdc' || ctx.file.kind === 'finished' || ctx.name?.archive !== undefined) return undefined;
  const read = readProgressFile({ path: input.path ?? '', parsed: ctx.file }, ctx.file.kind === 'position' ? 'log' : 'config_file', input.version);
  return chooseCdcPosition(ctx.profile, input.version, ctx.setup.dbType, read.candidates).handedOver?.line;
}
