import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, type JsonDiagnostic } from './runCli';
import { SEED_CONFIG_LEGACY } from '../fixtures/seed';

// `apedts lint` on progress files and `apedts resume-point`, run as the built CLI.

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-progress-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh folder under tmp holding these files. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

// The seed: a MySQL CDC task started at mysql-bin.000004:73351, resuming from its log at 2.0.24.
const CONFIG = SEED_CONFIG_LEGACY;
const mysql = (time: string, tag: string, pos: number) =>
  `${time} | ${tag} | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":${pos},"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}`;
const CHECKPOINT = mysql('2024-10-18 05:21:45.207788', 'checkpoint_position', 73685);
const LOG = [
  mysql('2024-10-18 05:21:35.100001', 'checkpoint_position', 73500),
  mysql('2024-10-18 05:21:45.207690', 'current_position', 73600),
  CHECKPOINT,
  '',
].join('\n');

const lintJson = (args: string[], cwd: string) => {
  const r = runCli(['lint', '--format', 'json', ...args], cwd);
  return { status: r.status, rows: JSON.parse(r.stdout) as JsonDiagnostic[], stderr: r.stderr };
};

describe('apedts resume-point', () => {
  it('the seed: the checkpoint line at 73685, as JSON with exactly the documented keys', () => {
    const dir = folder('seed', { 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const r = runCli(['resume-point', 'task_config.ini', '--format', 'json'], dir);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['source', 'file', 'line', 'tag', 'position', 'start', 'overridden', 'reasons', 'warnings']);
    expect(out).toMatchObject({ source: 'log', file: path.join('logs', 'position.log'), line: 3, tag: 'checkpoint_position', overridden: ['binlog_filename', 'binlog_position', 'gtid_set'], warnings: [] });
    expect(out.position).toEqual(JSON.parse(CHECKPOINT.slice(CHECKPOINT.indexOf('{'))));
    expect(out.start).toMatchObject({ binlog_filename: 'mysql-bin.000004', binlog_position: '73685' });
    expect(out.reasons).toContain('position.log line 2 is not used: ape-dts 2.0.24 resumes mysql from checkpoint lines only.');
  });

  it('prints the payload as written, so a 64-bit offset keeps every digit', () => {
    const config = `[extractor]\ndb_type=kafka\nextract_type=cdc\ntopic=orders\npartition=0\noffset=5\nurl=127.0.0.1:9092\n\n[sinker]\ndb_type=mysql\nsink_type=write\nurl=mysql://root@127.0.0.1:3308\n\n[runtime]\nlog_dir=./logs\n\n[resumer]\nresume_type=from_log\n`;
    const line = '2024-10-18 05:21:45.207788 | checkpoint_position | {"type":"Kafka","topic":"orders","partition":0,"offset":9007199254740993}\n';
    const dir = folder('kafka', { 'task_config.ini': config, 'logs/position.log': line });
    const r = runCli(['resume-point', 'task_config.ini', '--format', 'json', '--ape-dts-version', '2.0.26'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"position": {"type":"Kafka","topic":"orders","partition":0,"offset":9007199254740993}');
    expect(JSON.parse(r.stdout)).toMatchObject({ line: 1, start: { offset: '9007199254740993' }, overridden: ['offset'] });
  });

  it('no position.log: source extractor, line null, the configured start keys', () => {
    const dir = folder('empty-logs', { 'task_config.ini': CONFIG });
    const out = JSON.parse(runCli(['resume-point', 'task_config.ini', '--format', 'json'], dir).stdout);
    expect(out).toMatchObject({ source: 'extractor', file: null, line: null, tag: null, position: null, overridden: [] });
    expect(out.start.binlog_position).toBe('73351');
  });

  it('text format names the line; paths resolve against the config folder, not the working folder', () => {
    const dir = folder('text', { 'task/task_config.ini': CONFIG, 'task/logs/position.log': LOG });
    const r = runCli(['resume-point', path.join('task', 'task_config.ini')], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`resumes from ${path.join('task', 'logs', 'position.log')} line 3 (checkpoint_position)`);
    expect(r.stdout).toContain('binlog_position=73685');
  });

  it('exits 1 when ape-dts would not start with this [resumer] (legacy keys at 2.0.26)', () => {
    const dir = folder('fatal', { 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const r = runCli(['resume-point', 'task_config.ini', '--format', 'json', '--ape-dts-version', '2.0.26'], dir);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.line).toBeNull();
    expect(out.warnings.some((w: string) => w.startsWith('PL021'))).toBe(true);
  });

  it.each([
    ['no TASK_CONFIG', ['resume-point'], 'TASK_CONFIG'],
    ['two TASK_CONFIGs', ['resume-point', 'a.ini', 'b.ini'], 'TASK_CONFIG'],
    ['a bad format', ['resume-point', 'a.ini', '--format', 'yaml'], 'yaml'],
    ['a bad version', ['resume-point', 'a.ini', '--ape-dts-version', '1.0'], '1.0'],
    ['a missing file', ['resume-point', 'no-such-task_config.ini'], 'no-such-task_config.ini'],
  ])('exits 2 on %s', (_name, args, inMessage) => {
    const r = runCli(args, tmp);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(inMessage);
  });
});

describe('apedts lint on progress files', () => {
  it('a folder search finds position.log and reports its broken lines in the same JSON format', () => {
    const broken = LOG + mysql('2024-10-18 05:21:55.000000', 'current_positon', 73700) + '\n' + CHECKPOINT.slice(0, 120);
    const dir = folder('broken', { 'task_config.ini': CONFIG, 'logs/position.log': broken });
    const { status, rows } = lintJson(['.'], dir);
    const log = rows.filter((r) => r.file === path.join('logs', 'position.log'));
    expect(log.map((r) => `${r.line}:${r.code}:${r.severity}`)).toEqual(['4:PL001:error', '5:PL014:warning']);
    expect(Object.keys(log[0])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    expect(status).toBe(1);
  });

  it('a clean seed folder: no diagnostic on the log, exit 0, both files counted', () => {
    const dir = folder('clean', { 'task_config.ini': CONFIG, 'logs/position.log': LOG });
    const r = runCli(['lint', '.'], dir);
    expect(r.stdout).not.toContain('position.log:');
    expect(r.stdout).toMatch(/in 2 files \(ape-dts 2\.0\.24\)/);
    expect(r.status).toBe(0);
  });

  it('a position.log given alone is checked against the task config above it', () => {
    const pgLine = '2024-10-18 05:22:22.000000 | checkpoint_position | {"type":"PgCdc","lsn":"0/5D65CB0","timestamp":"2024-10-18 05:22:21.756"}\n';
    const dir = folder('alone', { 'task_config.ini': CONFIG, 'logs/position.log': LOG + pgLine });
    const { rows } = lintJson([path.join('logs', 'position.log')], dir);
    expect(rows.map((r) => `${r.line}:${r.code}`)).toContain('4:PL010');
  });

  it('finds resume.config anywhere and *.config only beside a task config', () => {
    const bad = '{"type":"MysqlCdc","binlog_filename":"mysql-bin.000004"}\n';
    const dir = folder('configs', {
      'task/task_config.ini': CONFIG,
      'task/start.config': bad,
      'elsewhere/resume.config': bad,
      'elsewhere/other.config': bad,
    });
    const { rows } = lintJson(['.'], dir);
    const files = [...new Set(rows.filter((r) => r.code.startsWith('PL')).map((r) => r.file))].sort();
    expect(files).toEqual([path.join('elsewhere', 'resume.config'), path.join('task', 'start.config')]);
  });

  it('a *.config named on the command line is read as a resume config', () => {
    const dir = folder('named', { 'x/pos.config': '{"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":"4","gtid_set":"","timestamp":""}\n' });
    const { rows } = lintJson([path.join('x', 'pos.config')], dir);
    expect(rows.map((r) => r.code)).toContain('PL004');
  });

  it('a rolled archive is reported as never read', () => {
    const dir = folder('rolled', { 'task_config.ini': CONFIG, 'logs/position.log': LOG, 'logs/position1.log': LOG });
    const { rows } = lintJson(['.'], dir);
    expect(rows.filter((r) => r.file === path.join('logs', 'position1.log')).map((r) => r.code)).toEqual(['PL017']);
  });
});
