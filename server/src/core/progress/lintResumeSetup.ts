import { t } from '../i18n';
import { range, type Diagnostic, type Range, type Severity } from '../diagnostic';
import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import type { ApeVersion } from '../schema/types';
import { resolveResumeSetup } from './resumeSetup';

// PL rules about task_config.ini itself: settings that make the resume read something else
// than the user thinks. PL021 (legacy keys on 2.0.26), PL022 (2.0.25 ignoring legacy keys)
// and PL023 (bad values) are already config rules (resumer.legacy-rejected,
// lint.v25.legacy-resumer-ignored, the value type rules), so they are not repeated here;
// simulateResume still names them in its warnings.

export interface ResumeSetupFacts {
  configDir?: string;
  /** The position.log the resumer reads exists and holds at least one position. */
  positionLogHasPositions?: boolean;
  /** [runtime] log4rs_file exists (false = missing). */
  log4rsExists?: boolean;
}

export function lintResumeSetup(config: TaskConfig, version: ApeVersion, facts: ResumeSetupFacts = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const setup = resolveResumeSetup(config, version, facts.configDir);
  const task = taskView(config, version);
  const at = (section: string, key: string): Range | undefined => config.entry(section, key)?.valueRange;
  const push = (where: Range | undefined, code: string, severity: Severity, message: string) =>
    out.push({ range: where ?? range(0, 0, 0), severity, code, message });
  const resumes = setup.mode === 'log';
  const db = setup.dbType;

  const level = task.eff('runtime.log_level') ?? 'info';
  if (['warn', 'error', 'off'].includes(level.toLowerCase())) {
    push(at('runtime', 'log_level'), 'PL020', resumes ? 'warning' : 'information', t(resumes ? 'PL020.level.resumes' : 'PL020.level', { level }));
  }
  if (facts.log4rsExists === false) {
    push(at('runtime', 'log4rs_file') ?? config.headers('runtime')[0]?.range, 'PL020', 'warning', t('PL020.no-log4rs'));
  }
  if (setup.configFile && setup.readsPositionLog && facts.positionLogHasPositions) {
    push(at(...(setup.configFile.key.split('.') as [string, string])), 'PL024', 'warning', t('PL024', { dir: setup.logDir!.path }));
  }
  if (db === 'pg' && setup.taskKind === 'cdc' && task.eff('extractor.recreate_slot_if_exists') === 'true' && (resumes || config.value('extractor', 'start_lsn'))) {
    push(at('extractor', 'recreate_slot_if_exists'), 'PL025', 'warning', t('PL025'));
  }
  if (db === 'mysql' && setup.taskKind === 'cdc' && config.value('extractor', 'start_time_utc') && (resumes || config.value('extractor', 'binlog_position'))) {
    push(at('extractor', 'start_time_utc'), 'PL026', 'warning', t('PL026'));
  }
  const resumerKey = ['resume_type', 'resume_from_log', 'resume_config_file'].find((k) => config.present('resumer', k));
  if (setup.fatal?.startsWith('PL034')) {
    push(at('resumer', resumerKey ?? 'resume_type'), 'PL034', 'error', setup.fatal.replace(/^PL034: /, ''));
  } else {
    const note = setup.notes.find((n) => n.startsWith('PL034'));
    if (note && resumerKey) push(at('resumer', resumerKey), 'PL034', 'warning', note.replace(/^PL034: /, ''));
  }
  if (resumes) {
    for (const p of [setup.logDir, setup.configFile]) {
      if (!p || p.key === 'runtime.log_dir' || /^([\\/]|[A-Za-z]:)/.test(p.value)) continue;
      push(at(...(p.key.split('.') as [string, string])), 'PL035', 'information', t('PL035', { path: p.value }));
    }
  }
  return out;
}
