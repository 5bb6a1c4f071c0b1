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
import { describeVersions } from '../rules/unknownNames';
import { intRange } from '../values/parseValue';

// One description of a key, read from the schema, for hover and completion alike: what the
// lint checks and what the user is told can then never disagree.

const FORMAT_WORDS: Record<string, string> = {
  url: 'connection URL',
  path: 'file or folder path',
  'json-array': "JSON array, written after 'json:'",
  json: 'JSON document',
  size: 'size such as 100mb',
  'schema.table': 'schema.table',
  'pg-lsn': 'PostgreSQL LSN such as 0/1A2B3C4',
  datetime: 'UTC time YYYY-MM-DD HH:MM:SS',
  csv: 'comma-separated list',
  'filter-schema-list': 'comma-separated schema names, * and ? wildcards',
  'filter-table-list': 'comma-separated schema.table names, * and ? wildcards',
  map: 'comma-separated src:dst mappings',
  labels: 'k=v,k=v labels',
};

export function typeWords(type: ValueType, format?: string): string {
  switch (type.kind) {
    case 'bool':
      return '`true` or `false` (lowercase)';
    case 'int': {
      const [min, max] = intRange(type.rust);
      return `whole number ${min} … ${max} (\`${type.rust}\`)`;
    }
    case 'f64':
      return 'decimal number (`f64`)';
    case 'enum':
      return `one of the ${type.enum} values`;
    default:
      return format && FORMAT_WORDS[format] ? `text: ${FORMAT_WORDS[format]}` : 'text';
  }
}

function shownDefault(value: string): string {
  return value === '' ? 'empty' : `\`${value}\``;
}

/** The default at this version, and where it differs elsewhere. */
export function defaultWords(spec: KeySpec, version: ApeVersion): string | undefined {
  const here = defaultOf(spec, version);
  const parts: string[] = [];
  if (here !== undefined) parts.push(shownDefault(here));
  if (spec.defaultNote) parts.push(spec.defaultNote);
  if (parts.length === 0) return undefined;
  const others = VERSIONS.filter((v) => v !== version && inVersion(spec.versions, v) && defaultOf(spec, v) !== here);
  const elsewhere = others.map((v) => `${v}: ${defaultOf(spec, v) === undefined ? 'none' : shownDefault(defaultOf(spec, v)!)}`);
  return parts.join(' — ') + (elsewhere.length ? ` (${elsewhere.join('; ')})` : '');
}

function valueList(values: string[], name?: keyof typeof ENUMS): string {
  return values
    .map((v) => {
      const headOnly = name && ENUMS[name].values[v]?.headOnly;
      return headOnly ? `\`${v}\` (ape-dts main only)` : `\`${v}\``;
    })
    .join(', ');
}

/** Values the key takes at this version; narrowed by the task's db_type for extract_type / sink_type. */
export function allowedWords(section: string, key: string, spec: KeySpec, task: TaskView): string[] {
  const type = typeOf(spec, task.version);
  const lines: string[] = [];
  if (type.kind === 'enum') {
    lines.push(`Allowed in ${task.version}: ${valueList(enumValues(type.enum, task.version), type.enum)}`);
    const combo = comboFor(section, key, task);
    if (combo) lines.push(combo);
  }
  const startup = startupValuesOf(spec, task.version);
  if (startup) {
    const list = spec.format === 'csv' ? `${valueList(startup)} or \`*\`` : valueList(startup);
    lines.push(`Checked when the task starts: ${list}`);
  }
  return lines;
}

function comboFor(section: string, key: string, task: TaskView): string | undefined {
  const table = section === 'extractor' ? EXTRACTOR_COMBOS : section === 'sinker' ? SINKER_COMBOS : undefined;
  if (!table) return undefined;
  const byDb = table[task.version];
  if (key === 'db_type') {
    const role = section === 'extractor' ? 'As a source' : 'As a target';
    return `${role}, ${task.version} accepts: ${valueList(Object.keys(byDb))}`;
  }
  const typeKey = section === 'extractor' ? 'extract_type' : 'sink_type';
  const dbType = task.config.value(section, 'db_type');
  const accepted = dbType && Object.hasOwn(byDb, dbType) ? byDb[dbType] : undefined;
  if (key !== typeKey || !accepted) return undefined;
  return `With db_type=${dbType}: ${accepted === '*' ? 'any value' : valueList(accepted)}`;
}

/** Which versions read the key, and what replaces it. */
export function versionWords(spec: KeySpec, version: ApeVersion): string {
  const parts = [`Read ${describeVersions(spec.versions)}`];
  if (spec.headOnly) parts.push("added on ape-dts's main branch after v2.0.26");
  if (spec.deprecatedFrom) parts.push(`deprecated from ${spec.deprecatedFrom}`);
  if (spec.rejectedFrom) parts.push(`**rejected from ${spec.rejectedFrom}** even when empty`);
  if (spec.replacement) parts.push(`use ${spec.replacement} instead`);
  let text = parts.join('; ') + '.';
  if (isRejected(spec, version)) text += ` ape-dts ${version} refuses to start while it is in the file.`;
  else if (!inVersion(spec.versions, version)) text += ` Not read by ${version}.`;
  return text;
}

/** Where the key has an effect, and whether this task is one of those places. */
export function appliesWords(section: string, spec: KeySpec, task: TaskView): string | undefined {
  const list = appliesFor(spec, task.version);
  if (!list) return undefined;
  const pairs = [...new Set(list.map((a) => `${a.db_type}/${a.type}`))].join(', ');
  const [dbType, type] =
    section === 'sinker'
      ? [task.eff('sinker.db_type'), task.eff('sinker.sink_type')]
      : [task.eff('extractor.db_type'), task.eff('extractor.extract_type')];
  const typeKey = section === 'sinker' ? 'sink_type' : 'extract_type';
  const mine = dbType && type ? `db_type=${dbType}, ${typeKey}=${type}` : undefined;
  const verdict = !mine
    ? ''
    : task.applies(section, spec)
      ? ` — ✓ applies to this task (${mine})`
      : ` — ✗ no effect for this task (${mine})`;
  return `Applies to: ${pairs}${verdict}`;
}

/** Markdown for a key, independent of where the cursor is: summary, type, default, values, versions. */
export function keyDocumentation(section: string, key: string, spec: KeySpec, task: TaskView): string {
  const type = typeOf(spec, task.version);
  const lines = [spec.summary, '', `- Type: ${typeWords(type, spec.format)}`];
  const def = defaultWords(spec, task.version);
  if (def) lines.push(`- Default: ${def}`);
  for (const a of allowedWords(section, key, spec, task)) lines.push(`- ${a}`);
  lines.push(`- ${versionWords(spec, task.version)}`);
  const applies = appliesWords(section, spec, task);
  if (applies) lines.push(`- ${applies}`);
  if (spec.presenceSensitive) lines.push('- Writing the key with an empty value is not the same as leaving it out.');
  return lines.join('\n');
}

/** One line for completion lists: the type and the default. */
export function keyDetail(spec: KeySpec, version: ApeVersion): string {
  const type = typeOf(spec, version);
  const typeName = type.kind === 'enum' ? type.enum : type.kind === 'int' ? type.rust : type.kind;
  const def = defaultOf(spec, version);
  return def === undefined ? typeName : `${typeName} = ${def === '' ? '(empty)' : def}`;
}
