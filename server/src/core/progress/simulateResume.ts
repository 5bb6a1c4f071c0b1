import { t } from '../i18n';
import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import type { ApeVersion } from '../schema/types';
import { chooseCdcPosition, type CdcChoice } from './chooseCdcPosition';
import { chooseSnapshotPositions, type SnapshotChoice } from './chooseSnapshotPositions';
import { effectiveStart } from './effectiveStart';
import { plainJson, type PlainJson } from './json/plainJson';
import type { LogTag } from './progressLine';
import { readProgressFile, where, type Candidate, type ProgressFileInput, type ReadFile } from './resumeCandidates';
import { resolveResumeSetup, type ResumeSetup } from './resumeSetup';
import { explainSkippedLines, situationWarnings } from './resumeWarnings';
import type { VariantName } from './variants/variantSpec';

// Predicts where ape-dts resumes on its next start: which files it reads (resumeSetup), which
// of their lines it takes in (resumeCandidates), which one wins (chooseCdcPosition /
// chooseSnapshotPositions), what the extractor then starts with (effectiveStart), and why
// every other candidate loses.

export interface ResumeFacts {
  /** [runtime] log4rs_file does not exist: ape-dts sets up no logger and writes no progress (PL020). */
  log4rsMissing?: boolean;
  /** Names of the files beside position.log (to mention rolled archives, PL017). */
  logDirEntries?: string[];
}

export interface SimulateResumeInput {
  version: ApeVersion;
  config: TaskConfig;
  /** Folder ape-dts is assumed to start in (relative paths resolve against it). */
  configDir?: string;
  /** The files that exist; a file ape-dts would read but that is not given counts as missing. */
  files: { positionLog?: ProgressFileInput; finishedLog?: ProgressFileInput; resumeConfig?: ProgressFileInput };
  facts?: ResumeFacts;
}

export type ResumeSource = 'log' | 'config_file' | 'extractor';

export interface SnapshotTableResume {
  schema: string;
  tb: string;
  orderCol?: string;
  source: 'log' | 'config_file';
  file: string;
  line: number;
  tag: LogTag | null;
  slot: 'current' | 'checkpoint';
  position: PlainJson;
  usable: boolean;
  note?: string;
}

export interface ResumePrediction {
  source: ResumeSource;
  file: string | null;
  /** 0-based line of the position, or null when no progress line applies. */
  line: number | null;
  /** The tag as written on that line (null for bare JSON or an unknown tag). */
  tag: LogTag | null;
  /** How ape-dts filed the line. */
  slot: 'current' | 'checkpoint' | null;
  variant: VariantName | null;
  /** The payload as written; integers beyond 2^53 as digit strings. */
  position: PlainJson | null;
  /** The payload text exactly as written (numbers as written). */
  payload: string | null;
  /** The effective [extractor] start keys. */
  start: Record<string, string>;
  /** [extractor] keys the recovered position replaces. */
  overridden: string[];
  /** Why the other candidates lose, and what was (not) read. */
  reasons: string[];
  /** Things that make ape-dts fail, or resume other than the user likely means (with PL ids). */
  warnings: string[];
  setup: ResumeSetup;
  /** Snapshot tasks: per-table progress and finished tables. */
  snapshot?: {
    tables: SnapshotTableResume[];
    finished: { schema: string; tb: string; file: string; line: number }[];
  };
}

export function simulateResume(input: SimulateResumeInput): ResumePrediction {
  const { version, config, files } = input;
  const setup = resolveResumeSetup(config, version, input.configDir);
  const prediction: ResumePrediction = {
    source: 'extractor',
    file: null,
    line: null,
    tag: null,
    slot: null,
    variant: null,
    position: null,
    payload: null,
    ...effectiveStart(config, version),
    reasons: [],
    warnings: [],
    setup,
  };
  const { reasons, warnings } = prediction;
  for (const note of setup.notes) (/^PL0(2[0-9]|3[0-4])/.test(note) && !note.startsWith('PL035') ? warnings : reasons).push(note);
  if (setup.fatal) {
    warnings.push(setup.fatal);
    reasons.push(t('progress.sim.no-start'));
    return prediction;
  }
  const logLevel = taskView(config, version).eff('runtime.log_level') ?? 'info';
  if (['warn', 'error', 'off'].includes(logLevel.toLowerCase())) {
    warnings.push(t('PL020.sim.level', { level: logLevel }));
  }
  if (input.facts?.log4rsMissing) {
    warnings.push(t('PL020.sim.no-log4rs'));
  }
  if (setup.mode === 'none') {
    reasons.push(t('progress.sim.no-resume'));
    return prediction;
  }
  if (setup.mode === 'db') {
    reasons.push(t('progress.sim.from-db'));
    return prediction;
  }

  const reads: ReadFile[] = [];
  if (setup.configFile) {
    if (files.resumeConfig) reads.push(readProgressFile(files.resumeConfig, 'config_file', version));
    else warnings.push(t('progress.sim.no-config-file', { path: setup.configFile.path }));
  }
  if (setup.readsPositionLog) {
    if (files.positionLog) reads.push(readProgressFile(files.positionLog, 'log', version));
    else reasons.push(t('progress.sim.no-position-log', { path: String(setup.positionLogPath) }));
  } else if (files.positionLog) {
    reasons.push(t(setup.logDir ? 'progress.sim.log-unread' : 'progress.sim.log-unread.resume_from_log', { path: files.positionLog.path }));
  }
  if (setup.readsFinishedLog && files.finishedLog) reads.push(readProgressFile(files.finishedLog, 'finished_log', version));

  const candidates = reads.flatMap((r) => r.candidates);
  const log = reads.find((r) => r.source === 'log');
  if (log?.window && log.window.startLine > 0) {
    reasons.push(
      t('progress.sim.window', { from: log.window.startLine + 1, to: log.window.startLine + log.window.lineCount, newlines: log.window.newlines }),
    );
  }
  if (log?.window && !log.window.complete) {
    warnings.push(t('progress.sim.partial-tail', { given: log.file.lines.length, read: log.window.newlines - 1 }));
  }
  const rolled = (input.facts?.logDirEntries ?? []).filter((n) => /^position\d+\.log$/.test(n));
  if (rolled.length > 0) {
    reasons.push(t(rolled.length > 1 ? 'PL017.sim.several' : 'PL017.sim.one', { files: rolled.sort().join(', ') }));
  }

  if (setup.taskKind === 'snapshot') {
    const checkpointOnly = snapshotCheckpointOnly(config, version);
    const choice = chooseSnapshotPositions(setup.profile, candidates, checkpointOnly);
    fillSnapshot(prediction, choice);
    if (log?.window && log.window.startLine > log.file.firstLine) {
      const whole = reads.flatMap((r) => (r === log ? readProgressFile({ path: r.path, parsed: r.file }, 'log', version, true) : r).candidates);
      const seen = new Set(choice.tables.map((t) => `${t.schema}.${t.tb}`));
      const finished = new Set(choice.finished.map((f) => `${f.schema}.${f.tb}`));
      for (const table of chooseSnapshotPositions(setup.profile, whole, checkpointOnly).tables) {
        const name = `${table.schema}.${table.tb}`;
        if (seen.has(name) || finished.has(name)) continue;
        warnings.push(t('PL016.sim.table', { table: name, where: where(table.chosen) }));
      }
    }
    explainLosers(reasons, choice.losers);
    if (checkpointOnly.modeNote) reasons.push(t('progress.sim.checkpoint-only', { mode: checkpointOnly.modeNote }));
  } else {
    const isCluster = config.value('extractor', 'is_cluster') === 'true';
    const choice: CdcChoice = chooseCdcPosition(setup.profile, version, setup.dbType, candidates, isCluster);
    if (log?.window && log.window.startLine > log.file.firstLine) {
      // What ape-dts would pick if it read the whole file: when that lies before the window, the window hides it.
      const whole = reads.map((r) => (r === log ? readProgressFile({ path: r.path, parsed: r.file }, 'log', version, true) : r));
      const unseen = chooseCdcPosition(setup.profile, version, setup.dbType, whole.flatMap((r) => r.candidates), isCluster).chosen;
      if (unseen && unseen.source === 'log' && unseen.line < log.window.startLine && unseen !== choice.chosen) {
        warnings.push(t('PL016.sim.cdc', { where: where(unseen) }));
      }
    }
    reasons.push(...choice.reasons);
    warnings.push(...choice.warnings);
    explainLosers(reasons, choice.losers);
    const c = choice.chosen;
    if (c) {
      Object.assign(prediction, {
        source: c.source === 'config_file' ? 'config_file' : 'log',
        ...lineFields(c),
        ...effectiveStart(config, version, c.position),
      });
    } else if (!choice.handedOver && candidates.length === 0) {
      reasons.push(t('progress.sim.no-position'));
    }
    warnings.push(...situationWarnings({ setup, config, version, choice, reads, start: prediction.start }));
  }
  if (setup.taskKind === 'snapshot') warnings.push(...situationWarnings({ setup, config, version, reads, start: prediction.start }));
  reasons.push(...explainSkippedLines(reads, prediction.line === null ? undefined : { file: prediction.file!, line: prediction.line }));
  return prediction;
}

function lineFields(c: Candidate) {
  return {
    file: c.file,
    line: c.line,
    tag: c.tag,
    slot: c.slot,
    variant: c.position.type,
    position: plainJson(c.position.object),
    payload: c.progressLine.payload?.text ?? null,
  };
}

function explainLosers(reasons: string[], losers: { candidate: Candidate; why: string }[]) {
  for (const l of losers) reasons.push(t('progress.sim.loser', { where: where(l.candidate), why: l.why }));
}

/**
 * Why the line at `at` (as `where` names it) is not used, from a prediction's reasons made in
 * the current locale; undefined when it is not a loser. Callers must not match the English
 * wording, which differs in every language.
 */
export function loserWhy(reasons: readonly string[], at: string): string | undefined {
  const [before, after] = t('progress.sim.loser', { where: at, why: '\u0000' }).split('\u0000');
  const found = reasons.find((r) => r.startsWith(before) && r.endsWith(after));
  return found?.slice(before.length, found.length - after.length);
}

function fillSnapshot(prediction: ResumePrediction, choice: SnapshotChoice) {
  const tables: SnapshotTableResume[] = choice.tables.map((t) => ({
    schema: t.schema,
    tb: t.tb,
    ...(t.orderCol !== undefined ? { orderCol: t.orderCol } : {}),
    source: t.chosen.source === 'config_file' ? 'config_file' : 'log',
    file: t.chosen.file,
    line: t.chosen.line,
    tag: t.chosen.tag,
    slot: t.chosen.slot,
    position: plainJson(t.chosen.position.object),
    usable: t.usable,
    ...(t.why ? { note: t.why } : {}),
  }));
  prediction.snapshot = {
    tables,
    finished: choice.finished.map((f) => ({ schema: f.schema, tb: f.tb, file: f.from.file, line: f.from.line })),
  };
  for (const t of choice.tables) if (!t.usable) prediction.warnings.push(`${t.schema}.${t.tb} (${where(t.chosen)}): ${t.why}.`);
  // One table in progress: it is THE resume point; several: see snapshot.tables.
  const usable = choice.tables.filter((t) => t.usable);
  if (usable.length === 1) {
    const c = usable[0].chosen;
    Object.assign(prediction, { source: c.source === 'config_file' ? 'config_file' : 'log', ...lineFields(c) });
  } else if (usable.length > 1) {
    prediction.source = usable.some((t) => t.chosen.source !== 'config_file') ? 'log' : 'config_file';
    prediction.reasons.push(t('progress.sim.tables', { count: usable.length }));
  } else {
    prediction.reasons.push(t('progress.sim.no-table'));
  }
}

/** MySQL parallel extraction up to 2.0.25, chunk mode from 2.0.26, ask for checkpoint entries only. */
function snapshotCheckpointOnly(config: TaskConfig, version: ApeVersion): { checkpointOnly: boolean; modeNote?: string } {
  const task = taskView(config, version);
  if (version === '2.0.26') {
    if (task.eff('extractor.parallel_type') === 'chunk') return { checkpointOnly: true, modeNote: 'parallel_type=chunk' };
    return { checkpointOnly: false };
  }
  const size = Number(task.eff('extractor.parallel_size') ?? '1');
  // The real condition also needs an integer order column, which only the database knows.
  if (task.eff('extractor.db_type') === 'mysql' && size > 1) {
    return { checkpointOnly: true, modeNote: t('progress.mode.mysql-parallel', { size }) };
  }
  return { checkpointOnly: false };
}
