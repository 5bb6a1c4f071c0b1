// The `extensionTestsPath` entry: VS Code's extension host requires this file and calls `run()`
// once the window is up; when the promise settles, the workbench reports exit code 0 (resolved)
// or 1 (rejected). scripts/e2e/run.mjs runs it inside code-server through the workbench URL's
// `payload` parameter; the same entry works with @vscode/test-electron on a desktop VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface ExtHostResults {
  passed: number;
  failed: number;
  tests: { title: string; state: 'passed' | 'failed'; error?: string; durationMs?: number }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000 });
  // Each *.test.ts is bundled to its own file next to this one. They must be loaded by mocha
  // (addFile), not imported here: `suite`/`test` only exist while mocha loads its files.
  const wanted = selectedFiles();
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js') && (!wanted || wanted.includes(file))) mocha.addFile(path.join(__dirname, file));
  }

  const results: ExtHostResults = { passed: 0, failed: 0, tests: [] };
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResults(results);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => {
        results.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      });
      runner.on('fail', (t, err: unknown) => {
        results.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', error: String((err as Error)?.message ?? err) });
      });
    } catch (err) {
      results.failed++;
      results.tests.push({ title: 'loading the test files', state: 'failed', error: String(err) });
      writeResults(results);
      reject(err);
    }
  });
}

/**
 * The test files this window runs. Each needs its own fixture workspace, so
 * scripts/e2e/run.mjs opens one window per fixture and leaves the list beside the workspace
 * copy (`exthost-tests.json`: an array of `*.test.js` names). Without it, every file runs.
 */
function selectedFiles(): string[] | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder?.scheme !== 'file') return undefined;
  const list = path.join(path.dirname(folder.fsPath), 'exthost-tests.json');
  return fs.existsSync(list) ? (JSON.parse(fs.readFileSync(list, 'utf8')) as string[]) : undefined;
}

/**
 * Leaves the counts beside the workspace (scripts/e2e/run.mjs puts each workspace copy in its
 * own per-run folder and reads them from there); the exit code alone cannot say how many ran.
 * Run another way (no workspace, or a read-only parent), the results are only logged.
 */
function writeResults(results: ExtHostResults): void {
  const line = `APEDTS_E2E_EXTHOST_RESULTS ${JSON.stringify({ passed: results.passed, failed: results.failed })}`;
  console.log(line);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder?.scheme !== 'file') return;
  try {
    fs.writeFileSync(path.join(path.dirname(folder.fsPath), 'exthost-results.json'), JSON.stringify(results, null, 2));
  } catch {
    // Only a convenience for the runner; the exit code still tells pass/fail.
  }
}
