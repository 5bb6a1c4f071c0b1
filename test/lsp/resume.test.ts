import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerSession } from './serverSession';
import { SEED_CHECKPOINT, SEED_CONFIG, SEED_CURRENT } from '../fixtures/seed';

const CONFIG = SEED_CONFIG;
const CURRENT = SEED_CURRENT;
const CHECKPOINT = SEED_CHECKPOINT;

let root: string;
let session: ServerSession;
const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).toString();

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-resume-lsp-'));
  fs.mkdirSync(path.join(root, 'task1/logs'), { recursive: true });
  fs.writeFileSync(path.join(root, 'task1/task_config.ini'), CONFIG);
  fs.writeFileSync(path.join(root, 'task1/logs/position.log'), `${CHECKPOINT}\n${CURRENT}\n${CHECKPOINT}\n`);
  session = await ServerSession.start({ rootUri: pathToFileURL(root).toString(), settings: { version: '2.0.24' } });
});
afterEach(() => {
  session.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

type Answer = { kind: string; configEdits?: { newText: string }[]; newConfigText?: string; suggestedLine?: number; candidates?: unknown[] };
const plan = (params: object) => session.connection.sendRequest('apeDts/planResume', params) as Promise<Answer>;

describe('apeDts/planResume', () => {
  it('finds the task by its log_dir and plans the seed edit', async () => {
    const answer = await plan({ logUri: uriOf('task1/logs/position.log'), line: 2 });
    expect(answer.kind).toBe('plan');
    expect(answer.configEdits!.map((e) => e.newText)).toEqual(['73685']);
    expect(answer.newConfigText).toBe(CONFIG.replace('73351', '73685'));
  });

  it('refuses a MySQL current_position line, suggesting the checkpoint before it', async () => {
    const answer = await plan({ logUri: uriOf('task1/logs/position.log'), line: 1 });
    expect([answer.kind, answer.suggestedLine]).toEqual(['refused', 0]);
  });

  it('asks which task when two configs write to the same folder', async () => {
    fs.writeFileSync(path.join(root, 'task1/other_task_config.ini'), CONFIG);
    session.stop();
    session = await ServerSession.start({ rootUri: pathToFileURL(root).toString() });
    const answer = await plan({ logUri: uriOf('task1/logs/position.log'), line: 2 });
    expect([answer.kind, answer.candidates?.length]).toEqual(['chooseConfig', 2]);
  });

  it('latest from the task config itself', async () => {
    const answer = await plan({ configUri: uriOf('task1/task_config.ini'), line: 'latest' });
    expect(answer.newConfigText).toContain('binlog_position=73685');
  });
});
