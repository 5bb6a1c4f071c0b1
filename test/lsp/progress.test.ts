import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ServerSession, summarize } from './serverSession';
import { SEED_CONFIG_LEGACY } from '../fixtures/seed';

// position.log / finished.log / resume config documents over LSP, in a workspace on disk:
// diagnostics, hover, code lenses (the predicted line, "Resume from this line"), the
// prediction on the task config, outline and folding, and big files read by their tail.

// The seed: a MySQL CDC task started at mysql-bin.000004:73351, resuming from its log at
// 2.0.24; position.log ends with the checkpoint at 73685.
const CONFIG = SEED_CONFIG_LEGACY;
const RESUMER_LINE = CONFIG.split('\n').indexOf('[resumer]');

const mysql = (time: string, tag: string, pos: number, file = 'mysql-bin.000004') =>
  `${time} | ${tag} | {"type":"MysqlCdc","server_id":"","binlog_filename":"${file}","next_event_position":${pos},"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}`;
const LOG = [
  mysql('2024-10-18 05:21:35.100000', 'current_position', 73400),
  mysql('2024-10-18 05:21:35.100001', 'checkpoint_position', 73500),
  mysql('2024-10-18 05:21:45.207690', 'current_position', 73600),
  mysql('2024-10-18 05:21:45.207788', 'checkpoint_position', 73685),
  '',
].join('\n');

let root: string;
let session: ServerSession;
const uri = (rel: string) => pathToFileURL(path.join(root, rel)).toString();
function write(rel: string, text: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return uri(rel);
}

interface Lens {
  range: { start: { line: number } };
  command: { title: string; command: string; arguments?: unknown[] };
}
const lenses = (u: string) => session.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: u } }) as Promise<Lens[]>;
const titlesAt = (all: Lens[], line: number) => all.filter((l) => l.range.start.line === line).map((l) => l.command.title);
const hover = (u: string, line: number) =>
  session.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line, character: 5 } }) as Promise<{ contents: { value: string } } | null>;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-progress-lsp-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => session?.stop());

async function start(files: Record<string, string>, settings: unknown = {}): Promise<void> {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  session = await ServerSession.start({ rootUri: pathToFileURL(root).toString(), settings });
}

describe('the seed position.log', () => {
  it('gets no diagnostic, and is checked against the version of its task config', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const log = uri('logs/position.log');
    await session.open(log, LOG, 'ape-dts-position');
    expect((await session.nextDiagnostics(log)).diagnostics).toEqual([]);
    expect((await session.nextStatus(log)).version).toBe('2.0.24');
  });

  it('hover on the checkpoint line: position, times, [extractor] keys, and yes, ape-dts resumes here', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const log = uri('logs/position.log');
    await session.open(log, LOG, 'ape-dts-position');
    const text = (await hover(log, 3))!.contents.value;
    expect(text).toContain('**MysqlCdc**');
    expect(text).toContain('Binlog file `mysql-bin.000004`, offset 73685');
    expect(text).toContain('2024-10-18 05:21:45.207788 UTC');
    expect(text).toMatch(/ local/);
    expect(text).toContain('`binlog_position=73685`');
    expect(text).toContain('**Resume: yes** (`../task_config.ini`, ape-dts 2.0.24) — ape-dts resumes from this line');
  });

  it('hover on a current line says why ape-dts does not resume from it', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const log = uri('logs/position.log');
    await session.open(log, LOG, 'ape-dts-position');
    const text = (await hover(log, 2))!.contents.value;
    expect(text).toContain('**Resume: no**');
    expect(text).toContain('resumes mysql from checkpoint lines only');
    const older = (await hover(log, 1))!.contents.value;
    expect(older).toContain('Line 4 comes later with the same tag class (checkpoint) and replaces it');
  });

  it('code lenses: the prediction at the top, "will resume from here" on line 4, and "Resume from this line" on checkpoints', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const log = uri('logs/position.log');
    await session.open(log, LOG, 'ape-dts-position');
    const all = await lenses(log);
    expect(titlesAt(all, 0)).toEqual(['ape-dts resumes from line 4 (../task_config.ini)']);
    expect(titlesAt(all, 3)).toEqual(['ape-dts will resume from here: ../task_config.ini', 'Resume from this line']);
    const resume = all.filter((l) => l.command.command === 'apeDts.resumeFromLine');
    // MySQL current lines get none (they may sit inside a transaction).
    expect(resume.map((l) => l.range.start.line)).toEqual([1, 3]);
    expect(resume[1].command.arguments).toEqual([{ uri: log, line: 3 }]);
    const top = all.find((l) => l.range.start.line === 0)!;
    expect(top.command).toMatchObject({ command: 'apeDts.openProgressLine', arguments: [{ uri: log, line: 3 }] });
  });

  it('the task config shows the prediction on [resumer] and the overridden key on [extractor]', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const config = uri('task_config.ini');
    await session.open(config, CONFIG);
    await session.nextDiagnostics(config);
    const all = await lenses(config);
    expect(titlesAt(all, RESUMER_LINE)).toEqual(['ape-dts resumes from logs/position.log line 4 (checkpoint_position)']);
    expect(titlesAt(all, 0)).toEqual(['binlog_position is overridden by logs/position.log line 4']);
    expect(all[0].command).toMatchObject({ command: 'apeDts.openProgressLine', arguments: [{ uri: uri('logs/position.log'), line: 3 }] });
  });

  it('the config lens follows the open position.log, not the disk', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const config = uri('task_config.ini');
    const log = uri('logs/position.log');
    await session.open(config, CONFIG);
    const edited = LOG + mysql('2024-10-18 05:21:55.000000', 'checkpoint_position', 73900) + '\n';
    await session.open(log, edited, 'ape-dts-position');
    await session.nextDiagnostics(log);
    expect(titlesAt(await lenses(config), RESUMER_LINE)).toEqual(['ape-dts resumes from logs/position.log line 5 (checkpoint_position)']);
  });
});

describe('a broken position.log', () => {
  it('gets a diagnostic on each offending line', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const log = uri('logs/position.log');
    const broken = [
      mysql('2024-10-18 05:21:35.100000', 'checkpoint_position', 100), //                           1 fine
      mysql('2024-10-18 05:21:35.100001', 'checkpoint_position', 110).replace('110', '"110"'), // 2 quoted number
      mysql('2024-10-18 05:21:35.100002', 'checkpoint_position', 120).replace('MysqlCdc', 'MySQLCdc'), // 3 unknown variant
      mysql('2024-10-18 05:21:35.100003', 'current_positon', 140), //                               4 misspelt tag
      mysql('2024-10-18 05:21:35.100004', 'checkpoint_position', 150).slice(0, 120), //            5 truncated last line
    ].join('\n');
    await session.open(log, broken, 'ape-dts-position');
    const found = (await session.nextDiagnostics(log)).diagnostics.map(summarize);
    const at = (line: number) => found.filter((d) => d.line === line).map((d) => d.code);
    expect(at(0)).toEqual([]);
    expect(at(1)).toContain('PL004');
    expect(at(2)).toContain('PL003');
    expect(at(3)).toContain('PL001');
    expect(at(4)).toContain('PL014');
    expect(found.every((d) => d.line <= 4)).toBe(true);
  });

  it('hover on the truncated line says ape-dts skips it', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const log = uri('logs/position.log');
    const text = LOG + mysql('2024-10-18 05:21:55.000000', 'checkpoint_position', 73900).slice(0, 100);
    await session.open(log, text, 'ape-dts-position');
    const h = (await hover(log, 4))!.contents.value;
    expect(h).toContain('**Resume: no**');
    expect(h).toContain("ape-dts skips this line: its payload has no closing '}' (PL002)");
    expect(h).toContain('PL014');
  });
});

describe('resume config files', () => {
  it('every position line gets "Resume from this line", and the top says position.log wins', async () => {
    const config = CONFIG + 'resume_config_file=./resume.config\n';
    const resume = mysql('2024-10-18 05:00:00.000000', 'checkpoint_position', 4000) + '\n// a comment\n' + '{"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":5000,"gtid_set":"","timestamp":""}\n';
    await start({ 'task_config.ini': config, 'logs/position.log': LOG, 'resume.config': resume });
    const u = uri('resume.config');
    await session.open(u, resume, 'ape-dts-resume-config');
    const diagnostics = (await session.nextDiagnostics(u)).diagnostics.map(summarize);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const all = await lenses(u);
    expect(titlesAt(all, 0)).toContain('ape-dts resumes from logs/position.log line 4, not from this file (task_config.ini)');
    expect(all.filter((l) => l.command.command === 'apeDts.resumeFromLine').map((l) => l.command.arguments)).toEqual([[{ uri: u, line: 0 }], [{ uri: u, line: 2 }]]);
  });
});

describe('finding the task config', () => {
  it('a relative log_dir is matched against the workspace folder too, and the lens says so', async () => {
    const config = CONFIG.replace('log_dir=./logs', 'log_dir=./dt-logs/task1');
    await start({ 'tasks/task1/task_config.ini': config, 'dt-logs/task1/position.log': LOG });
    const log = uri('dt-logs/task1/position.log');
    await session.open(log, LOG, 'ape-dts-position');
    const all = await lenses(log);
    expect(titlesAt(all, 0)).toEqual(['ape-dts resumes from line 4 (../../tasks/task1/task_config.ini)']);
    const h = (await hover(log, 3))!.contents.value;
    expect(h).toContain('**Resume: yes**');
    const c = uri('tasks/task1/task_config.ini');
    await session.open(c, config);
    expect(titlesAt(await lenses(c), RESUMER_LINE)[0]).toMatch(/^ape-dts resumes from .*dt-logs\/task1\/position\.log line 4 \(checkpoint_position\) \(paths from the workspace folder /);
  });

  it('two task configs with one log folder: a PL011 warning on the first line', async () => {
    await start({ 'a/task_config.ini': CONFIG, 'a/other_task_config.ini': CONFIG.replace('resume_from_log=true', 'resume_from_log=false'), 'a/logs/position.log': LOG });
    const log = uri('a/logs/position.log');
    await session.open(log, LOG, 'ape-dts-position');
    const d = (await session.nextDiagnostics(log)).diagnostics;
    const shared = d.filter((x) => x.code === 'PL011');
    expect(shared).toHaveLength(1);
    expect(shared[0].range.start.line).toBe(0);
    expect(shared[0].message).toContain('2 task configs share this log folder');
    expect(shared[0].message).toContain('other_task_config.ini (writes its progress here');
  });

  it('no task config: the top lens says so, and the file is still checked', async () => {
    await start({});
    const log = write('somewhere/position.log', LOG);
    await session.open(log, LOG, 'ape-dts-position');
    expect((await session.nextDiagnostics(log)).diagnostics).toEqual([]);
    expect(titlesAt(await lenses(log), 0)).toEqual(['No task config in the workspace reads this file']);
    expect((await hover(log, 3))!.contents.value).toContain("depends on the task's [resumer] settings");
  });
});

describe('outline and folding', () => {
  it('one symbol per run, with the binlog files inside', async () => {
    const text = [
      mysql('2024-10-18 05:00:00.000000', 'checkpoint_position', 100),
      mysql('2024-10-18 05:00:10.000000', 'checkpoint_position', 200),
      mysql('2024-10-18 05:00:20.000000', 'checkpoint_position', 4, 'mysql-bin.000005'),
      // an hour later: the task was restarted
      mysql('2024-10-18 06:00:00.000000', 'checkpoint_position', 300, 'mysql-bin.000005'),
      mysql('2024-10-18 06:00:10.000000', 'checkpoint_position', 400, 'mysql-bin.000005'),
      '',
    ].join('\n');
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': text });
    const log = uri('logs/position.log');
    await session.open(log, text, 'ape-dts-position');
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: log } })) as {
      name: string;
      children: { name: string; range: { start: { line: number }; end: { line: number } } }[];
    }[];
    expect(symbols.map((s) => s.name)).toEqual(['Run 1 from 2024-10-18 05:00:00.000000 UTC', 'Run 2 from 2024-10-18 06:00:00.000000 UTC']);
    expect(symbols[0].children.map((c) => [c.name, c.range.start.line, c.range.end.line])).toEqual([
      ['mysql-bin.000004', 0, 1],
      ['mysql-bin.000005', 2, 2],
    ]);
    expect(symbols[1].children).toEqual([]);
    const folds = (await session.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: log } })) as { startLine: number; endLine: number }[];
    expect(folds.map((f) => [f.startLine, f.endLine])).toEqual([[0, 2], [0, 1], [3, 4]]);
  });
});

describe('big files', () => {
  it('the config lens reads only the tail of a position.log over 2 MB, with the true line number', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(mysql('2024-10-18 05:21:35.100000', i % 2 ? 'checkpoint_position' : 'current_position', 1000 + i));
    const big = lines.join('\n') + '\n';
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': big });
    const config = uri('task_config.ini');
    await session.open(config, CONFIG);
    const all = await lenses(config);
    expect(titlesAt(all, RESUMER_LINE)).toEqual(['ape-dts resumes from logs/position.log line 20000 (checkpoint_position)']);
    expect(titlesAt(all, 0)).toEqual(['binlog_position is overridden by logs/position.log line 20000']);
  });
});

describe('big open documents', () => {
  it('a position.log over 2 MB is checked from its tail, with true line numbers, and says so', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 25_000; i++) lines.push(mysql('2024-10-18 05:21:35.100000', i % 2 ? 'checkpoint_position' : 'current_position', 1000 + i));
    const big = lines.join('\n') + '\n';
    expect(big.length).toBeGreaterThan(4 * 1024 * 1024);
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': big });
    const log = uri('logs/position.log');
    await session.open(log, big, 'ape-dts-position');
    const d = (await session.nextDiagnostics(log)).diagnostics;
    expect(d.map((x) => [x.code, x.range.start.line])).toEqual([['progress.tail-only', 0]]);
    expect(d[0].message).toContain('last 2000 lines (from line 23002)');
    const all = await lenses(log);
    expect(titlesAt(all, 0)).toEqual(['ape-dts resumes from line 25000 (../task_config.ini)']);
    expect(titlesAt(all, 24_999)).toEqual(['ape-dts will resume from here: ../task_config.ini', 'Resume from this line']);
    expect((await hover(log, 10))!.contents.value).toContain('checked in the editor from line 23002 on');
  });
});

describe('apeDts.lint.run', () => {
  it('onSave: an edited position.log is checked when saved, not while typing', async () => {
    await start({ 'task_config.ini': CONFIG, 'logs/position.log': LOG }, { lint: { run: 'onSave' } });
    const log = uri('logs/position.log');
    await session.open(log, LOG, 'ape-dts-position');
    await session.nextDiagnostics(log);
    const before = session.publishCount(log);
    await session.change(log, LOG + '{"type":"MysqlCdc"\n');
    await new Promise((r) => setTimeout(r, 700));
    expect(session.publishCount(log)).toBe(before);
    await session.save(log);
    const after = await session.nextDiagnostics(log);
    expect(after.diagnostics.map((d) => d.code)).toContain('PL014');
  });
});
