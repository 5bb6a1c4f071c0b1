import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../server/src/core/i18n';
import { cliEnv, ensureBuilt, runCli, type JsonDiagnostic } from './runCli';
import { SEED_CONFIG } from '../fixtures/seed';

// Issue 9: the CLI speaks the language of --lang, else of LC_ALL / LC_MESSAGES / LANG.

const CJK = /[\u4e00-\u9fff]/;
const zh = CATALOGUES['zh-cn'];
const en = CATALOGUES.en;

// batch_size=0 in [sinker] stops ape-dts 2.0.26 at load: one error, a message from the catalogue.
const BROKEN = `[extractor]
db_type=mysql
extract_type=cdc
server_id=2000
url=mysql://root:123456@127.0.0.1:3307

[sinker]
db_type=mysql
sink_type=write
url=mysql://root:123456@127.0.0.1:3308
batch_size=0
`;

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-lang-'));
  fs.writeFileSync(path.join(tmp, 'task_config.ini'), BROKEN);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lint = (args: string[], locale: Record<string, string> = {}) =>
  runCli(['lint', '--ape-dts-version', '2.0.26', ...args, 'task_config.ini'], tmp, undefined, cliEnv(locale));

const CHINESE_SUMMARY = '共 1 个文件：1 个错误，0 个警告（ape-dts 2.0.26）';
const ENGLISH_SUMMARY = '1 error, 0 warnings in 1 file (ape-dts 2.0.26)';

function expectChinese(r: { status: number | null; stdout: string; stderr: string }): void {
  expect(r.status, r.stderr).toBe(1);
  const [line, summary] = r.stdout.trimEnd().split('\n');
  // Severity and rule code stay as they are for problem matchers; the sentence is Chinese.
  expect(line).toBe(`task_config.ini:11:12: error num.sinker.batch_size ${zh['num.sinker.batch_size']}`);
  expect(summary).toBe(CHINESE_SUMMARY);
}

function expectEnglish(r: { status: number | null; stdout: string; stderr: string }): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout).toBe(`task_config.ini:11:12: error num.sinker.batch_size ${en['num.sinker.batch_size']}\n${ENGLISH_SUMMARY}\n`);
  expect(r.stdout).not.toMatch(CJK);
}

describe('choosing the language', () => {
  it('--lang zh-cn prints the diagnostics and the summary in Chinese', () => {
    expectChinese(lint(['--lang', 'zh-cn']));
    expectChinese(lint(['--lang=zh-CN']));
  });

  it('LANG=zh_CN.UTF-8 does too', () => {
    expectChinese(lint([], { LANG: 'zh_CN.UTF-8' }));
  });

  it('LC_MESSAGES wins over LANG, and LC_ALL over both', () => {
    expectChinese(lint([], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }));
    expectEnglish(lint([], { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LC_ALL: 'C.UTF-8' }));
    expectChinese(lint([], { LANG: 'C', LC_ALL: 'zh_CN.GB18030' }));
  });

  it('an empty variable counts as unset', () => {
    expectChinese(lint([], { LC_ALL: '', LANG: 'zh_CN.UTF-8' }));
  });

  it('--lang en and a plain environment print English', () => {
    expectEnglish(lint(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' }));
    expectEnglish(lint([]));
    expectEnglish(lint([], { LANG: 'C.UTF-8' }));
  });

  it.each([
    ['a language without a catalogue', ['--lang', 'fr'], 'fr'],
    ['a locale name instead of a language', ['--lang', 'zh_CN.UTF-8'], 'zh_CN.UTF-8'],
    ['no value', ['--lang'], '--lang'],
  ])('a bad --lang (%s) is a usage error: exit 2, nothing linted', (_name, args, inMessage) => {
    const r = runCli(['lint', 'task_config.ini', ...args], tmp);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(inMessage);
    expect(r.stderr).toContain('Run apedts --help for usage.');
  });

  it('every command takes --lang', () => {
    expect(runCli(['--help', '--lang', 'zh-cn']).stdout).toMatch(/^用法：apedts lint/);
    expect(runCli(['resume-point', '--lang', 'xx', 'a.ini'], tmp).status).toBe(2);
    expect(runCli(['resume', '--lang', 'xx', 'a.ini', '--log', 'p.log', '--latest'], tmp).status).toBe(2);
  });

  it('an argument after -- is a path, not an option', () => {
    const r = runCli(['lint', '--', '--lang'], tmp, undefined, cliEnv({ LANG: 'zh_CN.UTF-8' }));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`apedts: ${zh['cli.cannotRead'].replace('{path}', '--lang').replace('{reason}', zh['cli.error.noSuchFile'])}\n`);
  });
});

describe('what is translated', () => {
  it('JSON keeps its field names, severities and codes; only message follows the locale', () => {
    const english = JSON.parse(lint(['--format', 'json']).stdout) as JsonDiagnostic[];
    const chinese = JSON.parse(lint(['--format', 'json', '--lang', 'zh-cn']).stdout) as JsonDiagnostic[];
    expect(chinese.map(({ message: _m, ...rest }) => rest)).toEqual(english.map(({ message: _m, ...rest }) => rest));
    expect(Object.keys(chinese[0])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    expect(chinese[0].message).toBe(zh['num.sinker.batch_size']);
    expect(english[0].message).toBe(en['num.sinker.batch_size']);
  });

  it('the usage is Chinese and names every option the English one names', () => {
    const chinese = runCli(['--help', '--lang', 'zh-cn']);
    const english = runCli(['--help']);
    expect(chinese.status).toBe(0);
    expect(chinese.stdout).toMatch(CJK);
    expect(english.stdout).not.toMatch(CJK);
    const options = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g))].sort();
    expect(options(chinese.stdout)).toEqual(options(english.stdout));
    expect(english.stdout).toContain('--lang en|zh-cn');
  });

  it.each([
    ['an unknown option', ['lint', '--fix', 'x.ini'], "未知选项 '--fix'"],
    ['an option without its value', ['lint', 'x.ini', '--format'], "选项 '--format' 需要一个值"],
    ['an option followed by another', ['lint', '--format', '--help', 'x.ini'], "选项 '--format' 需要一个值"],
    ['a flag given a value', ['lint', '--help=yes', 'x.ini'], "选项 '--help' 不接受值"],
    ['a stray argument', ['--version', 'x'], "多余的参数 'x'"],
    ['an unknown command', ['check'], "未知命令 'check'"],
    ['a bad format', ['lint', '--format', 'xml', 'x.ini'], "--format 必须是 text 或 json（实际为 'xml'）"],
    ['no PATH', ['lint'], 'lint 至少需要一个 PATH'],
    ['a bad line', ['resume', 'a.ini', '--log', 'p.log', '--line', '0'], "--line 必须是从 1 开始的行号（实际为 '0'）"],
  ])('usage errors are Chinese: %s', (_name, args, expected) => {
    // --lang right after the command word (or the global flag), before anything that can fail.
    const run = runCli([args[0], '--lang', 'zh-cn', ...args.slice(1)], tmp);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`apedts: ${expected}\n用法见 apedts --help。\n`);
  });

  it.each([
    ['a missing file', ['nope.ini'], '无法读取 nope.ini：文件或文件夹不存在'],
    ['a folder without configs', ['empty'], '在 empty 中没有找到 *.ini 文件'],
  ])('path errors are Chinese: %s', (_name, args, expected) => {
    fs.mkdirSync(path.join(tmp, 'empty'), { recursive: true });
    const r = runCli(['lint', '--lang', 'zh-cn', ...args], tmp);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`apedts: ${expected}\n`);
  });
});

describe('apedts resume in Chinese', () => {
  const CONFIG = SEED_CONFIG;
  const payload = (tag: string, pos: number) =>
    `2024-10-18 05:21:45.207788 | ${tag} | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":${pos},"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}`;

  beforeAll(() => {
    fs.mkdirSync(path.join(tmp, 'task/logs'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'task/task_config.ini'), CONFIG);
    fs.writeFileSync(path.join(tmp, 'task/logs/position.log'), `${payload('checkpoint_position', 73685)}\n${payload('current_position', 73600)}\n`);
  });
  const resume = (...args: string[]) => runCli(['resume', 'task_config.ini', '--log', 'logs/position.log', '--ape-dts-version', '2.0.24', '--lang', 'zh-cn', ...args], path.join(tmp, 'task'));

  it('names the line and strategy in Chinese; the diff itself is unchanged', () => {
    const r = resume('--line', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('从 position.log 第 1 行断点续传（');
    expect(r.stderr).toContain('策略 extractor');
    expect(r.stdout).toContain('-binlog_position=73351\n+binlog_position=73685\n');
  });

  it('a refused current_position line gives the hint in Chinese', () => {
    const r = resume('--line', '2');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('提示：apedts resume task_config.ini --log logs/position.log --line 1');
  });

  it('a missing log is reported in Chinese', () => {
    const r = runCli(['resume', 'task_config.ini', '--log', 'logs/none.log', '--latest', '--lang', 'zh-cn'], path.join(tmp, 'task'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('apedts: 无法读取 logs/none.log：文件或文件夹不存在\n');
  });
});
