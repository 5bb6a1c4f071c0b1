import * as path from 'node:path';
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
    if (a.name?.archive !== undefined) lenses.push(label(0, `A rolled archive: ape-dts never reads ${path.basename(a.path)}`));
    else if (writers.length > 0) lenses.push(label(0, `Written by ${writers.join(', ')}, which ${writers.length > 1 ? 'do' : 'does'} not resume from it`));
    else lenses.push(label(0, 'No task config in the workspace reads this file', 'Looked for task configs whose [runtime] log_dir, [resumer] log_dir or resume config file is this file, with relative paths resolved against the config\'s folder and each workspace folder.'));
  }
  for (const { owner, prediction: p } of a.predictions) {
    const task = nameOf(owner.configPath);
    const tip = `${task}, ape-dts ${owner.version} (${owner.versionReason}); paths resolved against ${owner.base.label}`;
    const config = { uri: uriOf(owner.configPath), line: headerLine(owner.config) };
    if (p.setup.fatal) {
      lenses.push(open(0, `ape-dts does not start with ${task}: ${p.setup.fatal.split(':')[0]}`, config, p.setup.fatal));
    } else if (p.snapshot && p.snapshot.tables.length + p.snapshot.finished.length > 0) {
      const here = p.snapshot.tables.filter((t) => t.usable && isHere(t.file)).length;
      const finished = p.snapshot.finished.filter((f) => isHere(f.file)).length;
      const parts =
        a.kind === 'finished'
          ? [`skips the ${finished} finished table${finished === 1 ? '' : 's'} listed here`]
          : [`${here} table${here === 1 ? ' resumes' : 's resume'} from this file`, ...(finished > 0 ? [`${finished} finished`] : [])];
      lenses.push(open(0, `ape-dts (${task}): ${parts.join(', ')}`, config, tip));
    } else if (p.line !== null && p.file !== null && isHere(p.file)) {
      lenses.push(open(0, `ape-dts resumes from line ${p.line + 1} (${task})`, { uri, line: p.line }, tip));
    } else if (p.line !== null && p.file !== null) {
      lenses.push(open(0, `ape-dts resumes from ${nameOf(p.file)} line ${p.line + 1}, not from this file (${task})`, { uri: uriOf(p.file), line: p.line }, tip));
    } else {
      lenses.push(open(0, `ape-dts finds no usable position: ${task} starts from its [extractor] keys`, config, [tip, ...p.warnings, ...p.reasons].join('\n')));
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
      for (const t of p.snapshot.tables) if (t.usable && isHere(t.file)) note(t.line, `${t.schema}.${t.tb} (${task})`, config);
    } else if (p.line !== null && isHere(p.file)) note(p.line, task, config);
  }
  // Clicking opens the task config when there is exactly one.
  for (const [line, { what, configs }] of predicted) {
    const title = `ape-dts will resume from here: ${what.join(', ')}`;
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
      lenses.push({ line: l.line, title: 'Resume from this line', command: RESUME_FROM_LINE_COMMAND, arguments: [{ uri, line: l.line }] });
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
  const via = base.label === "the config's folder" ? '' : ` (paths from ${base.label})`;
  const tip = `ape-dts ${p.setup.version}; relative paths resolved against ${base.label}`;
  const lenses: Lens[] = [];
  if (p.setup.fatal) {
    if (resumer !== undefined) lenses.push(label(resumer, `ape-dts does not start: ${p.setup.fatal.split(':')[0]}`, p.setup.fatal));
    return lenses;
  }
  if (p.setup.mode === 'none') {
    if (resumer !== undefined) lenses.push(label(resumer, 'No resume: ape-dts starts from the [extractor] keys', p.reasons.join('\n')));
    return lenses;
  }
  if (p.setup.mode === 'db') {
    lenses.push(label(at, `ape-dts resumes from the position stored in the database (resume_type=${config.value('resumer', 'resume_type')})`, p.reasons.join('\n')));
    return lenses;
  }
  if (p.snapshot) {
    const { tables, finished } = p.snapshot;
    const usable = tables.filter((t) => t.usable);
    const first = usable[0];
    const title = `ape-dts resumes ${usable.length} table${usable.length === 1 ? '' : 's'}${finished.length > 0 ? `, skips ${finished.length} finished` : ''}${via}`;
    lenses.push(first ? open(at, title, { uri: uriOf(first.file), line: first.line }, [tip, ...usable.map((t) => `${t.schema}.${t.tb}: ${nameOf(t.file)} line ${t.line + 1}`)].join('\n')) : label(at, `ape-dts finds no snapshot position to resume${via}`, [tip, ...p.reasons].join('\n')));
    return lenses;
  }
  if (p.line === null || p.file === null) {
    const why = p.warnings[0] ?? p.reasons[p.reasons.length - 1] ?? '';
    lenses.push(label(at, `ape-dts finds no usable position: it starts from the [extractor] keys${via}`, [tip, why].join('\n')));
    return lenses;
  }
  const where = `${nameOf(p.file)} line ${p.line + 1}`;
  const target = { uri: uriOf(p.file), line: p.line };
  lenses.push(open(at, `ape-dts resumes from ${where}${p.tag ? ` (${p.tag})` : ''}${via}`, target, [tip, ...p.warnings].join('\n')));
  if (extractor !== undefined && p.overridden.length > 0) {
    const changed = p.overridden.filter((k) => config.value('extractor', k) !== undefined && config.value('extractor', k) !== p.start[k]);
    const keys = changed.length > 0 ? changed : p.overridden;
    const verb = changed.length > 0 ? (keys.length > 1 ? 'are overridden' : 'is overridden') : keys.length > 1 ? 'are replaced (same values)' : 'is replaced (same value)';
    lenses.push(open(extractor, `${keys.join(', ')} ${verb} by ${where}`, target, Object.entries(p.start).map(([k, v]) => `${k}=${v}`).join('\n')));
  }
  return lenses;
}
