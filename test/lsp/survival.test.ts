import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { lintConfig } from '../../server/src/core/lintConfig';
import { ensureBuilt } from '../cli/runCli';
import { ServerSession } from './serverSession';

// The language server keeps answering whatever the client or the disk throws at it: broken
// protocol messages, requests about documents it never saw, a storm of edits, files deleted
// or rotated under it, bytes that are not UTF-8, and a line of many megabytes.

ensureBuilt();

const CONFIG = ['[extractor]', 'db_type=mysql', 'extract_type=cdc', 'url=mysql://root:pw@127.0.0.1:3307', 'server_id=2000', '', '[sinker]', 'db_type=mysql', 'sink_type=write', 'url=mysql://root:pw@127.0.0.1:3308', '', '[runtime]', 'log_dir=./logs', ''].join('\n');

let session: ServerSession | undefined;
const dirs: string[] = [];
afterEach(() => {
  session?.stop();
  session = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-survival-'));
  dirs.push(d);
  return d;
}

/** Proof of life: a request the server must answer, on a document opened just for it. */
async function answersHover(s: ServerSession, uri = 'file:///survival/alive/task_config.ini'): Promise<void> {
  await s.open(uri, CONFIG);
  await s.nextDiagnostics(uri);
  const hover = (await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } })) as { contents: { value: string } } | null;
  expect(hover?.contents.value).toContain('db_type');
  expect(s.alive()).toBe(true);
}

/** Writes one framed message straight to the server's stdin: a valid header, any body. */
function writeFramed(s: ServerSession, body: Buffer | string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  s.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
}

describe('malformed protocol messages', () => {
  it('garbage bytes and invalid JSON behind a valid Content-Length do not stop the server', async () => {
    session = await ServerSession.start();
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256));
    writeFramed(session, garbage);
    writeFramed(session, '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":');
    writeFramed(session, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]));
    writeFramed(session, 'null');
    writeFramed(session, '[]');
    writeFramed(session, '"a string"');
    writeFramed(session, '{"jsonrpc":"2.0"}');
    writeFramed(session, '{"jsonrpc":"2.0","method":42}');
    writeFramed(session, '{"jsonrpc":"2.0","id":{"x":1},"method":"textDocument/hover","params":{}}');
    await answersHover(session);
  });

  it('requests with params of the wrong shape get an answer (an empty one or an error), not a crash', async () => {
    session = await ServerSession.start();
    const uri = 'file:///survival/shapes/task_config.ini';
    await session.open(uri, CONFIG);
    await session.nextDiagnostics(uri);
    const bad: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri }, position: 'here' }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -3, character: 1e12 } }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 1e9, character: -1 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 1.5, character: 'x' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ range: null, message: 7 }] } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: 'none', only: 5 } }],
      ['textDocument/definition', { textDocument: { uri }, position: { line: 12, character: 9 } }],
      ['textDocument/documentSymbol', { textDocument: {} }],
      ['textDocument/foldingRange', null],
    ];
    const answers = await Promise.all(bad.map(([method, params]) => session!.connection.sendRequest(method, params).then(() => 'answered', () => 'error')));
    expect(answers).toHaveLength(bad.length);
    // Notifications with bad params are dropped quietly.
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: 'everything' });
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 7 } });
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 3 }, { uri: 'file:///%E0%A4%A', type: 1 }] });
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { apeDts: { version: 42, lint: 'always' } } });
    await answersHover(session);
  });
});

describe('documents the server never saw', () => {
  it('requests, changes, saves and closes for an unknown document are answered or ignored', async () => {
    session = await ServerSession.start();
    const uri = 'file:///survival/never/opened/task_config.ini';
    const document = { textDocument: { uri } };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    expect(await session.connection.sendRequest('textDocument/hover', { ...document, position })).toBeNull();
    expect(await session.connection.sendRequest('textDocument/completion', { ...document, position })).toEqual([]);
    expect(await session.connection.sendRequest('textDocument/codeAction', { ...document, range, context: { diagnostics: [] } })).toEqual([]);
    expect(await session.connection.sendRequest('textDocument/documentSymbol', document)).toEqual([]);
    expect(await session.connection.sendRequest('textDocument/foldingRange', document)).toEqual([]);
    expect(await session.connection.sendRequest('textDocument/definition', { ...document, position })).toEqual([]);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: '[x' }] });
    await session.connection.sendNotification('textDocument/didSave', document);
    await session.connection.sendNotification('textDocument/didClose', document);
    await answersHover(session);
  });
});

describe('a storm of edits', () => {
  it('hundreds of changes in a second are checked a few times, and the last publish matches the final text', async () => {
    session = await ServerSession.start();
    const uri = 'file:///survival/storm/task_config.ini';
    await session.open(uri, CONFIG);
    await session.nextDiagnostics(uri);
    const before = session.publishCount(uri);
    const EDITS = 300;
    const BURSTS = 10;
    let text = CONFIG;
    for (let i = 1; i <= EDITS; i++) {
      text = CONFIG.replace('server_id=2000', `server_id=${i % 7 === 0 ? 'abc' : i}`) + `buffer_size=${i}\n`.repeat(i % 3);
      void session.change(uri, text);
      // Ten bursts, as fast typing or a paste-and-undo spree would send; every gap is meant to
      // stay under the server's 150 ms quiet time, but a busy machine may stretch a gap.
      if (i % (EDITS / BURSTS) === 0) await new Promise((r) => setTimeout(r, 30));
    }
    // Wait for the publish of the last version.
    let last = await session.nextDiagnostics(uri);
    while (last.version !== EDITS + 1) last = await session.nextDiagnostics(uri);
    await new Promise((r) => setTimeout(r, 400)); // nothing more should follow
    const publishes = session.publishCount(uri) - before;
    // At most one check per burst even if every gap was stretched past the quiet time.
    expect(publishes, `${publishes} validations for ${EDITS} edits`).toBeLessThanOrEqual(BURSTS);
    const expected = lintConfig(text).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    expect(last.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)).toEqual(expected);
    await answersHover(session);
  });
});

describe('the files on disk change under the server', () => {
  const SHARED = (name: string) => CONFIG.replace('log_dir=./logs', 'log_dir=./shared_logs').replace('server_id=2000', `server_id=${name.length}`) + '[resumer]\nresume_type=from_log\n';

  it('a neighbour deleted, then the open file itself deleted and rotated: the server re-checks and keeps answering', async () => {
    const root = tempDir();
    const a = path.join(root, 'a', 'task_config.ini');
    const b = path.join(root, 'b', 'task_config.ini');
    fs.mkdirSync(path.dirname(a));
    fs.mkdirSync(path.dirname(b));
    // Both resolve ./shared_logs against the same folder only if they live in one: put b's log_dir there.
    fs.writeFileSync(a, SHARED('a'));
    fs.writeFileSync(b, SHARED('b').replace('./shared_logs', '../a/shared_logs'));
    session = await ServerSession.start({ rootUri: pathToFileURL(root).toString() });
    const uriA = pathToFileURL(a).toString();
    const uriB = pathToFileURL(b).toString();
    await session.open(uriA, fs.readFileSync(a, 'utf8'));
    const first = await session.nextDiagnostics(uriA);
    expect(first.diagnostics.map((d) => d.code)).toContain('lint.log_dir.unique');

    fs.rmSync(b);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriB, type: 3 }] });
    const afterDelete = await session.nextDiagnostics(uriA);
    expect(afterDelete.diagnostics.map((d) => d.code)).not.toContain('lint.log_dir.unique');

    // The open file is deleted on disk, then a new one appears in its place (log rotation style).
    fs.rmSync(a);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriA, type: 3 }] });
    await session.nextDiagnostics(uriA);
    fs.writeFileSync(a, 'garbage that is not a config\n[');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriA, type: 1 }, { uri: uriB, type: 2 }] });
    await session.nextDiagnostics(uriA);
    const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriA }, position: { line: 1, character: 2 } });
    expect(hover).not.toBeNull(); // the open text, not the file on disk, is what is checked
    await answersHover(session);
  });

  it('a task config on disk that is not UTF-8 (GBK), or not text at all, is skipped, not fatal', async () => {
    const root = tempDir();
    // "[extractor]\nurl=" followed by GBK bytes for 中文 and a lone 0xFF.
    fs.writeFileSync(path.join(root, 'gbk_task_config.ini'), Buffer.concat([Buffer.from('[extractor]\nlog_dir='), Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xff]), Buffer.from('\n')]));
    fs.writeFileSync(path.join(root, 'binary_task_config.ini'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)));
    fs.mkdirSync(path.join(root, 'unreadable_task_config.ini')); // a folder with a config's name
    session = await ServerSession.start({ rootUri: pathToFileURL(root).toString() });
    const uri = pathToFileURL(path.join(root, 'gbk_task_config.ini')).toString();
    // An editor that guessed wrong shows replacement characters; the server just checks that text.
    await session.open(uri, '[extractor]\nlog_dir=\uFFFD\uFFFD\uFFFD\n');
    await session.nextDiagnostics(uri);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri, type: 2 },
        { uri: pathToFileURL(path.join(root, 'binary_task_config.ini')).toString(), type: 2 },
        { uri: pathToFileURL(path.join(root, 'unreadable_task_config.ini')).toString(), type: 2 },
      ],
    });
    await session.nextDiagnostics(uri);
    await answersHover(session, pathToFileURL(path.join(root, 'other_task_config.ini')).toString());
  });
});

describe('a line of megabytes', () => {
  it('a 5 MB line is checked, and hover and completion on it are answered', async () => {
    session = await ServerSession.start();
    const uri = 'file:///survival/huge/task_config.ini';
    const huge = 'insert,updte,'.repeat(Math.ceil((5 * 1024 * 1024) / 13));
    const text = `${CONFIG}[filter]\ndo_events=${huge}\n`;
    const line = text.split('\n').length - 2;
    await session.open(uri, text);
    const published = await session.nextDiagnostics(uri);
    // One problem per misspelt entry would be hundreds of thousands: they are summed up per line.
    expect(published.diagnostics.length).toBeLessThan(100);
    const hover = session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 100 } });
    const completion = session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 5_000_000 } });
    const symbols = session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    // A slow path would show as this test's timeout; the speed itself is the benchmark's concern.
    await Promise.all([hover, completion, symbols]);
    // And the same document edited into another long line: a 5 MB url.
    await session.change(uri, `${CONFIG}[sinker]\nurl=mysql://u:${'p'.repeat(5 * 1024 * 1024)}@h:3306\n`);
    await session.nextDiagnostics(uri);
    await answersHover(session);
  }, 60_000);
});
