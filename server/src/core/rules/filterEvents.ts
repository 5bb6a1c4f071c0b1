import { t } from '../i18n';
import type { IniEntry } from '../ini/scanIni';
import { keySpec, startupValuesOf } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import { isPlaceholder } from '../values/parseValue';
import type { ConfigRule } from './rule';
import { closest, didYouMean } from './suggest';

// [filter] do_events / do_ddls / do_dcls / do_structures are comma lists matched at start.
// An entry that is not a known kind silently never matches, and '*' only means "all" alone.

const ENUM_LISTS = ['do_events', 'do_ddls', 'do_dcls', 'do_structures'] as const;

const enumValues: ConfigRule = {
  id: 'lint.filter.enum-values',
  severity: 'warning',
  check(task, report) {
    for (const key of ENUM_LISTS) {
      const e = task.config.entry('filter', key);
      const spec = keySpec('filter', key);
      const allowed = spec && startupValuesOf(spec, task.version);
      if (!e?.value || !allowed || isPlaceholder(e.value) || e.value === '*') continue;
      // A long list repeats its mistakes: suggest once per name.
      const known = allowed.join(', ');
      const suggestions = new Map<string, string>();
      const suggest = (name: string) => {
        let s = suggestions.get(name);
        if (s === undefined) suggestions.set(name, (s = didYouMean(closest(name, allowed))));
        return s;
      };
      let at = 0;
      for (const part of e.value.split(',')) {
        const name = part.trim();
        let start = e.valueRange.start.character + at + part.indexOf(name);
        at += part.length + 1;
        if (allowed.includes(name)) continue;
        // An empty last entry (`insert,`) has no character of its own: point at its comma.
        if (start >= e.valueRange.end.character) start = e.valueRange.end.character - 1;
        const r = { start: { line: e.line, character: start }, end: { line: e.line, character: start + Math.max(name.length, 1) } };
        if (name === '*') {
          report(r, t('lint.filter.enum-values.star', { key }));
        } else if (name === '') {
          report(r, t('lint.filter.enum-values.empty', { key }));
        } else {
          const kind = t(`lint.filter.enum-values.kind.${key}`);
          report(r, t('lint.filter.enum-values.unknown', { name, kind, version: task.version, suggestion: suggest(name), known }));
        }
      }
    }
  },
};

// Row events only exist for row-based sources; Redis is filtered by commands instead.
// A precheck-mode config (both [precheck] keys set) never runs the task.
function isRowDataTask(task: TaskView): boolean {
  const t = task.eff('extractor.extract_type');
  const db = task.eff('extractor.db_type') ?? '';
  const precheck = task.config.present('precheck', 'do_struct_init') && task.config.present('precheck', 'do_cdc');
  return (t === 'snapshot' || t === 'cdc') && ['mysql', 'pg', 'mongo'].includes(db) && !precheck;
}

function doEvents(task: TaskView): { e: IniEntry | undefined; value: string } {
  const e = task.config.entry('filter', 'do_events');
  return { e, value: task.eff('filter.do_events') ?? '' };
}

// 2.0.24/2.0.25: an empty or missing do_events means NO row events; 2.0.26 flipped it to all.
const emptyEventsBefore26: ConfigRule = {
  id: 'lint.do_events.empty-v24',
  severity: 'warning',
  versions: { until: '2.0.25' },
  check(task, report) {
    if (!isRowDataTask(task)) return;
    const { e, value } = doEvents(task);
    if (value !== '') return;
    const where = e?.lineRange ?? task.config.headers('filter')[0]?.range ?? task.config.headers('extractor')[0]?.range;
    if (!where) return;
    report(where, t(e ? 'lint.do_events.empty-v24.empty' : 'lint.do_events.empty-v24.not-set', { version: task.version }));
  },
};

const snapshotNeedsInsert: ConfigRule = {
  id: 'lint.do_events.snapshot-insert',
  severity: 'warning',
  check(task, report) {
    if (task.eff('extractor.extract_type') !== 'snapshot') return;
    const { e, value } = doEvents(task);
    if (!e?.value || isPlaceholder(value) || value === '') return;
    const kinds = value.split(',').map((s) => s.trim());
    if (kinds.includes('insert') || (kinds.length === 1 && kinds[0] === '*')) return;
    report(e.valueRange, t('lint.do_events.snapshot-insert'));
  },
};

export const filterEventRules: readonly ConfigRule[] = [enumValues, emptyEventsBefore26, snapshotNeedsInsert];
