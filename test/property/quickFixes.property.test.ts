import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/edits/textEdit';
import { codeActionsFor, fixAll, type CodeAction } from '../../server/src/core/features/codeActions';
import { LEGACY_RESUMER_CODES } from '../../server/src/core/features/quickFixes';
import { lintConfig, type LintResult } from '../../server/src/core/lintConfig';
import type { VersionSetting } from '../../server/src/core/schema/resolveVersion';
import { NUM_RUNS, configTextArb, fixableConfigArb, linesOf, versionArb } from './arbitraries';

const textArb = fc.oneof({ weight: 3, arbitrary: fixableConfigArb }, { weight: 1, arbitrary: configTextArb });

// Quick fixes rewrite the user's file, so what they leave alone matters as much as what they
// change: every line a fix does not claim (the lines of the problems it resolves) comes out
// identical and in order, line endings and the BOM stay as they were, and fix-all is stable.

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 1e9, character: 0 } };

/** Segments: each line's text, and its terminator. */
function terminators(text: string): string[] {
  return [...text.matchAll(/\r?\n/g)].map((m) => m[0]);
}

const LEGACY_KEYS = new Set(['resume_from_log', 'resume_log_dir', 'resume_config_file']);

/**
 * Lines a fix says it is about: the lines of the diagnostics it resolves, and for the [resumer]
 * migration (its title says so) every legacy [resumer] line.
 */
function claimedLines(action: CodeAction, result: LintResult): Set<number> {
  const lines = new Set<number>();
  for (const d of action.diagnostics) for (let l = d.range.start.line; l <= d.range.end.line; l++) lines.add(l);
  if (action.diagnosticCodes.some((c) => LEGACY_RESUMER_CODES.has(c))) {
    for (const e of result.config.scan.entries) if (e.section === 'resumer' && LEGACY_KEYS.has(e.key)) lines.add(e.line);
  }
  return lines;
}

/** Greedy: `want` appears in `have` in order (each item once). Returns the matched indexes of `have`, or undefined. */
function subsequence(want: readonly string[], have: readonly string[], same = (a: string, b: string) => a === b): number[] | undefined {
  const matched: number[] = [];
  let j = 0;
  for (const w of want) {
    while (j < have.length && !same(have[j], w)) j++;
    if (j === have.length) return undefined;
    matched.push(j++);
  }
  return matched;
}

const errorCodes = (text: string, version: VersionSetting) =>
  lintConfig(text, { version })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code);

/** Codes in `after` beyond their count in `before`. */
function added(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const c of before) left.set(c, (left.get(c) ?? 0) + 1);
  return after.filter((c) => {
    const n = left.get(c) ?? 0;
    left.set(c, n - 1);
    return n <= 0;
  });
}

function checkKeepsTheRest(text: string, out: string, claimed: Set<number>, what: string, sameLine?: (a: string, b: string) => boolean): void {
  const before = linesOf(text);
  const after = linesOf(out);
  const untouched = before.filter((_, i) => !claimed.has(i));
  expect(subsequence(untouched, after, sameLine), `${what} changed a line it does not claim:\n${JSON.stringify(text)}\n→\n${JSON.stringify(out)}`).toBeDefined();
  // (A fix that removes the first line may bring a U+FEFF from the middle of the file to the front.)
  if (!claimed.has(0)) expect(out.startsWith('\uFEFF'), `${what} changed the BOM`).toBe(text.startsWith('\uFEFF'));
  const eols = new Set(terminators(text));
  // A file with one line-ending style keeps it; a mixed one may gain either of its own.
  for (const eol of terminators(out)) if (eols.size > 0) expect(eols.has(eol), `${what} added a ${JSON.stringify(eol)} line ending`).toBe(true);
  // Comments are never the target of a fix: every comment line of the file survives.
  const comments = before.filter((l) => /^\s*[#;]/.test(l));
  expect(subsequence(comments, after), `${what} lost a comment`).toBeDefined();
}

describe('every quick fix offered', () => {
  it('changes only the lines it claims, keeps line endings, the BOM and comments, and breaks no syntax', () => {
    fc.assert(
      fc.property(textArb, versionArb, (text, version) => {
        const result = lintConfig(text, { version });
        const syntaxBefore = errorCodes(text, version).filter((c) => c.startsWith('ini.'));
        for (const action of codeActionsFor(result, WHOLE_FILE).filter((a) => a.kind === 'quickfix')) {
          const out = applyEdits(text, action.edits);
          expect(out, `${action.title} changed nothing`).not.toBe(text);
          checkKeepsTheRest(text, out, claimedLines(action, result), action.title);
          const syntaxAfter = errorCodes(out, version).filter((c) => c.startsWith('ini.'));
          expect(added(syntaxBefore, syntaxAfter), `${action.title} broke the file:\n${JSON.stringify(out)}`).toEqual([]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('fix-all', () => {
  it('changes only the lines of the problems it fixes, and adds no error', () => {
    fc.assert(
      fc.property(textArb, versionArb, (text, version) => {
        const result = lintConfig(text, { version });
        const all = fixAll(result);
        if (!all) return;
        const out = applyEdits(text, all.edits);
        // Fix-all runs again on what it fixed, and a fixed db_type can uncover a value in the
        // wrong case on a line that had no problem before: such a line may change its case only.
        const caseOnly = (a: string, b: string) => a === b || (a.toLowerCase() === b.toLowerCase() && /=/.test(a));
        checkKeepsTheRest(text, out, claimedLines(all, result), all.title, caseOnly);
        const before = errorCodes(text, version);
        const after = errorCodes(out, version);
        const addedErrors = added(before, after);
        const message = `fix-all added errors:\n${JSON.stringify(text)}\n→\n${JSON.stringify(out)}\n${JSON.stringify(addedErrors)}`;
        // Fixing an error that stops the load (is_enabled=TRUE, db_type=MONGO, rejected legacy
        // keys) lets the checks behind it run, and they may find more: then only no syntax error
        // may appear. Fixing anything else adds no error at all.
        const fixedAnError = all.diagnostics.some((d) => d.severity === 'error');
        expect(fixedAnError ? addedErrors.filter((c) => c.startsWith('ini.')) : addedErrors, message).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('applied twice gives the same file as applied once', () => {
    fc.assert(
      fc.property(textArb, versionArb, (text, version) => {
        const once = applyFixAll(text, version);
        expect(applyFixAll(once, version), `from ${JSON.stringify(text)}`).toBe(once);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

function applyFixAll(text: string, version: VersionSetting): string {
  const all = fixAll(lintConfig(text, { version }));
  return all ? applyEdits(text, all.edits) : text;
}

