import { t } from '../i18n';
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
      report(e.keyRange, t('lint.v25.legacy-resumer-ignored', { key: e.key }));
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
      report(e.keyRange, t('lint.v25.legacy-resumer-overrides', { key }));
    }
  },
};

const legacyMigrate: ConfigRule = {
  id: 'lint.legacy-resumer-migrate',
  severity: 'information',
  versions: { until: '2.0.25' },
  check(task, report) {
    for (const e of presentLegacy(task)) {
      report(e.keyRange, t('lint.legacy-resumer-migrate', { key: e.key, version: task.version }));
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
    report(e.keyRange, t('lint.resume_log_dir.without-flag'));
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
      report(e.keyRange, t('lint.resume-type-unused-keys', { key, resumeType }));
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
