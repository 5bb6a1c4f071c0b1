import { range } from '../diagnostic';
import { t } from '../i18n';
import type { TaskView } from '../schema/conditions';
import type { ConfigRule } from './rule';

// Start-up checks of the 2.0.25+ resumer (resume_type) that depend only on the file.

function resumeType(task: TaskView): string {
  return task.eff('resumer.resume_type') ?? 'dummy';
}

function usesDbCheckpoints(task: TaskView): boolean {
  if (task.version === '2.0.25' && task.derived('legacyResumerHonoured25')) return false;
  return resumeType(task) === 'from_target' || resumeType(task) === 'from_db';
}

const tableFullName: ConfigRule = {
  id: 'startup.resumer.table_full_name',
  severity: 'error',
  versions: { since: '2.0.25' },
  check(task, report) {
    const e = task.config.entry('resumer', 'table_full_name');
    if (!usesDbCheckpoints(task) || !e?.value) return;
    const parts = e.value.split('.');
    if (parts.length === 2 && parts.every((p) => p !== '')) return;
    report(e.valueRange, t('startup.resumer.table_full_name'));
  },
};

function backendDbType(task: TaskView): string | undefined {
  return resumeType(task) === 'from_db' ? task.config.value('resumer', 'db_type') : task.eff('sinker.db_type');
}

const backend: ConfigRule = {
  id: 'startup.resumer.backend',
  severity: 'error',
  versions: { since: '2.0.25' },
  check(task, report) {
    if (!usesDbCheckpoints(task)) return;
    const dbType = backendDbType(task);
    if (!dbType || dbType.startsWith('{')) return;
    const supported = task.version === '2.0.25' ? ['mysql', 'pg'] : ['mysql', 'pg', 'mongo', 'redis'];
    if (supported.includes(dbType)) return;
    const e = resumeType(task) === 'from_db' ? task.config.entry('resumer', 'db_type') : task.config.entry('resumer', 'resume_type');
    report(e?.valueRange ?? range(0, 0, 0), t('startup.resumer.backend', { resumeType: resumeType(task), dbType, version: task.version, supported: supported.join(', ') }));
  },
};

const fromLogStruct: ConfigRule = {
  id: 'startup.from_log.struct',
  severity: 'error',
  versions: { since: '2.0.26' },
  check(task, report) {
    if (resumeType(task) !== 'from_log') return;
    if (task.eff('extractor.extract_type') !== 'struct' || task.eff('sinker.sink_type') !== 'struct') return;
    report(task.config.entry('resumer', 'resume_type')!.valueRange, t('startup.from_log.struct'));
  },
};

const pinTaskId: ConfigRule = {
  id: 'lint.resume.task_id',
  severity: 'warning',
  versions: { since: '2.0.25' },
  check(task, report) {
    if (!usesDbCheckpoints(task) || task.config.value('global', 'task_id')) return;
    report(task.config.entry('resumer', 'resume_type')!.valueRange, t('lint.resume.task_id'));
  },
};

const fromTargetDummy: ConfigRule = {
  id: 'lint.resume.from_target-dummy',
  severity: 'warning',
  versions: { since: '2.0.25' },
  check(task, report) {
    if (resumeType(task) !== 'from_target' || task.derived('nonDummySinker')) return;
    report(task.config.entry('resumer', 'resume_type')!.valueRange, t('lint.resume.from_target-dummy'));
  },
};

const mongoChunk: ConfigRule = {
  id: 'startup.mongo.chunk',
  severity: 'error',
  versions: { since: '2.0.26' },
  check(task, report) {
    const e = task.config.entry('extractor', 'parallel_type');
    if (task.eff('extractor.db_type') !== 'mongo' || task.eff('extractor.extract_type') !== 'snapshot' || e?.value !== 'chunk') return;
    report(e.valueRange, t('startup.mongo.chunk'));
  },
};

export const resumerStartupRules: readonly ConfigRule[] = [tableFullName, backend, fromLogStruct, pinTaskId, fromTargetDummy, mongoChunk];
