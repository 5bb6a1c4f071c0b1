import { t } from '../i18n';
import type { ConfigRule } from './rule';

// configparser rejects the whole file on these two lines, before any key is read
// (2.0.24–2.0.26: panic "failed to read content as ini"; head: CF002).

const unterminatedSection: ConfigRule = {
  id: 'ini.unterminated-section',
  severity: 'error',
  check(task, report) {
    for (const e of task.config.scan.syntaxErrors) {
      if (e.kind !== 'unterminated-section') continue;
      report(e.range, t('ini.unterminated-section'));
    }
  },
};

const emptyKey: ConfigRule = {
  id: 'ini.empty-key',
  severity: 'error',
  check(task, report) {
    for (const e of task.config.scan.syntaxErrors) {
      if (e.kind !== 'empty-key') continue;
      report(e.range, t('ini.empty-key'));
    }
  },
};

export const iniSyntaxRules: readonly ConfigRule[] = [unterminatedSection, emptyKey];
