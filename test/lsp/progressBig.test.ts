import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, ProgressType, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { IS_RESUME_CONFIG_REQUEST } from '../../server/src/lsp/resumeConfigProtocol';
import type { Diagnostic } from 'vscode-languageserver';
import { SEED_CONFIG_LEGACY } from '../fixtures/seed';

// Big progress files over LSP: the prediction on a task config from the tail of a big
// position.log that is not open (instant, lines numbered from the end until counted), the
// whole-file check of a big open position.log in the background with work-done progress
// (aborted by a change, run again after a save), and a resume config file with a name no
// filename pattern knows, named by a task config.
//
// The client here, unlike serverSession.ts, announces window.workDoneProgress and decides when
// to answer window/workDoneProgress/create.

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const WAIT_MS = 20_000;

interface Note {
  method: string;
  params: any;
}

class Client {
  readonly notes: Note[] = [];
  readonly creates: string[] = [];
  /** Called on window/workDoneProgress/create; the answer waits for the promise it returns. */
  onCreate: (token: string) => Promise<void> = async () => undefined;
  private readonly wakers = new Set<() => void>();
  private constructor(
    readonly child: ChildProcess,
    readonly rpc: MessageConnection,
  ) {}

  static async start(rootUri: string): Promise<Client> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const c = new Client(child, rpc);
    rpc.onNotification((method, params) => {
      c.notes.push({ method, params });
      for (const w of c.wakers) w();
    });
    rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    rpc.onRequest('client/registerCapability', () => null);
    rpc.onRequest('workspace/codeLens/refresh', () => null);
    rpc.onRequest('window/workDoneProgress/create', async (p: { token: string }) => {
      c.creates.push(p.token);
      // vscode-jsonrpc hands $/progress only to a handler of its token.
      rpc.onProgress(new ProgressType<unknown>(), p.token, (value) => {
        c.notes.push({ method: '$/progress', params: { token: p.token, value } });
        for (const w of c.wakers) w();
      });
      for (const w of c.wakers) w();
      await c.onCreate(p.token);
      return null;
    });
    rpc.listen();
    await rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true },
        textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true } },
      },
    });
    await rpc.sendNotification('initialized', {});
    return c;
  }

  open(uri: string, text: string, languageId: string, version = 1) {
    return this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, text: string, version: number) {
    return this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  save(uri: string) {
    return this.rpc.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  publishes(uri: string): { version?: number; diagnostics: Diagnostic[] }[] {
    return this.notes.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params);
  }

  progress(token: string): { kind: string; title?: string; percentage?: number; message?: string }[] {
    return this.notes.filter((n) => n.method === '$/progress' && n.params.token === token).map((n) => n.params.value);
  }

  /** Waits until `test` returns something truthy (re-checked on every message). */
  until<T>(what: string, test: () => T | undefined | false): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const r = test();
        if (r) {
          done();
          resolve(r);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}`));
      }, WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(check);
      };
      this.wakers.add(check);
      check();
    });
  }

  stop() {
    this.rpc.dispose();
    this.child.kill();
  }
}

const CONFIG = SEED_CONFIG_LEGACY;
const RESUMER_LINE = CONFIG.split('\n').indexOf('[resumer]');
const mysql = (tag: string, pos: number) =>
  `2024-10-18 05:21:35.100000 | ${tag} | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":${pos},"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}`;
/** `count` lines, checkpoint on odd ones (the last is a checkpoint when count is even), a misspelt tag on line 5. */
function bigLog(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(mysql(i % 2 ? 'checkpoint_position' : 'current_position', 1000 + i));
  lines[4] = lines[4].replace('current_position', 'current_positon');
  return lines.join('\n') + '\n';
}

let root: string;
let client: Client | undefined;
const uri = (rel: string) => pathToFileURL(path.join(root, rel)).toString();
function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}
async function start(files: Record<string, string>): Promise<Client> {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  client = await Client.start(pathToFileURL(root).toString());
  return client;
}

interface Lens {
  range: { start: { line: number } };
  command: { title: string; command: string };
}
const lensesAt = async (c: Client, u: string, line: number) =>
  ((await c.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: u } })) as Lens[]).filter((l) => l.range.start.line === line).map((l) => l.command);

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-progress-big-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  client?.stop();
  client = undefined;
});

describe('a big position.log that is not open', () => {
  it("the config's lens comes from the tail at once (counted from the end), then with the true line number", async () => {
    // Over 8 MiB: not counted before answering.
    const log = bigLog(50_000);
    expect(log.length).toBeGreaterThan(8 * 1024 * 1024);
    const c = await start({ 'task_config.ini': CONFIG, 'logs/position.log': log });
    const config = uri('task_config.ini');
    await c.open(config, CONFIG, 'ape-dts-config');
    const first = await lensesAt(c, config, RESUMER_LINE);
    const exact = 'ape-dts resumes from logs/position.log line 50000 (checkpoint_position)';
    // Not clickable yet: the line cannot be opened by a number from the end.
    expect(first).toEqual([{ title: 'ape-dts resumes from logs/position.log line 1 from the end (checkpoint_position)', command: '', tooltip: expect.any(String) }]);
    // The background count brings the true number (the client polls: it has no lens refresh).
    for (;;) {
      const now = await lensesAt(c, config, RESUMER_LINE);
      if (now[0].title === exact) {
        expect(now[0].command).toBe('apeDts.openProgressLine');
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await lensesAt(c, config, 0)).map((l) => l.title)).toEqual(['binlog_position is overridden by logs/position.log line 50000']);
  });
});

describe('a big open position.log', () => {
  const LINES = 25_000;

  it('is checked from its tail at once, then as a whole in the background with work-done progress', async () => {
    const log = bigLog(LINES);
    const c = await start({ 'task_config.ini': CONFIG, 'logs/position.log': log });
    const u = uri('logs/position.log');
    await c.open(u, log, 'ape-dts-position');
    const tail = await c.until('the tail-only publish', () => c.publishes(u)[0]);
    expect(tail.diagnostics.map((d) => d.code)).toEqual(['progress.tail-only']);
    expect(tail.diagnostics[0].message).toContain('the whole file is being checked in the background');

    const full = await c.until('the whole-file publish', () => c.publishes(u)[1]);
    expect(full.version).toBe(1);
    // The misspelt tag on line 5, far before the tail; no tail-only note any more.
    expect(full.diagnostics.map((d) => [d.code, d.range.start.line])).toContainEqual(['PL001', 4]);
    expect(full.diagnostics.map((d) => d.code)).not.toContain('progress.tail-only');

    expect(c.creates).toHaveLength(1);
    const steps = c.progress(c.creates[0]);
    expect(steps[0]).toMatchObject({ kind: 'begin', title: 'Checking position.log', percentage: 0, cancellable: true });
    expect(steps[steps.length - 1]).toMatchObject({ kind: 'end' });
    const reports = steps.filter((s) => s.kind === 'report');
    expect(reports.length).toBeGreaterThan(1);
    expect(reports[reports.length - 1].percentage).toBe(100);
  });

  it('a change aborts the check; after the save it runs again', async () => {
    const log = bigLog(LINES);
    const c = await start({ 'task_config.ini': CONFIG, 'logs/position.log': log });
    const u = uri('logs/position.log');
    const edited = log + mysql('checkpoint_position', 99_999) + '\n';
    // Hold the first create until the document has changed.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    c.onCreate = () => held;
    await c.open(u, log, 'ape-dts-position');
    await c.until('the create request', () => c.creates[0]);
    await c.change(u, edited, 2);
    c.onCreate = async () => undefined;
    release();
    const token = c.creates[0];
    await c.until('the end of the aborted check', () => c.progress(token).find((s) => s.kind === 'end'));
    const v2 = await c.until('the publish of version 2', () => c.publishes(u).find((p) => p.version === 2));
    expect(v2.diagnostics.map((d) => d.code)).toEqual(['progress.tail-only']);
    // Nothing but tail-only results for either version: the aborted check published nothing.
    expect(c.publishes(u).every((p) => p.diagnostics.some((d) => d.code === 'progress.tail-only'))).toBe(true);
    expect(c.creates).toHaveLength(1);

    // Saved: the document is the file again, and the whole-file check runs on it.
    write('logs/position.log', edited);
    await c.save(u);
    const full = await c.until('the whole-file publish after the save', () => c.publishes(u).find((p) => p.version === 2 && !p.diagnostics.some((d) => d.code === 'progress.tail-only')));
    expect(full.diagnostics.map((d) => [d.code, d.range.start.line])).toContainEqual(['PL001', 4]);
    expect(c.creates).toHaveLength(2);
  });
});

describe('a resume config file with any name', () => {
  it('is checked as one when a task config names it', async () => {
    const config = CONFIG.replace('resume_from_log=true\n', 'resume_type=from_log\nconfig_file=./start_here.txt\n');
    const bad = '{"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":"4","gtid_set":"","timestamp":""}\n';
    const c = await start({ 'task_config.ini': config, 'start_here.txt': bad });
    await c.open(uri('task_config.ini'), config, 'ape-dts-config');
    await c.until('the config publish', () => c.publishes(uri('task_config.ini'))[0]);
    const u = uri('start_here.txt');
    await c.open(u, bad, 'plaintext');
    const published = await c.until('the resume config publish', () => c.publishes(u)[0]);
    expect(published.diagnostics.map((d) => d.code)).toContain('PL004');
    const hover = (await c.rpc.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 5 } })) as { contents: { value: string } } | null;
    // The line is read as a resume config line of that task: ape-dts skips it.
    expect(hover?.contents.value).toContain('**Resume: no** (`task_config.ini`, ape-dts 2.0.26) — ape-dts skips this line');
  });

  it('apeDts/isResumeConfig says so for the named file only, so the client can switch its language', async () => {
    const config = CONFIG.replace('resume_from_log=true\n', 'resume_type=from_log\nconfig_file=./start_here.txt\n');
    const c = await start({ 'task_config.ini': config, 'start_here.txt': '', 'notes.txt': '' });
    await c.open(uri('task_config.ini'), config, 'ape-dts-config');
    await c.until('the config publish', () => c.publishes(uri('task_config.ini'))[0]);
    const ask = (name: string) => c.rpc.sendRequest(IS_RESUME_CONFIG_REQUEST, { uri: uri(name) });
    expect(await ask('start_here.txt')).toBe(true);
    expect(await ask('notes.txt')).toBe(false);
    expect(await c.rpc.sendRequest(IS_RESUME_CONFIG_REQUEST, { uri: 'untitled:Untitled-1' })).toBe(false);
  });
});
