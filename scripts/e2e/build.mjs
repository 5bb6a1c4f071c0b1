// Bundles the extension-host suite (test/e2e/suite) into out/e2e/suite: index.js (the
// extensionTestsPath entry) and one file per *.test.ts, which index.js hands to mocha.addFile.
// `vscode` comes from the extension host and `mocha` from node_modules, so both stay external.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suiteDir = path.join(root, 'test/e2e/suite');
const outdir = path.join(root, 'out/e2e/suite');

const tests = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts'));
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(suiteDir, 'index.ts'), ...tests.map((f) => path.join(suiteDir, f))],
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`[e2e build] out/e2e/suite: index.js + ${tests.length} test file(s)`);
