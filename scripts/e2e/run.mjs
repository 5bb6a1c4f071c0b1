#!/usr/bin/env node
// Real-editor tests: the packaged .vsix inside code-server 4.100.3 (= VS Code 1.100.3 with a Node
// extension host), driven by Debian's Chromium through playwright-core.
//
//   1. extension-host suite (test/e2e/suite, mocha, plain `vscode` API) run by VS Code's own
//      extension-test runner through the workbench URL's `payload` parameter, one window per
//      fixture workspace (EXTHOST_WINDOWS);
//   2. UI tests of what only the screen shows, with a screenshot of each step under
//      test-results/e2e/: explorer, Problems panel and status bar (fixtures/workspace); hover,
//      completion, a quick fix, code lenses and "Resume from this line" through its preview and
//      modal dialogs to the file on disk (fixtures/resume-workspace).
//
// Builds nothing: expects `npm run package` (dist/ape-dts-tools.vsix), `npm run build:e2e`
// (out/e2e/suite) and scripts/e2e/setup.sh (code-server, chromium). `npm run test:e2e` does all.
// Every run gets a fresh temp folder (user data, extensions, config, workspace copies) and stops
// exactly the processes it started. Start-up (code-server, chromium) is retried; assertions never.
// The last line printed is "N passed, M failed"; the exit code is non-zero on any failure.
//
// Options: --only=exthost|ui   run one layer;   --keep   keep the temp folder (path is printed).
// Env: APEDTS_E2E_CACHE (code-server install, default ~/.cache/apedts-e2e), CHROMIUM (default
// /usr/bin/chromium), APEDTS_E2E_SHOTS (screenshots folder, default test-results/e2e).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { EXTHOST_WINDOWS, FIXTURES, ROOT, SUITE, copyFixture, prepareWindow, windowMismatch } from './windows.mjs';
import { workbench } from './workbench.mjs';

const CS_VERSION = '4.100.3';
const CACHE = process.env.APEDTS_E2E_CACHE || path.join(os.homedir(), '.cache', 'apedts-e2e');
const CS_BIN = path.join(CACHE, `code-server-${CS_VERSION}`, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const VSIX = path.join(ROOT, 'dist', 'ape-dts-tools.vsix');
const SHOTS = path.resolve(ROOT, process.env.APEDTS_E2E_SHOTS || 'test-results/e2e');
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));
const resume = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'resume.json'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const keep = args.includes('--keep');
if (only && only !== 'exthost' && only !== 'ui') fail(`unknown --only=${only} (exthost or ui)`);

const TIMEOUTS = {
  healthz: 60_000, // code-server answering /healthz, per start attempt
  startAttempts: 3, // code-server and chromium start-up only
  extHostRun: 240_000, // window load + the whole mocha suite
  workbench: 90_000, // first workbench load in a window (cold caches)
  step: 30_000, // one UI step
  overall: 15 * 60_000,
};

const T0 = Date.now();
const secs = () => ((Date.now() - T0) / 1000).toFixed(1).padStart(6);
const log = (msg) => console.log(`[e2e ${secs()}s] ${msg}`);

function fail(msg) {
  console.error(`[e2e] ${msg}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Preconditions
for (const [file, how] of [
  [VSIX, 'npm run package'],
  [SUITE, 'npm run build:e2e'],
  [CS_BIN, 'bash scripts/e2e/setup.sh'],
  [CHROMIUM, 'bash scripts/e2e/setup.sh'],
]) {
  if (!fs.existsSync(file)) fail(`${path.relative(ROOT, file) || file} is missing: run \`${how}\` first`);
}
if (windowMismatch()) fail(windowMismatch());
const newestVersion = pkg.contributes.configuration.properties['apeDts.version'].enum.filter((v) => v !== 'auto').at(-1);
const EXTENSION_DIR_PREFIX = `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase();

// ---------------------------------------------------------------------------------------------
// Results
const results = []; // { layer, title, ok, error? }
function record(layer, title, ok, error) {
  results.push({ layer, title, ok, error });
  console.log(`  ${ok ? '✔' : '✖'} [${layer}] ${title}${ok ? '' : `\n      ${String(error).split('\n').join('\n      ')}`}`);
}

// ---------------------------------------------------------------------------------------------
// Processes we start, and their cleanup
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-e2e-'));
let server; // { child, port }
const contexts = new Set();
let cleaning;

async function stopServer() {
  if (!server) return;
  const { child } = server;
  server = undefined;
  // code-server was spawned detached, so it leads its own process group: SIGTERM to the launcher
  // takes its children (server, extension hosts, pty host) down; whatever of that group is still
  // alive afterwards is killed. Nothing outside the group is touched.
  const pgid = child.pid;
  const groupAlive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {}
    await Promise.race([exited, sleep(10_000)]);
  }
  for (let i = 0; i < 30 && groupAlive(); i++) await sleep(100);
  if (groupAlive()) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {}
  }
}

async function cleanup() {
  cleaning ??= (async () => {
    for (const context of contexts) await context.close().catch(() => {});
    contexts.clear();
    await stopServer();
    try {
      fs.mkdirSync(path.join(SHOTS, 'logs'), { recursive: true });
      for (const f of ['code-server.log', 'install-extension.log']) {
        if (fs.existsSync(path.join(WORK, f))) fs.copyFileSync(path.join(WORK, f), path.join(SHOTS, 'logs', f));
      }
    } catch {}
    if (keep) log(`kept ${WORK}`);
    else fs.rmSync(WORK, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`[e2e] ${signal}: stopping`);
    record('run', 'runs to the end', false, `interrupted by ${signal}`);
    cleanup().finally(() => finish(130));
  });
}
const watchdog = setTimeout(() => {
  console.error(`[e2e] overall timeout (${TIMEOUTS.overall / 60000} min): stopping`);
  record('run', 'finishes within the overall timeout', false, 'overall timeout');
  cleanup().finally(() => finish(1));
}, TIMEOUTS.overall);
watchdog.unref();

let finished = false;
function finish(code) {
  if (finished) return;
  finished = true;
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code !== 0 ? code : failed > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Helpers
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Same isolated folders for every code-server invocation of this run. */
const CS_ARGS = [
  '--config', path.join(WORK, 'config.yaml'),
  '--user-data-dir', path.join(WORK, 'user-data'),
  '--extensions-dir', path.join(WORK, 'extensions'),
];
const CS_ENV = {
  ...process.env,
  // Sockets (vscode-ipc-*.sock, vscode-git-*.sock) and code-server's own logs/config under the run folder.
  TMPDIR: path.join(WORK, 'tmp'),
  XDG_CONFIG_HOME: path.join(WORK, 'xdg', 'config'),
  XDG_DATA_HOME: path.join(WORK, 'xdg', 'data'),
  XDG_CACHE_HOME: path.join(WORK, 'xdg', 'cache'),
};


async function startServer(extraArgs = []) {
  const logFile = path.join(WORK, 'code-server.log');
  for (let attempt = 1; attempt <= TIMEOUTS.startAttempts; attempt++) {
    const port = await freePort();
    const out = fs.openSync(logFile, 'a');
    fs.writeSync(out, `\n=== start attempt ${attempt}, port ${port} ===\n`);
    const child = spawn(
      CS_BIN,
      [
        ...CS_ARGS,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--bind-addr', `127.0.0.1:${port}`,
        ...extraArgs,
      ],
      { env: CS_ENV, stdio: ['ignore', out, out], detached: true },
    );
    fs.closeSync(out);
    server = { child, port };
    let exitedEarly = false;
    child.once('exit', () => (exitedEarly = true));

    const deadline = Date.now() + TIMEOUTS.healthz;
    while (Date.now() < deadline && !exitedEarly) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok) return port;
      } catch {}
      await sleep(300);
    }
    log(`code-server did not come up (attempt ${attempt}: ${exitedEarly ? 'exited' : 'no /healthz'}), see ${logFile}`);
    await stopServer();
  }
  throw new Error(`code-server did not start after ${TIMEOUTS.startAttempts} attempts:\n${tail(logFile, 30)}`);
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function launchBrowser(name) {
  for (let attempt = 1; ; attempt++) {
    const profile = fs.mkdtempSync(path.join(WORK, `chromium-${name}-`));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1400, height: 900 },
        timeout: 60_000,
        // Our own signal handlers close the browser and stop code-server; Playwright's would
        // exit the process first and leave code-server running.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: [
          '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      });
      contexts.add(context);
      return context;
    } catch (err) {
      if (attempt >= TIMEOUTS.startAttempts) throw err;
      log(`chromium did not start (attempt ${attempt}): ${String(err).split('\n')[0]}`);
    }
  }
}

async function closeContext(context) {
  contexts.delete(context);
  await context.close().catch(() => {});
}

/**
 * A cropped screenshot for the README, under <SHOTS>/docs/ (docs/images/ holds copies from a
 * green run; copying is by hand so a test run never changes a tracked file).
 */
function docShot(page, name, clip) {
  fs.mkdirSync(path.join(SHOTS, 'docs'), { recursive: true });
  return page.screenshot({ path: path.join(SHOTS, 'docs', `${name}.png`), clip });
}

const workbenchUrl = (port, folder, payload) =>
  `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` +
  (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');

// ---------------------------------------------------------------------------------------------
// 1. Extension-host suite
async function runExtHostSuite(port, extensionPath, win) {
  const layerDir = path.join(WORK, `exthost-${win.name}`);
  const workspace = prepareWindow(win, layerDir);
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // The dev path is the extension as installed from the .vsix, so the suite tests the package.
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(SUITE)],
    ['skipWelcome', 'true'],
  ];

  const context = await launchBrowser(`exthost-${win.name}`);
  const page = context.pages()[0] ?? (await context.newPage());
  const logLines = [];
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => settle(code));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const parts = (Array.isArray(logArgs) ? logArgs : [logArgs]).filter(
      (x) => !(typeof x === 'string' && /^(color|font-weight|background)\s*:/.test(x)),
    );
    const line = format(...parts).replace(/%c/g, '');
    logLines.push(`[${type}] ${line}`);
    if (/ENOTFOUND open-vsx\.org|vsda_bg\.wasm|^\s+at /.test(line) || line.startsWith('APEDTS_E2E_EXTHOST_RESULTS')) return;
    console.log(`    ${win.name} | ${line}`);
  });

  log(`extension-host suite, ${win.name} (fixtures/${win.fixture}: ${win.tests.join(', ')}): opening the test window`);
  await page.goto(workbenchUrl(port, workspace, payload));
  const code = await Promise.race([exited, sleep(TIMEOUTS.extHostRun).then(() => 'timeout')]);
  await page.screenshot({ path: path.join(SHOTS, `exthost-${win.name}-end.png`) }).catch(() => {});
  fs.writeFileSync(path.join(SHOTS, 'logs', `exthost-${win.name}.log`), logLines.join('\n') + '\n');
  await closeContext(context);

  const resultsFile = path.join(layerDir, 'exthost-results.json');
  const suite = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  for (const t of suite?.tests ?? []) record('exthost', t.title, t.state === 'passed', t.error);
  if (code === 'timeout') {
    record('exthost', `${win.name} window: suite finishes`, false, `no exit code after ${TIMEOUTS.extHostRun / 1000} s`);
  } else if (!suite) {
    record('exthost', `${win.name} window: suite reports its results`, false, `exit code ${code}, no ${resultsFile}`);
  } else if ((code === 0) !== (suite.failed === 0) || suite.tests.length === 0) {
    record('exthost', `${win.name} window: exit code agrees with the results`, false, `exit code ${code}, ${suite.passed} passed, ${suite.failed} failed`);
  }
  log(`extension-host suite, ${win.name}: exit code ${code}`);
}

// ---------------------------------------------------------------------------------------------
// 2. UI test
async function runUiTest(port) {
  const workspace = copyFixture('workspace', path.join(WORK, 'ui', 'ape-dts-task'));
  const taskFile = path.join(workspace, expected.file);
  const original = fs.readFileSync(taskFile, 'utf8');
  const context = await launchBrowser('ui');
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUTS.step);
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  // DOM hooks of VS Code 1.100.3 (internal class names: code-server is pinned for that reason).
  const explorerRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: expected.file });
  const markerRows = page.locator('.markers-panel .monaco-list-row');
  const problemsText = async () => (await markerRows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const position = (p) => `[Ln ${p.line}, Col ${p.column}]`;
  const describe = (p) => `${p.message}… ${expected.source}(${p.code}) ${position(p)}`;
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A problem row reads "<message> ape-dts(type.parse) [Ln 6, Col 11]" on screen; its innerText
  // has the source and code in separate elements ("ape-dts type.parse").
  const isRow = (row, p) =>
    row.startsWith(p.message) &&
    new RegExp(`${escape(expected.source)}\\W*${escape(p.code)}\\W*${escape(position(p))}$`).test(row);

  /** Waits until the Problems panel lists exactly `wanted` under the file (no more, no fewer). */
  async function waitForProblems(wanted) {
    const deadline = Date.now() + TIMEOUTS.step;
    let rows = [];
    while (Date.now() < deadline) {
      rows = await problemsText();
      const fileRow = rows.find((r) => r.startsWith(`${expected.file} `));
      const problemRows = rows.filter((r) => /\[Ln \d+, Col \d+\]$/.test(r));
      if (
        fileRow?.endsWith(` ${wanted.length}`) &&
        problemRows.length === wanted.length &&
        wanted.every((p) => problemRows.some((r) => isRow(r, p)))
      ) {
        return rows;
      }
      await sleep(250);
    }
    throw new Error(
      `the Problems panel did not list exactly the expected problems within ${TIMEOUTS.step / 1000} s.\n` +
        `Wanted:\n  ${wanted.map(describe).join('\n  ')}\nShown:\n  ${rows.join('\n  ')}`,
    );
  }

  const steps = [
    [
      'the workbench opens the fixture folder',
      'ui-01-workbench',
      async () => {
        await page.goto(workbenchUrl(port, workspace));
        await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUTS.workbench });
        await explorerRow.waitFor({ timeout: TIMEOUTS.workbench });
      },
    ],
    [
      `${expected.file} opens from the explorer as "${expected.languageName}"`,
      'ui-02-editor',
      async () => {
        await explorerRow.click();
        await page.locator('.tabs-container .tab', { hasText: expected.file }).waitFor();
        await page.locator('.monaco-editor .view-lines').first().waitFor();
        const mode = page.locator('#status\\.editor\\.mode');
        await mode.filter({ hasText: expected.languageName }).waitFor();
      },
    ],
    [
      `the status bar shows the version profile "ape-dts ${newestVersion}"`,
      'ui-03-status-bar',
      async () => {
        const item = page.locator('.statusbar-item', { hasText: /ape-dts \d+\.\d+\.\d+/ });
        await item.first().waitFor();
        const text = (await item.first().innerText()).trim();
        if (text !== `ape-dts ${newestVersion}`) throw new Error(`status bar item reads "${text}"`);
      },
    ],
    [
      'the Problems panel lists each problem with its line',
      'ui-04-problems',
      async () => {
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel').waitFor();
        await waitForProblems(expected.problems);
        await docShot(page, 'problems', { x: 0, y: 0, width: 1400, height: 735 });
      },
    ],
    [
      'typing a fix in the editor clears that problem (lint on type), unsaved',
      'ui-05-fixed-while-typing',
      async () => {
        const fix = expected.fixes.server_id;
        // Select the value after '=' and type the new one, key by key (only the value: typing a
        // key name could meet completion once it lands).
        const brokenValue = fix.broken.slice(fix.broken.indexOf('=') + 1);
        const fixedValue = fix.fixed.slice(fix.fixed.indexOf('=') + 1);
        await page.locator('.monaco-editor .view-line', { hasText: fix.broken }).click();
        await page.keyboard.press('End');
        for (let i = 0; i < brokenValue.length; i++) await page.keyboard.press('Shift+ArrowLeft');
        await page.keyboard.type(fixedValue, { delay: 50 });
        await page.keyboard.press('Escape');
        await page.locator('.monaco-editor .view-line', { hasText: fix.fixed }).waitFor();
        await waitForProblems(expected.problems.filter((p) => p.line !== fix.line));
        await page.locator('.tabs-container .tab.dirty', { hasText: expected.file }).waitFor();
        if (fs.readFileSync(taskFile, 'utf8') !== original) throw new Error('the file on disk changed without a save');
      },
    ],
  ];

  try {
    await runSteps(steps, shot);
  } finally {
    await closeContext(context);
  }
}

/** Runs UI steps in order, a screenshot after each; the first failure ends the window (the rest depend on it). */
async function runSteps(steps, shot) {
  for (let i = 0; i < steps.length; i++) {
    const [title, name, body] = steps[i];
    const started = Date.now();
    try {
      await body();
      await shot(name);
      record('ui', `${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`, true);
    } catch (err) {
      await shot(`${name}-FAILED`).catch(() => {});
      record('ui', title, false, err?.message ?? err);
      for (const [skipped] of steps.slice(i + 1)) console.log(`  - [ui] ${skipped} (skipped: depends on the step above)`);
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 3. UI test of editing and resuming (fixtures/resume-workspace, resume.json): hover,
//    completion, a quick fix, and "Resume from this line" from position.log's context menu
//    through the preview and the modal dialogs to the file on disk.
async function runResumeUiTest(port) {
  const workspace = copyFixture('resume-workspace', path.join(WORK, 'ui-resume', 'ape-dts-resume'));
  const configFile = path.join(workspace, resume.config);
  const legacyFile = path.join(workspace, resume.legacy);
  const original = fs.readFileSync(configFile, 'utf8');
  const r = resume.resume;
  const L = resume.lenses;
  const resumed = original.replace(`\n${r.before}\n`, `\n${r.after}\n`);
  if (resumed === original) throw new Error(`fixtures/resume-workspace/${resume.config} has no line ${r.before}`);
  const listFiles = () => fs.readdirSync(workspace, { recursive: true }).map(String).sort().join('\n');
  const filesBefore = listFiles();

  const context = await launchBrowser('ui-resume');
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUTS.step);
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  const { hoverUntil, visible, line, tab, dialog, dialogButton, menuItem, toast, markerRows, escape, waitForDisk, quickOpen, codeLenses, waitForLenses, logLineOf, suggestions, settled, resumeFromContextMenu } = workbench(page, { workspace, stepMs: TIMEOUTS.step });

  const steps = [
    [
      'the workbench opens the resume fixture folder',
      'ui-resume-01-workbench',
      async () => {
        await page.goto(workbenchUrl(port, workspace));
        await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUTS.workbench });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'logs' }).waitFor({ timeout: TIMEOUTS.workbench });
      },
    ],
    [
      `hover on the key ${resume.hover.key} in ${resume.config} shows its documentation`,
      'ui-resume-02-hover',
      async () => {
        // The folders are still collapsed: the only task_config.ini row is the seed's.
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: resume.config }).click();
        await tab(resume.config).waitFor();
        const key = line(`${resume.hover.key}=`);
        await key.waitFor();
        // The language server is up once the status bar shows the version it checked against.
        await page.locator('.statusbar-item', { hasText: /ape-dts \d+\.\d+\.\d+/ }).first().waitFor();
        const text = await hoverUntil(key, visible(page.locator('.monaco-hover', { hasText: resume.hover.doc })));
        if (!text.includes(resume.hover.key)) throw new Error(`the hover does not name ${resume.hover.key}:\n${text}`);
        await docShot(page, 'hover', { x: 0, y: 0, width: 1100, height: 420 });
      },
    ],
    [
      `completion on a blank line of [extractor] offers MySQL CDC keys (${resume.completion.offered.join(', ')}), not PostgreSQL's`,
      'ui-resume-03-completion',
      async () => {
        await page.mouse.move(5, 5);
        await line('url=mysql://root:123456@127.0.0.1:3307').click();
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Home');
        // Negative first (it leaves no screenshot): "slot" matches no MySQL key.
        await page.keyboard.type('slot', { delay: 30 });
        await page.keyboard.press('Control+Space');
        await visible(page.locator('.suggest-widget')).waitFor();
        await sleep(1_000);
        const pg = await suggestions();
        if (resume.completion.notOffered.some((k) => pg.includes(k))) throw new Error(`PostgreSQL keys offered: ${pg.join(', ')}`);
        await page.keyboard.press('Escape');
        for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');

        await page.keyboard.type(resume.completion.prefix, { delay: 30 });
        await page.keyboard.press('Control+Space');
        const deadline = Date.now() + TIMEOUTS.step;
        let labels = [];
        while (Date.now() < deadline) {
          labels = await suggestions();
          if (resume.completion.offered.every((k) => labels.includes(k))) break;
          await sleep(250);
        }
        if (!resume.completion.offered.every((k) => labels.includes(k))) throw new Error(`completion offers: ${labels.join(', ') || '(nothing)'}`);
      },
    ],
    [
      `closing completion and undoing the typing leaves ${resume.config} unchanged`,
      'ui-resume-04-undone',
      async () => {
        await page.keyboard.press('Escape');
        for (let i = 0; i < 6 && (await tab(resume.config).first().getAttribute('class')).includes('dirty'); i++) {
          await page.keyboard.press('Control+Z');
          await sleep(150);
        }
        const cls = await tab(resume.config).first().getAttribute('class');
        if (cls.includes('dirty')) throw new Error(`${resume.config} is still modified after undo`);
        if (fs.readFileSync(configFile, 'utf8') !== original) throw new Error(`${resume.config} changed on disk`);
      },
    ],
    [
      `${resume.legacy}: the Problems panel shows ${resume.legacyFix.code} on line ${resume.legacyFix.line}`,
      'ui-resume-05-legacy-problem',
      async () => {
        await quickOpen(resume.legacy);
        await line(resume.legacyFix.broken).waitFor();
        await page.keyboard.press('Control+Shift+M');
        const row = markerRows.filter({ hasText: new RegExp(`${escape(resume.legacyFix.code)}[\\s\\S]*\\[Ln ${resume.legacyFix.line}, Col 1\\]`) });
        await row.first().waitFor();
      },
    ],
    [
      `the quick fix "${resume.legacyFix.title}…" (Ctrl+.) rewrites the line to ${resume.legacyFix.fixed}; saved, the problem is gone`,
      'ui-resume-07-quick-fix-applied',
      async () => {
        await line(resume.legacyFix.broken).click();
        await page.keyboard.press('Control+.');
        const action = visible(page.locator('.action-widget .monaco-list-row.action', { hasText: resume.legacyFix.title }));
        await action.waitFor();
        await shot('ui-resume-06-quick-fix-menu');
        // Chosen with the keyboard, as from Ctrl+. (the widget's pointer block takes mouse
        // clicks while it opens): down to the action, then Enter.
        const rows = await visible(page.locator('.action-widget .monaco-list-row.action')).count();
        for (let i = 0; i <= rows && !(await action.getAttribute('class')).split(/\s+/).includes('focused'); i++) {
          await page.keyboard.press('ArrowDown');
        }
        if (!(await action.getAttribute('class')).split(/\s+/).includes('focused')) throw new Error('the quick fix could not be selected');
        await page.keyboard.press('Enter');
        await line(resume.legacyFix.fixed).waitFor();
        await page.keyboard.press('Control+S');
        await waitForDisk(legacyFile, (t) => t.split('\n')[resume.legacyFix.line - 1] === resume.legacyFix.fixed, `read ${resume.legacyFix.fixed} on line ${resume.legacyFix.line}`);
        await markerRows.filter({ hasText: resume.legacyFix.code }).first().waitFor({ state: 'detached' });
      },
    ],
    [
      `${resume.log} opens as "${resume.logLanguageName}", with code lenses: "${L.resume}" above the checkpoint lines ${L.resumeLines.join(' and ')}, none above the MySQL current_position line ${L.noResumeLine}`,
      'ui-resume-08-code-lenses',
      async () => {
        await quickOpen(resume.log);
        await page.locator('#status\\.editor\\.mode').filter({ hasText: resume.logLanguageName }).waitFor();
        const text = { 1: logLineOf(73500), 2: logLineOf(73600), 3: logLineOf(73685) };
        const resumeAbove = (lenses, n) => lenses.some((l) => l.text === L.resume && l.line.includes(text[n]));
        await waitForLenses(
          (lenses) => L.resumeLines.every((n) => resumeAbove(lenses, n)) && !resumeAbove(lenses, L.noResumeLine),
          `"${L.resume}" is not above exactly lines ${L.resumeLines.join(', ')}`,
        );
      },
    ],
    [
      `in ${resume.log} the context menu on a line holds "Resume from this line"`,
      'ui-resume-09-context-menu',
      async () => {
        await resumeFromContextMenu(logLineOf(73685), r.checkpointLine);
      },
    ],
    [
      `running it on the seed checkpoint (line ${r.checkpointLine}) shows the preview and a modal "Resume from line ${r.checkpointLine} (${r.variant})?"; nothing is written yet`,
      'ui-resume-10-preview',
      async () => {
        await menuItem('Resume from this line').click();
        // apeDts.resume.strategy=extractor in the fixture's settings: no strategy pick.
        await dialog.filter({ hasText: `Resume from line ${r.checkpointLine} (${r.variant})?` }).waitFor();
        await dialogButton('Apply').waitFor();
        await tab(`resume from line ${r.checkpointLine} (preview)`).waitFor();
        await visible(page.locator('.monaco-diff-editor .view-line', { hasText: r.after })).first().waitFor();
        if (fs.readFileSync(configFile, 'utf8') !== original) throw new Error(`${resume.config} changed before Apply`);
        await docShot(page, 'resume-preview', { x: 0, y: 0, width: 1400, height: 625 });
      },
    ],
    [
      `Apply writes ${r.after} to ${resume.config} on disk, and nothing else changes`,
      'ui-resume-11-applied',
      async () => {
        await dialogButton('Apply').click();
        await waitForDisk(configFile, (t) => t === resumed, `became the seed with ${r.after} (and nothing else changed)`);
        await toast(`ape-dts will resume from line ${r.checkpointLine}`).waitFor();
        const filesAfter = listFiles();
        if (filesAfter !== filesBefore) throw new Error(`the workspace's files changed:\nbefore:\n${filesBefore}\nafter:\n${filesAfter}`);
      },
    ],
    [
      `on the MySQL current_position line ${r.currentLine} a modal warning comes first, offering "Use line ${r.suggestedLine}"`,
      'ui-resume-12-current-position-warning',
      async () => {
        await tab('position.log').first().click();
        await resumeFromContextMenu(logLineOf(73600), r.currentLine);
        await menuItem('Resume from this line').click();
        await dialog.filter({ hasText: 'current_position' }).waitFor();
        await dialogButton(`Use line ${r.suggestedLine}`).waitFor();
        await dialogButton('Resume from this line anyway').waitFor();
        if ((await tab(`resume from line ${r.currentLine} (preview)`).count()) > 0) throw new Error('a preview opened before the warning');
      },
    ],
    [
      `"Use line ${r.suggestedLine}" previews ${r.afterSuggested}; Cancel leaves the file on disk as it was`,
      'ui-resume-13-suggested-line-cancelled',
      async () => {
        await dialogButton(`Use line ${r.suggestedLine}`).click();
        await dialog.filter({ hasText: `Resume from line ${r.suggestedLine} (${r.variant})?` }).waitFor();
        await visible(page.locator('.monaco-diff-editor .view-line', { hasText: r.afterSuggested })).first().waitFor();
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        await sleep(1_000);
        if (fs.readFileSync(configFile, 'utf8') !== resumed) throw new Error(`${resume.config} changed although the dialog was cancelled`);
      },
    ],
    [
      `clicking the "${L.resume}" lens above line ${r.suggestedLine} runs the command for that line (modal "Resume from line ${r.suggestedLine} (${r.variant})?"); Escape writes nothing`,
      'ui-resume-14-code-lens-clicked',
      async () => {
        await tab('position.log').first().click();
        await settled(line(logLineOf(73500)));
        const lens = visible(page.locator('.editor-group-container.active .codelens-decoration a', { hasText: L.resume }));
        // The lens above line 1 is the first in the file (resumeLines is sorted).
        let clicked = false;
        for (let i = 0; i < (await lens.count()) && !clicked; i++) {
          const under = await lens.nth(i).evaluate((a) => a.getBoundingClientRect().bottom);
          const lineTop = await line(logLineOf(73500)).evaluate((l) => l.getBoundingClientRect().top);
          if (lineTop >= under - 2 && lineTop - under < 30) {
            await lens.nth(i).click();
            clicked = true;
          }
        }
        if (!clicked) throw new Error(`no "${L.resume}" lens right above line ${r.suggestedLine}`);
        await dialog.filter({ hasText: `Resume from line ${r.suggestedLine} (${r.variant})?` }).waitFor();
        await shot('ui-resume-14a-code-lens-modal');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        await sleep(1_000);
        if (fs.readFileSync(configFile, 'utf8') !== resumed) throw new Error(`${resume.config} changed although the dialog was cancelled`);
      },
    ],
    [
      `after the quick fix (resume_type=from_log), ${L.legacyLog} shows "${L.predicted}" above line ${L.predictedLine}, the line ape-dts picks`,
      'ui-resume-15-predicted-line',
      async () => {
        await quickOpen(L.legacyLog);
        await waitForLenses(
          (lenses) => lenses.some((l) => l.text.startsWith(L.predicted) && l.line.includes(L.predictedText)),
          `no "${L.predicted}" lens above line ${L.predictedLine} (${L.predictedText})`,
        );
        await page.mouse.move(900, 500); // off the tab it clicked: no tooltip in the picture
        await sleep(300);
        await docShot(page, 'code-lenses', { x: 0, y: 0, width: 1400, height: 260 });
      },
    ],
  ];

  try {
    await runSteps(steps, shot);
  } finally {
    await closeContext(context);
  }
}

/** What the .vsix put on disk: the bundles and manifest files, nothing a user does not need. */
function checkPackage(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  // The bundles, and every file the installed manifest points at (grammars, language
  // configurations, icon): a contributed grammar missing from the .vsix only shows as a
  // "Not Found" in the window's log and files without colours.
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const referenced = [
    manifest.main,
    manifest.icon,
    ...(manifest.contributes?.grammars ?? []).map((g) => g.path),
    ...(manifest.contributes?.languages ?? []).map((l) => l.configuration),
  ]
    .filter(Boolean)
    .map((f) => path.posix.normalize(f));
  const required = [...new Set(['package.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js', ...referenced])];
  const missing = required.filter((f) => !files.includes(f));
  const forbidden = files.filter((f) =>
    /^(node_modules|server|client|test|scripts|out|\.ci|src)\/|\.(ts|map|vsix)$|^\.vscode(ignore)?$/.test(f),
  );
  const ok = missing.length === 0 && forbidden.length === 0;
  return [ok, `missing: ${missing.join(', ') || '-'}; should not be there: ${forbidden.join(', ') || '-'}\nfiles: ${files.join(', ')}`];
}

// ---------------------------------------------------------------------------------------------
// 4. UI test in Chinese (issue 9): code-server restarted with --locale zh-cn and a test-only
//    language pack (test/e2e/zh-hans-pack: VS Code switches its display language only to an
//    installed one). VS Code's own UI stays English; everything the extension shows is Chinese.
const ZH_PACK = path.join(ROOT, 'test', 'e2e', 'zh-hans-pack');

/** Installs the test-only zh-cn pack and registers it where VS Code's server looks for packs. */
function installChinesePack() {
  const vsix = path.join(WORK, 'zh-hans-pack.vsix');
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const packed = spawnSync(vsce, ['package', '--out', vsix], { cwd: ZH_PACK, encoding: 'utf8', input: '' });
  if (packed.status !== 0) throw new Error(`packaging test/e2e/zh-hans-pack failed:\n${packed.stdout}${packed.stderr}`);
  const install = spawnSync(CS_BIN, [...CS_ARGS, '--install-extension', vsix, '--force'], { env: CS_ENV, encoding: 'utf8', timeout: 120_000 });
  const pack = JSON.parse(fs.readFileSync(path.join(ZH_PACK, 'package.json'), 'utf8'));
  const id = `${pack.publisher}.${pack.name}`;
  const dir = fs.readdirSync(path.join(WORK, 'extensions')).find((d) => d.toLowerCase().startsWith(`${id}-`.toLowerCase()));
  if (install.status !== 0 || !dir) throw new Error(`installing the zh-cn pack failed:\n${install.stdout}${install.stderr}`);
  // --install-extension from the command line does not update the server's language pack list
  // (VS Code's server writes it only for installs made while it runs), so write the entry here.
  const localization = pack.contributes.localizations[0];
  fs.writeFileSync(
    path.join(WORK, 'user-data', 'languagepacks.json'),
    JSON.stringify({
      [localization.languageId]: {
        hash: `apedts-e2e-${pack.version}`,
        extensions: [{ extensionIdentifier: { id }, version: pack.version }],
        translations: { vscode: path.join(WORK, 'extensions', dir, localization.translations[0].path) },
        label: localization.localizedLanguageName,
      },
    }),
  );
}

const CJK = /[\u4e00-\u9fff]/;
/** The Chinese text of a `%key%` of the manifest, from package.nls.zh-cn.json. */
function nlsZh(value) {
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (!key || !nls[key]) throw new Error(`package.json's "${value}" has no entry in package.nls.zh-cn.json`);
  return nls[key];
}

async function runChineseUiTest(port) {
  const workspace = copyFixture('resume-workspace', path.join(WORK, 'ui-zh', 'ape-dts-resume'));
  // What the Problems panel must show: the CLI's Chinese report of the same file.
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', '--lang', 'zh-cn', '--format', 'json', '--ape-dts-version', '2.0.26', path.join(workspace, resume.legacy)], { encoding: 'utf8' });
  const legacyProblem = JSON.parse(cli.stdout || '[]').find((d) => d.code === resume.legacyFix.code);
  if (!legacyProblem || !CJK.test(legacyProblem.message)) throw new Error(`apedts lint --lang zh-cn gives no Chinese ${resume.legacyFix.code} for ${resume.legacy}:\n${cli.stdout}${cli.stderr}`);
  const resumeTitle = nlsZh(pkg.contributes.commands.find((c) => c.command === 'apeDts.resumeFromLine').title);
  const lintRunProperty = pkg.contributes.configuration.properties['apeDts.lint.run'];
  const lintRunDescription = nlsZh(lintRunProperty.markdownDescription ?? lintRunProperty.description);

  const context = await launchBrowser('ui-zh');
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(TIMEOUTS.step);
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const { hoverUntil, visible, line, tab, dialog, menuItem, markerRows, quickOpen, logLineOf, resumeFromContextMenu } = workbench(page, { workspace, stepMs: TIMEOUTS.step });
  const r = resume.resume;

  const steps = [
    [
      'with the display language zh-cn, the workbench opens the resume fixture folder',
      'ui-zh-01-workbench',
      async () => {
        await page.goto(workbenchUrl(port, workspace));
        await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUTS.workbench });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'logs' }).waitFor({ timeout: TIMEOUTS.workbench });
      },
    ],
    [
      `the Problems panel shows ${resume.legacyFix.code} of ${resume.legacy} in Chinese, as \`apedts lint --lang zh-cn\` prints it`,
      'ui-zh-02-problems',
      async () => {
        await quickOpen(resume.legacy);
        await page.keyboard.press('Control+Shift+M');
        const row = visible(markerRows.filter({ hasText: legacyProblem.message.slice(0, 40) }));
        await row.first().waitFor();
        const text = (await row.first().innerText()).replace(/\s+/g, ' ');
        if (!text.includes(resume.legacyFix.code)) throw new Error(`the row does not name ${resume.legacyFix.code}: ${text}`);
        await docShot(page, 'problems-zh-cn', { x: 0, y: 0, width: 1400, height: 700 });
      },
    ],
    [
      `hover on ${resume.hover.key} in ${resume.config} is in Chinese`,
      'ui-zh-03-hover',
      async () => {
        await quickOpen(resume.config);
        const key = line(`${resume.hover.key}=`);
        await key.waitFor();
        const text = await hoverUntil(key, visible(page.locator('.monaco-hover', { hasText: resume.hover.key })));
        if (!CJK.test(text)) throw new Error(`the hover is not Chinese:\n${text}`);
      },
    ],
    [
      `in ${resume.log} the context menu holds "${resumeTitle}" (package.nls.zh-cn.json), and running it asks in Chinese`,
      'ui-zh-04-context-menu',
      async () => {
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
        await quickOpen(resume.log);
        await resumeFromContextMenu(logLineOf(73685), r.checkpointLine, resumeTitle);
        await menuItem(resumeTitle).click();
        const box = dialog.first();
        await box.waitFor();
        const text = await box.innerText();
        if (!CJK.test(text) || !text.includes(String(r.checkpointLine))) throw new Error(`the prompt is not the Chinese one for line ${r.checkpointLine}:\n${text}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      },
    ],
    [
      'the Settings editor describes apeDts.lint.run in Chinese (package.nls.zh-cn.json)',
      'ui-zh-05-settings',
      async () => {
        await page.keyboard.press('Control+Comma');
        // The Settings editor opens with its search box focused.
        await visible(page.locator('.settings-editor .suggest-input-container')).first().waitFor();
        await sleep(500);
        await page.keyboard.type('apeDts.lint.run');
        const plain = lintRunDescription.replace(/[`*_]/g, '').slice(0, 12);
        await visible(page.locator('.settings-editor .setting-item-description', { hasText: plain })).first().waitFor();
      },
    ],
  ];
  try {
    await runSteps(steps, shot);
  } finally {
    await closeContext(context);
  }
}

// ---------------------------------------------------------------------------------------------
async function main() {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(path.join(SHOTS, 'logs'), { recursive: true });
  for (const d of ['user-data/User', 'extensions', 'tmp', 'xdg/config', 'xdg/data', 'xdg/cache']) {
    fs.mkdirSync(path.join(WORK, d), { recursive: true });
  }
  fs.writeFileSync(
    path.join(WORK, 'user-data', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'files.autoSave': 'off',
        'window.restoreWindows': 'none',
        'editor.hover.delay': 200,
        // Below the line: the hover screenshot then shows the lines above it too.
        'editor.hover.above': false,
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
  log(`run folder ${WORK}`);

  // Install the .vsix the way a user would (code-server's --install-extension).
  const install = spawnSync(CS_BIN, [...CS_ARGS, '--install-extension', VSIX, '--force'], {
    env: CS_ENV,
    encoding: 'utf8',
    timeout: 120_000,
  });
  fs.writeFileSync(path.join(WORK, 'install-extension.log'), `${install.stdout ?? ''}${install.stderr ?? ''}`);
  const installedDir = fs
    .readdirSync(path.join(WORK, 'extensions'))
    .find((d) => d.toLowerCase() === EXTENSION_DIR_PREFIX || d.toLowerCase().startsWith(`${EXTENSION_DIR_PREFIX}-`));
  const installOk = install.status === 0 && /successfully installed/i.test(install.stdout ?? '') && installedDir;
  record('install', `code-server --install-extension ${path.relative(ROOT, VSIX)}`, Boolean(installOk),
    `exit ${install.status}${install.error ? ` (${install.error.message})` : ''}\n${(install.stdout ?? '') + (install.stderr ?? '')}`.trim());
  if (!installOk) return;
  const extensionPath = path.join(WORK, 'extensions', installedDir);
  log(`installed ${installedDir}`);
  record('install', 'the installed .vsix holds the bundles and every file its manifest names; no sources, tests, source maps or node_modules', ...checkPackage(extensionPath));

  const port = await startServer();
  log(`code-server ${CS_VERSION} listening on 127.0.0.1:${port} (pid ${server.child.pid})`);

  // One window after the other: side by side saved little on a 2-core machine and puts the
  // timing-sensitive onSave tests under load.
  if (only !== 'ui') for (const win of EXTHOST_WINDOWS) await runExtHostSuite(port, extensionPath, win);
  if (only !== 'exthost') {
    log('UI test: diagnostics');
    await runUiTest(port);
    log('UI test: editing and resume');
    await runResumeUiTest(port);
    log('UI test: in Chinese (code-server restarted with --locale zh-cn)');
    installChinesePack();
    await stopServer();
    const zhPort = await startServer(['--locale', 'zh-cn']);
    await runChineseUiTest(zhPort);
  }
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  exitCode = 1;
  record('run', 'infrastructure', false, err?.stack ?? err);
} finally {
  await cleanup();
  log(`screenshots and logs in ${path.relative(ROOT, SHOTS) || SHOTS}`);
}
finish(exitCode);
