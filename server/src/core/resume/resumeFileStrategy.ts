import * as path from 'path';
import type { TaskConfig } from '../model/taskConfig';
import type { ProgressLine } from '../progress/progressLine';
import { PROFILE_OF, type ApeVersion } from '../schema/types';
import { removeLegacyKeys, type PlannedChanges } from './neutraliseResumer';
import { snapshotPayloadFor } from './snapshotShape';
import { t } from '../i18n';

// "Resume from this line" written as a resume config file that the task's [resumer] reads,
// in the keys of the chosen version (position-log spec §3.2, one-shot recipe):
// - the line is copied verbatim, as `<time> | checkpoint_position | <json>` or bare JSON —
//   never as current_position, which legacy CDC throws away from a config file;
// - the config file must not be out-ranked by a log folder holding position.log (PL024).

export const DEFAULT_RESUME_FILE = './resume.config';
/** A folder with no position.log in it, for [resumer] log_dir (ape-dts only warns that it is missing). */
export const EMPTY_LOG_DIR = './resume_from_file';

export function resumeFileValue(config: TaskConfig, version: ApeVersion): string {
  const legacy = PROFILE_OF[version] === 'legacy';
  return (
    config.value('resumer', legacy ? 'resume_config_file' : 'config_file') ??
    (legacy ? undefined : config.value('resumer', 'resume_config_file')) ??
    DEFAULT_RESUME_FILE
  );
}

/** One line of the resume file for a position line (a checkpoint line, in the target shape). */
export function resumeFileLine(l: ProgressLine, version: ApeVersion): string {
  const payload = snapshotPayloadFor(l.payload!.text, version);
  return l.logTime ? `${l.logTime.text} | checkpoint_position | ${payload}` : payload;
}

export interface ResumeFileSetup extends PlannedChanges {
  /** The value written into the config (relative paths as ape-dts resolves them from its working directory). */
  fileValue: string;
}

/**
 * The [resumer] keys that make `version` read `fileValue` and nothing that out-ranks it.
 * `logDirHasPositionLog(dirValue)` tells whether the folder a key names holds a position.log.
 */
export function resumeFileChanges(
  config: TaskConfig,
  version: ApeVersion,
  fileValue: string,
  logDirHasPositionLog: (dirValue: string) => boolean,
): ResumeFileSetup {
  const out: ResumeFileSetup = { changes: [], notes: [], fileValue };
  if (PROFILE_OF[version] === 'legacy') {
    out.changes.push({ section: 'resumer', key: 'resume_config_file', value: fileValue });
    out.notes.push(t('resume.note.legacy-file', { file: fileValue, version }));
    if (config.value('resumer', 'resume_from_log') === 'true') {
      out.changes.push({ section: 'resumer', key: 'resume_from_log', value: 'false' });
      out.notes.push(t('resume.note.legacy-file.resume_from_log'));
    }
    return out;
  }
  removeLegacyKeys(config, version, out);
  out.changes.push({ section: 'resumer', key: 'resume_type', value: 'from_log' }, { section: 'resumer', key: 'config_file', value: fileValue });
  out.notes.push(t('resume.note.config_file', { file: fileValue, version }));
  const logDir = config.value('resumer', 'log_dir') ?? config.value('runtime', 'log_dir') ?? './logs';
  if (logDirHasPositionLog(logDir)) {
    out.changes.push({ section: 'resumer', key: 'log_dir', value: EMPTY_LOG_DIR });
    out.notes.push(t('resume.note.empty-log_dir', { dir: EMPTY_LOG_DIR, positionLog: path.posix.join(logDir, 'position.log') }));
  }
  return out;
}
