import * as path from 'node:path';
import { t } from '../../core/i18n';
import { lineAt } from '../../core/progress/parseProgressFile';
import { cdcKey } from '../../core/progress/positionKey';
import { acceptedPosition, type ProgressLine } from '../../core/progress/progressLine';
import { where } from '../../core/progress/resumeCandidates';
import { skipReason } from '../../core/progress/resumeWarnings';
import { loserWhy, type ResumePrediction } from '../../core/progress/simulateResume';
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
  if (a.name?.archive !== undefined) return t('lspProgress.verdict.archive', { file: path.basename(a.path), log: `${a.kind === 'position' ? 'position' : 'finished'}.log` });
  const skipped = skipReason(l);
  if (skipped) return t('lspProgress.verdict.skipped', { why: skipped });
  if (!acceptedPosition(l)) return t('lspProgress.verdict.none');
  const outside = outsideWindow(a, l);
  if (outside) return outside;
  const writers = a.owners.filter((o) => o.writes).map((o) => path.basename(o.configPath));
  const why =
    writers.length > 0
      ? t(writers.length === 1 ? 'lspProgress.verdict.writers.one' : 'lspProgress.verdict.writers.many', { writers: writers.join(', ') })
      : t('lspProgress.verdict.noReader');
  return t('lspProgress.verdict.dependsOnResumer', { why });
}

function outsideWindow(a: ProgressAnalysis, l: ProgressLine): string | undefined {
  if (a.kind !== 'position') return undefined;
  const w = tailWindowOf(a.parsed);
  if (l.line >= w.startLine) return undefined;
  return t('lspProgress.verdict.outsideWindow', { count: w.newlines - 1, line: w.startLine + 1 });
}

function verdict(a: ProgressAnalysis, l: ProgressLine, p: ResumePrediction): { resumes: boolean; text: string } {
  const no = (text: string) => ({ resumes: false, text });
  if (p.setup.fatal) return no(t('lspProgress.verdict.noStart', { why: p.setup.fatal }));
  const skipped = skipReason(l);
  if (skipped) return no(t('lspProgress.verdict.skipped', { why: skipped }));
  const pos = acceptedPosition(l);
  if (!pos) return no(t('lspProgress.verdict.none'));
  const outside = outsideWindow(a, l);
  if (outside) return no(outside);
  const here = (file: string | null, line: number | null) => file !== null && path.resolve(file) === a.path && line === l.line;
  const me = where({ file: a.path, line: l.line });
  // Why the simulator passed this line over, found by the catalogue's own wording (any locale).
  const loser = loserWhy(p.reasons, me);

  if (p.snapshot) {
    if (pos.type === 'RdbSnapshotFinished') {
      const done = p.snapshot.finished.find((f) => here(f.file, f.line));
      return done
        ? { resumes: true, text: t('lspProgress.verdict.finishedHere', { table: `${done.schema}.${done.tb}` }) }
        : no(t('lspProgress.verdict.finishedLater', { table: `${String(pos.values.schema)}.${String(pos.values.tb)}` }));
    }
    const table = p.snapshot.tables.find((t) => here(t.file, t.line));
    if (table) {
      return table.usable
        ? { resumes: true, text: t(table.note ? 'lspProgress.verdict.tableHere.note' : 'lspProgress.verdict.tableHere', { table: `${table.schema}.${table.tb}`, note: table.note ?? '' }) }
        : no(t('lspProgress.verdict.tableUnusable', { table: `${table.schema}.${table.tb}`, note: table.note ?? '' }));
    }
    if (loser !== undefined) return no(t('lspProgress.verdict.loser', { why: capitalise(loser) }));
    const name = `${pos.values.schema}.${pos.values.tb}`;
    const winner = p.snapshot.tables.find((t) => `${t.schema}.${t.tb}` === name);
    if (winner) return no(t('lspProgress.verdict.tableElsewhere', { table: name, where: where(winner) }));
    if (p.snapshot.finished.some((f) => `${f.schema}.${f.tb}` === name)) return no(t('lspProgress.verdict.tableFinished', { table: name }));
    return no(t('lspProgress.verdict.tableNotUsed', { table: name }));
  }

  if (here(p.file, p.line)) {
    const text = p.overridden.length > 0 ? t('lspProgress.verdict.resumesHere.keys', { keys: p.overridden.join(', ') }) : t('lspProgress.verdict.resumesHere');
    return { resumes: true, text };
  }
  if (p.setup.mode !== 'log') return no(p.reasons[0] ?? t('lspProgress.verdict.notFromFiles'));
  if (loser !== undefined) return no(t('lspProgress.verdict.loser', { why: capitalise(loser) }));
  const later = laterSameSlot(a, l, p);
  if (later) {
    return no(t(p.setup.profile === 'current' ? 'lspProgress.verdict.laterSlotKey' : 'lspProgress.verdict.laterTagClass', { line: later.line + 1, slot: later.slot ?? '' }));
  }
  if (p.line !== null && p.file !== null) return no(t('lspProgress.verdict.resumesElsewhere', { where: where({ file: p.file, line: p.line }) }));
  const warning = p.warnings.find((w) => w.startsWith('PL010') || w.startsWith('PL029'));
  return no(warning ?? t('lspProgress.verdict.notResumed', { why: p.reasons[p.reasons.length - 1] ?? t('lspProgress.verdict.noPositionUsed') }));
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
