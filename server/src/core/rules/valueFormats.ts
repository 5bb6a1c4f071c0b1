import { range } from '../diagnostic';
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

function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
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
        report(found.e.valueRange, `[${shape.section}] ${key} is not what ape-dts expects: ${problem}. It fails when the task starts. Expected json:[{${shape.fields.map(([f]) => `"${f}":…`).join(',')}}].`);
      }
    }
  },
};

function jsonProblem(body: string, fields: [string, string][]): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    return `invalid JSON (${(err as Error).message})`;
  }
  if (!Array.isArray(parsed)) return `it is a JSON ${kindOf(parsed)}, not an array`;
  for (const [i, item] of parsed.entries()) {
    if (kindOf(item) !== 'object') return `item ${i + 1} is a JSON ${kindOf(item)}, not an object`;
    for (const [field, kind] of fields) {
      const v = (item as Record<string, unknown>)[field];
      if (v === undefined) return `item ${i + 1} has no "${field}"`;
      if (kindOf(v) !== kind) return `"${field}" in item ${i + 1} must be a JSON ${kind}`;
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
      report(found.e.valueRange, `ape-dts accepts ${key} without the 'json:' prefix, but its docs always write it; adding it keeps the file readable for others.`);
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
      report(found.e.valueRange, `${key}='${found.value}' is not a time ape-dts can read, so the task fails at start. Write it as YYYY-MM-DD HH:MM:SS (UTC), e.g. 2024-10-18 05:21:44.`);
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
      report(found!.e.valueRange, `ape-dts reads the offset '${m[8]}' but ignores it: ${key} is always taken as UTC. Convert the time to UTC and drop the offset.`);
    }
  },
};

const startLsn: ConfigRule = {
  id: 'lint.pg.start_lsn',
  severity: 'warning',
  check(task, report) {
    const found = valueOf(task, 'extractor', 'start_lsn');
    if (!found || /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/.test(found.value)) return;
    report(found.e.valueRange, `start_lsn='${found.value}' is not a PostgreSQL LSN; it must look like 0/1A2B3C4 (two hex numbers separated by '/'), as in pg_current_wal_lsn().`);
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
        if (scheme) report(found.e.valueRange, `A ${dbType} url is a plain host:port with no scheme; '${scheme}://' makes the connection fail.`);
        continue;
      }
      if (scheme && expected.includes(scheme)) continue;
      const wanted = expected.map((s) => `${s}://`).join(' or ');
      report(found.e.valueRange, scheme
        ? `[${section}] db_type=${dbType} expects a ${wanted} url, but this one is '${scheme}://'; the connection will fail. Check the url or db_type.`
        : `[${section}] url has no scheme; db_type=${dbType} expects ${wanted}…`);
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
    report(where, `A ${dbType} write sinker needs stream_load_url with host and port (e.g. http://user:pass@fe-host:8030); without it ape-dts fails at start.`);
  },
};

// --- values read as plain strings at load, matched against a list at start ----------------

const STARTUP_LISTS: { section: string; key: string; id: string; severity: 'error' | 'warning'; fallback?: string }[] = [
  { section: 'extractor', key: 'statistic_type', id: 'startup.redis.statistic_type', severity: 'error' },
  { section: 'sinker', key: 'statistic_type', id: 'startup.redis.statistic_type', severity: 'error' },
  { section: 'sinker', key: 'method', id: 'lint.redis.method', severity: 'warning', fallback: 'restore' },
  { section: 'sinker', key: 'required_acks', id: 'lint.kafka.required_acks', severity: 'warning', fallback: 'one' },
  { section: 'runtime', key: 'log_level', id: 'lint.log_level', severity: 'warning' },
];

const startupListRules: ConfigRule[] = [...new Set(STARTUP_LISTS.map((s) => s.id))].map((id) => {
  const entries = STARTUP_LISTS.filter((s) => s.id === id);
  return {
    id,
    severity: entries[0].severity,
    check(task: TaskView, report: Report) {
      for (const { section, key, fallback } of entries) {
        const spec = keySpec(section, key);
        const allowed = spec?.startupValuesByVersion?.[task.version] ?? spec?.startupValues;
        const found = valueOf(task, section, key);
        if (!allowed || !found || allowed.includes(found.value) || !task.applies(section, spec!)) continue;
        const then = fallback ? `ape-dts silently uses '${fallback}' instead` : 'the task fails when it starts';
        report(found.e.valueRange, `${key}='${found.value}' is not one of ${allowed.join(', ')}; ${then}.`);
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
    report(found!.e.valueRange, `MySQL accepts server_id only from 1 to 4294967295 (and unique among its replicas); ape-dts loads ${found!.value} but the binlog connection will be refused.`);
  },
};

const binlogPositionWithoutFile: ConfigRule = {
  id: 'lint.mysql.binlog_position-without-file',
  severity: 'warning',
  check(task, report) {
    const found = valueOf(task, 'extractor', 'binlog_position');
    if (!found || parseRustInt(found.value, 'u32') === 0n || task.config.value('extractor', 'binlog_filename')) return;
    if (!isRead(task, 'extractor', 'binlog_position')) return;
    report(found.e.valueRange, 'binlog_position is ignored while binlog_filename is empty: ape-dts starts from the newest binlog position. Set binlog_filename too (e.g. mysql-bin.000004).');
  },
};

const gtidSetWithoutFlag: ConfigRule = {
  id: 'lint.mysql.gtid_set-without-flag',
  severity: 'warning',
  check(task, report) {
    const found = valueOf(task, 'extractor', 'gtid_set');
    if (!found || task.config.value('extractor', 'gtid_enabled') === 'true' || !isRead(task, 'extractor', 'gtid_set')) return;
    report(found.e.valueRange, 'gtid_set is ignored unless gtid_enabled=true; ape-dts starts from binlog_filename / binlog_position instead. Add gtid_enabled=true to start from this GTID set.');
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
      report(e.valueRange, `ape-dts keeps the quotes: '${e.key}' is read as ${v}, quotes included. Remove them.`);
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
