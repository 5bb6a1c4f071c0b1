import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerSession } from './serverSession';

// Editor features over the protocol, answered from the same cached lint result as diagnostics.

const URI = 'file:///tmp/apedts-features/task_config.ini';
const CONFIG = `[extractor]
db_type=mysql
extract_type=cdc
url=mysql://root:s3cr3t-pw@127.0.0.1:3307
server_idd=2000

[sinker]
db_type=mysql
sink_type=write
url=mysql://root:s3cr3t-pw@127.0.0.1:3308
`;

let session: ServerSession;
beforeEach(async () => {
  session = await ServerSession.start();
  await session.open(URI, CONFIG);
  await session.nextDiagnostics(URI);
});
afterEach(() => session.stop());

const request = <T>(method: string, params: object) =>
  session.connection.sendRequest(method, { textDocument: { uri: URI }, ...params }) as Promise<T>;

describe('features over LSP', () => {
  it('hover on a key explains it, with a range', async () => {
    const hover = await request<{ contents: { value: string }; range: unknown }>('textDocument/hover', { position: { line: 2, character: 3 } });
    expect(hover.contents.value).toContain('extract_type');
    expect(hover.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 12 } });
  });

  it('hover on a url never shows its password', async () => {
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', { position: { line: 3, character: 20 } });
    expect(hover.contents.value).not.toContain('s3cr3t-pw');
  });

  it('completion offers keys of the task db_type (mysql cdc) and not of pg', async () => {
    const items = await request<{ label: string }[]>('textDocument/completion', { position: { line: 5, character: 0 } });
    const labels = items.map((i) => i.label);
    expect(labels).toContain('binlog_position');
    expect(labels).not.toContain('slot_name');
  });

  it('a code action fixes the misspelt key', async () => {
    const published = await request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } },
      context: { diagnostics: [] },
    });
    const fix = published.find((a) => a.title.includes('server_id'));
    expect(fix?.edit.changes[URI].map((e) => e.newText)).toEqual(['server_id']);
  });

  it('document symbols list sections with their keys', async () => {
    const symbols = await request<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', {});
    expect(symbols.map((s) => s.name)).toEqual(['[extractor]', '[sinker]']);
    expect(symbols[0].children.map((c) => c.name)).toContain('db_type');
  });

  it('folding ranges cover each section', async () => {
    const ranges = await request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', {});
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: 0, endLine: 4 }));
  });

  it('a request for an unknown document returns an empty answer', async () => {
    const items = await session.connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///nope.ini' }, position: { line: 0, character: 0 } });
    expect(items).toEqual([]);
  });
});
