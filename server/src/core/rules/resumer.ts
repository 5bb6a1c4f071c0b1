import { keySpec, keysFor, parsedWhenOf } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import type { ConfigRule } from './rule';

// The [resumer] section changed shape twice: 2.0.24 reads resume_from_log / resume_log_dir /
// resume_config_file; 2.0.25 adds resume_type but reads the legacy keys only in one
// combination; 2.0.26 rejects them.

export const LEGACY_RESUMER_KEYS = ['resume_from_log', 'resume_log_dir', 'resume_config_file'] as const;
const NEW_RESUMER_KEYS = ['resume_type', 'log_dir', 'config_file'] as const;

function presentLegacy(task: TaskView) {
  return LEGACY_RESUMER_KEYS.filter((k) => task.config.present('resumer', k)).map((k) => task.config.entry('resumer', k)!);
}

const legacyIgnored25: ConfigRule = {
  id: 'lint.v25.legacy-resumer-ignored',
  severity: 'warning',
  versions: { since: '2.0.25', until: '2.0.25' },
  check(task, report) {
    if (task.derived('legacyResumerHonoured25')) return;
    for (const e of presentLegacy(task)) {
      report(e.keyRange, `ape-dts 2.0.25 ignores '${e.key}' here: it reads the legacy resume keys only when resume_config_file is set together with resume_from_log or resume_log_dir. Without resume_type the task does not resume at all. Use resume_type=from_log with log_dir / config_file.`);
    }
  },
};

const legacyOverrides25: ConfigRule = {
  id: 'lint.v25.legacy-resumer-overrides',
  severity: 'warning',
  versions: { since: '2.0.25', until: '2.0.25' },
  check(task, report) {
    if (!task.derived('legacyResumerHonoured25')) return;
    for (const key of NEW_RESUMER_KEYS) {
      const e = task.config.entry('resumer', key);
      if (!e || !task.config.present('resumer', key)) continue;
      report(e.keyRange, `'${key}' is ignored: with resume_config_file plus resume_from_log or resume_log_dir, ape-dts 2.0.25 follows the legacy keys instead. Keep one style — preferably resume_type=from_log with log_dir / config_file.`);
    }
  },
};

const legacyMigrate: ConfigRule = {
  id: 'lint.legacy-resumer-migrate',
  severity: 'information',
  versions: { until: '2.0.25' },
  check(task, report) {
    for (const e of presentLegacy(task)) {
      report(e.keyRange, `'${e.key}' works in ${task.version} but ape-dts 2.0.26 refuses to start with it. The new form is resume_type=from_log with log_dir and config_file (2.0.25 and later).`);
    }
  },
};

const logDirWithoutFlag: ConfigRule = {
  id: 'lint.resume_log_dir.without-flag',
  severity: 'warning',
  versions: { until: '2.0.25' },
  check(task, report) {
    const e = task.config.entry('resumer', 'resume_log_dir');
    if (!e || !task.config.value('resumer', 'resume_log_dir')) return;
    if (task.version === '2.0.25' && !task.derived('legacyResumerHonoured25')) return;
    if (task.config.value('resumer', 'resume_from_log') === 'true') return;
    report(e.keyRange, `resume_log_dir is only read when resume_from_log=true, so ape-dts does not read position.log from this folder. Add resume_from_log=true, or remove this line.`);
  },
};

const unusedForResumeType: ConfigRule = {
  id: 'lint.resume-type-unused-keys',
  severity: 'warning',
  versions: { since: '2.0.25' },
  check(task, report) {
    if (task.version === '2.0.25' && task.derived('legacyResumerHonoured25')) return;
    const resumeType = task.eff('resumer.resume_type') ?? 'dummy';
    for (const key of keysFor(task.version, 'resumer')) {
      if (key === 'resume_type' || (LEGACY_RESUMER_KEYS as readonly string[]).includes(key)) continue;
      const e = task.config.entry('resumer', key);
      if (!e || !task.config.present('resumer', key)) continue;
      const spec = keySpec('resumer', key)!;
      if (task.holds(parsedWhenOf(spec, task.version), 'resumer', spec)) continue;
      report(e.keyRange, `'${key}' is not read with resume_type=${resumeType}, so it has no effect. Remove it, or set the resume_type it belongs to.`);
    }
  },
};

export const resumerRules: readonly ConfigRule[] = [
  legacyIgnored25,
  legacyOverrides25,
  legacyMigrate,
  logDirWithoutFlag,
  unusedForResumeType,
];
