import type { Diagnostic, Range } from '../diagnostic';
import type { LintResult } from '../lintConfig';
import { fixesFor } from './quickFixes';
import { rangesOverlap } from '../edits/lineEdits';
import type { TextEdit } from '../edits/textEdit';

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
  for (const d of asked) {
    for (const fix of fixesFor(result, d)) {
      // One action per distinct fix: the [resumer] migration answers several diagnostics.
      const same = actions.find((a) => a.title === fix.title && sameEdits(a.edits, fix.edits));
      if (same) {
        same.diagnostics.push(d);
        if (!same.diagnosticCodes.includes(d.code)) same.diagnosticCodes.push(d.code);
        continue;
      }
      actions.push({ title: fix.title, kind: 'quickfix', diagnosticCodes: [d.code], diagnostics: [d], edits: fix.edits, isPreferred: fix.isPreferred });
    }
  }
  const all = fixAll(result);
  if (all) actions.push(all);
  return actions;
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.newText === b[i].newText && sameRange(e.range, b[i].range));
}

/** Every safe fix in the file at once; edits that would clash with an earlier one are left for a second run. */
export function fixAll(result: LintResult): CodeAction | undefined {
  const chosen: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  const taken = new Set<string>();
  // Removing a duplicate line comes first, so a fix on that same line is dropped rather than clashing.
  const ordered = [...result.diagnostics].sort((a, b) => Number(b.code === 'lint.duplicate-key') - Number(a.code === 'lint.duplicate-key'));
  for (const d of ordered) {
    for (const fix of fixesFor(result, d)) {
      if (!fix.safe) continue;
      const id = fix.title + JSON.stringify(fix.edits);
      if (taken.has(id)) {
        fixed.push(d);
        continue;
      }
      if (fix.edits.some((e) => chosen.some((c) => rangesOverlap(c.range, e.range)))) continue;
      taken.add(id);
      chosen.push(...fix.edits);
      fixed.push(d);
    }
  }
  if (chosen.length === 0) return undefined;
  return {
    title: `Fix all safe ape-dts problems (${fixed.length})`,
    kind: 'source.fixAll',
    diagnosticCodes: [...new Set(fixed.map((d) => d.code))],
    diagnostics: fixed,
    edits: chosen,
    isPreferred: false,
  };
}
