#!/usr/bin/env node
// `npm run test:electron`: the extension-host suite (test/e2e/suite) in a desktop VS Code that
// @vscode/test-electron downloads, for contributors with a display and internet access. CI runs
// the same suite inside code-server instead (`npm run test:e2e`), because these machines cannot
// download VS Code. One VS Code run per fixture workspace, as scripts/e2e/run.mjs does.
//
// The extension is loaded from this folder (dist/ from `npm run build`), not from the .vsix.
// Env: VSCODE_VERSION (default 1.100.3, the engine the extension targets; "stable" for the newest).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { EXTHOST_WINDOWS, ROOT, SUITE, prepareWindow, windowMismatch } from './windows.mjs';

const version = process.env.VSCODE_VERSION || '1.100.3';
if (!fs.existsSync(SUITE)) exit(`${path.relative(ROOT, SUITE)} is missing: run \`npm run build:e2e\` first`);
if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) exit('dist/client.js is missing: run `npm run build` first');
if (windowMismatch()) exit(windowMismatch());

let failed = 0;
for (const win of EXTHOST_WINDOWS) {
  const layerDir = fs.mkdtempSync(path.join(os.tmpdir(), `apedts-electron-${win.name}-`));
  const workspace = prepareWindow(win, layerDir);
  console.log(`[electron] ${win.name}: ${win.tests.join(', ')} in ${workspace}`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      // A user data folder of its own, and no other extension that could answer for ours.
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--user-data-dir', path.join(layerDir, 'user-data')],
    });
    console.log(`[electron] ${win.name}: passed`);
  } catch (err) {
    failed++;
    console.error(`[electron] ${win.name}: failed: ${err instanceof Error ? err.message : err}`);
  } finally {
    fs.rmSync(layerDir, { recursive: true, force: true });
  }
}
console.log(`${EXTHOST_WINDOWS.length - failed} window(s) passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function exit(message) {
  console.error(`[electron] ${message}`);
  process.exit(1);
}
