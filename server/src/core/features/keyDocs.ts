import { EXTRACTOR_COMBOS, SINKER_COMBOS } from '../schema/combos';
import { ENUMS } from '../schema/enums';
import {
  appliesFor,
  defaultOf,
  enumValues,
  inVersion,
  isRejected,
  startupValuesOf,
  typeOf,
} from '../schema/index';
import type { TaskView } from '../schema/conditions';
import { VERSIONS, type ApeVersion, type KeySpec, type ValueType } from '../schema/types';
import { t, type MessageId } from '../i18n';
import { defaultNoteText, keySummary, replacementText } from '../i18n/schemaText';
import { intRange } from '../values/parseValue';
import { versionPhrase } from './versionPhrase';

// One description of a key, read from the schema, for hover and completion alike: what the
// lint checks and what the user is told can then never disagree.

const FORMAT_WORDS: Record<string, MessageId> = {
  url: 'hover.format.url',
  path: 'hover.format.path',
  'json-array': 'hover.format.json-array',
  json: 'hover.format.json',
  size: 'hover.format.size',
  'schema.table': 'hover.format.schema-table',
  'pg-lsn': 'hover.format.pg-lsn',
  datetime: 'hover.format.datetime',
  csv: 'hover.format.csv',
  'filter-schema-list': 'hover.format.filter-schema-list',
  'filter-table-list': 'hover.format.filter-table-list',
  map: 'hover.format.map',
  labels: 'hover.format.labels',
};

export function typeWords(type: ValueType, format?: string): string {
  switch (type.kind) {
    case 'bool':
      return t('hover.type.bool');
    case 'int': {
      const [min, max] = intRange(type.rust);
      return t('hover.type.int', { min, max, rust: type.rust });
    }
    case 'f64':
      return t('hover.type.f64');
    case 'enum':
      return t('hover.type.enum', { enum: type.enum });
    default:
      return format && Object.hasOwn(FORMAT_WORDS, format) ? t('hover.type.text.format', { format: t(FORMAT_WORDS[format]) }) : t('hover.type.text');
  }
}

function shownDefault(value: string): string {
  return value === '' ? t('hover.default.empty') : `\`${value}\``;
}

/** The default at this version, and where it differs elsewhere. */
export function defaultWords(section: string, key: string, spec: KeySpec, version: ApeVersion): string | undefined {
  const here = defaultOf(spec, version);
  const parts: string[] = [];
  if (here !== undefined) parts.push(shownDefault(here));
  const note = defaultNoteText(section, key, spec);
  if (note) parts.push(note);
  if (parts.length === 0) return undefined;
  const others = VERSIONS.filter((v) => v !== version && inVersion(spec.versions, v) && defaultOf(spec, v) !== here);
  const elsewhere = others.map((v) => `${v}: ${defaultOf(spec, v) === undefined ? t('hover.default.none') : shownDefault(defaultOf(spec, v)!)}`);
  return parts.join(' — ') + (elsewhere.length ? ` (${elsewhere.join('; ')})` : '');
}

function valueList(values: string[], name?: keyof typeof ENUMS): string {
  return values
    .map((v) => {
      const headOnly = name && ENUMS[name].values[v]?.headOnly;
      return headOnly ? t('hover.values.main-only', { value: v }) : `\`${v}\``;
    })
    .join(t('hover.list.separator'));
}

/** Values the key takes at this version; narrowed by the task's db_type for extract_type / sink_type. */
export function allowedWords(section: string, key: string, spec: KeySpec, task: TaskView): string[] {
  const type = typeOf(spec, task.version);
  const lines: string[] = [];
  if (type.kind === 'enum') {
    lines.push(t('hover.values.allowed', { version: task.version, list: valueList(enumValues(type.enum, task.version), type.enum) }));
    const combo = comboFor(section, key, task);
    if (combo) lines.push(combo);
  }
  const startup = startupValuesOf(spec, task.version);
  if (startup) {
    const list = spec.format === 'csv' ? t('hover.values.or-star', { list: valueList(startup) }) : valueList(startup);
    lines.push(t('hover.values.startup', { list }));
  }
  return lines;
}

function comboFor(section: string, key: string, task: TaskView): string | undefined {
  const table = section === 'extractor' ? EXTRACTOR_COMBOS : section === 'sinker' ? SINKER_COMBOS : undefined;
  if (!table) return undefined;
  const byDb = table[task.version];
  if (key === 'db_type') {
    return t(section === 'extractor' ? 'hover.values.as-source' : 'hover.values.as-target', { version: task.version, list: valueList(Object.keys(byDb)) });
  }
  const typeKey = section === 'extractor' ? 'extract_type' : 'sink_type';
  const dbType = task.config.value(section, 'db_type');
  const accepted = dbType && Object.hasOwn(byDb, dbType) ? byDb[dbType] : undefined;
  if (key !== typeKey || !dbType || !accepted) return undefined;
  return t('hover.values.with-db-type', { dbType, list: accepted === '*' ? t('hover.values.any') : valueList(accepted) });
}

/** Which versions read the key, and what replaces it. */
export function versionWords(section: string, key: string, spec: KeySpec, version: ApeVersion): string {
  const parts = [t('hover.key-versions.read', { versions: versionPhrase(spec.versions) })];
  if (spec.headOnly) parts.push(t('hover.key-versions.head-only'));
  if (spec.deprecatedFrom) parts.push(t('hover.key-versions.deprecated', { version: spec.deprecatedFrom }));
  if (spec.rejectedFrom) parts.push(t('hover.key-versions.rejected', { version: spec.rejectedFrom }));
  const replacement = replacementText(section, key, spec);
  if (replacement) parts.push(t('hover.key-versions.replacement', { replacement }));
  let text = t('hover.key-versions.sentence', { parts: parts.join(t('hover.key-versions.separator')) });
  if (isRejected(spec, version)) text += t('hover.key-versions.refused', { version });
  else if (!inVersion(spec.versions, version)) text += t('hover.key-versions.not-read', { version });
  return text;
}

/** Where the key has an effect, and whether this task is one of those places. */
export function appliesWords(section: string, spec: KeySpec, task: TaskView): string | undefined {
  const list = appliesFor(spec, task.version);
  if (!list) return undefined;
  const pairs = [...new Set(list.map((a) => `${a.db_type}/${a.type}`))].join(t('hover.list.separator'));
  const [dbType, type] =
    section === 'sinker'
      ? [task.eff('sinker.db_type'), task.eff('sinker.sink_type')]
      : [task.eff('extractor.db_type'), task.eff('extractor.extract_type')];
  const typeKey = section === 'sinker' ? 'sink_type' : 'extract_type';
  const mine = dbType && type ? `db_type=${dbType}, ${typeKey}=${type}` : undefined;
  const verdict = !mine
    ? ''
    : task.applies(section, spec)
      ? t('hover.applies.yes', { mine })
      : t('hover.applies.no', { mine });
  return t('hover.applies', { pairs, verdict });
}

/** Markdown for a key, independent of where the cursor is: summary, type, default, values, versions. */
export function keyDocumentation(section: string, key: string, spec: KeySpec, task: TaskView): string {
  const type = typeOf(spec, task.version);
  const lines = [keySummary(section, key, spec), '', t('hover.doc.type', { type: typeWords(type, spec.format) })];
  const def = defaultWords(section, key, spec, task.version);
  if (def) lines.push(t('hover.doc.default', { default: def }));
  for (const a of allowedWords(section, key, spec, task)) lines.push(`- ${a}`);
  lines.push(`- ${versionWords(section, key, spec, task.version)}`);
  const applies = appliesWords(section, spec, task);
  if (applies) lines.push(`- ${applies}`);
  if (spec.presenceSensitive) lines.push(t('hover.doc.presence'));
  return lines.join('\n');
}

/** One line for completion lists: the type and the default. */
export function keyDetail(spec: KeySpec, version: ApeVersion): string {
  const type = typeOf(spec, version);
  const typeName = type.kind === 'enum' ? type.enum : type.kind === 'int' ? type.rust : type.kind;
  const def = defaultOf(spec, version);
  return def === undefined ? typeName : `${typeName} = ${def === '' ? t('hover.code.empty') : def}`;
}
