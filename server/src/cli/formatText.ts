import type { Severity } from '../core/diagnostic';
import { t, type MessageId } from '../core/i18n';
import type { VersionSetting } from '../core/schema/resolveVersion';
import type { ApeVersion } from '../core/schema/types';
import type { FileReport } from './lintFile';

/**
 * Compiler-style lines (`file:line:col: severity code message`, 1-based) and a summary.
 * With `auto` a run can mix profiles: the summary names the most common one and every file
 * checked against another gets a `note` line saying which and why. The severity and code of a
 * diagnostic line stay English in every language: problem matchers and scripts parse them.
 */
export function formatText(reports: readonly FileReport[], setting: VersionSetting): string {
  const main = mainVersion(reports, setting);
  const lines: string[] = [];
  for (const r of reports) {
    if (r.version && r.version !== main) {
      lines.push(t('cli.text.note', { file: r.file, version: r.version, reason: r.versionReason ?? '' }));
    }
    for (const d of r.diagnostics) {
      const { line, character } = d.range.start;
      // One diagnostic per line keeps grep and editors' problem matchers working.
      const message = d.message.replace(/\s*\r?\n\s*/g, ' ');
      lines.push(`${r.file}:${line + 1}:${character + 1}: ${d.severity} ${d.code} ${message}`);
    }
  }
  lines.push(summary(reports, main));
  return `${lines.join('\n')}\n`;
}

function mainVersion(reports: readonly FileReport[], setting: VersionSetting): ApeVersion | undefined {
  if (setting !== 'auto') return setting;
  const counts = new Map<ApeVersion, number>();
  for (const r of reports) if (r.version) counts.set(r.version, (counts.get(r.version) ?? 0) + 1);
  // Most files wins; a tie goes to the newer release, which is what a new task runs on.
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0];
}

function summary(reports: readonly FileReport[], main: ApeVersion | undefined): string {
  const count = (s: Severity) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const parts = [plural(count('error'), 'cli.text.errors'), plural(count('warning'), 'cli.text.warnings')];
  const infos = count('information');
  const hints = count('hint');
  if (infos > 0) parts.push(t('cli.text.information', { n: infos }));
  if (hints > 0) parts.push(plural(hints, 'cli.text.hints'));
  const separator = t('cli.text.listSeparator');

  const others = new Map<ApeVersion, number>();
  for (const r of reports) if (r.version && r.version !== main) others.set(r.version, (others.get(r.version) ?? 0) + 1);
  const profile = main
    ? [`ape-dts ${main}`, ...[...others].sort().map(([v, n]) => t('cli.text.otherProfile', { version: v, files: plural(n, 'cli.text.files') }))].join(separator)
    : t('cli.text.noProfile');
  return t('cli.text.summary', { counts: parts.join(separator), files: plural(reports.length, 'cli.text.files'), profile });
}

type Counted = 'cli.text.errors' | 'cli.text.warnings' | 'cli.text.hints' | 'cli.text.files';

/** English has one and many; Chinese uses the same text for both. */
function plural(n: number, what: Counted): string {
  return t(`${what}.${n === 1 ? 'one' : 'other'}` satisfies MessageId, { n });
}
