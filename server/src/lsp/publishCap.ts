import type { Diagnostic, Severity } from '../core/diagnostic';
import { t } from '../core/i18n';

// A pathological file (a binary opened as a task config, a generated config with thousands
// of broken lines) can yield tens of thousands of diagnostics; VS Code's Problems panel then
// stalls and hides everything else. The server publishes at most this many per document; the
// CLI still reports them all.

export const MAX_PUBLISHED_PROBLEMS = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * At most `max` of the diagnostics: when there are more, the most severe `max` (earlier ones
 * first among equals, kept in their original order) and after them one information
 * diagnostic at the top of the file saying how many were left out and that `apedts lint`
 * lists them all.
 */
export function capProblems(diagnostics: readonly Diagnostic[], max = MAX_PUBLISHED_PROBLEMS): Diagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const chosen = new Set(
    diagnostics
      .map((d, index) => ({ rank: RANK[d.severity], index }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .slice(0, max)
      .map((c) => c.index),
  );
  const kept = diagnostics.filter((_, index) => chosen.has(index));
  const omitted = diagnostics.length - kept.length;
  return [
    ...kept,
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'information',
      code: 'lsp.too-many-problems',
      message: t('lsp.too-many-problems', { count: omitted, max }),
    },
  ];
}
