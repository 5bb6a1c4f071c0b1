import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findFiles } from '../../server/src/cli/findFiles';
import { lintFileBytes, type FileReport } from '../../server/src/cli/lintFile';
import type { ApeVersion } from '../../server/src/core/schema/types';
import { ensureBuilt, runCli, type JsonDiagnostic } from '../cli/runCli';

// ape-dts's own integration-test configs (../shared/corpus, see its README). Every one of them
// ran at its tag, so linting it at that version must give no error. CI has ../shared beside the
// checkout: there a missing corpus fails; on a laptop without it the suite is skipped.
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const present = fs.existsSync(CORPUS);
const inCi = process.env.CI === 'true';

const SETS: { folder: string; version: ApeVersion; atLeast: number }[] = [
  { folder: 'ape-dts-v2.0.24', version: '2.0.24', atLeast: 300 },
  { folder: 'ape-dts-v2.0.26', version: '2.0.26', atLeast: 400 },
];

function lintFolder(folder: string, version: ApeVersion): FileReport[] {
  const root = path.join(CORPUS, folder);
  const { files, errors } = findFiles([root]);
  expect(errors).toEqual([]);
  return files.map((f) => ({ ...lintFileBytes(f, fs.readFileSync(f), version), file: path.relative(root, f) }));
}

describe.runIf(present || inCi)('ape-dts corpus', () => {
  it('is present beside the checkout', () => {
    expect(present, `${CORPUS} is missing; CI must have ../shared beside the checkout`).toBe(true);
  });

  for (const { folder, version, atLeast } of SETS) {
    it(`${folder} has no error at ${version}`, () => {
      const reports = lintFolder(folder, version);
      expect(reports.length).toBeGreaterThanOrEqual(atLeast);
      const errors = reports.flatMap((r) =>
        r.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`),
      );
      // Listing every error (not just a count) makes a failure actionable.
      expect(errors, `${errors.length} errors in ${folder}:\n${errors.join('\n')}`).toEqual([]);
    });
  }

  it('the built CLI exits 0 on ape-dts-v2.0.26 with --format json', () => {
    ensureBuilt();
    const r = runCli(['lint', '--ape-dts-version', '2.0.26', '--format', 'json', path.join(CORPUS, 'ape-dts-v2.0.26')]);
    const rows = JSON.parse(r.stdout) as JsonDiagnostic[];
    const errors = rows.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code}`);
    expect(errors).toEqual([]);
    expect(r.status).toBe(0);
  });

  // Not asserted: a table for reviewing which advisory rules fire on real configs, and how often.
  it('summary: diagnostics per code and severity', () => {
    const counts = new Map<string, Record<string, number>>();
    for (const { folder, version } of SETS) {
      for (const r of lintFolder(folder, version)) {
        for (const d of r.diagnostics) {
          const key = `${d.severity.padEnd(11)} ${d.code}`;
          const row = counts.get(key) ?? {};
          row[folder] = (row[folder] ?? 0) + 1;
          counts.set(key, row);
        }
      }
    }
    const table = [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
    const header = `${'severity    code'.padEnd(56)}${SETS.map((s) => s.folder.padStart(18)).join('')}`;
    const body = table.map(
      ([key, row]) => `${key.padEnd(56)}${SETS.map((s) => String(row[s.folder] ?? 0).padStart(18)).join('')}`,
    );
    console.log(['Corpus diagnostics per code:', header, ...body, body.length === 0 ? '(none)' : ''].join('\n'));
  });
});
