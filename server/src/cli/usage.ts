import { t } from '../core/i18n';
import { VERSION_SETTINGS } from '../core/schema/resolveVersion';

/** The --help text in the current locale (a function, so it is built after --lang is read). */
export function usage(): string {
  return t('cli.usage', { versions: VERSION_SETTINGS.join('|') });
}
