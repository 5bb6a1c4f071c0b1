import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, ensureBuilt } from '../cli/runCli';

// The extension and the CLI make no network connection: task configs hold database URLs and
// passwords, and nothing here has a reason to reach any host. Checked three ways: our own
// source imports no socket module, the built CLI makes no socket call when it runs, and it
// works with the network cut off altogether (where the machine can cut it).

const SOCKET_MODULES = ['net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns', 'undici', 'node-fetch', 'axios', 'ws'];
const NETWORK_GLOBALS = /\b(fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && /\.(ts|js|mjs|cjs)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

/** Every module specifier a file imports or requires. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) found.push(m[1]);
  return found;
}

describe('our source', () => {
  const files = ['server/src', 'client/src'].flatMap((d) => sourceFiles(path.join(REPO_ROOT, d)));

  it('imports no socket module and calls no network API (the LSP channel is vscode-languageserver/client’s own)', () => {
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const spec of importsOf(text)) {
        if (SOCKET_MODULES.includes(spec.replace(/^node:/, '').split('/')[0])) offenders.push(`${path.relative(REPO_ROOT, file)} imports ${spec}`);
      }
      const call = NETWORK_GLOBALS.exec(text.replace(/\/\/.*$/gm, ''));
      if (call) offenders.push(`${path.relative(REPO_ROOT, file)} calls ${call[1]}()`);
    }
    expect(offenders).toEqual([]);
  });

  it('the import scan itself finds what it looks for', () => {
    expect(importsOf(`import * as net from 'node:net';\nconst h = require("https");\nimport x from '../a';\nawait import('dgram');`)).toEqual(['node:net', 'https', '../a', 'dgram']);
  });
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-nonet-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CONFIG = ['[extractor]', 'db_type=mysql', 'extract_type=cdc', 'url=mysql://root:pw@db.example.invalid:3307', 'server_id=abc', '', '[sinker]', 'db_type=pg', 'sink_type=write', 'url=postgres://u:p@pg.example.invalid:5432/db', '', '[runtime]', 'log_dir=./logs', ''].join('\n');

function writeConfig(): string {
  const file = path.join(dir, 'task_config.ini');
  fs.writeFileSync(file, CONFIG);
  return file;
}

/** The lint run succeeded the way it should: exit 1 (the config has an error) and a JSON report. */
function expectLinted(r: { status: number | null; stdout: string; stderr: string }): void {
  expect(r.status, r.stderr).toBe(1);
  const rows = JSON.parse(r.stdout) as { code: string }[];
  expect(rows.map((d) => d.code)).toContain('type.parse');
}

describe('the built CLI', () => {
  ensureBuilt();

  it('makes no socket, DNS or HTTP call while linting (every such call is trapped and fails the run)', () => {
    const trap = path.join(dir, 'trap-network.cjs');
    fs.writeFileSync(
      trap,
      `
const fail = (what) => function () { process.stderr.write('NETWORK: ' + what + '\\n'); process.exit(99); };
const net = require('net');
net.Socket.prototype.connect = fail('net.Socket.connect');
net.createConnection = net.connect = fail('net.connect');
require('tls').connect = fail('tls.connect');
require('dgram').createSocket = fail('dgram.createSocket');
const dns = require('dns');
dns.lookup = dns.resolve = fail('dns');
require('http').request = require('http').get = fail('http.request');
require('https').request = require('https').get = fail('https.request');
globalThis.fetch = fail('fetch');
`,
    );
    const r = spawnSync(process.execPath, ['--require', trap, CLI, 'lint', '--format', 'json', writeConfig()], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('NETWORK:');
    expectLinted(r);
  });

  // Needs user and network namespaces (most Linux machines and CI runners); elsewhere this one
  // case does not run, and the socket trap above is the check.
  const unshare = spawnSync('unshare', ['-rn', 'true']).status === 0;
  it.runIf(unshare)('lints with the network cut off (unshare -rn: a namespace with only a down loopback)', () => {
    const r = spawnSync('unshare', ['-rn', process.execPath, CLI, 'lint', '--format', 'json', writeConfig()], { encoding: 'utf8' });
    expectLinted(r);
  });
});
