import { describe, expect, it } from 'vitest';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';
import { sharedLogDirDiagnostics, type TaskFile } from '../../server/src/core/workspace/sharedLogDir';

function task(path: string, text: string, version: TaskFile['version'] = '2.0.26'): TaskFile {
  return { path, config: parseTaskConfig(text), version };
}

const resuming = '[extractor]\ndb_type=mysql\n[runtime]\nlog_dir=/data/logs\n[resumer]\nresume_type=from_log\n';
const plain = '[extractor]\ndb_type=pg\n[runtime]\nlog_dir=/data/logs\n';

describe('lint.log_dir.unique: tasks that resume from a log need their own log_dir', () => {
  it('warns on the resuming task when another task writes to the same folder', () => {
    const result = sharedLogDirDiagnostics([task('/w/a/task_config.ini', resuming), task('/w/b/task_config.ini', plain)]);
    const diags = result.get('/w/a/task_config.ini')!;
    expect(diags.map((d) => [d.code, d.range.start.line])).toEqual([['lint.log_dir.unique', 3]]);
    expect(result.has('/w/b/task_config.ini')).toBe(false);
  });

  it('resolves relative log_dir against each config folder, so ./logs in two folders is fine', () => {
    const rel = resuming.replace('/data/logs', './logs');
    expect(sharedLogDirDiagnostics([task('/w/a/task_config.ini', rel), task('/w/b/task_config.ini', rel)]).size).toBe(0);
  });

  it('2.0.24: resume_from_log=true reads resume_log_dir', () => {
    const legacy = '[runtime]\nlog_dir=./a\n[resumer]\nresume_from_log=true\nresume_log_dir=/data/logs\n';
    const result = sharedLogDirDiagnostics([task('/w/a/t.ini', legacy, '2.0.24'), task('/w/b/t.ini', plain, '2.0.24')]);
    expect(result.get('/w/a/t.ini')!.map((d) => d.range.start.line)).toEqual([4]);
  });

  it('a task that does not resume from a log is not flagged', () => {
    expect(sharedLogDirDiagnostics([task('/w/a/t.ini', plain), task('/w/b/t.ini', plain)]).size).toBe(0);
  });
});
