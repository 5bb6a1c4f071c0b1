// The language server over stdio, as an editor runs it (dist/server.js --stdio).
//   --what keystroke: one edit of the typical task config → its published diagnostics, vs the
//     round trip of an empty request. The server debounces onType edits by 150 ms, so the
//     session runs with apeDts.lint.run=onSave and each edit is didChange + didSave (the
//     check the debounce would start, without the wait).
//   --what start: spawn → initialize → didOpen → first published diagnostics, vs `node -e ''`.
// Prints medians and the server's peak RSS (VmHWM from /proc, Linux).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, TYPICAL_CONFIG, median } from '../lib/common.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : [])).filter((x) => x.length));
const runs = Number(args.runs ?? 30);
const SERVER = path.join(ROOT, 'dist', 'server.js');
const TEXT = fs.readFileSync(TYPICAL_CONFIG, 'utf8');
const URI = pathToFileURL(path.join(ROOT, 'bench', '.fixtures', 'lsp', 'task_config.ini')).href;

function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function startServer(settings) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = process.hrtime.bigint();
    for (const w of waiters.splice(0)) w(params, at);
  });
  connection.onNotification(() => {});
  connection.onRequest('workspace/configuration', (params) => params.items.map((i) => (i.section === 'apeDts' ? settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const nextPublish = (version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no publishDiagnostics within 10 s')), 10_000);
      const wait = (params, at) => {
        if (params.uri === URI && (version === undefined || params.version === undefined || params.version === version)) {
          clearTimeout(timer);
          resolve(at);
        } else waiters.push(wait);
      };
      waiters.push(wait);
    });
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  const first = nextPublish(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'ape-dts-config', version: 1, text: TEXT } });
  const firstAt = await first;
  const stop = () =>
    new Promise((resolve) => {
      // The measurement is over: end the server without the shutdown handshake (writes to a
      // closing pipe would only race with its exit).
      child.once('close', resolve);
      connection.dispose();
      child.kill();
    });
  return { child, connection, nextPublish, stop, startMs: Number(firstAt - started) / 1e6 };
}

function nodeEmpty() {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(Number(process.hrtime.bigint() - t) / 1e6));
  });
}

let out;
if (args.what === 'start') {
  const a = [];
  const b = [];
  let rss = null;
  for (let r = 0; r < runs + 1; r++) {
    const s = await startServer({ lint: { run: 'onSave' } });
    const base = await nodeEmpty();
    if (r > 0) {
      // The first of each is a warm-up (disk cache).
      a.push(s.startMs);
      b.push(base);
    }
    rss = Math.max(rss ?? 0, peakRssMb(s.child.pid) ?? 0) || null;
    await s.stop();
  }
  out = { ours_ms: median(a), baseline_ms: median(b), peak_rss_mb: rss };
} else {
  const s = await startServer({ lint: { run: 'onSave' } });
  let version = 1;
  // One keystroke: a digit of batch_size typed or deleted.
  const edit = async () => {
    version++;
    const text = version % 2 ? TEXT : TEXT.replace('batch_size=200', 'batch_size=2001');
    const t = process.hrtime.bigint();
    const published = s.nextPublish(version);
    s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ text }] });
    s.connection.sendNotification('textDocument/didSave', { textDocument: { uri: URI } });
    return Number((await published) - t) / 1e6;
  };
  const ping = async () => {
    const t = process.hrtime.bigint();
    // No handler: the server answers MethodNotFound at once, which is the whole round trip.
    await s.connection.sendRequest('apeDts/benchPing', {}).catch(() => undefined);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < 30; i++) {
    await edit();
    await ping();
  }
  const a = [];
  const b = [];
  for (let r = 0; r < runs; r++) {
    a.push(await edit());
    b.push(await ping());
  }
  out = { ours_ms: median(a), baseline_ms: median(b), peak_rss_mb: peakRssMb(s.child.pid) };
  await s.stop();
}
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
