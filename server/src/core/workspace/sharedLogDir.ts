import * as path from 'path';
import { range, type Diagnostic } from '../diagnostic';
import { t } from '../i18n';
import type { TaskConfig } from '../model/taskConfig';
import type { ApeVersion } from '../schema/types';

// Every task appends to <[runtime] log_dir>/position.log. A task that resumes from the log
// reads that folder back; if another task writes there too, their lines interleave and the
// resumer picks up the other task's position (ape-dts's docs make a separate log_dir a
// "must"). ape-dts resolves relative paths against its working directory; we assume each
// task is started from its config's folder and say so.

export interface TaskFile {
  path: string;
  config: TaskConfig;
  version: ApeVersion;
}

export const SHARED_LOG_DIR = 'lint.log_dir.unique';

function dirOf(task: TaskFile, value: string | undefined): string {
  return path.resolve(path.dirname(task.path), value || './logs');
}

/** The folder the task writes position.log into. */
export function writtenLogDir(task: TaskFile): string {
  return dirOf(task, task.config.value('runtime', 'log_dir'));
}

/** The folder the task resumes from, or undefined when it does not resume from a log. */
export function resumeLogDir(task: TaskFile): { dir: string; key: string } | undefined {
  const { config, version } = task;
  const runtimeDir = config.value('runtime', 'log_dir');
  const legacy = config.value('resumer', 'resume_from_log') === 'true';
  const legacyHonoured =
    version === '2.0.24' ||
    (version === '2.0.25' && config.present('resumer', 'resume_config_file') &&
      (config.present('resumer', 'resume_from_log') || config.present('resumer', 'resume_log_dir')));
  if (version !== '2.0.26' && legacyHonoured) {
    if (!legacy) return undefined;
    const own = config.value('resumer', 'resume_log_dir');
    return { dir: dirOf(task, own ?? runtimeDir), key: own ? 'resume_log_dir' : 'log_dir' };
  }
  if (config.value('resumer', 'resume_type') !== 'from_log') return undefined;
  const own = config.value('resumer', 'log_dir');
  return { dir: dirOf(task, own ?? runtimeDir), key: own ? 'resumer.log_dir' : 'log_dir' };
}

function anchor(task: TaskFile, key: string) {
  const [section, name] = key === 'log_dir' ? ['runtime', 'log_dir'] : key === 'resume_log_dir' ? ['resumer', 'resume_log_dir'] : ['resumer', 'log_dir'];
  const e = task.config.entry(section, name);
  return e?.lineRange ?? task.config.headers(section)[0]?.range ?? range(0, 0, 0);
}

/** Diagnostics per task file path, for every task that resumes from a folder another task writes to. */
export function sharedLogDirDiagnostics(tasks: TaskFile[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const writers = tasks.map((t) => ({ t, dir: writtenLogDir(t) }));
  for (const task of tasks) {
    const resume = resumeLogDir(task);
    if (!resume) continue;
    const others = writers.filter((w) => w.t !== task && w.dir === resume.dir).map((w) => w.t.path);
    if (others.length === 0) continue;
    const names = others.map((p) => path.relative(path.dirname(task.path), p) || p).join(', ');
    const list = out.get(task.path) ?? [];
    list.push({
      range: anchor(task, resume.key),
      severity: 'warning',
      code: SHARED_LOG_DIR,
      message: t('lint.log_dir.unique', { dir: resume.dir, names }),
    });
    out.set(task.path, list);
  }
  return out;
}
