import { t } from '../i18n';
import type { TaskConfig } from '../model/taskConfig';
import type { ApeVersion } from './types';

export type VersionSetting = 'auto' | ApeVersion;
export const VERSION_SETTINGS: readonly VersionSetting[] = ['auto', '2.0.24', '2.0.25', '2.0.26'];

const LEGACY_RESUMER_KEYS = ['resume_from_log', 'resume_log_dir', 'resume_config_file'];

export function isVersionSetting(s: string): s is VersionSetting {
  return (VERSION_SETTINGS as readonly string[]).includes(s);
}

/**
 * `auto`: a file that still uses the legacy [resumer] keys was written for a release that
 * reads them (≤ 2.0.24 is the one that honours them plainly); everything else is checked
 * against the current release, since that is what a new task runs on.
 */
export function resolveVersion(setting: VersionSetting, config: TaskConfig): { version: ApeVersion; reason: string } {
  if (setting !== 'auto') return { version: setting, reason: t('version.reason.set', { version: setting }) };
  const legacy = LEGACY_RESUMER_KEYS.filter((k) => config.present('resumer', k));
  if (legacy.length > 0) {
    return { version: '2.0.24', reason: t('version.reason.legacy-key', { key: legacy[0] }) };
  }
  return { version: '2.0.26', reason: t('version.reason.current') };
}
