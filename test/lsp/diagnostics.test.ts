import { afterEach, describe, expect, it } from 'vitest';
import { ServerSession, summarize } from './serverSession';

const URI = 'file:///work/tasks/task_config.ini';

// Shaped like ape-dts's own mysql_to_mysql/snapshot/basic_test config: loads without error.
const VALID = `[extractor]
db_type=mysql
extract_type=snapshot
url=mysql://root:123456@127.0.0.1:3307

[sinker]
db_type=mysql
sink_type=write
url=mysql://root:123456@127.0.0.1:3308

[parallelizer]
parallel_type=snapshot
parallel_size=8
`;

let session: ServerSession | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
});

describe('lint.run = onType', () => {
  it('publishes syntax errors on open, with exact ranges, and clears them once fixed', async () => {
    session = await ServerSession.start({ settings: { version: 'auto', lint: { run: 'onType' } } });

    await session.open(
      URI,
      `[extractor
db_type=mysql
extract_type=snapshot
=mysql://root:123456@127.0.0.1:3307
`,
    );
    const opened = await session.nextDiagnostics(URI);
    expect(opened.version).toBe(1);
    expect(opened.diagnostics.map(summarize)).toEqual([
      { line: 0, from: 0, to: 10, code: 'ini.unterminated-section', severity: 'error' },
      { line: 3, from: 0, to: 35, code: 'ini.empty-key', severity: 'error' },
    ]);
    expect(opened.diagnostics.every((d) => d.source === 'ape-dts')).toBe(true);

    await session.change(URI, VALID);
    const fixed = await session.nextDiagnostics(URI);
    expect(fixed).toEqual({ uri: URI, version: 2, diagnostics: [] });
  });

  it('reports a value of the wrong type on its line', async () => {
    session = await ServerSession.start({ settings: { lint: { run: 'onType' } } });

    await session.open(URI, '[extractor]\ndb_type=mysql\nextract_type=cdc\nserver_id=abc');
    const { diagnostics } = await session.nextDiagnostics(URI);
    expect(diagnostics.map(summarize)).toContainEqual(
      expect.objectContaining({ line: 3, code: 'type.parse', severity: 'error' }),
    );
  });

  it('publishes the result of the latest of several quick edits', async () => {
    session = await ServerSession.start({ settings: { lint: { run: 'onType' } } });
    await session.open(URI, VALID);
    expect((await session.nextDiagnostics(URI)).diagnostics).toEqual([]);

    await session.change(URI, `${VALID}=a\n`);
    await session.change(URI, `${VALID}=ab\n`);
    await session.change(URI, `${VALID}[runtime\n`);
    // Normally one publish for version 4; a slow machine may publish an earlier version first.
    let published = await session.nextDiagnostics(URI);
    while (published.version !== 4) published = await session.nextDiagnostics(URI);
    expect(published.diagnostics.map(summarize)).toEqual([
      { line: 13, from: 0, to: 8, code: 'ini.unterminated-section', severity: 'error' },
    ]);
  });
});

describe('lint.run = onSave', () => {
  it('publishes nothing for an edit until the file is saved', async () => {
    session = await ServerSession.start({ settings: { lint: { run: 'onSave' } } });
    await session.open(URI, VALID);
    expect((await session.nextDiagnostics(URI)).diagnostics).toEqual([]);

    await session.change(URI, `${VALID}=oops\n`);
    // Nothing may arrive for the edit itself: wait well past the onType delay (150 ms) and
    // check that no publish came in, then save.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(session.publishCount(URI)).toBe(1);

    await session.save(URI);
    const saved = await session.nextDiagnostics(URI);
    expect(saved.version).toBe(2);
    expect(saved.diagnostics.map(summarize)).toEqual([
      { line: 13, from: 0, to: 5, code: 'ini.empty-key', severity: 'error' },
    ]);
  });
});

describe('closing a document', () => {
  it('clears its diagnostics', async () => {
    session = await ServerSession.start();
    await session.open(URI, '[extractor\n');
    expect((await session.nextDiagnostics(URI)).diagnostics).toHaveLength(1);

    await session.close(URI);
    expect(await session.nextDiagnostics(URI)).toEqual({ uri: URI, diagnostics: [] });
  });
});
