import { t } from '../i18n';
import * as path from 'path';
import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import { PROFILE_OF, type ApeVersion, type Profile } from '../schema/types';

// Which progress files a task's resumer reads, decided from task_config.ini the way each
// version's loader decides it (task_config.rs load_resumer_config*):
// - 2.0.24: resume_from_log (exactly true/false) reads <resume_log_dir | [runtime] log_dir>;
//   resume_config_file is read whenever it is set. CDC resumer only for extract_type=cdc,
//   snapshot resumer only for extract_type=snapshot.
// - 2.0.25: the legacy keys count only when resume_config_file is present together with
//   resume_from_log or resume_log_dir (the loader's `!a && !b || !c` skip test); otherwise
//   resume_type (default dummy) decides, and a lone `resume_from_log=true` is ignored.
// - 2.0.26: any legacy key is a config error; resume_type decides.
// from_log reads `<[resumer] log_dir, blank = [runtime] log_dir>` and [resumer] config_file.

export type TaskKind = 'cdc' | 'snapshot' | 'check' | 'struct' | 'none';

export interface ResolvedPath {
  /** As written in the config (or the default). */
  value: string;
  /** Resolved against configDir when given (ape-dts resolves against its working directory). */
  path: string;
  /** `section.key` it came from. */
  key: string;
}

export interface ResumeSetup {
  version: ApeVersion;
  profile: Profile;
  /** `log`: files are read; `db`: from_target/from_db (a table, not files); `none`: no resume. */
  mode: 'log' | 'db' | 'none';
  /** The resumer the task builds (none when the task type has no resumer). */
  taskKind: TaskKind;
  dbType: string | undefined;
  /** ape-dts refuses to start because of [resumer]; the message says why (with a PL id). */
  fatal?: string;
  logDir?: ResolvedPath;
  configFile?: ResolvedPath;
  readsPositionLog: boolean;
  readsFinishedLog: boolean;
  positionLogPath?: string;
  finishedLogPath?: string;
  /** Facts about the setup worth telling (with PL ids). */
  notes: string[];
}

const RESUME_TYPES = ['dummy', 'from_log', 'from_target', 'from_db'];
const LEGACY_KEYS = ['resume_from_log', 'resume_log_dir', 'resume_config_file'];

export function resolveResumeSetup(config: TaskConfig, version: ApeVersion, configDir?: string): ResumeSetup {
  const profile = PROFILE_OF[version];
  const task = taskView(config, version);
  const extractType = task.eff('extractor.extract_type');
  const sinkType = task.eff('sinker.sink_type') ?? 'write';
  const dbType = task.eff('extractor.db_type');
  const setup: ResumeSetup = {
    version,
    profile,
    mode: 'none',
    taskKind: taskKindOf(profile, extractType, sinkType),
    dbType,
    readsPositionLog: false,
    readsFinishedLog: false,
    notes: [],
  };
  const resolve = (value: string, key: string): ResolvedPath => ({
    value,
    key,
    path: configDir && !path.isAbsolute(value) ? path.resolve(configDir, value) : value,
  });
  const runtimeLogDir = () => resolve(task.eff('runtime.log_dir') ?? './logs', 'runtime.log_dir');
  const legacyPresent = LEGACY_KEYS.filter((k) => config.present('resumer', k));

  const legacyHonoured =
    profile === 'legacy' ||
    (profile === 'transitional' &&
      config.present('resumer', 'resume_config_file') &&
      (config.present('resumer', 'resume_from_log') || config.present('resumer', 'resume_log_dir')));

  if (profile === 'current' && legacyPresent.length > 0) {
    setup.fatal = t('PL021', { version, keys: legacyPresent.join(', ') });
    return setup;
  }

  if (legacyHonoured) {
    const flag = config.value('resumer', 'resume_from_log');
    if (flag !== undefined && flag !== 'true' && flag !== 'false') {
      setup.fatal = t('PL023.resume_from_log', { flag });
      return setup;
    }
    const fromLog = flag === 'true';
    const file = config.value('resumer', 'resume_config_file');
    if (file) setup.configFile = resolve(file, 'resumer.resume_config_file');
    if (fromLog) {
      const dir = config.value('resumer', 'resume_log_dir');
      setup.logDir = dir ? resolve(dir, 'resumer.resume_log_dir') : runtimeLogDir();
    } else if (config.value('resumer', 'resume_log_dir')) {
      setup.notes.push(t('progress.setup.resume_log_dir-unread'));
    }
    if (profile === 'transitional') {
      setup.notes.push(t('progress.setup.deprecated-keys', { version }));
    }
    setup.mode = fromLog || file ? 'log' : 'none';
  } else {
    if (legacyPresent.length > 0) {
      setup.notes.push(
        t('PL022', { version, keys: legacyPresent.join(', ') }),
      );
    }
    const resumeType = config.value('resumer', 'resume_type') ?? 'dummy';
    if (!RESUME_TYPES.includes(resumeType)) {
      setup.fatal = t('PL023.resume_type', { value: resumeType, types: RESUME_TYPES.join(', ') });
      return setup;
    }
    if (resumeType === 'from_target' || resumeType === 'from_db') {
      setup.mode = 'db';
      setup.notes.push(t('progress.setup.from-db', { value: resumeType }));
    } else if (resumeType === 'from_log') {
      setup.mode = 'log';
      const dir = config.value('resumer', 'log_dir');
      setup.logDir = dir ? resolve(dir, 'resumer.log_dir') : runtimeLogDir();
      const file = config.value('resumer', 'config_file');
      if (file) setup.configFile = resolve(file, 'resumer.config_file');
    }
  }

  if (setup.mode === 'log' && profile !== 'legacy' && (setup.taskKind === 'struct' || setup.taskKind === 'check')) {
    setup.fatal = t('PL034.fatal', { kind: setup.taskKind, version });
    return setup;
  }

  if (setup.mode !== 'none' && setup.taskKind !== 'cdc' && setup.taskKind !== 'snapshot') {
    setup.notes.push(
      t('PL034.no-resumer', { extractType: extractType ?? '?', sinkType: String(sinkType), version }),
    );
    setup.mode = 'none';
  }
  if (setup.mode === 'log' && setup.logDir) {
    setup.readsPositionLog = true;
    setup.positionLogPath = joinLogDir(setup.logDir.path, 'position.log');
    if (setup.taskKind === 'snapshot') {
      setup.readsFinishedLog = true;
      setup.finishedLogPath = joinLogDir(setup.logDir.path, 'finished.log');
    }
  }
  const relative = [setup.logDir, setup.configFile].filter((p) => p && !path.isAbsolute(p.value));
  if (setup.mode === 'log' && relative.length > 0) {
    const id = relative.length > 1 ? (configDir ? 'PL035.two.assumed' : 'PL035.two') : configDir ? 'PL035.one.assumed' : 'PL035.one';
    setup.notes.push(t(id, { key: relative[0]!.key, other: relative[1]?.key ?? '' }));
  }
  return setup;
}

// ape-dts formats `<dir>/position.log`; joining keeps an absolute dir absolute.
function joinLogDir(dir: string, name: string): string {
  return path.isAbsolute(dir) ? path.join(dir, name) : `${dir.replace(/\/+$/, '')}/${name}`;
}

function taskKindOf(profile: Profile, extractType: string | undefined, sinkType: string): TaskKind {
  if (profile === 'legacy') {
    // 2.0.22+ build the CDC resumer only for cdc and the snapshot one only for snapshot.
    return extractType === 'cdc' ? 'cdc' : extractType === 'snapshot' ? 'snapshot' : 'none';
  }
  if (extractType === 'struct') return sinkType === 'struct' || (profile === 'current' && sinkType === 'check') ? 'struct' : 'none';
  if (extractType === 'snapshot') {
    if (sinkType === 'write') return 'snapshot';
    // 2.0.25 builds a check task type that from_log refuses; 2.0.26 checks inside the snapshot task.
    if (sinkType === 'check') return profile === 'transitional' ? 'check' : 'snapshot';
    return 'none';
  }
  if (extractType === 'cdc' && sinkType === 'write') return 'cdc';
  return 'none';
}
