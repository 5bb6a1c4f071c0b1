import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, REPO_ROOT, runCli, type JsonDiagnostic } from './runCli';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes a file under the temp folder (creating folders) and returns its path relative to it. */
function write(rel: string, content: string | Uint8Array): string {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return rel;
}

function lintJson(args: string[], cwd = tmp): { status: number | null; rows: JsonDiagnostic[] } {
  const r = runCli(['lint', '--format', 'json', ...args], cwd);
  return { status: r.status, rows: JSON.parse(r.stdout) as JsonDiagnostic[] };
}

const MYSQL_CDC = `[extractor]
db_type=mysql
extract_type=cdc
server_id=2000
url=mysql://root:123456@127.0.0.1:3307?ssl-mode=disabled

[sinker]
db_type=mysql
sink_type=write
url=mysql://root:123456@127.0.0.1:3308?ssl-mode=disabled

[parallelizer]
parallel_type=rdb_merge
parallel_size=8
`;

describe('usage', () => {
  it('--help prints the usage and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: apedts lint');
    expect(r.stdout).toContain('--ape-dts-version');
  });

  it('lint --help prints the usage too', () => {
    expect(runCli(['lint', '--help']).status).toBe(0);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('starts with a shebang so the bin entry runs directly', () => {
    expect(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it.each([
    ['no arguments', [], 'missing command'],
    ['an unknown command', ['check', 'x.ini'], "unknown command 'check'"],
    ['an unknown flag', ['lint', '--fix', 'x.ini'], '--fix'],
    ['a bad version', ['lint', '--ape-dts-version', '2.0.99', 'x.ini'], '2.0.99'],
    ['a version without a value', ['lint', 'x.ini', '--ape-dts-version'], '--ape-dts-version'],
    ['a bad format', ['lint', '--format', 'xml', 'x.ini'], 'xml'],
    ['no PATH', ['lint'], 'PATH'],
  ])('exits 2 on %s', (_name, args, inMessage) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(inMessage);
  });

  it('accepts --option=value', () => {
    write('eq/task_config.ini', MYSQL_CDC);
    expect(runCli(['lint', '--ape-dts-version=2.0.25', '--format=json', 'eq'], tmp).status).toBe(0);
  });
});

describe('paths', () => {
  it('exits 2 on a missing path and prints nothing on stdout', () => {
    write('ok/task_config.ini', MYSQL_CDC);
    const r = runCli(['lint', 'ok', 'does-not-exist.ini'], tmp);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot read does-not-exist.ini');
  });

  it('exits 2 on a folder without any .ini file', () => {
    write('empty/readme.txt', 'nothing here');
    const r = runCli(['lint', 'empty'], tmp);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no *.ini file found');
  });

  it('searches folders for *.ini, skipping node_modules and dot-folders, in sorted order', () => {
    const broken = '=x\n';
    write('tree/b.ini', broken);
    write('tree/a/task_config.ini', broken);
    write('tree/a/z/deep.INI', broken);
    write('tree/node_modules/pkg/x.ini', broken);
    write('tree/.git/config.ini', broken);
    write('tree/.hidden/task_config.ini', broken);
    write('tree/notes.txt', broken);
    const { status, rows } = lintJson(['tree']);
    expect(status).toBe(1);
    expect(rows.map((d) => d.file)).toEqual(
      ['tree/a/task_config.ini', 'tree/a/z/deep.INI', 'tree/b.ini'].map((p) => path.join(...p.split('/'))),
    );
  });

  it('lints a file given explicitly whatever its name, once even if named twice', () => {
    write('named/my-task.conf', '=x\n');
    const { rows } = lintJson(['named/my-task.conf', 'named/my-task.conf']);
    expect(rows).toHaveLength(1);
    expect(rows[0].code).toBe('ini.empty-key');
  });
});

describe('text format', () => {
  it('prints file:line:col: severity code message, then a summary', () => {
    const file = write('text/task_config.ini', '# a task\n[extractor\ndb_type=mysql\n');
    const r = runCli(['lint', '--ape-dts-version', '2.0.26', file], tmp);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^text[/\\]task_config\.ini:2:1: error ini\.unterminated-section \S.*$/);
    expect(lines.at(-1)).toBe('1 error, 0 warnings in 1 file (ape-dts 2.0.26)');
    expect(r.stderr).toBe('');
  });

  it.each(['2.0.24', '2.0.25', '2.0.26'])('finds nothing in valid configs written like the ape-dts docs, at %s', (v) => {
    const r = runCli(['lint', '--ape-dts-version', v, 'test/fixtures/valid']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`0 errors, 0 warnings in 4 files (ape-dts ${v})\n`);
    expect(r.status).toBe(0);
  });

  it('says per file when auto picks a different profile', () => {
    write('mixed/new/task_config.ini', MYSQL_CDC);
    write('mixed/old/task_config.ini', `${MYSQL_CDC}\n[resumer]\nresume_from_log=true\nresume_log_dir=./logs\n`);
    write('mixed/other/task_config.ini', MYSQL_CDC);
    const r = runCli(['lint', 'mixed'], tmp);
    const old = path.join('mixed', 'old', 'task_config.ini');
    expect(r.stdout).toContain(`${old}: note: checked against ape-dts 2.0.24 (auto:`);
    expect(r.stdout).not.toContain(`${path.join('mixed', 'new', 'task_config.ini')}: note:`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/in 3 files \(ape-dts 2\.0\.26, 2\.0\.24 for 1 file\)$/);
  });
});

describe('json format', () => {
  it('prints one array of diagnostics with 1-based positions and nothing else', () => {
    const file = write('json/task_config.ini', MYSQL_CDC.replace('server_id=2000', 'server_id=abc'));
    const r = runCli(['lint', '--format', 'json', file], tmp);
    expect(r.status).toBe(1);
    const rows = JSON.parse(r.stdout) as JsonDiagnostic[];
    const parse = rows.find((d) => d.code === 'type.parse');
    expect(parse).toMatchObject({ file, line: 4, severity: 'error' });
    for (const d of rows) {
      expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('prints [] for a clean run', () => {
    write('clean/task_config.ini', MYSQL_CDC);
    const r = runCli(['lint', '--format', 'json', 'clean'], tmp);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).filter((d: JsonDiagnostic) => d.severity === 'error')).toEqual([]);
  });
});

describe('errors', () => {
  it('reports a line starting with = as ini.empty-key', () => {
    const { status, rows } = lintJson([write('empty-key/task_config.ini', '[extractor]\n=x\n')]);
    expect(status).toBe(1);
    expect(rows).toEqual([expect.objectContaining({ line: 2, column: 1, code: 'ini.empty-key', severity: 'error' })]);
  });

  it('reports bytes that are not UTF-8 as ini.encoding at the bad byte', () => {
    const latin1 = Buffer.concat([Buffer.from('[sinker]\npassword=caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const { status, rows } = lintJson([write('latin1/task_config.ini', latin1)]);
    expect(status).toBe(1);
    expect(rows).toEqual([
      expect.objectContaining({ line: 2, column: 13, endLine: 2, endColumn: 14, code: 'ini.encoding', severity: 'error' }),
    ]);
  });

  it('never prints file contents such as passwords', () => {
    const secret = 'S3cr3t-Pa55';
    const content = MYSQL_CDC.replace(/123456/g, secret).replace('server_id=2000', 'server_id=abc');
    const file = write('secret/task_config.ini', content);
    for (const format of ['text', 'json']) {
      const r = runCli(['lint', '--format', format, file], tmp);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });
});

// Each broken fixture marks its offending line with a `# expect-error <code>` comment just above
// it. They are checked against 2.0.26, where every one of them is an error.
describe('broken fixtures', () => {
  const dir = path.join(FIXTURES, 'broken');
  const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.ini')).sort();

  it.each(fixtures)('%s gets its error on the marked line', (name) => {
    const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
    const expected = lines.flatMap((l, i) => {
      const m = /^# expect-error (\S+)/.exec(l);
      return m ? [{ code: m[1], line: i + 2 }] : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    const { status, rows } = lintJson(['--ape-dts-version', '2.0.26', path.join('broken', name)], FIXTURES);
    const errors = rows.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, line: d.line }));
    for (const e of expected) expect(errors).toContainEqual(e);
    expect(status).toBe(1);
  });
});

describe('apedts lint across several task configs', () => {
  it('warns when a task resumes from a log folder another task writes to', () => {
    const resuming = '[extractor]\ndb_type=mysql\nextract_type=snapshot\nurl=mysql://a@b:1\n[sinker]\nsink_type=dummy\n[runtime]\nlog_dir=../shared_logs\n[resumer]\nresume_type=from_log\n';
    const writer = resuming.replace('[resumer]\nresume_type=from_log\n', '');
    write('shared/a/task_config.ini', resuming);
    write('shared/b/task_config.ini', writer);
    const { status, rows } = lintJson(['shared']);
    expect(status).toBe(0);
    expect(rows.filter((r) => r.code === 'lint.log_dir.unique').map((r) => [r.file.replace(/\\/g, '/'), r.line])).toEqual([['shared/a/task_config.ini', 8]]);
  });
});
