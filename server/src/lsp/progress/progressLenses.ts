import * as path from 'node:path';
import { t } from '../../core/i18n';
import type { TaskConfig } from '../../core/model/taskConfig';
import { acceptedPosition } from '../../core/progress/progressLine';
import type { ResumePrediction } from '../../core/progress/simulateResume';
import type { ProgressAnalysis } from './analyseProgress';
import type { BaseFolder } from './owners';

// Code lenses as plain data (the server turns them into LSP CodeLens):
// - on a progress file: at the top, where each task that reads it resumes; on the line it
//   resumes from, "ape-dts will resume from here"; on every line one can resume from,
//   "Resume from this line" (the client's apeDts.resumeFromLine command);
// - on a task config: the prediction on its [resumer] / [extractor] header.

export const RESUME_FROM_LINE_COMMAND = 'apeDts.resumeFromLine';
/** Served by the language server (workspace/executeCommand): opens a file at a line. */
export const OPEN_LINE_COMMAND = 'apeDts.openProgressLine';
/** More "Resume from this line" lenses than this: only the last ones get one (the context menu works on every line). */
export const MAX_RESUME_LENSES = 1000;

export interface Lens {
  line: number;
  title: string;
  /** '' = a label that does nothing when clicked. */
  command: string;
  arguments?: unknown[];
  tooltip?: string;
}

export interface OpenLineArgs {
  uri: string;
  line: number;
}

const label = (line: number, title: string, tooltip?: string): Lens => ({ line, title, command: '', tooltip });
const open = (line: number, title: string, target: OpenLineArgs, tooltip?: string): Lens => ({ line, title, command: OPEN_LINE_COMMAND, arguments: [target], tooltip });

// Current lines are ordinary resume points except MySQL (may start inside a transaction,
// PL008) and Kafka (a checkpoint is safer): those get no lens, the command still warns.
const CURRENT_OK = new Set(['PgCdc', 'MongoCdc', 'Redis', 'RdbSnapshot', 'FoxlakeS3']);

export function progressLenses(a: ProgressAnalysis, uri: string, uriOf: (file: string) => string, headerLine: (config: TaskConfig) => number): Lens[] {
  const lenses: Lens[] = [];
  const folder = path.dirname(a.path);
  const nameOf = (p: string) => path.relative(folder, p) || path.basename(p);
  const isHere = (file: string | null) => file !== null && path.resolve(file) === a.path;

  // Top of the file.
  if (a.predictions.length === 0) {
    const writers = a.owners.filter((o) => o.writes).map((o) => nameOf(o.configPath));
    if (a.name?.archive !== undefined) lenses.push(label(0, t('lspProgress.lens.archive', { file: path.basename(a.path) })));
    else if (writers.length > 0) lenses.push(label(0, t(writers.length > 1 ? 'lspProgress.lens.writtenBy.many' : 'lspProgress.lens.writtenBy.one', { writers: writers.join(', ') })));
    else lenses.push(label(0, t('lspProgress.lens.noReader'), t('lspProgress.lens.noReader.tip')));
  }
  for (const { owner, prediction: p } of a.predictions) {
    const task = nameOf(owner.configPath);
    const tip = t('lspProgress.lens.ownerTip', { task, version: owner.version, reason: owner.versionReason, base: owner.base.label });
    const config = { uri: uriOf(owner.configPath), line: headerLine(owner.config) };
    if (p.setup.fatal) {
      lenses.push(open(0, t('lspProgress.lens.noStartWith', { task, why: p.setup.fatal.split(':')[0] }), config, p.setup.fatal));
    } else if (p.snapshot && p.snapshot.tables.length + p.snapshot.finished.length > 0) {
      const here = p.snapshot.tables.filter((s) => s.usable && isHere(s.file)).length;
      const finished = p.snapshot.finished.filter((f) => isHere(f.file)).length;
      const parts =
        a.kind === 'finished'
          ? [t(finished === 1 ? 'lspProgress.lens.skipsFinished.one' : 'lspProgress.lens.skipsFinished.many', { count: finished })]
          : [t(here === 1 ? 'lspProgress.lens.tablesHere.one' : 'lspProgress.lens.tablesHere.many', { count: here }), ...(finished > 0 ? [t('lspProgress.lens.finishedCount', { count: finished })] : [])];
      lenses.push(open(0, t('lspProgress.lens.snapshot', { task, parts: parts.join(', ') }), config, tip));
    } else if (p.line !== null && p.file !== null && isHere(p.file)) {
      lenses.push(open(0, t('lspProgress.lens.resumesHere', { line: p.line + 1, task }), { uri, line: p.line }, tip));
    } else if (p.line !== null && p.file !== null) {
      const title = t('lspProgress.lens.resumesElsewhere', { where: whereText(nameOf(p.file), p.line), task });
      lenses.push(p.line >= 0 ? open(0, title, { uri: uriOf(p.file), line: p.line }, tip) : label(0, title, tip));
    } else {
      lenses.push(open(0, t('lspProgress.lens.noPosition', { task }), config, [tip, ...p.warnings, ...p.reasons].join('\n')));
    }
  }

  // The predicted line(s).
  const predicted = new Map<number, { what: string[]; configs: OpenLineArgs[] }>();
  const note = (line: number, what: string, config: OpenLineArgs) => {
    const entry = predicted.get(line) ?? { what: [], configs: [] };
    entry.what.push(what);
    if (!entry.configs.some((c) => c.uri === config.uri)) entry.configs.push(config);
    predicted.set(line, entry);
  };
  for (const { owner, prediction: p } of a.predictions) {
    const task = nameOf(owner.configPath);
    const config = { uri: uriOf(owner.configPath), line: headerLine(owner.config) };
    if (p.snapshot) {
      for (const s of p.snapshot.tables) if (s.usable && isHere(s.file)) note(s.line, t('lspProgress.lens.tableOfTask', { table: `${s.schema}.${s.tb}`, task }), config);
    } else if (p.line !== null && isHere(p.file)) note(p.line, task, config);
  }
  // Clicking opens the task config when there is exactly one.
  for (const [line, { what, configs }] of predicted) {
    const title = t('lspProgress.lens.willResumeHere', { what: what.join(', ') });
    lenses.push(configs.length === 1 ? open(line, title, configs[0]) : label(line, title));
  }

  // Lines one may resume from.
  if (a.kind !== 'finished' && a.name?.archive === undefined) {
    const eligible = a.parsed.lines.filter((l) => {
      const p = acceptedPosition(l);
      if (!p || p.type === 'RdbSnapshotFinished') return false;
      return a.kind === 'resumeConfig' || l.slot === 'checkpoint' || CURRENT_OK.has(p.type);
    });
    for (const l of eligible.slice(-MAX_RESUME_LENSES)) {
      lenses.push({ line: l.line, title: t('lspProgress.lens.resumeFromThisLine'), command: RESUME_FROM_LINE_COMMAND, arguments: [{ uri, line: l.line }] });
    }
  }
  return lenses;
}

export interface ConfigLensInput {
  config: TaskConfig;
  configPath: string;
  prediction: ResumePrediction;
  base: BaseFolder;
  uriOf: (file: string) => string;
}

/** The prediction on the task config's [resumer] header, and the overridden keys on [extractor]. */
export function configLenses({ config, configPath, prediction: p, base, uriOf }: ConfigLensInput): Lens[] {
  const resumer = config.headers('resumer')[0]?.range.start.line;
  const extractor = config.headers('extractor')[0]?.range.start.line;
  const at = resumer ?? extractor;
  if (at === undefined) return [];
  const configFolder = path.dirname(configPath);
  const nameOf = (f: string) => {
    const rel = path.relative(configFolder, f);
    return rel && !rel.startsWith('..') ? rel : f;
  };
  const via = base.own ? '' : t('lspProgress.lens.via', { base: base.label });
  const tip = t('lspProgress.lens.configTip', { version: p.setup.version, base: base.label });
  const lenses: Lens[] = [];
  if (p.setup.fatal) {
    if (resumer !== undefined) lenses.push(label(resumer, t('lspProgress.lens.noStart', { why: p.setup.fatal.split(':')[0] }), p.setup.fatal));
    return lenses;
  }
  if (p.setup.mode === 'none') {
    if (resumer !== undefined) lenses.push(label(resumer, t('lspProgress.lens.noResume'), p.reasons.join('\n')));
    return lenses;
  }
  if (p.setup.mode === 'db') {
    lenses.push(label(at, t('lspProgress.lens.fromDatabase', { resumeType: config.value('resumer', 'resume_type') ?? '' }), p.reasons.join('\n')));
    return lenses;
  }
  if (p.snapshot) {
    const { tables, finished } = p.snapshot;
    const usable = tables.filter((s) => s.usable);
    const first = usable[0];
    const count = t(usable.length === 1 ? 'lspProgress.lens.resumesTables.one' : 'lspProgress.lens.resumesTables.many', { count: usable.length });
    const title = `${count}${finished.length > 0 ? t('lspProgress.lens.skipsFinishedSuffix', { count: finished.length }) : ''}${via}`;
    const perTable = usable.map((s) => `${s.schema}.${s.tb}: ${whereText(nameOf(s.file), s.line)}`);
    lenses.push(
      first && first.line >= 0
        ? open(at, title, { uri: uriOf(first.file), line: first.line }, [tip, ...perTable].join('\n'))
        : first
          ? label(at, title, [tip, ...perTable].join('\n'))
          : label(at, `${t('lspProgress.lens.noSnapshotPosition')}${via}`, [tip, ...p.reasons].join('\n')),
    );
    return lenses;
  }
  if (p.line === null || p.file === null) {
    const why = p.warnings[0] ?? p.reasons[p.reasons.length - 1] ?? '';
    lenses.push(label(at, `${t('lspProgress.lens.noUsablePosition')}${via}`, [tip, why].join('\n')));
    return lenses;
  }
  const where = whereText(nameOf(p.file), p.line);
  // Lines numbered from the end (a big log read by its tail, not counted yet) cannot be opened.
  const target = { uri: uriOf(p.file), line: p.line };
  const lens = (line: number, title: string, tooltip: string) => (p.line! >= 0 ? open(line, title, target, tooltip) : label(line, title, tooltip));
  lenses.push(lens(at, `${t(p.tag ? 'lspProgress.lens.resumesFrom.tag' : 'lspProgress.lens.resumesFrom', { where, tag: p.tag ?? '' })}${via}`, [tip, ...p.warnings].join('\n')));
  if (extractor !== undefined && p.overridden.length > 0) {
    const changed = p.overridden.filter((k) => config.value('extractor', k) !== undefined && config.value('extractor', k) !== p.start[k]);
    const keys = changed.length > 0 ? changed : p.overridden;
    const id =
      changed.length > 0
        ? keys.length > 1
          ? 'lspProgress.lens.overridden.many'
          : 'lspProgress.lens.overridden.one'
        : keys.length > 1
          ? 'lspProgress.lens.replaced.many'
          : 'lspProgress.lens.replaced.one';
    lenses.push(lens(extractor, t(id, { keys: keys.join(', '), where }), Object.entries(p.start).map(([k, v]) => `${k}=${v}`).join('\n')));
  }
  return lenses;
}

/** "file line N", or for a big log read by its tail "file line N from the end" (line is 0-based, negative from the end). */
export function whereText(file: string, line: number): string {
  return line >= 0 ? t('lspProgress.where', { file, line: line + 1 }) : t('lspProgress.where.fromEnd', { file, count: -(line + 1) });
}
