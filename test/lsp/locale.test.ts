import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../server/src/core/i18n';
import { ServerSession } from './serverSession';
import { SEED_CHECKPOINT, SEED_CONFIG, SEED_CURRENT } from '../fixtures/seed';

// Issue 9: the server speaks the editor's display language (the initialize params' `locale`,
// which VS Code's client fills in; `initializationOptions.locale` overrides it), and English
// when none is given.

const CONFIG = SEED_CONFIG;
// 2.0.26 (auto, no legacy keys) derives [extractor] batch_size from buffer_size, so 0 stops it at load.
const BROKEN = `${CONFIG}
[pipeline]
buffer_size=0
`;
const CURRENT = SEED_CURRENT;
const CHECKPOINT = SEED_CHECKPOINT;
const CJK = /[\u4e00-\u9fff]/;

let root: string;
let session: ServerSession | undefined;
const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).toString();

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-locale-lsp-'));
  fs.mkdirSync(path.join(root, 'task1/logs'), { recursive: true });
  fs.writeFileSync(path.join(root, 'task1/task_config.ini'), CONFIG);
  fs.writeFileSync(path.join(root, 'task1/logs/position.log'), `${CHECKPOINT}\n${CURRENT}\n${CHECKPOINT}\n`);
});
afterEach(() => {
  session?.stop();
  session = undefined;
  fs.rmSync(root, { recursive: true, force: true });
});

const start = (options: { locale?: string; initializationOptions?: unknown }) =>
  ServerSession.start({ rootUri: pathToFileURL(root).toString(), settings: { version: 'auto' }, ...options });

type Answer = { kind: string; reason?: string; notes?: string[]; suggestedLine?: number };
const plan = (params: object) => session!.connection.sendRequest('apeDts/planResume', params) as Promise<Answer>;

async function bufferSizeMessage(): Promise<string> {
  const uri = uriOf('task1/broken_task_config.ini');
  await session!.open(uri, BROKEN);
  const { diagnostics } = await session!.nextDiagnostics(uri);
  const found = diagnostics.find((d) => d.code === 'lint.buffer_size.zero');
  expect(found, JSON.stringify(diagnostics)).toBeDefined();
  const { message } = found!;
  return typeof message === 'string' ? message : message.value;
}

describe('a session started with locale zh-cn', () => {
  it('publishes the diagnostics of a broken config in Chinese', async () => {
    session = await start({ locale: 'zh-cn' });
    const message = await bufferSizeMessage();
    expect(message).toBe(t('lint.buffer_size.zero.batch-size', undefined, 'zh-cn'));
    expect(message).toMatch(CJK);
  });

  it('refuses a resume from a MySQL current_position in Chinese, naming the checkpoint before it', async () => {
    session = await start({ locale: 'zh-cn' });
    const answer = await plan({ logUri: uriOf('task1/logs/position.log'), line: 1 });
    expect([answer.kind, answer.suggestedLine]).toEqual(['refused', 0]);
    const offer = t('resume.refuse.PL008.checkpoint', { line: 1 }, 'zh-cn');
    expect(answer.reason).toBe(t('resume.refuse.PL008', { line: 2, offer }, 'zh-cn'));
    expect(answer.reason).toContain('current_position');
    expect(answer.reason).toMatch(CJK);
  });

  it('writes the notes of a plan in Chinese', async () => {
    session = await start({ locale: 'zh-cn' });
    const answer = await plan({ logUri: uriOf('task1/logs/position.log'), line: 2 });
    expect(answer.kind).toBe('plan');
    expect(answer.notes![0]).toBe(`任务：task_config.ini（${t('lsp.resume.matched.config-folder', undefined, 'zh-cn')}）。`);
  });
});

describe('a session started without a locale', () => {
  it('speaks English', async () => {
    session = await start({});
    // Planned before the broken config opens: it writes to the same log folder.
    const answer = await plan({ logUri: uriOf('task1/logs/position.log'), line: 1 });
    expect(answer.reason).toBe(
      'PL008: line 2 is a MySQL current_position, which can sit in the middle of a transaction: resuming there applies half a transaction or fails on a missing table map. Resume from the checkpoint on line 1 instead.',
    );
    const refused = await plan({ line: 'latest' });
    expect(refused.reason).toBe('Open a position.log or a task config first.');
    expect(await bufferSizeMessage()).toBe(t('lint.buffer_size.zero.batch-size', undefined, 'en'));
  });
});

describe('initializationOptions.locale', () => {
  it("overrides the editor's display language", async () => {
    session = await start({ locale: 'en', initializationOptions: { locale: 'zh-CN' } });
    const refused = await plan({ line: 'latest' });
    expect(refused.reason).toBe('请先打开一个 position.log 或任务配置。');
    expect(await bufferSizeMessage()).toMatch(CJK);
  });
});
