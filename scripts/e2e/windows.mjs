// What both extension-host runners share: which fixture workspace each test file needs, and how
// a fresh copy of a fixture is made. scripts/e2e/run.mjs runs the windows inside code-server;
// scripts/e2e/electron.mjs runs the same windows in a desktop VS Code via @vscode/test-electron.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'test', 'e2e', 'fixtures');
export const SUITE = path.join(ROOT, 'out', 'e2e', 'suite', 'index.js');

// One extension-host window per fixture workspace, each running the test files that need it.
// Every built *.test.js must be in exactly one window (the runners check before starting).
export const EXTHOST_WINDOWS = [
  { name: 'diagnostics', fixture: 'workspace', folder: 'ape-dts-task', tests: ['diagnostics.test.js'] },
  { name: 'resume', fixture: 'resume-workspace', folder: 'ape-dts-resume', tests: ['editing.test.js', 'resume.test.js'] },
];

/** The built test files no window runs, or that a window names but the build lacks ('' when they agree). */
export function windowMismatch() {
  const built = fs.readdirSync(path.dirname(SUITE)).filter((f) => f.endsWith('.test.js')).sort();
  const assigned = EXTHOST_WINDOWS.flatMap((w) => w.tests).sort();
  if (JSON.stringify(built) === JSON.stringify(assigned)) return '';
  return `out/e2e/suite holds ${built.join(', ')}; EXTHOST_WINDOWS in scripts/e2e/windows.mjs runs ${assigned.join(', ')}: give every test file one window`;
}

/**
 * A fresh copy of fixtures/<fixture> at `<layerDir>/<folder>` (the tests edit it), with the
 * window's test list beside it (`exthost-tests.json`, read by test/e2e/suite/index.ts).
 */
export function prepareWindow(win, layerDir) {
  const dest = path.join(layerDir, win.folder);
  fs.cpSync(path.join(FIXTURES, win.fixture), dest, { recursive: true });
  stopTheClock(dest);
  fs.writeFileSync(path.join(layerDir, 'exthost-tests.json'), JSON.stringify(win.tests));
  return dest;
}

/** A fresh copy of fixtures/<fixture> at `dest`, for the UI tests. */
export function copyFixture(fixture, dest) {
  fs.cpSync(path.join(FIXTURES, fixture), dest, { recursive: true });
  stopTheClock(dest);
  return dest;
}

// The position.logs of stopped tasks: last written in 2024, as their lines say (a fresh mtime
// would make the resume planner warn that the task still looks running).
function stopTheClock(dest) {
  const when = new Date('2024-10-18T05:21:46Z');
  for (const f of fs.readdirSync(dest, { recursive: true }).map(String)) {
    if (/(^|[/\\])position\d*\.log$/.test(f)) fs.utimesSync(path.join(dest, f), when, when);
  }
}
