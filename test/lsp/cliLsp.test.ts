import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerSession } from './serverSession';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
let session: ServerSession | undefined;
afterEach(() => session?.stop());

describe('apedts lsp --stdio serves the same language server', () => {
  it('publishes diagnostics for an opened config', async () => {
    session = await ServerSession.start({ argv: [CLI, 'lsp', '--stdio'] });
    const uri = 'file:///tmp/apedts-cli-lsp/task_config.ini';
    await session.open(uri, '[extractor]\ndb_type=mysql\nextract_type=cdc\nserver_id=abc\n[sinker]\nsink_type=dummy\n');
    const published = await session.nextDiagnostics(uri);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.line])).toContainEqual(['type.parse', 3]);
  });
});
