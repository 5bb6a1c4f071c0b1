import type { Diagnostic, Range } from '../diagnostic';
import { lintConfig, type LintResult } from '../lintConfig';
import { maskerFor } from './maskSecrets';
import { LEGACY_RESUMER_CODES, fixesFor } from './quickFixes';
import { rangesOverlap } from '../edits/lineEdits';
import { LineHistory } from '../edits/lineHistory';
import type { TextEdit } from '../edits/textEdit';
import { t } from '../i18n';

// Code actions: the quick fixes for the diagnostics the editor asks about, and one fix-all
// that applies only the safe ones (value case, duplicate lines, an exact [resumer] migration).

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  diagnosticCodes: string[];
  /** The diagnostics this action resolves (LSP CodeAction.diagnostics). */
  diagnostics: Diagnostic[];
  edits: TextEdit[];
  isPreferred: boolean;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/**
 * Actions for `range`. `diagnostics` are the ones the client sent (its context); they are
 * matched to this lint result by code and range, and when none are sent the result's own
 * diagnostics touching the range are used.
 */
export function codeActionsFor(result: LintResult, range: Range, diagnostics: readonly Diagnostic[] = []): CodeAction[] {
  const asked = diagnostics.length
    ? diagnostics.filter((d) => result.diagnostics.some((r) => r.code === d.code && sameRange(r.range, d.range)))
    : result.diagnostics.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
  const actions: CodeAction[] = [];
  // Titles quote what is written ('Change X to Y'); X may be a mistyped password line.
  const mask = asked.length ? maskerFor(result.config) : (t: string) => t;
  const byFix = new Map<string, CodeAction>();
  for (const d of asked) {
    for (const raw of fixesFor(result, d)) {
      const fix = { ...raw, title: mask(raw.title) };
      // One action per distinct fix: the [resumer] migration answers several diagnostics.
      const id = fix.title + JSON.stringify(fix.edits);
      const same = byFix.get(id);
      if (same) {
        same.diagnostics.push(d);
        if (!same.diagnosticCodes.includes(d.code)) same.diagnosticCodes.push(d.code);
        continue;
      }
      const action: CodeAction = { title: fix.title, kind: 'quickfix', diagnosticCodes: [d.code], diagnostics: [d], edits: fix.edits, isPreferred: fix.isPreferred };
      byFix.set(id, action);
      actions.push(action);
    }
  }
  const all = fixAll(result);
  if (all) actions.push(all);
  return actions;
}

function linesOf(e: TextEdit): number[] {
  const lines: number[] = [];
  for (let l = e.range.start.line; l <= e.range.end.line; l++) lines.push(l);
  return lines;
}

/** Rounds of fix-all at most; fixes settle in two or three (a fixed value uncovers one more). */
const MAX_ROUNDS = 5;

// One fix-all per lint result: VS Code asks for code actions on every cursor move.
const fixAllCache = new WeakMap<LintResult, CodeAction | null>();

/**
 * Every safe fix in the file at once. Fixing can uncover more (db_type=PG → pg lets the pg
 * keys' values be checked; a clash leaves an edit for later), so rounds run on the fixed text
 * until nothing is left, and the result is one set of edits against this text: fix-all
 * applied twice does nothing the second time.
 */
export function fixAll(result: LintResult): CodeAction | undefined {
  const cached = fixAllCache.get(result);
  if (cached !== undefined) return cached ?? undefined;
  const action = fixAllRounds(result);
  fixAllCache.set(result, action ?? null);
  return action;
}

function fixAllRounds(result: LintResult): CodeAction | undefined {
  const first = fixRound(result);
  if (!first) return undefined;
  const history = new LineHistory(result.config.scan.text);
  let rounds = 1;
  let count = first.fixed.length;
  const codes = new Set(first.fixed.map((d) => d.code));
  if (history.apply(first.edits)) {
    while (rounds < MAX_ROUNDS) {
      const next = fixRound(lintConfig(history.text(), { version: result.version }));
      if (!next || !history.apply(next.edits)) break;
      rounds++;
      count += next.fixed.length;
      for (const d of next.fixed) codes.add(d.code);
    }
  }
  return {
    title: t('fix.all', { count }),
    kind: 'source.fixAll',
    diagnosticCodes: [...codes],
    // Only the first round's diagnostics are positions in this text.
    diagnostics: first.fixed,
    edits: rounds === 1 ? first.edits : history.editsAgainstOriginal(),
    isPreferred: false,
  };
}

/** One pass: every safe fix that does not clash with one taken before it. */
function fixRound(result: LintResult): { edits: TextEdit[]; fixed: Diagnostic[] } | undefined {
  const chosen: TextEdit[] = [];
  // Chosen edits by every line they touch: two edits can only clash on a line they share.
  const chosenOnLine = new Map<number, TextEdit[]>();
  // The very same edit twice (the [resumer] migration and the duplicate-key fix both delete an
  // overwritten legacy line) is one edit, not a clash.
  const sameEdit = (a: TextEdit, b: TextEdit) => a.newText === b.newText && JSON.stringify(a.range) === JSON.stringify(b.range);
  const clashes = (e: TextEdit) => linesOf(e).some((l) => chosenOnLine.get(l)?.some((c) => !sameEdit(c, e) && rangesOverlap(c.range, e.range)));
  const alreadyChosen = (e: TextEdit) => chosenOnLine.get(e.range.start.line)?.some((c) => sameEdit(c, e)) ?? false;
  const fixed: Diagnostic[] = [];
  const taken = new Set<string>();
  // The [resumer] migration comes first (it rewrites whole lines, and a value fix on one of them
  // would leave it for a second run), then removing duplicate lines, so a fix on a removed line
  // is dropped rather than clashing: fewer fixes wait for the next round.
  const rank = (d: Diagnostic) => (LEGACY_RESUMER_CODES.has(d.code) ? 0 : d.code === 'lint.duplicate-key' ? 1 : 2);
  const ordered = [...result.diagnostics].sort((a, b) => rank(a) - rank(b));
  for (const d of ordered) {
    for (const fix of fixesFor(result, d)) {
      if (!fix.safe) continue;
      const id = fix.title + JSON.stringify(fix.edits);
      if (taken.has(id)) {
        fixed.push(d);
        continue;
      }
      if (fix.edits.some(clashes)) continue;
      taken.add(id);
      for (const e of fix.edits) {
        if (alreadyChosen(e)) continue;
        chosen.push(e);
        for (const l of linesOf(e)) chosenOnLine.set(l, [...(chosenOnLine.get(l) ?? []), e]);
      }
      fixed.push(d);
    }
  }
  return chosen.length === 0 ? undefined : { edits: chosen, fixed };
}
