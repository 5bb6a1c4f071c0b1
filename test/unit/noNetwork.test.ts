import { execFileSync, spawnSync } from 'node:child_process';
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

// ------------------------------------------------------------------------------------------
// The bundles: what ships is dist/*.js, our code plus every dependency esbuild pulled in.

const BUNDLES = ['dist/cli.js', 'dist/server.js', 'dist/client.js'];

/**
 * The one network module the bundles may hold, and why. vscode-jsonrpc's Node entry requires
 * 'net' for its pipe and socket transports: createServerPipeTransport / createClientPipeTransport
 * (a named pipe or Unix socket, for `--pipe=NAME`) and createServerSocketTransport /
 * createClientSocketTransport (`--socket=N`, always 127.0.0.1). They only run when an editor
 * starts the server with --pipe or --socket; the extension starts it over Node IPC (a forked
 * child, TransportKind.ipc) and `apedts lsp --stdio` uses stdin/stdout, so no socket is opened.
 */
const ALLOWED = [{ module: 'net', section: 'node_modules/vscode-jsonrpc/lib/node/main.js', bundles: ['dist/server.js', 'dist/client.js'] }];

const BUNDLE_MODULES = SOCKET_MODULES.join('|');
const NETWORK_REQUIRE = new RegExp(`\\b(?:require|import)\\(\\s*["'](?:node:)?(${BUNDLE_MODULES})(?:/[^"']*)?["']\\s*\\)|\\bfrom\\s*["'](?:node:)?(${BUNDLE_MODULES})["']`, 'g');
const NETWORK_CALL = /\b(fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(|\bnavigator\.sendBeacon\b|process\.binding\(\s*["'](?:tcp_wrap|udp_wrap|cares_wrap)/g;

interface Finding {
  bundle: string;
  /** The source file esbuild marks with a `// path` comment above its code. */
  section: string;
  what: string;
}

/** Network requires and calls of a bundle, each with the source file it came from. */
export function networkFindings(bundle: string, text: string): Finding[] {
  const sections = [...text.matchAll(/^\/\/ ((?:node_modules|server|client)\/\S+)$/gm)].map((m) => ({ at: m.index, name: m[1] }));
  const sectionAt = (offset: number) => sections.filter((s) => s.at <= offset).at(-1)?.name ?? '(bundle prologue)';
  const found: Finding[] = [];
  for (const m of text.matchAll(NETWORK_REQUIRE)) found.push({ bundle, section: sectionAt(m.index), what: m[1] ?? m[2] });
  for (const m of text.matchAll(NETWORK_CALL)) found.push({ bundle, section: sectionAt(m.index), what: m[1] ? `${m[1]}()` : m[0] });
  return found;
}

describe('the bundles in dist/', () => {
  const missing = BUNDLES.filter((b) => !fs.existsSync(path.join(REPO_ROOT, b)));
  if (missing.length > 0) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const texts = new Map(BUNDLES.map((b) => [b, fs.readFileSync(path.join(REPO_ROOT, b), 'utf8')]));
  const findings = BUNDLES.flatMap((b) => networkFindings(b, texts.get(b)!));
  const allowed = (f: Finding) => ALLOWED.some((a) => a.module === f.what && a.section === f.section && a.bundles.includes(f.bundle));

  it('require no network module and call no network API beyond the allow-listed LSP transport', () => {
    expect(findings.filter((f) => !allowed(f))).toEqual([]);
  });

  it('still hold the allow-listed require where it was (a stale allow-list entry would hide a move)', () => {
    for (const a of ALLOWED) for (const bundle of a.bundles) expect(findings, `${bundle} ${a.section}`).toContainEqual({ bundle, section: a.section, what: a.module });
    expect(findings.some((f) => f.bundle === 'dist/cli.js')).toBe(false);
  });

  it("use 'net' there only for pipes and 127.0.0.1 sockets", () => {
    for (const bundle of ['dist/server.js', 'dist/client.js']) {
      const text = texts.get(bundle)!;
      const start = text.indexOf(`// ${ALLOWED[0].section}\n`);
      const end = text.indexOf('\n// ', start + 1);
      const section = text.slice(start, end);
      const binding = /var (\w+) = require\("net"\)/.exec(section)?.[1];
      expect(binding, bundle).toBeDefined();
      const uses = [...section.matchAll(new RegExp(`\\b${binding}\\.(\\w+)\\)?\\(([^)]*)\\)`, 'g'))].map((m) => `${m[1]}(${m[2]})`);
      expect(uses.length, bundle).toBeGreaterThan(0);
      for (const use of uses) expect(use, bundle).toMatch(/^createServer\(|^createConnection\((pipeName|port, "127\.0\.0\.1")\)$/);
      // The servers these transports create listen on the pipe, or on a port of 127.0.0.1 only.
      const listens = [...section.matchAll(/\bserver\.listen\(([^,)]+), ([^,)]+)/g)].map((m) => (m[1] === 'port' ? `port, ${m[2]}` : m[1]));
      expect(listens.length, bundle).toBeGreaterThan(0);
      for (const l of listens) expect(l, bundle).toMatch(/^(pipeName|port, "127\.0\.0\.1")$/);
    }
  });

  it('the scan itself finds what it looks for', () => {
    const sample = ['// node_modules/a/index.js', 'var x = require("node:https");', '// server/src/b.ts', 'await fetch(url); new WebSocket(u);', 'import("dgram")'].join('\n');
    expect(networkFindings('x.js', sample)).toEqual([
      { bundle: 'x.js', section: 'node_modules/a/index.js', what: 'https' },
      { bundle: 'x.js', section: 'server/src/b.ts', what: 'dgram' },
      { bundle: 'x.js', section: 'server/src/b.ts', what: 'fetch()' },
      { bundle: 'x.js', section: 'server/src/b.ts', what: 'WebSocket()' },
    ]);
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

});

// Needs user and network namespaces (most Linux machines and CI runners); elsewhere these cases
// do not run, and the socket trap above is the check.
const canCutNetwork = spawnSync('unshare', ['-rn', 'true']).status === 0;
const offline = (args: string[]) => spawnSync('unshare', ['-rn', process.execPath, ...args], { encoding: 'utf8' });

describe.runIf(canCutNetwork)('the built CLI with the network cut off (unshare -rn: a namespace with only a down loopback)', () => {
  it('the namespace really has no network (so the cases below would notice a connection)', () => {
    const probe = `require('net').connect(80, '192.0.2.1').on('error', (e) => console.log(e.code)).on('connect', () => console.log('connected'))`;
    expect(offline(['-e', probe]).stdout.trim()).toBe('ENETUNREACH');
  });

  it('lints normally', () => {
    expectLinted(offline([CLI, 'lint', '--format', 'json', writeConfig()]));
  });

  it('lints normally in Chinese too, text format', () => {
    const r = offline([CLI, 'lint', '--lang', 'zh-cn', writeConfig()]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/error type\.parse /);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^共 1 个文件：/);
  });
});
