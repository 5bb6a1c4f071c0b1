#!/usr/bin/env node
// Real-editor tests: the packaged .vsix inside code-server 4.100.3 (= VS Code 1.100.3 with a Node
// extension host), driven by Debian's Chromium through playwright-core.
//
//   1. extension-host suite (test/e2e/suite, mocha, plain `vscode` API) run by VS Code's own
//      extension-test runner through the workbench URL's `payload` parameter;
//   2. UI test of what only the screen shows (explorer, Problems panel, status bar), with a
//      screenshot of each step under test-results/e2e/.
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
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CS_VERSION = '4.100.3';
const CACHE = process.env.APEDTS_E2E_CACHE || path.join(os.homedir(), '.cache', 'apedts-e2e');
const CS_BIN = path.join(CACHE, `code-server-${CS_VERSION}`, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const VSIX = path.join(ROOT, 'dist', 'ape-dts-tools.vsix');
const SUITE = path.join(ROOT, 'out', 'e2e', 'suite', 'index.js');
const FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const SHOTS = path.resolve(ROOT, process.env.APEDTS_E2E_SHOTS || 'test-results/e2e');
const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/e2e/fixtures/expected.json'), 'utf8'));
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

function copyFixture(dest) {
  fs.cpSync(FIXTURE, dest, { recursive: true });
  return dest;
}

async function startServer() {
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

const workbenchUrl = (port, folder, payload) =>
  `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` +
  (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');

// ---------------------------------------------------------------------------------------------
// 1. Extension-host suite
async function runExtHostSuite(port, extensionPath) {
  const layerDir = path.join(WORK, 'exthost');
  const workspace = copyFixture(path.join(layerDir, 'ape-dts-task'));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // The dev path is the extension as installed from the .vsix, so the suite tests the package.
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(SUITE)],
    ['skipWelcome', 'true'],
  ];

  const context = await launchBrowser('exthost');
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
    console.log(`    | ${line}`);
  });

  log('extension-host suite: opening the test window');
  await page.goto(workbenchUrl(port, workspace, payload));
  const code = await Promise.race([exited, sleep(TIMEOUTS.extHostRun).then(() => 'timeout')]);
  await page.screenshot({ path: path.join(SHOTS, 'exthost-end.png') }).catch(() => {});
  fs.writeFileSync(path.join(SHOTS, 'logs', 'exthost.log'), logLines.join('\n') + '\n');
  await closeContext(context);

  const resultsFile = path.join(layerDir, 'exthost-results.json');
  const suite = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  for (const t of suite?.tests ?? []) record('exthost', t.title, t.state === 'passed', t.error);
  if (code === 'timeout') {
    record('exthost', 'suite finishes', false, `no exit code after ${TIMEOUTS.extHostRun / 1000} s`);
  } else if (!suite) {
    record('exthost', 'suite reports its results', false, `exit code ${code}, no ${resultsFile}`);
  } else if ((code === 0) !== (suite.failed === 0) || suite.tests.length === 0) {
    record('exthost', 'exit code agrees with the results', false, `exit code ${code}, ${suite.passed} passed, ${suite.failed} failed`);
  }
  log(`extension-host suite: exit code ${code}`);
}

// ---------------------------------------------------------------------------------------------
// 2. UI test
async function runUiTest(port) {
  const workspace = copyFixture(path.join(WORK, 'ui', 'ape-dts-task'));
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
  const required = ['package.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js'];
  const missing = required.filter((f) => !files.includes(f));
  const forbidden = files.filter((f) =>
    /^(node_modules|server|client|test|scripts|out|\.ci|src)\/|\.(ts|map|vsix)$|^\.vscode(ignore)?$/.test(f),
  );
  const ok = missing.length === 0 && forbidden.length === 0;
  return [ok, `missing: ${missing.join(', ') || '-'}; should not be there: ${forbidden.join(', ') || '-'}\nfiles: ${files.join(', ')}`];
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
  record('install', 'the installed .vsix holds bundles, no sources, tests, source maps or node_modules', ...checkPackage(extensionPath));

  const port = await startServer();
  log(`code-server ${CS_VERSION} listening on 127.0.0.1:${port} (pid ${server.child.pid})`);

  if (only !== 'ui') await runExtHostSuite(port, extensionPath);
  if (only !== 'exthost') {
    log('UI test');
    await runUiTest(port);
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
