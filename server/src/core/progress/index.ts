// The progress-file core (issue 4): parse position.log / finished.log / resume config files,
// lint them with PL rules, and predict where ape-dts resumes. No editor imports.

export { parseProgressFile, lineAt, type ParseProgressOptions } from './parseProgressFile';
export { parseProgressLine, tagIsFramed } from './parseProgressLine';
export { classifyProgressFile, type ProgressFileKind, type ProgressFileName } from './progressFileKind';
export { CURRENT_FLAG, LOG_TAGS, acceptedPosition, type LogTag, type ProgressFile, type ProgressLine, type Span } from './progressLine';
export { decodePosition, type DecodedPosition, type OrderKey, type Rejection } from './decodePosition';
export { describePosition } from './describePosition';
export { comparePositions, streamOrder } from './comparePositions';
export { detectRuns, type Run } from './detectRuns';
export { tailWindow, tailWindowOf, isInTailWindow, tailStartOffset, tailNewlines, TAIL_NEWLINES, type TailWindow } from './tailWindow';
export { positionKey, DEFAULT_POSITION_KEY } from './positionKey';
export { EXTRACTOR_KEY_MAPPING, SNAPSHOT_APPROXIMATION, START_KEYS } from './extractorKeyMapping';
export { resolveResumeSetup, type ResumeSetup, type TaskKind } from './resumeSetup';
export { simulateResume, type SimulateResumeInput, type ResumePrediction, type ResumeFacts, type SnapshotTableResume } from './simulateResume';
export type { ProgressFileInput } from './resumeCandidates';
export { effectiveStart } from './effectiveStart';
export { lintProgress, PROGRESS_RULES, type LintProgressInput } from './lintProgress';
export type { ProgressFacts } from './rules/progressRule';
export { lintResumeSetup, type ResumeSetupFacts } from './lintResumeSetup';
export { lintLog4rs } from './lintLog4rs';
export { checkResumeFromLine } from './checkResumeFromLine';
export { decodeProgressBytes } from './decodeProgressBytes';
export { scanJson, type JsonNode } from './json/scanJson';
export { plainJson, exactNumber, type PlainJson } from './json/plainJson';
export { VARIANTS, variantAt } from './variants/index';
