import { range } from '../diagnostic';
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
        const shown = entry.text === '' ? 'an empty entry' : `'${entry.text}'`;
        report(range(e.line, at, Math.max(at + entry.text.length, at + 1)), `[filter] ${key} has ${shown}; every entry must be schema.table (e.g. db1.tb1 or db1.*), otherwise ape-dts panics when the task starts. Remove stray commas and write each table as schema.table.`);
      }
    }
  },
};

const ROUTER_SHAPES: Record<string, { per: number; example: string }> = {
  db_map: { per: 2, example: 'src_db:dst_db' },
  tb_map: { per: 4, example: 'src_db.src_tb:dst_db.dst_tb' },
  topic_map: { per: 3, example: 'db.tb:topic (with *.*:default_topic)' },
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
      report(e.valueRange, `[router] ${key} splits into ${count} names, but ape-dts needs ${shape.per} per entry (${shape.example}) and panics at start otherwise. Check for a missing or extra ',', '.' or ':'.`);
    }
  },
};

export const filterRouterRules: readonly ConfigRule[] = [tablesShape, routerShape];
