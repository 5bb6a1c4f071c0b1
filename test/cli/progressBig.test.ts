import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePositionsFile } from '../../scripts/gen/positions.mjs';
import { formatJson } from '../../server/src/cli/formatJson';
import { lintFileBytes } from '../../server/src/cli/lintFile';
import { lintProgressFiles, STREAM_ABOVE_BYTES } from '../../server/src/cli/progressFiles';
import { COUNT_LINES_UP_TO } from '../../server/src/io/readProgressTail';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';
import { simulateResume } from '../../server/src/core/progress/simulateResume';
import { ensureBuilt, runCli, type JsonDiagnostic } from './runCli';

// Big position logs in the CLI: `apedts lint` streams a position.log over STREAM_ABOVE_BYTES
// and must say exactly what the in-memory path says; `apedts resume-point` reads only the tail
// of a big log and numbers its lines from the end.

const CONFIG = `[extractor]
db_type=mysql
extract_type=cdc
gtid_enabled=true
url=mysql://root@127.0.0.1:3307

[sinker]
db_type=mysql
sink_type=write
url=mysql://root@127.0.0.1:3308

[runtime]
log_dir=./logs

[resumer]
resume_type=from_log
`;

let tmp: string;
beforeAll(() => {
  ensureBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-big-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A task folder with a generated position.log of about `bytes` bytes; returns the folder. */
function task(name: string, bytes: number, tail = ''): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'task_config.ini'), CONFIG);
  const log = path.join(dir, 'logs', 'position.log');
  generatePositionsFile(log, { kind: 'mysql', version: '2.0.26', garbled: 0.01, seed: 17, bytes });
  if (tail) fs.appendFileSync(log, tail);
  return dir;
}

const strip = (rows: JsonDiagnostic[]) => rows.map(({ file: _file, ...rest }) => rest);

describe('apedts lint on a big position.log', () => {
  it('streams it and reports exactly what the in-memory check reports', () => {
    // A truncated last line too (PL014 at the very end, after the window starts).
    const dir = task('lint', 6 * 1024 * 1024, '2024-10-18 05:21:45.207788 | checkpoint_position | {"type":"MysqlCdc","server_id":"","binlog_fil');
    const log = path.join(dir, 'logs', 'position.log');
    expect(fs.statSync(log).size).toBeGreaterThan(STREAM_ABOVE_BYTES);

    const r = runCli(['lint', '--format', 'json', '.'], dir);
    const streamed = (JSON.parse(r.stdout) as JsonDiagnostic[]).filter((d) => d.file === path.join('logs', 'position.log'));
    const codes = new Set(streamed.map((d) => d.code));
    // Damage throughout the file, and the window's own findings.
    for (const code of ['PL001', 'PL014']) expect(codes).toContain(code);
    expect(streamed.some((d) => d.line < 1000)).toBe(true);
    expect(codes).not.toContain('progress.tail-only');

    const config = path.join(dir, 'task_config.ini');
    const reports = [lintFileBytes(config, fs.readFileSync(config), 'auto')];
    const inMemory = lintProgressFiles([log], reports, 'auto', [dir], { streamAboveBytes: Infinity });
    const streamedHere = lintProgressFiles([log], reports, 'auto', [dir], { streamAboveBytes: 0 });
    expect(inMemory.errors).toEqual([]);
    const expected = strip(JSON.parse(formatJson(inMemory.reports)) as JsonDiagnostic[]);
    expect(strip(streamed)).toEqual(expected);
    expect(strip(JSON.parse(formatJson(streamedHere.reports)) as JsonDiagnostic[])).toEqual(expected);
    expect(inMemory.reports[0].version).toBe(streamedHere.reports[0].version);
  });
});

describe('apedts resume-point on a big position.log', () => {
  function expectedLine(dir: string): { line: number; lines: number } {
    const text = fs.readFileSync(path.join(dir, 'logs', 'position.log'), 'utf8');
    const whole = simulateResume({ version: '2.0.26', config: parseTaskConfig(CONFIG), configDir: dir, files: { positionLog: { path: path.join(dir, 'logs', 'position.log'), text } } });
    expect(whole.line).not.toBeNull();
    return { line: whole.line! + 1, lines: text.split('\n').length - 1 };
  }

  it('up to the counting limit: the true line number', () => {
    const dir = task('rp-counted', 3 * 1024 * 1024);
    const out = JSON.parse(runCli(['resume-point', 'task_config.ini', '--format', 'json'], dir).stdout);
    expect(out.line).toBe(expectedLine(dir).line);
    expect(out.source).toBe('log');
  });

  it("above the editor's counting limit too: the tail is parsed, the line breaks before it counted, the line is the file's", () => {
    const dir = task('rp-tail', COUNT_LINES_UP_TO + 1024 * 1024);
    const { line } = expectedLine(dir);
    const json = runCli(['resume-point', 'task_config.ini', '--format', 'json'], dir);
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.line).toBe(line);
    // The payload is the one of that line.
    const all = fs.readFileSync(path.join(dir, 'logs', 'position.log'), 'utf8').split('\n');
    const written = all[out.line - 1];
    expect(out.position).toEqual(JSON.parse(written.slice(written.indexOf('{'), written.lastIndexOf('}') + 1)));

    const text = runCli(['resume-point', 'task_config.ini'], dir).stdout;
    expect(text).toContain(`resumes from ${path.join('logs', 'position.log')} line ${out.line} (`);
  });
});
