import { range } from '../diagnostic';
import { t } from '../i18n';
import type { TaskView } from '../schema/conditions';
import { escapeCharFor, tokenize } from '../values/filterTokens';
import { isPlaceholder } from '../values/parseValue';
import type { ConfigRule, Report } from './rule';

// Filter and router lists are only tokenised when the task starts; a wrong token count
// there is an index-out-of-bounds panic, not a friendly message.

function listEntry(task: TaskView, section: string, key: string) {
  const e = task.config.entry(section, key);
  return e?.value && !isPlaceholder(e.value) ? e : undefined;
}

const tablesShape: ConfigRule = {
  id: 'lint.filter.tbs-shape',
  severity: 'error',
  check(task, report: Report) {
    const escape = escapeCharFor(task.eff('extractor.db_type'));
    const regex = task.version !== '2.0.24';
    for (const key of ['do_tbs', 'ignore_tbs']) {
      const e = listEntry(task, 'filter', key);
      if (!e) continue;
      const base = e.valueRange.start.character;
      const entries = tokenize(e.value!, ',', escape, regex);
      for (const entry of entries) {
        const parts = tokenize(entry.text, '.', escape, regex);
        if (parts.length === 2 && parts.every((p) => p.text.trim() !== '')) continue;
        // An empty last entry (`db.tb,`) has no character of its own: point at its comma.
        const at = Math.min(base + entry.start, e.valueRange.end.character - 1);
        const message = entry.text === '' ? t('lint.filter.tbs-shape.empty', { key }) : t('lint.filter.tbs-shape.entry', { key, entry: entry.text });
        report(range(e.line, at, Math.max(at + entry.text.length, at + 1)), message);
      }
    }
  },
};

// The example is a function: topic_map's has words in it, to be said in the current language.
const ROUTER_SHAPES: Record<string, { per: number; example: () => string }> = {
  db_map: { per: 2, example: () => 'src_db:dst_db' },
  tb_map: { per: 4, example: () => 'src_db.src_tb:dst_db.dst_tb' },
  topic_map: { per: 3, example: () => t('startup.router.tokens.topic_map-example') },
};

const routerShape: ConfigRule = {
  id: 'startup.router.tokens',
  severity: 'error',
  check(task, report) {
    const escape = escapeCharFor(task.eff('extractor.db_type'));
    for (const [key, shape] of Object.entries(ROUTER_SHAPES)) {
      const e = listEntry(task, 'router', key);
      if (!e) continue;
      const count = tokenize(e.value!, ',.:', escape, false).length;
      if (count % shape.per === 0) continue;
      report(e.valueRange, t('startup.router.tokens', { key, count, per: shape.per, example: shape.example() }));
    }
  },
};

export const filterRouterRules: readonly ConfigRule[] = [tablesShape, routerShape];
