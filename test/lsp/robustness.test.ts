import { ResponseError } from 'vscode-jsonrpc/node';
import { afterEach, expect, it } from 'vitest';
import { ServerSession } from './serverSession';

const URI = 'file:///work/tasks/task_config.ini';

let session: ServerSession | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
});

it('survives an edit to a document it never saw and a request it does not know', async () => {
  session = await ServerSession.start();

  await session.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: 'file:///work/never-opened.ini', version: 7 },
    contentChanges: [{ text: '[extractor' }],
  });
  const unknown = session.connection.sendRequest('apeDts/noSuchRequest', {});
  await expect(unknown).rejects.toBeInstanceOf(ResponseError);
  await expect(unknown).rejects.toMatchObject({ code: -32601 }); // MethodNotFound

  // Still serving: a document opened afterwards is linted as usual.
  await session.open(URI, '=value\n');
  const { diagnostics } = await session.nextDiagnostics(URI);
  expect(diagnostics.map((d) => d.code)).toEqual(['ini.empty-key']);
  expect(session.alive()).toBe(true);
});
