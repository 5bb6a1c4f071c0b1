import { range } from '../diagnostic';
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
    report(e.valueRange, `table_full_name must be schema.table (exactly one '.'), e.g. apecloud_metadata.apedts_task_position; ape-dts fails at start otherwise.`);
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
    report(e?.valueRange ?? range(0, 0, 0), `resume_type=${resumeType(task)} stores checkpoints in a ${dbType} database, which ape-dts ${task.version} cannot do (it supports ${supported.join(', ')}); the task fails at start.`);
  },
};

const fromLogStruct: ConfigRule = {
  id: 'startup.from_log.struct',
  severity: 'error',
  versions: { since: '2.0.26' },
  check(task, report) {
    if (resumeType(task) !== 'from_log') return;
    if (task.eff('extractor.extract_type') !== 'struct' || task.eff('sinker.sink_type') !== 'struct') return;
    report(task.config.entry('resumer', 'resume_type')!.valueRange, 'resume_type=from_log does not support struct tasks; ape-dts fails at start. Remove the [resumer] settings for a struct migration.');
  },
};

const pinTaskId: ConfigRule = {
  id: 'lint.resume.task_id',
  severity: 'warning',
  versions: { since: '2.0.25' },
  check(task, report) {
    if (!usesDbCheckpoints(task) || task.config.value('global', 'task_id')) return;
    report(task.config.entry('resumer', 'resume_type')!.valueRange, `Checkpoints in the database are keyed by [global] task_id, and without one ape-dts derives it from the urls, credentials, batch sizes, filters and routes: any such edit, or an upgrade, silently loses the checkpoint. Set [global] task_id=<a fixed name>.`);
  },
};

const fromTargetDummy: ConfigRule = {
  id: 'lint.resume.from_target-dummy',
  severity: 'warning',
  versions: { since: '2.0.25' },
  check(task, report) {
    if (resumeType(task) !== 'from_target' || task.derived('nonDummySinker')) return;
    report(task.config.entry('resumer', 'resume_type')!.valueRange, 'resume_type=from_target does nothing with sink_type=dummy: there is no target to keep checkpoints in, so the resumer is never built and the task starts from the [extractor] keys.');
  },
};

const mongoChunk: ConfigRule = {
  id: 'startup.mongo.chunk',
  severity: 'error',
  versions: { since: '2.0.26' },
  check(task, report) {
    const e = task.config.entry('extractor', 'parallel_type');
    if (task.eff('extractor.db_type') !== 'mongo' || task.eff('extractor.extract_type') !== 'snapshot' || e?.value !== 'chunk') return;
    report(e.valueRange, 'A mongo snapshot cannot split tables into chunks; ape-dts fails at start. Use parallel_type=table.');
  },
};

export const resumerStartupRules: readonly ConfigRule[] = [tableFullName, backend, fromLogStruct, pinTaskId, fromTargetDummy, mongoChunk];
