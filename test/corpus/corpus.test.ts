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

  // `apedts lint` on a corpus folder also checks its position.log, finished.log and resume.config
  // files, each against the task config that reads it, and finds no error either. (The 2.0.26 copy
  // of pg_to_pg/snapshot/resume_test still holds ≤ 2.0.25-shape snapshot lines, which 2.0.26 reads
  // as order_key=null and ignores: PL006 warnings, as the spec rates them.)
  for (const { folder, version } of SETS) {
    it(`the built CLI on ${folder} at ${version} (configs and progress files): only the known errors`, () => {
      ensureBuilt();
      const root = path.join(CORPUS, folder);
      const r = runCli(['lint', '--ape-dts-version', version, '--format', 'json', root]);
      const rows = JSON.parse(r.stdout) as JsonDiagnostic[];
      const errors = rows.filter((d) => d.severity === 'error').map((d) => `${path.relative(root, d.file).split(path.sep).join('/')}:${d.line} ${d.code}`);
      expect(errors).toEqual([]);
      expect(r.status).toBe(0);
      // Progress files are part of the run: every one of them is listed in the text summary.
      const progress = runCli(['lint', '--ape-dts-version', version, root]).stdout;
      const files = Number(/in (\d+) files/.exec(progress)?.[1]);
      expect(files).toBe(lintFolder(folder, version).length + (folder === 'ape-dts-v2.0.24' ? 6 : 20));
    });
  }

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
