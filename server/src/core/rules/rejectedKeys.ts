import { t, type MessageId } from '../i18n';
import { replacementText } from '../i18n/schemaText';
import { SECTIONS, isRejected } from '../schema/index';
import type { ConfigRule } from './rule';

// From 2.0.26 the loader refuses some keys just for being there — even with an empty
// value (a bare line without '=' or ':' does not count): the legacy [resumer] keys and
// [checker] enable. 2.0.26 says "config error: …"; later builds code it CF002.

/** `id` is also the message id: its text names the section and gives the advice. */
function rejectedIn(section: string, id: MessageId): ConfigRule {
  return {
    id,
    severity: 'error',
    versions: { since: '2.0.26' },
    check(task, report) {
      for (const [key, spec] of Object.entries(SECTIONS[section]?.keys ?? {})) {
        if (!isRejected(spec, task.version) || !task.config.present(section, key)) continue;
        const e = task.config.entry(section, key)!;
        const replacement = replacementText(section, key, spec);
        const instead = replacement ? t('lint.use-instead', { replacement }) : '';
        report(e.keyRange, t(id, { version: task.version, key }) + instead);
      }
    },
  };
}

export const rejectedKeyRules: readonly ConfigRule[] = [
  rejectedIn('resumer', 'resumer.legacy-rejected'),
  rejectedIn('checker', 'checker.enable-legacy'),
];
