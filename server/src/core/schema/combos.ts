import type { ComboTable, Versions } from './types';

// (db_type, extract_type) pairs the extractor loader accepts. Other DbType values parse but fail
// with "extractor db type: <v> not supported" (clickhouse, starrocks, doris and tidb are sink-only).
// '*' = kafka ignores extract_type, so every value of the version's enum passes (use cdc).
export const EXTRACTOR_COMBOS: ComboTable = {
  '2.0.24': {
    mysql: ['snapshot', 'cdc', 'check_log', 'struct', 'foxlake_s3'],
    pg: ['snapshot', 'cdc', 'check_log', 'struct'],
    mongo: ['snapshot', 'cdc', 'check_log'],
    redis: ['snapshot', 'snapshot_file', 'scan', 'cdc', 'snapshot_and_cdc', 'reshard'],
    kafka: '*',
  },
  '2.0.25': {
    mysql: ['snapshot', 'cdc', 'check_log', 'struct', 'foxlake_s3'],
    pg: ['snapshot', 'cdc', 'check_log', 'struct'],
    mongo: ['snapshot', 'cdc', 'check_log'],
    redis: ['snapshot', 'snapshot_file', 'scan', 'cdc', 'snapshot_and_cdc', 'reshard'],
    kafka: '*',
  },
  '2.0.26': {
    mysql: ['snapshot', 'cdc', 'check_log', 'struct'],
    pg: ['snapshot', 'cdc', 'check_log', 'struct'],
    mongo: ['snapshot', 'cdc', 'check_log', 'struct'],
    redis: ['snapshot', 'snapshot_file', 'scan', 'cdc', 'snapshot_and_cdc', 'reshard'],
    kafka: '*',
    // ape-dts main after v2.0.26 only (see HEAD_ONLY_PAIRS).
    mssql: ['snapshot'],
  },
};

// (db_type, sink_type) pairs the sinker loader accepts; sink_type=dummy needs no db_type at all.
// A bad pair is reported as "sinker db type: <db_type> not supported" even when only the sink_type
// is wrong. '*' = kafka builds its own sinker for every non-dummy sink_type.
export const SINKER_COMBOS: ComboTable = {
  '2.0.24': {
    mysql: ['write', 'check', 'struct', 'sql'],
    tidb: ['write', 'check', 'struct', 'sql'],
    pg: ['write', 'check', 'struct', 'sql'],
    mongo: ['write', 'check'],
    kafka: '*',
    redis: ['write', 'statistic'],
    starrocks: ['write', 'struct'],
    doris: ['write', 'struct'],
    clickhouse: ['write', 'struct'],
    foxlake: ['write', 'struct', 'push', 'merge'],
  },
  '2.0.25': {
    mysql: ['write', 'check', 'struct', 'sql'],
    tidb: ['write', 'check', 'struct', 'sql'],
    pg: ['write', 'check', 'struct', 'sql'],
    mongo: ['write', 'check'],
    kafka: '*',
    redis: ['write', 'statistic'],
    starrocks: ['write', 'struct'],
    doris: ['write', 'struct'],
    clickhouse: ['write', 'struct'],
    foxlake: ['write', 'struct', 'push', 'merge'],
  },
  '2.0.26': {
    mysql: ['write', 'check', 'struct', 'sql'],
    tidb: ['write', 'check', 'struct', 'sql'],
    pg: ['write', 'check', 'struct', 'sql'],
    mongo: ['write', 'check', 'struct'],
    kafka: '*',
    redis: ['write', 'statistic'],
    starrocks: ['write', 'struct'],
    doris: ['write', 'struct'],
    clickhouse: ['write', 'struct'],
    // ape-dts main after v2.0.26 only (see HEAD_ONLY_PAIRS).
    mssql: ['write'],
  },
};

/**
 * Pairs only ape-dts main after v2.0.26 accepts. They pass the loader but the task fails at
 * start-up because MSSQL is not implemented yet.
 */
export const HEAD_ONLY_PAIRS: { side: 'extractor' | 'sinker'; db_type: string; type: string }[] = [
  { side: 'extractor', db_type: 'mssql', type: 'snapshot' },
  { side: 'sinker', db_type: 'mssql', type: 'write' },
];

/**
 * URL schemes each driver accepts; [] = a bare host:port with no scheme (kafka). ape-dts checks
 * none of this at load (bad URLs fail when connecting). mssql is left out: on ape-dts main it takes
 * an ADO.NET or JDBC connection string that ape-dts validates itself.
 */
export const URL_SCHEMES: Record<string, string[]> = {
  mysql: ['mysql'],
  pg: ['postgres', 'postgresql'],
  mongo: ['mongodb', 'mongodb+srv'],
  redis: ['redis', 'rediss'],
  clickhouse: ['http', 'https'],
  // StarRocks and Doris are reached over the MySQL protocol; Stream Load has its own http url.
  starrocks: ['mysql'],
  doris: ['mysql'],
  tidb: ['mysql'],
  // 2.0.24/25 only.
  foxlake: ['mysql'],
  kafka: [],
};

/** One piece of advice on [parallelizer] parallel_type; ape-dts enforces only the inline CDC check one. */
export interface ParallelTypeAdvice {
  task: string;
  /** Each listed field must match the task; an omitted field matches anything. */
  when: {
    extractorDbType?: string[];
    extractType?: string[];
    sinkerDbType?: string[];
    sinkType?: string[];
    /** Only for tasks with an active inline CDC check ([checker_cdc] is_enabled=true). */
    cdcCheck?: boolean;
  };
  parallelType: string[];
  versions: Versions;
  enforced?: boolean;
  note?: string;
}

// From ape-dts's docs, templates and dt-cli defaults; first match wins, so specific rows come first.
export const RECOMMENDED_PARALLEL_TYPE: ParallelTypeAdvice[] = [
  {
    task: 'inline CDC check',
    when: { extractType: ['cdc'], sinkType: ['write'], cdcCheck: true },
    parallelType: ['rdb_merge'],
    versions: { since: '2.0.26' },
    enforced: true,
  },
  { task: 'foxlake', when: { sinkerDbType: ['foxlake'] }, parallelType: ['foxlake'], versions: { until: '2.0.25' } },
  { task: 'struct', when: { extractType: ['struct'] }, parallelType: ['serial'], versions: {} },
  { task: 'dummy sink', when: { sinkType: ['dummy'] }, parallelType: ['serial'], versions: {} },
  {
    task: 'data check / review',
    when: { extractType: ['snapshot', 'check_log'], sinkType: ['check'] },
    parallelType: ['rdb_check'],
    versions: { until: '2.0.25' },
  },
  {
    task: 'standalone check / review (mysql, pg)',
    when: { extractType: ['snapshot', 'check_log'], sinkerDbType: ['mysql', 'pg'], sinkType: ['check'] },
    parallelType: ['rdb_merge'],
    versions: { since: '2.0.26' },
  },
  {
    task: 'standalone check / review (mongo)',
    when: { extractType: ['snapshot', 'check_log'], sinkerDbType: ['mongo'], sinkType: ['check'] },
    parallelType: ['mongo'],
    versions: { since: '2.0.26' },
  },
  {
    task: 'revise (check_log replay)',
    when: { extractType: ['check_log'], sinkerDbType: ['mysql', 'pg'], sinkType: ['write'] },
    parallelType: ['rdb_merge'],
    versions: {},
  },
  {
    task: 'revise (check_log replay)',
    when: { extractType: ['check_log'], sinkerDbType: ['mongo'], sinkType: ['write'] },
    parallelType: ['mongo'],
    versions: {},
  },
  {
    task: 'redis to redis',
    when: { extractorDbType: ['redis'], sinkerDbType: ['redis'] },
    parallelType: ['redis'],
    versions: {},
  },
  {
    task: 'snapshot',
    when: { extractorDbType: ['mysql', 'pg', 'mongo'], extractType: ['snapshot'], sinkType: ['write'] },
    parallelType: ['snapshot'],
    versions: {},
  },
  {
    task: 'mysql/pg CDC to mysql/pg/tidb',
    when: {
      extractorDbType: ['mysql', 'pg'],
      extractType: ['cdc'],
      sinkerDbType: ['mysql', 'pg', 'tidb'],
      sinkType: ['write'],
    },
    parallelType: ['rdb_merge'],
    versions: {},
  },
  {
    task: 'mysql/pg CDC to starrocks/doris',
    when: {
      extractorDbType: ['mysql', 'pg'],
      extractType: ['cdc'],
      sinkerDbType: ['starrocks', 'doris'],
      sinkType: ['write'],
    },
    parallelType: ['rdb_merge', 'table'],
    versions: {},
    note: 'StarRocks with hard_delete=true needs rdb_merge.',
  },
  {
    task: 'mysql/pg CDC to clickhouse',
    when: { extractorDbType: ['mysql', 'pg'], extractType: ['cdc'], sinkerDbType: ['clickhouse'], sinkType: ['write'] },
    parallelType: ['table'],
    versions: {},
  },
  {
    task: 'mysql/pg CDC to kafka',
    when: { extractorDbType: ['mysql', 'pg'], extractType: ['cdc'], sinkerDbType: ['kafka'] },
    parallelType: ['serial'],
    versions: {},
  },
  {
    task: 'CDC to the sql sink',
    when: { extractType: ['cdc'], sinkType: ['sql'] },
    parallelType: ['serial'],
    versions: {},
  },
  {
    task: 'mongo CDC to mongo',
    when: { extractorDbType: ['mongo'], extractType: ['cdc'], sinkerDbType: ['mongo'], sinkType: ['write'] },
    parallelType: ['mongo'],
    versions: {},
  },
];
