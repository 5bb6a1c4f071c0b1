import { t } from '../i18n';
import type { Versions } from '../schema/types';

// Which versions read a section or key, as a phrase for hovers. The English is the same as
// rules/unknownNames' describeVersions; the Chinese is not, because a hover shows it as a label
// ("读取版本：从 2.0.26 起") where a diagnostic uses it inside a sentence.

export function versionPhrase(v: Versions): string {
  if (v.since && v.until) return v.since === v.until ? t('hover.versions.only', { version: v.since }) : t('hover.versions.range', { since: v.since, until: v.until });
  if (v.since) return t('hover.versions.since', { since: v.since });
  if (v.until) return t('hover.versions.until', { until: v.until });
  return t('hover.versions.every');
}
