import { SECTIONS, isRejected } from '../schema/index';
import type { ConfigRule } from './rule';

// From 2.0.26 the loader refuses some keys just for being there — even with an empty
// value (a bare line without '=' or ':' does not count): the legacy [resumer] keys and
// [checker] enable. 2.0.26 says "config error: …"; later builds code it CF002.

function rejectedIn(section: string, id: string, advice: string): ConfigRule {
  return {
    id,
    severity: 'error',
    versions: { since: '2.0.26' },
    check(task, report) {
      for (const [key, spec] of Object.entries(SECTIONS[section]?.keys ?? {})) {
        if (!isRejected(spec, task.version) || !task.config.present(section, key)) continue;
        const e = task.config.entry(section, key)!;
        const instead = spec.replacement ? ` Use ${spec.replacement} instead.` : '';
        report(e.keyRange, `ape-dts ${task.version} rejects [${section}] ${key}: the task stops at start-up with a config error (CF002 in later builds), even when the value is empty. ${advice}${instead}`);
      }
    },
  };
}

export const rejectedKeyRules: readonly ConfigRule[] = [
  rejectedIn('resumer', 'resumer.legacy-rejected', 'The legacy resume keys were replaced by resume_type=from_log with log_dir and config_file.'),
  rejectedIn('checker', 'checker.enable-legacy', 'Checking is now switched on by sink_type=check, a [checker] section, or [checker_cdc] is_enabled=true.'),
];
