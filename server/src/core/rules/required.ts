import { range } from '../diagnostic';
import { t } from '../i18n';
import { requiredCandidatesFor } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import type { ConfigRule } from './rule';

// A required key that is missing — or present with an empty value, which ape-dts treats
// the same — stops the load: "config [<section>].<key> does not exist or is empty"
// (CF003 in builds after 2.0.26).

function anchor(task: TaskView, section: string, key: string) {
  const e = task.config.entry(section, key);
  if (e) return e.lineRange;
  const header = task.config.headers(section)[0];
  return header ? header.range : range(0, 0, 0);
}

const requiredKey: ConfigRule = {
  id: 'req.key',
  severity: 'error',
  check(task, report) {
    // Only keys that can be required at this version (precomputed), in schema order.
    for (const { section, key, spec, required } of requiredCandidatesFor(task.version)) {
      if (task.config.value(section, key) !== undefined) continue;
      if (!task.holds(required, section, spec)) continue;
      const variant = task.config.present(section, key) ? 'req.key.empty' : 'req.key.missing';
      report(anchor(task, section, key), t(variant, { section, key }));
    }
  },
};

const sinkerSection: ConfigRule = {
  id: 'req.sinker.section',
  severity: 'error',
  versions: { since: '2.0.26' },
  check(task, report) {
    if (task.config.hasSection('sinker')) return;
    report(range(0, 0, 0), t('req.sinker.section'));
  },
};

export const requiredRules: readonly ConfigRule[] = [requiredKey, sinkerSection];
