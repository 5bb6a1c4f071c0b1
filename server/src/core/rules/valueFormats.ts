import { range } from '../diagnostic';
import { t, type MessageArgs, type MessageId } from '../i18n';
import type { IniEntry } from '../ini/scanIni';
import { URL_SCHEMES } from '../schema/combos';
import { keySpec, parsedWhenOf } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import { isPlaceholder, parseRustInt } from '../values/parseValue';
import type { ConfigRule, Report } from './rule';

// String values that load fine but are checked (or silently misread) when the task starts.

function valueOf(task: TaskView, section: string, key: string): { e: IniEntry; value: string } | undefined {
  const e = task.config.entry(section, key);
  if (!e?.value || isPlaceholder(e.value)) return undefined;
  return { e, value: e.value };
}

function isRead(task: TaskView, section: string, key: string): boolean {
  const spec = keySpec(section, key);
  return !!spec && task.holds(parsedWhenOf(spec, task.version), section, spec) && task.applies(section, spec);
}

// --- JSON-valued keys -------------------------------------------------------------------

const JSON_FIELDS: Record<string, { section: string; fields: [string, 'string' | 'array' | 'object'][]; since?: '2.0.26' }> = {
  ignore_cols: { section: 'filter', fields: [['db', 'string'], ['tb', 'string'], ['ignore_cols', 'array']] },
  where_conditions: { section: 'filter', fields: [['db', 'string'], ['tb', 'string'], ['condition', 'string']] },
  col_map: { section: 'router', fields: [['db', 'string'], ['tb', 'string'], ['col_map', 'object']] },
  partition_cols: { section: 'extractor', fields: [['db', 'string'], ['tb', 'string'], ['partition_col', 'string']], since: '2.0.26' },
};

type JsonKind = 'array' | 'object' | 'string' | 'number' | 'boolean' | 'null';

function kindOf(v: unknown): JsonKind {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : (typeof v as JsonKind);
}

/** A JSON kind in the current language ("array", "数组"). */
function kindName(kind: JsonKind): string {
  return t(`startup.json.kind.${kind}`);
}

const jsonValues: ConfigRule = {
  id: 'startup.json',
  severity: 'error',
  check(task, report) {
    for (const [key, shape] of Object.entries(JSON_FIELDS)) {
      if (shape.since && task.version !== shape.since) continue;
      const found = valueOf(task, shape.section, key);
      if (!found) continue;
      // ape-dts strips any number of leading `json:` before parsing.
      const body = found.value.replace(/^(json:)+/, '');
      const problem = jsonProblem(body, shape.fields);
      if (problem) {
        const expected = `json:[{${shape.fields.map(([f]) => `"${f}":…`).join(',')}}]`;
        report(found.e.valueRange, t(problem.id, { ...problem.args, section: shape.section, key, expected }));
      }
    }
  },
};

/** What is wrong with the value, as a message id of startup.json and its arguments (besides section, key and expected). */
function jsonProblem(body: string, fields: [string, JsonKind][]): { id: MessageId; args: MessageArgs } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    // JavaScript's own parser message: it has no translation.
    return { id: 'startup.json.invalid', args: { error: (err as Error).message } };
  }
  if (!Array.isArray(parsed)) return { id: 'startup.json.not-array', args: { kind: kindName(kindOf(parsed)) } };
  for (const [i, item] of parsed.entries()) {
    if (kindOf(item) !== 'object') return { id: 'startup.json.item-not-object', args: { item: i + 1, kind: kindName(kindOf(item)) } };
    for (const [field, kind] of fields) {
      const v = (item as Record<string, unknown>)[field];
      if (v === undefined) return { id: 'startup.json.item-missing-field', args: { item: i + 1, field } };
      if (kindOf(v) !== kind) return { id: 'startup.json.field-kind', args: { item: i + 1, field, kind: kindName(kind) } };
    }
  }
  return undefined;
}

const jsonPrefix: ConfigRule = {
  id: 'lint.json-prefix',
  severity: 'hint',
  check(task, report) {
    for (const [key, shape] of Object.entries(JSON_FIELDS)) {
      if (shape.since && task.version !== shape.since) continue;
      const found = valueOf(task, shape.section, key);
      if (!found || found.value.startsWith('json:')) continue;
      report(found.e.valueRange, t('lint.json-prefix', { key }));
    }
  },
};

// --- times, LSNs, URLs -----------------------------------------------------------------

const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const times: ConfigRule = {
  id: 'startup.time',
  severity: 'error',
  check(task, report) {
    for (const key of ['start_time_utc', 'end_time_utc']) {
      const found = valueOf(task, 'extractor', key);
      if (!found || !isRead(task, 'extractor', key)) continue;
      if (DATETIME.test(found.value)) continue;
      report(found.e.valueRange, t('startup.time', { key, value: found.value }));
    }
  },
};

const timeOffset: ConfigRule = {
  id: 'lint.time.offset-ignored',
  severity: 'warning',
  check(task, report) {
    for (const key of ['start_time_utc', 'end_time_utc']) {
      const found = valueOf(task, 'extractor', key);
      const m = found && DATETIME.exec(found.value);
      if (!m?.[8]) continue;
      report(found!.e.valueRange, t('lint.time.offset-ignored', { offset: m[8], key }));
    }
  },
};

const startLsn: ConfigRule = {
  id: 'lint.pg.start_lsn',
  severity: 'warning',
  check(task, report) {
    const found = valueOf(task, 'extractor', 'start_lsn');
    if (!found || /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/.test(found.value)) return;
    report(found.e.valueRange, t('lint.pg.start_lsn', { value: found.value }));
  },
};

function urlScheme(value: string): string | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(value);
  return m ? m[1].toLowerCase() : undefined;
}

const URL_KEYS: [section: string, dbTypePath: `${string}.${string}`][] = [
  ['extractor', 'extractor.db_type'],
  ['sinker', 'sinker.db_type'],
  ['resumer', 'resumer.db_type'],
];

const urlSchemeMatches: ConfigRule = {
  id: 'lint.url.scheme',
  severity: 'warning',
  check(task, report) {
    for (const [section, dbTypePath] of URL_KEYS) {
      const found = valueOf(task, section, 'url');
      const dbType = task.config.value(...(dbTypePath.split('.') as [string, string]));
      if (!found || !dbType || isPlaceholder(dbType) || !isRead(task, section, 'url')) continue;
      const expected = Object.hasOwn(URL_SCHEMES, dbType) ? URL_SCHEMES[dbType] : undefined;
      if (!expected) continue;
      const scheme = urlScheme(found.value);
      if (expected.length === 0) {
        if (scheme) report(found.e.valueRange, t('lint.url.scheme.none-expected', { dbType, scheme }));
        continue;
      }
      if (scheme && expected.includes(scheme)) continue;
      const wanted = expected.map((s) => `${s}://`).join(t('lint.url.scheme.or'));
      report(found.e.valueRange, scheme
        ? t('lint.url.scheme.wrong', { section, dbType, wanted, scheme })
        : t('lint.url.scheme.missing', { section, dbType, wanted }));
    }
  },
};

const streamLoadUrl: ConfigRule = {
  id: 'startup.stream_load_url',
  severity: 'error',
  check(task, report) {
    const dbType = task.config.value('sinker', 'db_type');
    if ((dbType !== 'starrocks' && dbType !== 'doris') || task.eff('sinker.sink_type') !== 'write') return;
    const e = task.config.entry('sinker', 'stream_load_url');
    if (e?.value && isPlaceholder(e.value)) return;
    if (e?.value && /^[a-z]+:\/\/([^@/]*@)?[^:/@]+:\d+/i.test(e.value)) return;
    const where = e ? e.valueRange : task.config.headers('sinker')[0]?.range ?? range(0, 0, 0);
    report(where, t('startup.stream_load_url', { dbType }));
  },
};

// --- values read as plain strings at load, matched against a list at start ----------------

// The rule id is also the message id; its text says what ape-dts does then (a fallback:
// method → restore, required_acks → one; otherwise the task fails at start).
type StartupListId = 'startup.redis.statistic_type' | 'lint.redis.method' | 'lint.kafka.required_acks' | 'lint.log_level';

const STARTUP_LISTS: { section: string; key: string; id: StartupListId; severity: 'error' | 'warning' }[] = [
  { section: 'extractor', key: 'statistic_type', id: 'startup.redis.statistic_type', severity: 'error' },
  { section: 'sinker', key: 'statistic_type', id: 'startup.redis.statistic_type', severity: 'error' },
  { section: 'sinker', key: 'method', id: 'lint.redis.method', severity: 'warning' },
  { section: 'sinker', key: 'required_acks', id: 'lint.kafka.required_acks', severity: 'warning' },
  { section: 'runtime', key: 'log_level', id: 'lint.log_level', severity: 'warning' },
];

const startupListRules: ConfigRule[] = [...new Set(STARTUP_LISTS.map((s) => s.id))].map((id) => {
  const entries = STARTUP_LISTS.filter((s) => s.id === id);
  return {
    id,
    severity: entries[0].severity,
    check(task: TaskView, report: Report) {
      for (const { section, key } of entries) {
        const spec = keySpec(section, key);
        const allowed = spec?.startupValuesByVersion?.[task.version] ?? spec?.startupValues;
        const found = valueOf(task, section, key);
        if (!allowed || !found || allowed.includes(found.value) || !task.applies(section, spec!)) continue;
        report(found.e.valueRange, t(id, { key, value: found.value, allowed: allowed.join(', ') }));
      }
    },
  };
});

// --- MySQL CDC start position ---------------------------------------------------------------

const serverIdRange: ConfigRule = {
  id: 'lint.mysql.server_id.range',
  severity: 'warning',
  check(task, report) {
    const found = valueOf(task, 'extractor', 'server_id');
    const n = found && parseRustInt(found.value, 'u64');
    if (n === undefined || n === null || (n >= 1n && n <= 4294967295n)) return;
    report(found!.e.valueRange, t('lint.mysql.server_id.range', { value: found!.value }));
  },
};

const binlogPositionWithoutFile: ConfigRule = {
  id: 'lint.mysql.binlog_position-without-file',
  severity: 'warning',
  check(task, report) {
    const found = valueOf(task, 'extractor', 'binlog_position');
    if (!found || parseRustInt(found.value, 'u32') === 0n || task.config.value('extractor', 'binlog_filename')) return;
    if (!isRead(task, 'extractor', 'binlog_position')) return;
    report(found.e.valueRange, t('lint.mysql.binlog_position-without-file'));
  },
};

const gtidSetWithoutFlag: ConfigRule = {
  id: 'lint.mysql.gtid_set-without-flag',
  severity: 'warning',
  check(task, report) {
    const found = valueOf(task, 'extractor', 'gtid_set');
    if (!found || task.config.value('extractor', 'gtid_enabled') === 'true' || !isRead(task, 'extractor', 'gtid_set')) return;
    report(found.e.valueRange, t('lint.mysql.gtid_set-without-flag'));
  },
};

// --- quoting -------------------------------------------------------------------------------

const QUOTE_EXEMPT_SECTIONS = new Set(['filter', 'router']);

const quotedValue: ConfigRule = {
  id: 'lint.quoted-value',
  severity: 'warning',
  check(task, report) {
    for (const e of task.config.scan.entries) {
      const v = e.value;
      if (!v || v.length < 2 || QUOTE_EXEMPT_SECTIONS.has(e.section)) continue;
      const q = v[0];
      if ((q !== '"' && q !== "'") || v[v.length - 1] !== q) continue;
      report(e.valueRange, t('lint.quoted-value', { key: e.key, value: v }));
    }
  },
};

export const valueFormatRules: readonly ConfigRule[] = [
  jsonValues,
  jsonPrefix,
  times,
  timeOffset,
  startLsn,
  urlSchemeMatches,
  streamLoadUrl,
  ...startupListRules,
  serverIdRange,
  binlogPositionWithoutFile,
  gtidSetWithoutFlag,
  quotedValue,
];
