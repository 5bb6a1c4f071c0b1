import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';
import { ProgressDiskReader, WHOLE_FILE_BYTES } from '../../server/src/lsp/progress/diskReader';
import { findOwners, sharedFolderDiagnostic } from '../../server/src/lsp/progress/owners';

// In-process checks of the server's progress helpers: reading big logs by their tail, and
// finding the task configs a progress file belongs to.

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-progress-unit-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const line = (i: number) => `2024-10-18 05:21:35.100000 | checkpoint_position | {"type":"Kafka","topic":"t","partition":0,"offset":${i}}`;
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => line(from + k) + '\n').join('');

describe('ProgressDiskReader', () => {
  it('reads a small file whole', async () => {
    const file = path.join(tmp, 'small.log');
    fs.writeFileSync(file, lines(0, 10));
    expect(await new ProgressDiskReader().read(file)).toMatchObject({ firstLine: 0, whole: true });
  });

  it('reads a big file by its tail, with the number of its first line; after an append only the new part is counted', async () => {
    const file = path.join(tmp, 'position.log');
    const count = Math.ceil((WHOLE_FILE_BYTES * 1.5) / line(0).length);
    fs.writeFileSync(file, lines(0, count));
    const reader = new ProgressDiskReader();
    const first = (await reader.read(file))!;
    expect(first.whole).toBe(false);
    const tailLines = first.text.split('\n');
    expect(tailLines.length).toBeGreaterThan(200);
    // The first line of the tail is line `firstLine` of the file: its offset says which.
    expect(tailLines[0]).toBe(line(first.firstLine));

    fs.appendFileSync(file, lines(count, count + 5000));
    const second = (await reader.read(file))!;
    expect(second.text.split('\n')[0]).toBe(line(second.firstLine));
    expect(second.text.endsWith(line(count + 4999) + '\n')).toBe(true);
  });

  it('a rolled file (new inode, smaller) is counted again from the start', async () => {
    const file = path.join(tmp, 'rolled.log');
    const count = Math.ceil((WHOLE_FILE_BYTES * 1.2) / line(0).length);
    fs.writeFileSync(file, lines(0, count));
    const reader = new ProgressDiskReader();
    await reader.read(file);
    fs.renameSync(file, path.join(tmp, 'rolled1.log'));
    fs.writeFileSync(file, lines(0, count - 100));
    const again = (await reader.read(file))!;
    expect(again.text.split('\n')[0]).toBe(line(again.firstLine));
  });

  it('a missing file is null', async () => {
    expect(await new ProgressDiskReader().read(path.join(tmp, 'nope.log'))).toBeNull();
  });
});

describe('findOwners', () => {
  const config = (resumer: string, logDir = './logs') =>
    parseTaskConfig(`[extractor]\ndb_type=kafka\nextract_type=cdc\n[sinker]\ndb_type=mysql\nsink_type=write\n[runtime]\nlog_dir=${logDir}\n[resumer]\n${resumer}\n`);

  it('matches [runtime] log_dir against the config folder first, then the workspace folder', () => {
    const tasks = [
      { path: '/w/a/task_config.ini', config: config('resume_type=from_log') },
      { path: '/w/b/task_config.ini', config: config('resume_type=from_log', './b-logs') },
    ];
    const bases = [{ dir: '/w', label: 'the workspace folder w' }];
    const a = findOwners('/w/a/logs/position.log', tasks, bases, '2.0.26');
    expect(a.map((o) => [o.configPath, o.reads, o.writes, o.via, o.base.label])).toEqual([['/w/a/task_config.ini', true, true, 'runtime.log_dir', "the config's folder"]]);
    const b = findOwners('/w/b-logs/position.log', tasks, bases, '2.0.26');
    expect(b.map((o) => [o.configPath, o.base.label])).toEqual([['/w/b/task_config.ini', 'the workspace folder w']]);
  });

  it('a resume config file is owned by the task that names it; a rolled archive only by its writer', () => {
    const tasks = [{ path: '/w/task_config.ini', config: config('resume_type=from_log\nconfig_file=./start.config') }];
    expect(findOwners('/w/start.config', tasks, [], '2.0.26').map((o) => [o.reads, o.via])).toEqual([[true, 'resumer.config_file']]);
    expect(findOwners('/w/logs/position3.log', tasks, [], '2.0.26').map((o) => [o.reads, o.writes])).toEqual([[false, true]]);
  });

  it('the reading task comes first; two tasks on one folder get PL011', () => {
    const tasks = [
      { path: '/w/x_task_config.ini', config: config('resume_type=dummy') },
      { path: '/w/y_task_config.ini', config: config('resume_type=from_log') },
    ];
    const owners = findOwners('/w/logs/position.log', tasks, [], '2.0.26');
    expect(owners.map((o) => path.basename(o.configPath))).toEqual(['y_task_config.ini', 'x_task_config.ini']);
    expect(sharedFolderDiagnostic('/w/logs/position.log', owners, 'abc')).toMatchObject({ code: 'PL011', severity: 'warning', range: { start: { line: 0 }, end: { character: 3 } } });
    expect(sharedFolderDiagnostic('/w/logs/position.log', owners.slice(0, 1), 'abc')).toBeUndefined();
  });
});
