import * as path from 'node:path';
import { lineAt } from '../../core/progress/parseProgressFile';
import { cdcKey } from '../../core/progress/positionKey';
import { acceptedPosition, type ProgressLine } from '../../core/progress/progressLine';
import { where } from '../../core/progress/resumeCandidates';
import { skipReason } from '../../core/progress/resumeWarnings';
import type { ResumePrediction } from '../../core/progress/simulateResume';
import { tailWindowOf } from '../../core/progress/tailWindow';
import type { ProgressAnalysis } from './analyseProgress';
import type { ProgressOwner } from './owners';

// "Would ape-dts resume from this line, and if not, why?" — per task that reads the file,
// from the simulator's prediction: the chosen line, the losers it explains, and otherwise the
// rule that hides the line (skipped, outside the tail window, replaced by a later line).

export interface LineVerdict {
  owner: ProgressOwner;
  resumes: boolean;
  /** One sentence, plain words. */
  text: string;
}

export function lineVerdicts(a: ProgressAnalysis, line: number): LineVerdict[] {
  const l = lineAt(a.parsed, line);
  if (!l || l.kind === 'blank' || l.kind === 'comment' || l.kind === 'finishedMarker') return [];
  return a.predictions.map(({ owner, prediction }) => ({ owner, ...verdict(a, l, prediction) }));
}

/** Why no task's verdict can be given for the line (no task reads the file). */
export function verdictWithoutTask(a: ProgressAnalysis, line: number): string | undefined {
  const l = lineAt(a.parsed, line);
  if (!l || l.kind === 'blank' || l.kind === 'comment' || l.kind === 'finishedMarker') return undefined;
  if (a.name?.archive !== undefined) return `ape-dts never reads ${path.basename(a.path)}: it is a rolled archive of ${a.kind === 'position' ? 'position' : 'finished'}.log.`;
  const skipped = skipReason(l);
  if (skipped) return `ape-dts skips this line: ${skipped}.`;
  if (!acceptedPosition(l)) return 'A None placeholder: ape-dts skips it.';
  const outside = outsideWindow(a, l);
  if (outside) return outside;
  const writers = a.owners.filter((o) => o.writes).map((o) => path.basename(o.configPath));
  const why = writers.length > 0 ? `${writers.join(', ')} write${writers.length === 1 ? 's' : ''} here but do${writers.length === 1 ? 'es' : ''} not resume from this folder` : 'no task config in the workspace reads this file';
  return `Whether ape-dts resumes from it depends on the task's [resumer] settings: ${why}.`;
}

function outsideWindow(a: ProgressAnalysis, l: ProgressLine): string | undefined {
  if (a.kind !== 'position') return undefined;
  const w = tailWindowOf(a.parsed);
  if (l.line >= w.startLine) return undefined;
  return `ape-dts does not read this line: it reads only the end of position.log (the last ${w.newlines - 1} lines, from line ${w.startLine + 1} on).`;
}

function verdict(a: ProgressAnalysis, l: ProgressLine, p: ResumePrediction): { resumes: boolean; text: string } {
  const no = (text: string) => ({ resumes: false, text });
  if (p.setup.fatal) return no(`ape-dts does not start with this task config: ${p.setup.fatal}`);
  const skipped = skipReason(l);
  if (skipped) return no(`ape-dts skips this line: ${skipped}.`);
  const pos = acceptedPosition(l);
  if (!pos) return no('A None placeholder: ape-dts skips it.');
  const outside = outsideWindow(a, l);
  if (outside) return no(outside);
  const here = (file: string | null, line: number | null) => file !== null && path.resolve(file) === a.path && line === l.line;
  const me = where({ file: a.path, line: l.line });
  const loser = p.reasons.find((r) => r.startsWith(`${me} is not used: `));

  if (p.snapshot) {
    if (pos.type === 'RdbSnapshotFinished') {
      const done = p.snapshot.finished.find((f) => here(f.file, f.line));
      return done ? { resumes: true, text: `ape-dts skips table ${done.schema}.${done.tb}: it is listed as finished here.` } : no(`A later line marks ${pos.values.schema}.${pos.values.tb} finished too; this one changes nothing.`);
    }
    const table = p.snapshot.tables.find((t) => here(t.file, t.line));
    if (table) {
      return table.usable
        ? { resumes: true, text: `ape-dts resumes table ${table.schema}.${table.tb} from this line${table.note ? ` (${table.note})` : ''}.` }
        : no(`ape-dts picks this line for ${table.schema}.${table.tb} but cannot use it: ${table.note}.`);
    }
    if (loser) return no(capitalise(loser.slice(me.length + ' is not used: '.length)));
    const name = `${pos.values.schema}.${pos.values.tb}`;
    const winner = p.snapshot.tables.find((t) => `${t.schema}.${t.tb}` === name);
    if (winner) return no(`For ${name} ape-dts uses ${where(winner)} instead (the last line per table and tag wins).`);
    if (p.snapshot.finished.some((f) => `${f.schema}.${f.tb}` === name)) return no(`${name} is listed as finished, so ape-dts skips the table.`);
    return no(`ape-dts does not use it for ${name}.`);
  }

  if (here(p.file, p.line)) {
    const keys = p.overridden.length > 0 ? `; it replaces [extractor] ${p.overridden.join(', ')}` : '';
    return { resumes: true, text: `ape-dts resumes from this line${keys}.` };
  }
  if (p.setup.mode !== 'log') return no(p.reasons[0] ?? 'This task does not resume from files.');
  if (loser) return no(capitalise(loser.slice(me.length + ' is not used: '.length)));
  const later = laterSameSlot(a, l, p);
  if (later) return no(`Line ${later.line + 1} comes later with the same ${p.setup.profile === 'current' ? 'slot and position key' : 'tag class'} (${later.slot}) and replaces it: the last line wins.`);
  if (p.line !== null && p.file !== null) return no(`ape-dts resumes from ${where({ file: p.file, line: p.line })} instead.`);
  const warning = p.warnings.find((w) => w.startsWith('PL010') || w.startsWith('PL029'));
  return no(warning ?? `ape-dts does not resume from it: ${p.reasons[p.reasons.length - 1] ?? 'no position is used'}`);
}

function laterSameSlot(a: ProgressAnalysis, l: ProgressLine, p: ResumePrediction): ProgressLine | undefined {
  const pos = acceptedPosition(l)!;
  const key = cdcKey(pos, p.setup.profile);
  const index = l.line - a.parsed.firstLine;
  for (let i = a.parsed.lines.length - 1; i > index; i--) {
    const o = a.parsed.lines[i];
    const q = acceptedPosition(o);
    if (q && o.slot === l.slot && cdcKey(q, p.setup.profile) === key) return o;
  }
  return undefined;
}

function capitalise(s: string): string {
  return s.startsWith('ape-dts') ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
