import { range, type Range } from '../diagnostic';
import { trimBounds } from '../ini/scanIni';
import { EXTRACTOR_COMBOS, SINKER_COMBOS } from '../schema/combos';
import { ENUMS } from '../schema/enums';
import { defaultOf, enumValues, keySpec, startupValuesOf, typeOf } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import { t } from '../i18n';
import type { CompletionItem } from './completion';

// Values after `key=`: the enum values this version parses (narrowed to what the task's
// db_type accepts), true/false, values checked at start-up, list tokens, JSON templates and
// the default.

// Our own minimal JSON for each json: key, with the fields ape-dts requires.
const JSON_TEMPLATES: Record<string, string> = {
  'filter.ignore_cols': 'json:[{"db":"${1:db1}","tb":"${2:tb1}","ignore_cols":["${3:col1}"]}]',
  'filter.where_conditions': 'json:[{"db":"${1:db1}","tb":"${2:tb1}","condition":"${3:id > 100}"}]',
  'router.col_map': 'json:[{"db":"${1:db1}","tb":"${2:tb1}","col_map":{"${3:src_col}":"${4:dst_col}"}}]',
  'extractor.partition_cols': 'json:[{"db":"${1:db1}","tb":"${2:tb1}","partition_col":"${3:id}"}]',
};

export function valueCompletions(
  task: TaskView,
  section: string,
  key: string,
  line: number,
  lineText: string,
  delimiterAt: number,
  cursor: number,
): CompletionItem[] {
  const spec = keySpec(section, key);
  if (!spec) return [];
  const [valueStart, valueEnd] = trimBounds(lineText, delimiterAt + 1);
  const whole = range(line, Math.min(valueStart, cursor), Math.max(valueEnd, cursor));
  const def = defaultOf(spec, task.version);
  const type = typeOf(spec, task.version);
  const startup = startupValuesOf(spec, task.version);

  if (spec.format === 'csv' && startup) return listTokenItems(line, lineText, valueStart, valueEnd, cursor, startup);
  const template = JSON_TEMPLATES[`${section}.${key}`];
  if (template) return [item(t('completion.value.json-template'), template, whole, '0', 'snippet', t('completion.value.json-template.detail'))];

  let values: string[] = [];
  let detail = '';
  if (type.kind === 'enum') {
    values = narrowEnum(task, section, key, enumValues(type.enum, task.version));
    detail = type.enum;
  } else if (type.kind === 'bool') {
    values = ['true', 'false'];
    detail = 'bool';
  } else if (startup) {
    values = startup;
    detail = t('completion.value.startup');
  }
  if (def !== undefined && def !== '' && !values.includes(def)) values = [def, ...values];
  return values.map((v, i) => {
    const headOnly = type.kind === 'enum' && ENUMS[type.enum].values[v]?.headOnly ? t('completion.value.main-only') : '';
    const isDefault = v === def ? t('completion.value.default') : '';
    return item(v, v, whole, String(i).padStart(2, '0'), 'plain', `${detail}${isDefault}${headOnly}`.trim() || undefined);
  });
}

/** db_type and the task type keep only the values ape-dts can build a task from. */
function narrowEnum(task: TaskView, section: string, key: string, values: string[]): string[] {
  const table = section === 'extractor' ? EXTRACTOR_COMBOS : section === 'sinker' ? SINKER_COMBOS : undefined;
  if (!table) return values;
  const byDb = table[task.version];
  if (key === 'db_type') return values.filter((v) => v in byDb);
  const typeKey = section === 'extractor' ? 'extract_type' : 'sink_type';
  const dbType = task.config.value(section, 'db_type');
  const accepted = dbType && Object.hasOwn(byDb, dbType) ? byDb[dbType] : undefined;
  if (key !== typeKey || !accepted || accepted === '*') return values;
  // sink_type=dummy needs no target at all, so it is always possible.
  return values.filter((v) => accepted.includes(v) || (section === 'sinker' && v === 'dummy'));
}

/** Comma-separated lists (do_events, do_ddls, …): complete the token under the cursor. */
function listTokenItems(line: number, lineText: string, valueStart: number, valueEnd: number, cursor: number, allowed: string[]): CompletionItem[] {
  const from = Math.min(valueStart, cursor);
  const to = Math.max(valueEnd, cursor);
  const tokenStart = lineText.lastIndexOf(',', cursor - 1) >= from ? lineText.lastIndexOf(',', cursor - 1) + 1 : from;
  const nextComma = lineText.indexOf(',', cursor);
  const tokenEnd = nextComma >= 0 && nextComma < to ? nextComma : to;
  const [a, b] = trimBounds(lineText, tokenStart, tokenEnd);
  const editRange = range(line, Math.min(a, cursor), Math.max(b, cursor));
  const others = new Set(
    lineText
      .slice(from, to)
      .split(',')
      .map((t) => t.trim()),
  );
  others.delete(lineText.slice(a, b));
  const values = allowed.filter((v) => !others.has(v));
  if (lineText.slice(from, to).trim() === '' || others.size === 0) values.push('*');
  return values.map((v, i) => item(v, v, editRange, String(i).padStart(2, '0'), 'plain', v === '*' ? t('completion.value.every') : t('completion.value.list')));
}

function item(label: string, text: string, editRange: Range, sort: string, format: 'plain' | 'snippet', detail?: string): CompletionItem {
  return {
    label,
    kind: 'value',
    detail,
    insertText: text,
    insertTextFormat: format,
    sortText: sort,
    filterText: format === 'snippet' ? 'json:' : label,
    textEdit: { range: editRange, newText: text },
  };
}
