import type { IniEntry } from '../ini/scanIni';
import { keySpec, startupValuesOf } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import { isPlaceholder } from '../values/parseValue';
import type { ConfigRule } from './rule';
import { closest, didYouMean } from './suggest';

// [filter] do_events / do_ddls / do_dcls / do_structures are comma lists matched at start.
// An entry that is not a known kind silently never matches, and '*' only means "all" alone.

const ENUM_LISTS = ['do_events', 'do_ddls', 'do_dcls', 'do_structures'];

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
          report(r, `'*' means "all" only on its own; next to other entries ape-dts matches nothing with it. Write ${key}=* or list the kinds.`);
        } else if (name === '') {
          report(r, `${key} has an empty entry; remove the stray comma.`);
        } else {
          report(r, `'${name}' is not a ${key.replace('do_', '').replace(/s$/, '')} kind ape-dts ${task.version} knows, so it never matches.${suggest(name)} Known: ${known}.`);
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
    report(where, `do_events is ${e ? 'empty' : 'not set'}: ape-dts ${task.version} then syncs no inserts, updates or deletes (a snapshot skips every table). Set do_events=insert,update,delete (from 2.0.26 empty means all).`);
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
    report(e.valueRange, 'A snapshot copies rows as inserts, but do_events does not include insert: every table is skipped. Add insert (or use *).');
  },
};

export const filterEventRules: readonly ConfigRule[] = [enumValues, emptyEventsBefore26, snapshotNeedsInsert];
