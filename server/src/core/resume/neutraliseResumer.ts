import type { KeyChange } from '../edits/setConfigKeys';
import type { TaskConfig } from '../model/taskConfig';
import { PROFILE_OF, type ApeVersion } from '../schema/types';
import { t } from '../i18n';

// A recovered position beats the [extractor] keys in every version, so "start from these
// [extractor] keys" also means switching off whatever resumer this version would run.

export interface PlannedChanges {
  changes: KeyChange[];
  /** One sentence per change: what and why. */
  notes: string[];
}

const LEGACY_KEYS = ['resume_from_log', 'resume_log_dir', 'resume_config_file'] as const;

export function neutraliseResumer(config: TaskConfig, version: ApeVersion): PlannedChanges {
  const out: PlannedChanges = { changes: [], notes: [] };
  const profile = PROFILE_OF[version];
  if (profile === 'legacy') {
    if (config.value('resumer', 'resume_from_log') === 'true') {
      out.changes.push({ section: 'resumer', key: 'resume_from_log', value: 'false' });
      out.notes.push(t('resume.note.resume_from_log-off'));
    }
    if (config.present('resumer', 'resume_config_file')) {
      out.changes.push({ section: 'resumer', key: 'resume_config_file', remove: true });
      out.notes.push(t('resume.note.resume_config_file-removed'));
    }
    return out;
  }
  removeLegacyKeys(config, version, out);
  const resumeType = config.value('resumer', 'resume_type');
  if (resumeType && resumeType !== 'dummy') {
    out.changes.push({ section: 'resumer', key: 'resume_type', value: 'dummy' });
    const why = t(resumeType === 'from_log' ? 'resume.note.resume_type-dummy.log' : 'resume.note.resume_type-dummy.table');
    out.notes.push(t('resume.note.resume_type-dummy', { was: resumeType, why }));
  }
  return out;
}

/** 2.0.25 may follow the legacy keys instead of resume_type, and 2.0.26 refuses to start with them. */
export function removeLegacyKeys(config: TaskConfig, version: ApeVersion, out: PlannedChanges): void {
  const present = LEGACY_KEYS.filter((k) => config.present('resumer', k));
  for (const key of present) out.changes.push({ section: 'resumer', key, remove: true });
  if (present.length > 0) {
    const why = t(PROFILE_OF[version] === 'current' ? 'resume.note.legacy-keys.refused' : 'resume.note.legacy-keys.followed', { version });
    out.notes.push(t('resume.note.legacy-keys', { keys: present.join(', '), why }));
  }
}
