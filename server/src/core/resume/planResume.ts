import * as path from 'path';
import { planKeyEdits, type KeyChange } from '../edits/setConfigKeys';
import { applyEdits, type TextEdit } from '../edits/textEdit';
import { scanIni } from '../ini/scanIni';
import { lintConfig } from '../lintConfig';
import { buildTaskConfig, parseTaskConfig, type TaskConfig } from '../model/taskConfig';
import type { DecodedPosition } from '../progress/decodePosition';
import { lineAt, parseProgressFile } from '../progress/parseProgressFile';
import { acceptedPosition, type LogTag, type ProgressFile } from '../progress/progressLine';
import { resolveResumeSetup } from '../progress/resumeSetup';
import { simulateResume, type ResumePrediction } from '../progress/simulateResume';
import { taskView } from '../schema/conditions';
import { PROFILE_OF, type ApeVersion } from '../schema/types';
import { t } from '../i18n';
import { extractorChanges } from './extractorStrategy';
import { resumeFileChanges, resumeFileLine, resumeFileValue } from './resumeFileStrategy';
import { nearestCheckpointBefore, safetyWarnings, type PlanWarning, type SafetyFacts } from './safetyChecks';
import { snapshotPayloadFor, snapshotShapeProblem } from './snapshotShape';

// line → position → plan → edits. The plan is checked before it is offered: re-linting the
// edited config must add no error, and the resume simulator run on the edited files must
// predict exactly the chosen position — otherwise nothing is offered.

export type ResumeStrategy = 'extractor' | 'resume-file';

export interface PlanResumeInput {
  version: ApeVersion;
  config: { path: string; text: string };
  /** The progress file the line is in (position.log or a resume config file). */
  log: { path: string; text: string; kind?: 'position' | 'resumeConfig'; firstLine?: number };
  finishedLog?: { path: string; text: string };
  /** 0-based line, or the line ape-dts would pick (else the newest valid checkpoint). */
  line: number | 'latest';
  strategy?: ResumeStrategy;
  /** Accept a MySQL current_position line (it may sit inside a transaction). */
  allowCurrent?: boolean;
  facts?: SafetyFacts & {
    /** Whether a file exists (absolute path); used for the log folder the config points at. */
    exists?: (absPath: string) => boolean;
    /** The current text of the resume file the plan would write, when it exists. */
    existingResumeFile?: string;
  };
}

export interface PlannedFile {
  /** Absolute path (resolved from the config's folder). */
  path: string;
  text: string;
  /** Its text before, when it exists. */
  previous?: string;
}

export interface ResumePlan {
  version: ApeVersion;
  strategy: ResumeStrategy;
  line: number;
  tag: LogTag | null;
  variant: string;
  payload: string;
  configEdits: TextEdit[];
  newConfigText: string;
  files: PlannedFile[];
  /** What each change does and why. */
  notes: string[];
  warnings: PlanWarning[];
  /** The simulator's prediction on the edited files. */
  prediction: ResumePrediction;
}

export type PlanOutcome =
  | { ok: true; plan: ResumePlan }
  | { ok: false; reason: string; suggestedLine?: number; warnings: PlanWarning[] };

const CDC_DB_TYPE: Record<string, string> = { MysqlCdc: 'mysql', PgCdc: 'pg', MongoCdc: 'mongo', Redis: 'redis', Kafka: 'kafka' };

export function defaultStrategy(variant: string): ResumeStrategy {
  return variant === 'RdbSnapshot' ? 'resume-file' : 'extractor';
}

const samePath = (a: string | undefined, b: string | undefined) => !!a && !!b && path.resolve(a) === path.resolve(b);

export function planResume(input: PlanResumeInput): PlanOutcome {
  const { version } = input;
  const configDir = path.dirname(input.config.path);
  const config = parseTaskConfig(input.config.text);
  const logKind = input.log.kind ?? 'position';
  const file = parseProgressFile(input.log.text, { kind: logKind, version, firstLine: input.log.firstLine });
  const finished = input.finishedLog && parseProgressFile(input.finishedLog.text, { kind: 'finished', version });
  const fail = (reason: string, suggestedLine?: number, warnings: PlanWarning[] = []): PlanOutcome => ({ ok: false, reason, suggestedLine, warnings });

  const lineNo = input.line === 'latest' ? latestLine(input, config, file, configDir) : input.line;
  if (lineNo === undefined) return fail(t('resume.refuse.no-position', { file: path.basename(input.log.path) }));
  const l = lineAt(file, lineNo);
  const p = l && acceptedPosition(l);
  if (!l || !p) {
    const why = l?.decoded?.rejections.map((r) => r.message).join('; ') || l?.jsonError?.message || t('resume.refuse.not-position-line');
    return fail(t('resume.refuse.not-position', { line: lineNo + 1, why }));
  }

  const task = taskView(config, version);
  const dbType = task.eff('extractor.db_type');
  const extractType = task.eff('extractor.extract_type');
  const mismatch = variantMismatch(p, dbType, extractType);
  if (mismatch) return fail(`PL010: ${mismatch}`);

  if (p.type === 'MysqlCdc' && l.slot === 'current' && !input.allowCurrent) {
    const before = nearestCheckpointBefore(file, lineNo);
    const offer = before === undefined ? t('resume.refuse.PL008.no-checkpoint') : t('resume.refuse.PL008.checkpoint', { line: before + 1 });
    return fail(t('resume.refuse.PL008', { line: lineNo + 1, offer }), before);
  }

  const strategy = input.strategy ?? defaultStrategy(p.type);
  if (strategy === 'extractor' && !CDC_DB_TYPE[p.type]) {
    return fail(t('resume.refuse.snapshot-extractor'));
  }
  if (strategy === 'resume-file' && p.type === 'Redis' && PROFILE_OF[version] !== 'current') {
    return fail(t('resume.refuse.PL029', { version }));
  }
  if (p.type === 'RdbSnapshot') {
    const problem = snapshotShapeProblem(l.payload!.text, version);
    if (problem) return fail(t('resume.refuse.snapshot-line', { line: lineNo + 1, problem }));
  }

  const warnings = safetyWarnings(config, version, file, lineNo, p, input.facts ?? {});
  if (p.type === 'MysqlCdc' && l.slot === 'current') {
    warnings.unshift({ id: 'PL008', message: t('resume.warn.PL008', { line: lineNo + 1 }) });
  }

  let changes: KeyChange[];
  const notes: string[] = [];
  const files: PlannedFile[] = [];
  if (strategy === 'extractor') {
    const planned = extractorChanges(config, version, p);
    changes = planned.changes;
    notes.push(...planned.notes);
  } else {
    const fileValue = resumeFileValue(config, version);
    const resumePath = path.resolve(configDir, fileValue);
    const hasPositionLog = (dirValue: string) => {
      const log = path.join(path.resolve(configDir, dirValue), 'position.log');
      return samePath(log, input.log.path) || (input.facts?.exists?.(log) ?? false);
    };
    const planned = resumeFileChanges(config, version, fileValue, hasPositionLog);
    changes = planned.changes;
    notes.push(...planned.notes);
    const text = resumeFileText(input, config, file, finished, lineNo, configDir);
    files.push({ path: resumePath, text, previous: input.facts?.existingResumeFile });
    if (input.facts?.existingResumeFile !== undefined && input.facts.existingResumeFile !== text) {
      warnings.push({ id: 'overwrite', message: t('resume.warn.overwrite', { file: fileValue }) });
    }
  }
  if (strategy === 'resume-file') {
    notes.push(t('resume.note.PL035'));
  }

  const before = scanIni(input.config.text);
  const configEdits = planKeyEdits(before, changes);
  const newConfigText = applyEdits(input.config.text, configEdits);
  const introduced = newErrors(input.config.text, newConfigText, version);
  if (introduced.length > 0) return fail(t('resume.refuse.new-error', { errors: introduced.join('; ') }), undefined, warnings);

  const after = buildTaskConfig(scanIni(newConfigText));
  const prediction = predictAfter(input, after, files, configDir);
  const expectedPayload = p.type === 'RdbSnapshot' ? snapshotPayloadFor(l.payload!.text, version) : l.payload!.text;
  const mismatchAfter = verify(prediction, strategy, changes, expectedPayload, p);
  if (mismatchAfter) return fail(t('resume.refuse.unverified', { line: lineNo + 1, why: mismatchAfter }), undefined, warnings);
  warnings.push(...prediction.warnings.filter((w) => /^PL0/.test(w)).map((w) => ({ id: w.slice(0, 5), message: w.slice(7) })));

  return {
    ok: true,
    plan: { version, strategy, line: lineNo, tag: tagOf(l.tag?.text), variant: p.type, payload: l.payload!.text, configEdits, newConfigText, files, notes, warnings, prediction },
  };
}

function tagOf(text: string | undefined): LogTag | null {
  return text === 'current_position' || text === 'checkpoint_position' || text === 'start_aof_position' ? text : null;
}

function variantMismatch(p: DecodedPosition, dbType: string | undefined, extractType: string | undefined): string | undefined {
  if (p.type === 'None') return t('resume.mismatch.none');
  if (p.type === 'RdbSnapshotFinished') return t('resume.mismatch.finished');
  if (p.type === 'RdbSnapshot' || p.type === 'FoxlakeS3') {
    return extractType === 'snapshot' ? undefined : t('resume.mismatch.snapshot', { extractType: extractType ?? t('resume.mismatch.missing') });
  }
  const want = CDC_DB_TYPE[p.type];
  if (want !== dbType) return t('resume.mismatch.cdc', { variant: p.type, dbType: dbType ?? t('resume.mismatch.missing') });
  return undefined;
}

/** The line ape-dts itself would pick from this file, else the newest valid checkpoint (else the newest position). */
function latestLine(input: PlanResumeInput, config: TaskConfig, file: ProgressFile, configDir: string): number | undefined {
  const prediction = simulateResume({
    version: input.version,
    config,
    configDir,
    files: (input.log.kind ?? 'position') === 'position' ? { positionLog: { path: input.log.path, parsed: file } } : { resumeConfig: { path: input.log.path, parsed: file } },
  });
  if (prediction.line !== null && samePath(prediction.file ?? undefined, input.log.path)) return prediction.line;
  const accepted = file.lines.filter((l) => acceptedPosition(l) && acceptedPosition(l)!.type !== 'RdbSnapshotFinished');
  const checkpoints = accepted.filter((l) => l.slot === 'checkpoint');
  return (checkpoints[checkpoints.length - 1] ?? accepted[accepted.length - 1])?.line;
}

function resumeFileText(
  input: PlanResumeInput,
  config: TaskConfig,
  file: ProgressFile,
  finished: ProgressFile | undefined,
  lineNo: number,
  configDir: string,
): string {
  const chosen = lineAt(file, lineNo)!;
  const p = acceptedPosition(chosen)!;
  const lines: string[] = [];
  if (p.type === 'RdbSnapshot') {
    // Every other table's progress and every finished table must come along: the log folder
    // will not be read, so anything left out restarts from scratch.
    // The resume file already there (planned before, when the config reads it) holds tables the
    // log may no longer give: planning again must keep them (found by resume.property.test.ts).
    const existing = input.facts?.existingResumeFile;
    const existingPath = path.resolve(configDir, resumeFileValue(config, input.version));
    const existingFile = existing === undefined ? undefined : parseProgressFile(existing, { kind: 'resumeConfig', version: input.version });
    const setup = resolveResumeSetup(config, input.version, configDir);
    const now = simulateResume({
      version: input.version,
      config,
      configDir,
      // Only the files this config reads where they are: a log given for another folder is not
      // ape-dts's position.log (found by resume.property.test.ts, planning again after log_dir moved).
      files: {
        ...(samePath(setup.positionLogPath, input.log.path) ? { positionLog: { path: input.log.path, parsed: file } } : {}),
        ...(finished && samePath(setup.finishedLogPath, input.finishedLog!.path) ? { finishedLog: { path: input.finishedLog!.path, parsed: finished } } : {}),
        ...(existingFile ? { resumeConfig: { path: existingPath, parsed: existingFile } } : {}),
      },
    });
    const byPath = new Map<string, ProgressFile>([[path.resolve(input.log.path), file]]);
    if (finished) byPath.set(path.resolve(input.finishedLog!.path), finished);
    if (existingFile && !byPath.has(existingPath)) byPath.set(existingPath, existingFile);
    const lineOf = (f: string, n: number) => { const pf = byPath.get(path.resolve(f)); return pf && lineAt(pf, n); };
    for (const f of now.snapshot?.finished ?? []) {
      const fl = lineOf(f.file, f.line);
      if (fl?.payload) lines.push(fl.payload.text);
    }
    for (const other of now.snapshot?.tables ?? []) {
      if (other.schema === String(p.values.schema) && other.tb === String(p.values.tb)) continue;
      const tl = lineOf(other.file, other.line);
      if (tl?.payload) lines.push(resumeFileLine(tl, input.version));
    }
  }
  lines.push(resumeFileLine(chosen, input.version));
  return lines.join('\n') + '\n';
}

function newErrors(beforeText: string, afterText: string, version: ApeVersion): string[] {
  const key = (d: { code: string; message: string }) => `${d.code} ${d.message}`;
  const before = new Set(lintConfig(beforeText, { version }).diagnostics.filter((d) => d.severity === 'error').map(key));
  return lintConfig(afterText, { version }).diagnostics.filter((d) => d.severity === 'error' && !before.has(key(d))).map((d) => `${d.code}: ${d.message}`);
}

function predictAfter(input: PlanResumeInput, config: TaskConfig, files: PlannedFile[], configDir: string): ResumePrediction {
  const setup = simulateResume({ version: input.version, config, configDir, files: {} }).setup;
  const written = files.find((f) => samePath(f.path, setup.configFile?.path));
  const logIsRead = samePath(setup.positionLogPath, input.log.path) && (input.log.kind ?? 'position') === 'position';
  const finishedIsRead = input.finishedLog && samePath(setup.finishedLogPath, input.finishedLog.path);
  return simulateResume({
    version: input.version,
    config,
    configDir,
    files: {
      ...(written ? { resumeConfig: { path: written.path, text: written.text } } : {}),
      ...(logIsRead ? { positionLog: { path: input.log.path, text: input.log.text, firstLine: input.log.firstLine } } : {}),
      ...(finishedIsRead ? { finishedLog: { path: input.finishedLog!.path, text: input.finishedLog!.text } } : {}),
    },
  });
}

function verify(prediction: ResumePrediction, strategy: ResumeStrategy, changes: KeyChange[], payload: string, p: DecodedPosition): string | undefined {
  if (strategy === 'extractor') {
    if (prediction.source !== 'extractor') return t('resume.verify.other-file', { file: prediction.file ?? t('resume.verify.elsewhere') });
    for (const c of changes) {
      if (c.section !== 'extractor' || 'remove' in c) continue;
      // A key ape-dts does not start from (the task's extract_type is not cdc, or misspelt) would
      // make the plan a silent no-op: found by test/property/resume.property.test.ts.
      if (!(c.key in prediction.start)) {
        if (c.value !== '') return t('resume.verify.key', { key: c.key, value: t('resume.mismatch.missing') });
        continue;
      }
      if (prediction.start[c.key] !== c.value) return t('resume.verify.key', { key: c.key, value: String(prediction.start[c.key]) });
    }
    return undefined;
  }
  if (p.type === 'RdbSnapshot') {
    const table = prediction.snapshot?.tables.find((x) => x.schema === String(p.values.schema) && x.tb === String(p.values.tb));
    if (!table || table.source !== 'config_file') return t('resume.verify.table-not-from-file');
    return table.usable ? undefined : table.note ?? t('resume.verify.unusable');
  }
  if (prediction.source !== 'config_file') return t('resume.verify.resumes-from', { source: prediction.source === 'log' ? String(prediction.file) : t('resume.verify.extractor-keys') });
  if (prediction.payload !== payload) return t('resume.verify.other-line');
  return undefined;
}
