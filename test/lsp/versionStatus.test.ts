import { afterEach, describe, expect, it } from 'vitest';
import { ServerSession } from './serverSession';

const URI = 'file:///work/tasks/task_config.ini';

const CONFIG = `[extractor]
db_type=mysql
extract_type=snapshot
url=mysql://root:123456@127.0.0.1:3307

[sinker]
db_type=mysql
sink_type=write
url=mysql://root:123456@127.0.0.1:3308
`;

let session: ServerSession | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
});

describe('apeDts/status', () => {
  it('names the version profile that auto picked, and why', async () => {
    session = await ServerSession.start({ settings: { version: 'auto' } });
    await session.open(URI, CONFIG);
    expect(await session.nextStatus(URI)).toEqual({
      uri: URI,
      version: '2.0.26',
      reason: expect.stringMatching(/^auto/),
    });
  });

  it('follows the apeDts.version setting', async () => {
    session = await ServerSession.start({ settings: { version: '2.0.24' } });
    await session.open(URI, CONFIG);
    expect(await session.nextStatus(URI)).toMatchObject({ uri: URI, version: '2.0.24' });
  });

  it('re-lints open documents when the settings change', async () => {
    session = await ServerSession.start({ settings: { version: '2.0.26' } });
    await session.open(URI, CONFIG);
    expect(await session.nextStatus(URI)).toMatchObject({ version: '2.0.26' });

    await session.changeSettings({ version: '2.0.25' });
    expect(await session.nextStatus(URI)).toMatchObject({ version: '2.0.25' });
  });

  it('reads initializationOptions from a client without workspace/configuration', async () => {
    session = await ServerSession.start({
      configurationCapability: false,
      initializationOptions: { version: '2.0.25', lint: { run: 'onSave' } },
    });
    await session.open(URI, CONFIG);
    expect(await session.nextStatus(URI)).toMatchObject({ version: '2.0.25' });
  });

  it('ignores a setting it does not know and falls back to auto', async () => {
    session = await ServerSession.start({ settings: { version: '1.0.0' } });
    await session.open(URI, CONFIG);
    expect(await session.nextStatus(URI)).toMatchObject({ version: '2.0.26', reason: expect.stringMatching(/^auto/) });
  });
});
