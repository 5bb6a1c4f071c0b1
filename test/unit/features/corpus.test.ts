import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeActionsFor } from '../../../server/src/core/features/codeActions';
import { applyEdits } from '../../../server/src/core/edits/textEdit';
import { completeAt } from '../../../server/src/core/features/completion';
import { definitionAt } from '../../../server/src/core/features/definition';
import { foldingRanges } from '../../../server/src/core/features/folding';
import { hoverAt } from '../../../server/src/core/features/hover';
import { isSecretKey, urlPasswords } from '../../../server/src/core/features/maskSecrets';
import { documentSymbols } from '../../../server/src/core/features/symbols';
import { lintConfig } from '../../../server/src/core/lintConfig';
import type { ApeVersion } from '../../../server/src/core/schema/types';

// Every task_config.ini ape-dts's own tests ran (../shared/corpus): each feature answers at
// every key and value without throwing, and no hover ever shows a password from the file.

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const present = existsSync(CORPUS);
const inCi = process.env.CI === 'true';

function configs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? configs(p) : e.name === 'task_config.ini' ? [p] : [];
  });
}

const FOLDERS: [string, ApeVersion][] = [
  ['ape-dts-v2.0.24', '2.0.24'],
  ['ape-dts-v2.0.26', '2.0.26'],
];

/** Passwords written in the file: secret-key values and url passwords (placeholders included). */
function passwordsOf(result: ReturnType<typeof lintConfig>): string[] {
  const found = new Set<string>();
  for (const e of result.config.scan.entries) {
    if (!e.value) continue;
    if (isSecretKey(e.section, e.key)) found.add(e.value);
    for (const pw of urlPasswords(e.value)) found.add(pw);
  }
  return [...found].filter((p) => p.length >= 3);
}

/** A password that is also written as a non-secret word (user `postgres`, password `postgres`) can only be checked in its url form. */
function check(hover: string, pw: string, alsoPublic: boolean, file: string): void {
  if (alsoPublic) expect(hover, file).not.toContain(`:${pw}@`);
  else expect(hover, file).not.toContain(pw);
}

describe.runIf(present || inCi)('features on the ape-dts corpus', () => {
  it('is present beside the checkout', () => {
    expect(present, `${CORPUS} is missing; CI must have ../shared beside the checkout`).toBe(true);
  });

  for (const [folder, version] of FOLDERS) {
    const files = present ? configs(path.join(CORPUS, folder)) : [];

    it(`${folder}: hover, completion, symbols, folding, definition and code actions never throw (${files.length} files)`, () => {
      expect(files.length).toBeGreaterThan(100);
      let hovers = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const result = lintConfig(text, { version });
        const passwords = passwordsOf(result);
        // Text with every secret occurrence removed: what is left is written in the open.
        const publicText = result.config.scan.entries
          .filter((e) => e.value && !isSecretKey(e.section, e.key))
          .map((e) => `${e.rawKey} ${e.value!.replace(/:[^:@/]*@/g, ':@')}`)
          .join('\n');
        for (const e of result.config.scan.entries) {
          for (const at of [e.keyRange.start, e.keyRange.end, e.valueRange.start, e.valueRange.end]) {
            const hover = hoverAt(result, at);
            if (!hover) continue;
            hovers++;
            for (const pw of passwords) check(hover.contents, pw, publicText.includes(pw), file);
            definitionAt(result, at, path.dirname(file));
          }
        }
        for (const h of result.config.scan.headers) expect(hoverAt(result, h.nameRange.start), file).toBeDefined();
        result.config.scan.lines.forEach((line, i) => {
          completeAt(result, { line: i, character: 0 });
          completeAt(result, { line: i, character: line.length });
        });
        documentSymbols(result);
        foldingRanges(result);
        for (const d of result.diagnostics) codeActionsFor(result, d.range, [d]);
      }
      expect(hovers).toBeGreaterThan(files.length * 10);
    }, 120_000);
  }

  it('ape-dts-v2.0.24 files with legacy [resumer] keys migrate cleanly to 2.0.26', () => {
    const legacy = configs(path.join(CORPUS, 'ape-dts-v2.0.24')).filter((f) => /^\s*resume_(from_log|log_dir|config_file)\s*=/m.test(readFileSync(f, 'utf8')));
    expect(legacy.length).toBeGreaterThan(0);
    for (const file of legacy) {
      const text = readFileSync(file, 'utf8');
      const before = lintConfig(text, { version: '2.0.26' });
      const d = before.diagnostics.find((x) => x.code === 'resumer.legacy-rejected')!;
      const [migrate] = codeActionsFor(before, d.range, [d]).filter((a) => a.kind === 'quickfix');
      const after = lintConfig(applyEdits(text, migrate.edits), { version: '2.0.26' });
      const errors = (r: typeof before) => r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code);
      expect(errors(after), file).toEqual(errors(before).filter((c) => c !== 'resumer.legacy-rejected'));
    }
  });
});
