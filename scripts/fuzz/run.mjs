#!/usr/bin/env node
// `npm run fuzz [-- --seconds N] [--seed S] [--jobs J] [--target all|config|progress]`: feeds mutated task configs (ape-dts's
// own, from ../shared/corpus, read now) and random bytes to the built CLI and to the language
// server over stdio, for N seconds (default 60).
//
// CLI:    `node dist/cli.js lint --format json FILE` must exit 0 or 1 with a JSON array on
//         stdout, and finish within 2 s (inputs up to 100 KB).
// Server: didOpen, didChange, then hover / completion / code actions / symbols / folding /
//         definition at random positions; every request is answered within 2 s, the server
//         never exits, never logs a failed handler, and every published range lies inside the
//         document.
// Progress files (--target progress, or all): position.log / finished.log / resume.config, from
//         the corpus and scripts/gen/positions.mjs, mutated and laid out beside a task_config.ini
//         whose resumer reads them. `lint --format json FOLDER` as above, and `resume-point
//         TASK_CONFIG --format json` exits 0 or 1 with a JSON object, each within 2 s; the server
//         opens the file as ape-dts-position / -finished / -resume-config and answers hover, code
//         lens, document symbols and folding the same way.
// Every failing input is saved under test/fixtures/fuzz-regressions/ (bytes + a .json note;
// progress files as .progress, with the task config in the note);
// test/property/fuzzRegressions.test.ts replays them. Exit status 1 when anything failed.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prng } from '../gen/positions.mjs';
import { LAYOUT, mutateProgress, progressSeeds, taskConfig } from './progress.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SERVER = path.join(ROOT, 'dist/server.js');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const REGRESSIONS = path.join(ROOT, 'test/fixtures/fuzz-regressions');
const MAX_INPUT = 100 * 1024;
const BUDGET_MS = 2000;

// --- arguments -------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { seconds: 60, seed: Date.now() % 2 ** 31, jobs: Math.max(1, Math.min(4, os.cpus().length - 1)), target: 'all' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--seconds') opts.seconds = Number(value());
    else if (flag === '--seed') opts.seed = Number(value());
    else if (flag === '--jobs') opts.jobs = Number(value());
    else if (flag === '--target') opts.target = value();
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write('Usage: npm run fuzz -- [--seconds N (default 60)] [--seed S] [--jobs J] [--target all|config|progress]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(opts.seconds > 0) || !Number.isInteger(opts.seed) || !(opts.jobs >= 1)) throw new Error('--seconds, --seed and --jobs take positive numbers');
  if (!['all', 'config', 'progress'].includes(opts.target)) throw new Error('--target takes all, config or progress');
  return opts;
}

// --- a seeded random source (the generator's mulberry32), so a run can be repeated -----------

class Rng {
  constructor(seed) {
    this.next = prng(seed);
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  pick(items) {
    return items[this.int(items.length)];
  }
  chance(p) {
    return this.next() < p;
  }
}

// --- inputs ----------------------------------------------------------------------------------

function corpusFiles() {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ini')) found.push(p);
    }
  };
  if (fs.existsSync(CORPUS)) walk(CORPUS);
  // Without ../shared the project's own fixtures are the seeds.
  if (found.length === 0) walk(path.join(ROOT, 'test/fixtures'));
  return found.sort().map((p) => fs.readFileSync(p));
}

const TOKENS = [
  '[', ']', '=', ':', '#', ';', '\r', '\n', '\r\n', '\t', ' ', '\uFEFF', '`', '"', "'", ',', '*', '{', '}', 'json:', 'r#', '//', '@',
  '[extractor]', '[sinker]', '[filter]', '[router]', '[resumer]', '[runtime]', '[checker]', '[metacenter]', '[extractor', '=x', ':y',
  'db_type=mysql', 'db_type=pg', 'db_type=mongo', 'extract_type=cdc', 'sink_type=write', 'url=mysql://root:pw@127.0.0.1:3307',
  'resume_from_log=true', 'resume_log_dir=./l', 'resume_config_file=./c', 'resume_type=from_log', 'log_dir=./logs', 'do_events=insert,updte,',
  'server_id=abc', 'True', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'password=hunter2 #x', '\u2028', '\u00a0', '🚀', 'é',
];
const BAD_UTF8 = [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x80]];

function randomBytes(rng, n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(256);
  return b;
}

/** One mutation of a buffer: bytes, tokens, lines, line endings, size. */
function mutate(rng, buf, corpus) {
  const at = () => rng.int(buf.length + 1);
  const kind = rng.int(14);
  switch (kind) {
    case 0: {
      const b = Buffer.from(buf);
      for (let k = 0, n = 1 + rng.int(8); k < n && b.length; k++) b[rng.int(b.length)] = rng.int(256);
      return b;
    }
    case 1: {
      const i = at();
      return Buffer.concat([buf.subarray(0, i), Buffer.from(rng.pick(TOKENS)), buf.subarray(i)]);
    }
    case 2: {
      const i = at();
      return Buffer.concat([buf.subarray(0, i), Buffer.from(rng.pick(BAD_UTF8)), buf.subarray(i)]);
    }
    case 3: {
      const a = at();
      const b = Math.min(buf.length, a + rng.int(200));
      return Buffer.concat([buf.subarray(0, a), buf.subarray(b)]);
    }
    case 4: {
      const a = at();
      const b = Math.min(buf.length, a + rng.int(300));
      const i = at();
      return Buffer.concat([buf.subarray(0, i), buf.subarray(a, b), buf.subarray(i)]);
    }
    case 5: {
      const other = rng.pick(corpus);
      const a = rng.int(other.length + 1);
      const i = at();
      return Buffer.concat([buf.subarray(0, i), other.subarray(a, a + rng.int(400)), buf.subarray(i)]);
    }
    case 6:
      return Buffer.from(buf.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    case 7:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
    case 8: {
      const lines = buf.toString('latin1').split('\n');
      const i = rng.int(lines.length);
      const j = rng.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 9: {
      // a very long line: one piece repeated
      const piece = rng.chance(0.5) ? Buffer.from(rng.pick(TOKENS)) : buf.subarray(rng.int(buf.length + 1)).subarray(0, 1 + rng.int(12));
      const times = Math.floor((MAX_INPUT / 2) / Math.max(1, piece.length)) * (0.2 + rng.next() * 0.8);
      const i = at();
      return Buffer.concat([buf.subarray(0, i), Buffer.alloc(Math.floor(times) * piece.length, piece.length ? piece : 'x'), buf.subarray(i)]);
    }
    case 10:
      return buf.subarray(0, at());
    case 11: {
      // repeat the whole file until it is large
      const parts = [];
      let size = 0;
      while (size < MAX_INPUT * (0.3 + rng.next() * 0.7) && buf.length) {
        parts.push(buf);
        size += buf.length;
      }
      return Buffer.concat(parts);
    }
    case 12: {
      const lines = buf.toString('latin1').split('\n');
      const i = rng.int(lines.length);
      lines.splice(rng.int(lines.length), 0, lines[i]);
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    default: {
      const i = at();
      return Buffer.concat([buf.subarray(0, i), randomBytes(rng, 1 + rng.int(64)), buf.subarray(i)]);
    }
  }
}

function nextInput(rng, corpus) {
  if (rng.chance(0.08)) return { origin: 'random bytes', bytes: randomBytes(rng, rng.chance(0.2) ? MAX_INPUT : rng.int(4096)) };
  let buf = rng.pick(corpus);
  const n = 1 + rng.int(8);
  for (let k = 0; k < n; k++) buf = mutate(rng, buf, corpus);
  return { origin: `corpus, ${n} mutations`, bytes: buf.subarray(0, MAX_INPUT) };
}

// --- failures --------------------------------------------------------------------------------

const counts = { cliInputs: 0, serverInputs: 0, progressCliInputs: 0, progressServerInputs: 0, requests: 0, progressRequests: 0, crashes: 0, hangs: 0, badOutput: 0, loggedErrors: 0, unhandledRejections: 0, retried: 0, slowestCliMs: 0, slowestRequestMs: 0 };
const saved = [];
const COUNT_OF = { crash: 'crashes', hang: 'hangs', 'bad-output': 'badOutput', 'logged-error': 'loggedErrors', 'unhandled-rejection': 'unhandledRejections' };

function saveFailure(target, kind, bytes, detail, seed) {
  const hash = createHash('sha1').update(bytes).digest('hex').slice(0, 12);
  const base = `${target}-${kind}-${hash}`;
  fs.mkdirSync(REGRESSIONS, { recursive: true });
  if (!fs.existsSync(path.join(REGRESSIONS, `${base}.ini`))) {
    fs.writeFileSync(path.join(REGRESSIONS, `${base}.ini`), bytes);
    fs.writeFileSync(path.join(REGRESSIONS, `${base}.json`), `${JSON.stringify({ target, kind, detail: String(detail).slice(0, 2000), seed, found: new Date().toISOString() }, null, 2)}\n`);
    saved.push(base);
  }
  process.stdout.write(`\n  FAIL ${target} ${kind}: ${String(detail).split('\n')[0].slice(0, 200)} → ${base}.ini\n`);
}

// --- the CLI ---------------------------------------------------------------------------------

function runCli(file, args = ['lint', '--format', 'json', file]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, BUDGET_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, timedOut, ms: Date.now() - started, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** A promise nobody awaited kills node 20 with this on stderr. */
const UNHANDLED = /unhandled ?(promise )?rejection|ERR_UNHANDLED_REJECTION/i;

function checkCliOutput(r) {
  if (r.timedOut) return ['hang', `no exit within ${BUDGET_MS} ms`];
  if (UNHANDLED.test(r.stderr)) return ['unhandled-rejection', r.stderr];
  if (r.status !== 0 && r.status !== 1) return ['crash', `exit ${r.status ?? r.signal}: ${r.stderr}`];
  if (r.stderr.trim() !== '') return ['bad-output', `stderr: ${r.stderr}`];
  let rows;
  try {
    rows = JSON.parse(r.stdout);
  } catch (e) {
    return ['bad-output', `stdout is not JSON: ${e.message}`];
  }
  if (!Array.isArray(rows)) return ['bad-output', 'stdout is not a JSON array'];
  for (const d of rows) {
    const ok = typeof d.file === 'string' && [d.line, d.column, d.endLine, d.endColumn].every((n) => Number.isInteger(n) && n >= 1) && typeof d.code === 'string' && typeof d.message === 'string' && ['error', 'warning', 'information', 'hint'].includes(d.severity);
    if (!ok) return ['bad-output', `malformed row ${JSON.stringify(d).slice(0, 300)}`];
  }
  if ((r.status === 1) !== rows.some((d) => d.severity === 'error')) return ['bad-output', `exit ${r.status} does not match the errors reported`];
  return undefined;
}

async function cliLane(rng, corpus, deadline, seed, dir) {
  const file = path.join(dir, 'task_config.ini');
  while (Date.now() < deadline) {
    const input = nextInput(rng, corpus);
    fs.writeFileSync(file, input.bytes);
    let r = await runCli(file);
    counts.cliInputs++;
    // Over budget once may be the machine (other lanes, other jobs): run it again before calling it a hang.
    if (r.timedOut) {
      counts.retried++;
      r = await runCli(file);
    }
    counts.slowestCliMs = Math.max(counts.slowestCliMs, r.ms);
    const failure = checkCliOutput(r);
    if (failure) {
      const [kind, detail] = failure;
      counts[COUNT_OF[kind]]++;
      saveFailure('cli', kind, input.bytes, `${detail} (${input.origin}, ${input.bytes.length} bytes)`, seed);
    }
  }
}

// --- the language server ---------------------------------------------------------------------

class Server {
  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.exited = false;
    this.errors = [];
    this.published = new Map();
    this.waiters = new Set();
    this.child.on('exit', (code, signal) => {
      this.exited = `exit ${code ?? signal}`;
      for (const w of this.waiters) w();
    });
    this.child.stderr.on('data', (c) => (this.stderr += c.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') {
        this.published.set(params.uri, params);
        for (const w of this.waiters) w();
      }
      // Handlers that threw are caught and logged by the server: each one is a bug.
      if (method === 'window/logMessage' && params.type === 1) this.errors.push(params.message);
    });
    this.connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onError(() => {});
    this.connection.onClose(() => {});
    this.connection.listen();
  }

  async start() {
    await this.withTimeout(this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }), 'initialize', 10_000);
    await this.connection.sendNotification('initialized', {});
  }

  withTimeout(promise, what, ms = BUDGET_MS) {
    let timer;
    let exitCheck;
    return Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`${what}: no answer within ${ms} ms`), { hang: true })), ms);
      }),
      new Promise((_, reject) => {
        exitCheck = () => this.exited && reject(Object.assign(new Error(`${what}: server ${this.exited}\n${this.stderr.slice(-2000)}`), { crash: true }));
        this.waiters.add(exitCheck);
        exitCheck();
      }),
    ]).finally(() => {
      clearTimeout(timer);
      this.waiters.delete(exitCheck);
    });
  }

  /** The publish for `uri` at `version` (a debounced change publishes about 150 ms later). */
  waitForPublish(uri, version) {
    let check;
    return this.withTimeout(
      new Promise((resolve) => {
        check = () => {
          const p = this.published.get(uri);
          if (p && p.version === version) resolve(p);
        };
        this.waiters.add(check);
        check();
      }),
      `publishDiagnostics v${version}`,
      BUDGET_MS + 500,
    ).finally(() => this.waiters.delete(check));
  }

  stop() {
    try {
      this.connection.dispose();
    } catch {}
    this.child.kill('SIGKILL');
  }
}

function linesOf(text) {
  const parts = text.split('\n');
  return parts.map((l, i) => (i < parts.length - 1 && l.endsWith('\r') ? l.slice(0, -1) : l));
}

function inside(lines, r) {
  const ok = (p) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

function randomPosition(rng, lines) {
  const line = rng.int(lines.length + 1);
  return { line, character: rng.int((lines[line]?.length ?? 0) + 3) };
}

async function serverInput(server, rng, input, n, sent, change = true) {
  const uri = pathToFileURL(path.join(os.tmpdir(), 'apedts-fuzz', `${n}`, 'task_config.ini')).toString();
  // What an editor would show: the bytes decoded as UTF-8, bad sequences replaced.
  const text = input.bytes.toString('utf8');
  sent.text = text;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ape-dts-config', version: 1, text } });
  let published = await server.waitForPublish(uri, 1);
  let current = text;
  if (change && rng.chance(0.7)) {
    current = mutate(rng, input.bytes, [input.bytes]).subarray(0, MAX_INPUT).toString('utf8');
    sent.text = current;
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: current }] });
    published = await server.waitForPublish(uri, 2);
  }
  const lines = linesOf(current);
  for (const d of published.diagnostics) if (!inside(lines, d.range)) throw Object.assign(new Error(`published ${d.code} at ${JSON.stringify(d.range)}, outside the document`), { bad: true });
  const requests = [];
  for (let k = 0; k < 6; k++) {
    const position = randomPosition(rng, lines);
    const document = { textDocument: { uri } };
    requests.push(['hover', { ...document, position }], ['completion', { ...document, position }], ['definition', { ...document, position }]);
  }
  const a = randomPosition(rng, lines);
  const b = randomPosition(rng, lines);
  requests.push(
    ['codeAction', { textDocument: { uri }, range: { start: a.line <= b.line ? a : b, end: a.line <= b.line ? b : a }, context: { diagnostics: published.diagnostics.slice(0, 5) } }],
    ['codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }],
    ['documentSymbol', { textDocument: { uri } }],
    ['foldingRange', { textDocument: { uri } }],
  );
  // One at a time, so each answer is timed on its own rather than behind the others.
  for (const [method, params] of requests) {
    const started = Date.now();
    await server.withTimeout(server.connection.sendRequest(`textDocument/${method}`, params), `${method} at ${JSON.stringify(params.position ?? params.range ?? '')}`);
    counts.requests++;
    counts.slowestRequestMs = Math.max(counts.slowestRequestMs, Date.now() - started);
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (server.errors.length) throw Object.assign(new Error(server.errors.splice(0).join('\n')), { logged: true });
}

async function serverLane(rng, corpus, deadline, seed) {
  let server = new Server();
  await server.start();
  let n = 0;
  while (Date.now() < deadline) {
    const input = nextInput(rng, corpus);
    const sent = { text: '' };
    try {
      await serverInput(server, rng, input, n++, sent);
      counts.serverInputs++;
    } catch (first) {
      counts.serverInputs++;
      let e = first;
      if (e.hang) {
        // Confirm on a fresh server with the text that was being checked, before calling it a hang.
        counts.retried++;
        server.stop();
        server = new Server();
        await server.start();
        try {
          await serverInput(server, new Rng(n), { origin: input.origin, bytes: Buffer.from(sent.text, 'utf8') }, n++, {}, false);
          continue;
        } catch (again) {
          e = again;
        }
      }
      const kind = e.crash ? (UNHANDLED.test(e.message) ? 'unhandled-rejection' : 'crash') : e.hang ? 'hang' : e.logged ? 'logged-error' : e.bad ? 'bad-output' : 'crash';
      counts[COUNT_OF[kind]]++;
      const bytes = Buffer.from(sent.text || input.bytes.toString('utf8'), 'utf8');
      saveFailure('server', kind, bytes, `${e.message} (${input.origin}, ${bytes.length} bytes)`, seed);
      // A fresh server for the next input: this one may be stuck or gone.
      if (kind === 'crash' || kind === 'hang') {
        server.stop();
        server = new Server();
        await server.start();
      }
    }
  }
  server.stop();
}

// --- progress files ----------------------------------------------------------------------

function nextProgressInput(rng, seeds) {
  const seed = rng.pick(seeds);
  const config = taskConfig(rng);
  if (rng.chance(0.05)) return { name: seed.name, config, origin: 'random bytes', bytes: randomBytes(rng, rng.chance(0.2) ? MAX_INPUT : rng.int(4096)) };
  let buf = seed.bytes;
  const n = 1 + rng.int(6);
  for (let k = 0; k < n; k++) buf = rng.chance(0.65) ? mutateProgress(rng, buf, seeds, MAX_INPUT) : mutate(rng, buf, seeds.map((s) => s.bytes));
  return { name: seed.name, config, origin: `${seed.name}, ${n} mutations`, bytes: buf.subarray(0, MAX_INPUT) };
}

/** The task folder: task_config.ini and the progress file where its resumer looks. */
function layOut(dir, input) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'task_config.ini'), input.config);
  const file = path.join(dir, LAYOUT[input.name].rel);
  fs.writeFileSync(file, input.bytes);
  return file;
}

function saveProgressFailure(target, kind, input, detail, seed) {
  const hash = createHash('sha1').update(input.bytes).update(input.config).digest('hex').slice(0, 12);
  const base = `progress-${target}-${kind}-${hash}`;
  fs.mkdirSync(REGRESSIONS, { recursive: true });
  if (!fs.existsSync(path.join(REGRESSIONS, `${base}.progress`))) {
    fs.writeFileSync(path.join(REGRESSIONS, `${base}.progress`), input.bytes);
    const note = { target, kind, file: input.name, config: input.config, detail: String(detail).slice(0, 2000), seed, found: new Date().toISOString() };
    fs.writeFileSync(path.join(REGRESSIONS, `${base}.json`), `${JSON.stringify(note, null, 2)}\n`);
    saved.push(`${base}.progress`);
  }
  process.stdout.write(`\n  FAIL progress ${target} ${kind}: ${String(detail).split('\n')[0].slice(0, 200)} → ${base}.progress\n`);
}

function checkResumePointOutput(r) {
  if (r.timedOut) return ['hang', `resume-point: no exit within ${BUDGET_MS} ms`];
  if (UNHANDLED.test(r.stderr)) return ['unhandled-rejection', r.stderr];
  if (r.status !== 0 && r.status !== 1) return ['crash', `resume-point: exit ${r.status ?? r.signal}: ${r.stderr}`];
  let p;
  try {
    p = JSON.parse(r.stdout);
  } catch (e) {
    return ['bad-output', `resume-point: stdout is not JSON: ${e.message}`];
  }
  const ok = p && ['log', 'config_file', 'extractor'].includes(p.source) && (p.line === null || (Number.isInteger(p.line) && p.line >= 1)) && Array.isArray(p.reasons) && Array.isArray(p.warnings) && typeof p.start === 'object';
  if (!ok) return ['bad-output', `resume-point: unexpected JSON ${r.stdout.slice(0, 300)}`];
  return undefined;
}

async function progressCliLane(rng, seeds, deadline, seed, dir) {
  while (Date.now() < deadline) {
    const input = nextProgressInput(rng, seeds);
    layOut(dir, input);
    const config = path.join(dir, 'task_config.ini');
    for (const [args, check] of [
      [['lint', '--format', 'json', dir], checkCliOutput],
      [['resume-point', config, '--format', 'json'], checkResumePointOutput],
    ]) {
      let r = await runCli(config, args);
      if (r.timedOut) {
        counts.retried++;
        r = await runCli(config, args);
      }
      counts.slowestCliMs = Math.max(counts.slowestCliMs, r.ms);
      const failure = check(r);
      if (failure) {
        const [kind, detail] = failure;
        counts[COUNT_OF[kind]]++;
        saveProgressFailure('cli', kind, input, `${args[0]}: ${detail} (${input.origin}, ${input.bytes.length} bytes)`, seed);
      }
    }
    counts.progressCliInputs++;
  }
}

async function progressServerInput(server, rng, input, dir, sent, change = true) {
  const file = layOut(dir, input);
  const uri = pathToFileURL(file).toString();
  const text = input.bytes.toString('utf8');
  sent.text = text;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LAYOUT[input.name].languageId, version: 1, text } });
  let published = await server.waitForPublish(uri, 1);
  let current = text;
  if (change && rng.chance(0.5)) {
    current = mutateProgress(rng, input.bytes, [input], MAX_INPUT).subarray(0, MAX_INPUT).toString('utf8');
    sent.text = current;
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: current }] });
    published = await server.waitForPublish(uri, 2);
  }
  const lines = linesOf(current);
  const outside = (what, r) => Object.assign(new Error(`${what} at ${JSON.stringify(r)}, outside the document`), { bad: true });
  for (const d of published.diagnostics) if (!inside(lines, d.range)) throw outside(`published ${d.code}`, d.range);
  const document = { textDocument: { uri } };
  const requests = [];
  for (let k = 0; k < 6; k++) requests.push(['hover', { ...document, position: randomPosition(rng, lines) }]);
  requests.push(['codeLens', document], ['documentSymbol', document], ['foldingRange', document]);
  for (const [method, params] of requests) {
    const started = Date.now();
    const answer = await server.withTimeout(server.connection.sendRequest(`textDocument/${method}`, params), `${method} at ${JSON.stringify(params.position ?? '')}`);
    counts.progressRequests++;
    counts.slowestRequestMs = Math.max(counts.slowestRequestMs, Date.now() - started);
    if (method === 'codeLens') for (const lens of answer ?? []) if (!inside(lines, lens.range)) throw outside('code lens', lens.range);
    if (method === 'hover' && answer?.range && !inside(lines, answer.range)) throw outside('hover', answer.range);
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  if (server.errors.length) throw Object.assign(new Error(server.errors.splice(0).join('\n')), { logged: true });
}

async function progressServerLane(rng, seeds, deadline, seed, root) {
  let server = new Server();
  await server.start();
  let n = 0;
  while (Date.now() < deadline) {
    const input = nextProgressInput(rng, seeds);
    const sent = { text: '' };
    try {
      await progressServerInput(server, rng, input, path.join(root, `${n++}`), sent);
    } catch (first) {
      let e = first;
      if (e.hang) {
        counts.retried++;
        server.stop();
        server = new Server();
        await server.start();
        try {
          await progressServerInput(server, new Rng(n), { ...input, bytes: Buffer.from(sent.text, 'utf8') }, path.join(root, `${n++}`), {}, false);
          counts.progressServerInputs++;
          continue;
        } catch (again) {
          e = again;
        }
      }
      const kind = e.crash ? (UNHANDLED.test(e.message) ? 'unhandled-rejection' : 'crash') : e.hang ? 'hang' : e.logged ? 'logged-error' : e.bad ? 'bad-output' : 'crash';
      counts[COUNT_OF[kind]]++;
      saveProgressFailure('server', kind, { ...input, bytes: Buffer.from(sent.text || input.bytes.toString('utf8'), 'utf8') }, `${e.message} (${input.origin})`, seed);
      if (kind === 'crash' || kind === 'hang' || kind === 'unhandled-rejection') {
        server.stop();
        server = new Server();
        await server.start();
      }
    }
    counts.progressServerInputs++;
  }
  server.stop();
}

// --- main ------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const f of [CLI, SERVER]) if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run npm run build first`);
  const corpus = corpusFiles();
  const seeds = opts.target === 'config' ? [] : progressSeeds(CORPUS);
  const started = Date.now();
  const deadline = started + opts.seconds * 1000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-fuzz-'));
  process.stdout.write(`fuzz: ${opts.seconds} s, seed ${opts.seed}, target ${opts.target}, ${opts.jobs} lane(s) per target, ${corpus.length} seed configs from ${fs.existsSync(CORPUS) ? path.relative(ROOT, CORPUS) : 'test/fixtures'}, ${seeds.length} progress seeds\n`);
  const progress = setInterval(() => {
    process.stdout.write(`  ${Math.round((Date.now() - started) / 1000)} s: ${counts.cliInputs} CLI inputs, ${counts.serverInputs} server inputs, ${counts.requests} requests; progress: ${counts.progressCliInputs} CLI inputs, ${counts.progressServerInputs} server inputs, ${counts.progressRequests} requests; ${counts.crashes + counts.hangs + counts.badOutput + counts.loggedErrors + counts.unhandledRejections} failures\n`);
  }, 30_000);
  const lanes = [];
  for (let j = 0; j < opts.jobs; j++) {
    if (opts.target !== 'progress') {
      const dir = path.join(tmp, `cli-${j}`);
      fs.mkdirSync(dir);
      lanes.push(cliLane(new Rng(opts.seed + 1000 * j), corpus, deadline, opts.seed, dir));
      lanes.push(serverLane(new Rng(opts.seed + 1000 * j + 1), corpus, deadline, opts.seed));
    }
    if (opts.target !== 'config') {
      lanes.push(progressCliLane(new Rng(opts.seed + 1000 * j + 2), seeds, deadline, opts.seed, path.join(tmp, `progress-cli-${j}`)));
      lanes.push(progressServerLane(new Rng(opts.seed + 1000 * j + 3), seeds, deadline, opts.seed, path.join(tmp, `progress-server-${j}`)));
    }
  }
  await Promise.all(lanes);
  clearInterval(progress);
  fs.rmSync(tmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const failures = counts.crashes + counts.hangs + counts.badOutput + counts.loggedErrors + counts.unhandledRejections;
  process.stdout.write(
    [
      `fuzz done in ${seconds} s (seed ${opts.seed}):`,
      `  CLI:    ${counts.cliInputs} inputs, slowest run ${counts.slowestCliMs} ms`,
      `  server: ${counts.serverInputs} inputs, ${counts.requests} requests answered, slowest ${counts.slowestRequestMs} ms`,
      `  progress files: ${counts.progressCliInputs} CLI inputs (lint + resume-point each), ${counts.progressServerInputs} server inputs, ${counts.progressRequests} requests answered`,
      `  crashes ${counts.crashes}, hangs ${counts.hangs}, bad output ${counts.badOutput}, logged handler errors ${counts.loggedErrors}, unhandled rejections ${counts.unhandledRejections} (${counts.retried} over-budget runs retried once)`,
      saved.length ? `  saved: ${saved.map((s) => `test/fixtures/fuzz-regressions/${s.includes('.') ? s : `${s}.ini`}`).join(', ')}` : '  nothing saved',
      '',
    ].join('\n'),
  );
  process.exitCode = failures ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`fuzz: ${e.stack ?? e}\n`);
  process.exitCode = 2;
});
