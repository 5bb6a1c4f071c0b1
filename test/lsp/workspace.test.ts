import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerSession } from './serverSession';

let session: ServerSession | undefined;
let root: string | undefined;
afterEach(async () => {
  session?.stop();
  session = undefined;
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const RESUMING = `[extractor]
db_type=mysql
extract_type=snapshot
url=mysql://a@b:1
[sinker]
sink_type=dummy
[runtime]
log_dir=../shared_logs
[resumer]
resume_type=from_log
`;
const WRITER = RESUMING.replace('[resumer]\nresume_type=from_log\n', '');

describe('workspace: tasks sharing a log folder', () => {
  it('warns in an open config when a config on disk writes to its resume folder', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-ws-'));
    for (const [dir, text] of [['a', RESUMING], ['b', WRITER]]) {
      fs.mkdirSync(path.join(root, dir));
      fs.writeFileSync(path.join(root, dir, 'task_config.ini'), text);
    }
    session = await ServerSession.start({ rootUri: pathToFileURL(root).toString() });
    const uri = pathToFileURL(path.join(root, 'a', 'task_config.ini')).toString();
    await session.open(uri, RESUMING);
    const published = await session.nextDiagnostics(uri);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['lint.log_dir.unique', 7]]);

    // Moving this task to its own folder clears the warning.
    await session.change(uri, RESUMING.replace('../shared_logs', './logs'));
    expect((await session.nextDiagnostics(uri)).diagnostics).toEqual([]);
  });
});

describe('onSave mode and neighbours changing on disk', () => {
  it('does not lint unsaved edits when another task config changes', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-ws-'));
    fs.writeFileSync(path.join(root, 'task_config.ini'), WRITER);
    session = await ServerSession.start({ rootUri: pathToFileURL(root).toString(), settings: { lint: { run: 'onSave' } } });
    const uri = pathToFileURL(path.join(root, 'task_config.ini')).toString();
    await session.open(uri, WRITER);
    await session.nextDiagnostics(uri);
    await session.change(uri, WRITER.replace('db_type=mysql', 'db_type=MySQL'));
    const neighbour = path.join(root, 'other_task_config.ini');
    fs.writeFileSync(neighbour, WRITER);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(neighbour).toString(), type: 1 }] });
    // A request answered after the notification proves the server has handled it.
    await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    await new Promise((r) => setTimeout(r, 300));
    expect(session.publishCount(uri)).toBe(1);
    await session.save(uri);
    expect((await session.nextDiagnostics(uri)).diagnostics.map((d) => d.code)).toContain('lint.value-case');
  });
});
