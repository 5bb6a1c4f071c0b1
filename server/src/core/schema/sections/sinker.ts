import type { Applies, Cond, KeySpec, SectionSpec } from '../types';
import { STARTUP_VALUES } from '../enums';

// From 2.0.26 a missing [sinker] is a load error; before, it failed later because sink_type
// defaulted to write and db_type was then missing. With sink_type=dummy nothing else here is read.

const AUTH_PAIRS: Applies[] = [
  { db_type: 'mysql', type: 'write' },
  { db_type: 'mysql', type: 'check' },
  { db_type: 'mysql', type: 'struct' },
  { db_type: 'tidb', type: 'write' },
  { db_type: 'tidb', type: 'check' },
  { db_type: 'tidb', type: 'struct' },
  { db_type: 'pg', type: 'write' },
  { db_type: 'pg', type: 'check' },
  { db_type: 'pg', type: 'struct' },
  { db_type: 'mongo', type: 'write' },
  { db_type: 'mongo', type: 'check' },
  { db_type: 'mongo', type: 'struct' },
  { db_type: 'redis', type: 'write' },
  { db_type: 'starrocks', type: 'write' },
  { db_type: 'starrocks', type: 'struct' },
  { db_type: 'doris', type: 'write' },
  { db_type: 'doris', type: 'struct' },
  { db_type: 'mssql', type: 'write', versions: { since: '2.0.26' }, headOnly: true },
];
const TLS_PAIRS: Applies[] = [
  { db_type: 'mysql', type: '*' },
  { db_type: 'tidb', type: '*' },
  { db_type: 'pg', type: '*' },
  { db_type: 'mssql', type: 'write', versions: { since: '2.0.26' }, headOnly: true },
];
const REDIS_WRITE: Applies[] = [{ db_type: 'redis', type: 'write' }];
const RDB_WRITE_PAIRS: Applies[] = [
  { db_type: 'mysql', type: 'write' },
  { db_type: 'tidb', type: 'write' },
  { db_type: 'pg', type: 'write' },
  { db_type: 'mysql', type: 'check', versions: { since: '2.0.26' } },
  { db_type: 'tidb', type: 'check', versions: { since: '2.0.26' } },
  { db_type: 'pg', type: 'check', versions: { since: '2.0.26' } },
];
const SQL_SINK_PAIRS: Applies[] = [
  { db_type: 'mysql', type: 'sql' },
  { db_type: 'tidb', type: 'sql' },
  { db_type: 'pg', type: 'sql' },
];
const MONGO_WRITE_CHECK: Applies[] = [
  { db_type: 'mongo', type: 'write' },
  { db_type: 'mongo', type: 'check' },
];
const KAFKA: Applies[] = [{ db_type: 'kafka', type: '*' }];
const REDIS_STATISTIC: Applies[] = [{ db_type: 'redis', type: 'statistic' }];
const STREAM_LOAD_PAIRS: Applies[] = [
  { db_type: 'starrocks', type: 'write' },
  { db_type: 'doris', type: 'write' },
];
const FOXLAKE_PAIRS: Applies[] = [
  { db_type: 'foxlake', type: 'write' },
  { db_type: 'foxlake', type: 'push' },
  { db_type: 'foxlake', type: 'merge' },
];
const NON_DUMMY: Cond = { derived: 'nonDummySinker' };
const DBENGINE_WITH_MYSQL_SOURCE: Cond = {
  all: [{ eq: ['metacenter.type', 'dbengine'] }, { eq: ['extractor.db_type', 'mysql'] }],
};
// foxlake (gone in 2.0.26, where these keys are silently ignored) took its S3 settings here.
function foxlakeS3(summary: string): KeySpec {
  return {
    summary,
    type: { kind: 'string' },
    default: '',
    versions: { until: '2.0.25' },
    appliesTo: FOXLAKE_PAIRS,
    parsedWhen: { eq: ['sinker.db_type', 'foxlake'] },
  };
}

export const sinker: SectionSpec = {
  summary: 'The target: where to write and how to connect to it.',
  versions: {},
  keys: {
    sink_type: {
      summary: 'What the sinker does: write data, check it, copy structure, print SQL, gather Redis statistics, or nothing (dummy).',
      type: { kind: 'enum', enum: 'SinkType' },
      default: 'write',
      versions: {},
    },
    // An unsupported (db_type, sink_type) pair is reported as 'sinker db type ... not supported'
    // even when only the sink_type is wrong.
    db_type: {
      summary: 'Kind of target database; each db_type accepts only some sink_type values.',
      type: { kind: 'enum', enum: 'DbType' },
      versions: {},
      parsedWhen: NON_DUMMY,
      required: 'always',
    },
    // At 2.0.24/25 the dbengine metacenter check reads [sinker].url even for a dummy sinker;
    // from 2.0.26 an active checker needs it too.
    url: {
      summary: 'Connection string of the target; its scheme depends on db_type (kafka takes a bare broker address).',
      type: { kind: 'string' },
      format: 'url',
      default: '',
      versions: {},
      parsedWhen: NON_DUMMY,
      required: {
        any: [
          { derived: 'checkerActive' },
          {
            all: [
              { eq: ['metacenter.type', 'dbengine'] },
              { eq: ['extractor.db_type', 'mysql'] },
              NON_DUMMY,
            ],
          },
        ],
      },
      requiredByVersion: {
        '2.0.24': DBENGINE_WITH_MYSQL_SOURCE,
        '2.0.25': DBENGINE_WITH_MYSQL_SOURCE,
      },
    },
    batch_size: {
      summary: 'Rows written per batch; 1 writes one row at a time, and from 2.0.26 a 0 is refused.',
      type: { kind: 'int', rust: 'usize' },
      default: '200',
      versions: {},
      parsedWhen: NON_DUMMY,
      minByVersion: { '2.0.26': 1 },
    },
    // 2.0.25 leaves it at 0 for a dummy sinker, so every sink_type=dummy task fails at start-up.
    max_connections: {
      summary: 'Upper limit of the target connection pool; 0 is refused when the task starts.',
      type: { kind: 'int', rust: 'u32' },
      default: '10',
      versions: { since: '2.0.25' },
      parsedWhen: NON_DUMMY,
    },
    connection_timeout_secs: {
      summary: 'Seconds to wait when opening a target connection; must be above 0.',
      type: { kind: 'int', rust: 'u64' },
      default: '15',
      versions: { since: '2.0.26' },
      parsedWhen: NON_DUMMY,
      headOnly: true,
      min: 1,
    },
    username: {
      summary: 'Target user name that overrides the user in url; having the key at all (even empty) switches to explicit user/password auth.',
      type: { kind: 'string' },
      default: '',
      versions: { since: '2.0.26' },
      appliesTo: AUTH_PAIRS,
      parsedWhen: NON_DUMMY,
      presenceSensitive: true,
    },
    password: {
      summary: 'Target password that overrides the one in url; an empty value keeps the url password.',
      type: { kind: 'string' },
      default: '',
      versions: { since: '2.0.26' },
      appliesTo: AUTH_PAIRS,
      parsedWhen: NON_DUMMY,
      secret: true,
    },
    ssl_mode: {
      summary: 'TLS mode for MySQL/TiDB/PostgreSQL target connections; once the key is written it must have a value.',
      type: { kind: 'enum', enum: 'SslMode' },
      versions: { since: '2.0.26' },
      appliesTo: TLS_PAIRS,
      parsedWhen: NON_DUMMY,
      required: { all: [NON_DUMMY, { present: 'sinker.ssl_mode' }] },
      presenceSensitive: true,
    },
    ssl_ca_path: {
      summary: 'CA certificate file used for TLS to the target; ignored unless ssl_mode is set.',
      type: { kind: 'string' },
      format: 'path',
      default: '',
      versions: { since: '2.0.26' },
      appliesTo: TLS_PAIRS,
      parsedWhen: { all: [NON_DUMMY, { present: 'sinker.ssl_mode' }] },
    },
    app_name: {
      summary: 'Application name the MongoDB driver reports to the target server.',
      type: { kind: 'string' },
      default: 'APE_DTS',
      versions: {},
      appliesTo: [
        { db_type: 'mongo', type: '*' },
        { db_type: 'mssql', type: 'write', versions: { since: '2.0.26' }, headOnly: true },
      ],
      parsedWhen: NON_DUMMY,
      parsedWhenByVersion: {
        '2.0.24': { all: [NON_DUMMY, { eq: ['sinker.db_type', 'mongo'] }] },
        '2.0.25': { all: [NON_DUMMY, { eq: ['sinker.db_type', 'mongo'] }] },
      },
    },
    is_direct_connection: {
      summary: 'Forces (true) or forbids (false) a direct MongoDB connection to the target; leave it out to let the driver decide.',
      type: { kind: 'bool' },
      defaultNote: 'Absent: the MongoDB driver decides; present but empty: false.',
      versions: { since: '2.0.26' },
      appliesTo: [{ db_type: 'mongo', type: '*' }],
      parsedWhen: { all: [NON_DUMMY, { present: 'sinker.is_direct_connection' }] },
      presenceSensitive: true,
    },
    max_rps: {
      summary: 'Cap on records written per second; 0 means no cap.',
      type: { kind: 'int', rust: 'u32' },
      default: '0',
      versions: { since: '2.0.26' },
      parsedWhen: NON_DUMMY,
    },
    max_mbps: {
      summary: 'Cap on write throughput in MB/s; 0 means no cap.',
      type: { kind: 'int', rust: 'u32' },
      default: '0',
      versions: { since: '2.0.26' },
      parsedWhen: NON_DUMMY,
    },
    // Before 2.0.26 blank meant false; from 2.0.26 a blank value is skipped and the mode is detected.
    is_cluster: {
      summary: 'Treats the Redis target as a cluster; before 2.0.26 a missing value means false, from 2.0.26 it is detected.',
      type: { kind: 'bool' },
      defaultByVersion: { '2.0.24': 'false', '2.0.25': 'false' },
      defaultNote: 'From 2.0.26, detected from the Redis node when absent or blank.',
      versions: {},
      appliesTo: REDIS_WRITE,
      parsedWhen: { all: [NON_DUMMY, { nonBlank: 'sinker.is_cluster' }] },
      parsedWhenByVersion: {
        '2.0.24': {
          all: [{ eq: ['sinker.db_type', 'redis'] }, { eq: ['sinker.sink_type', 'write'] }],
        },
        '2.0.25': {
          all: [{ eq: ['sinker.db_type', 'redis'] }, { eq: ['sinker.sink_type', 'write'] }],
        },
      },
    },
    // Parsed for every non-dummy sinker although only struct sinks use it.
    conflict_policy: {
      summary: 'What a struct sink does when an object already exists: ignore it or stop (interrupt).',
      type: { kind: 'enum', enum: 'ConflictPolicy' },
      default: 'interrupt',
      versions: {},
      appliesTo: [
        { db_type: 'mysql', type: 'struct' },
        { db_type: 'tidb', type: 'struct' },
        { db_type: 'pg', type: 'struct' },
        { db_type: 'mongo', type: 'struct', versions: { since: '2.0.26' } },
        { db_type: 'starrocks', type: 'struct' },
        { db_type: 'doris', type: 'struct' },
        { db_type: 'clickhouse', type: 'struct' },
        { db_type: 'foxlake', type: 'struct', versions: { until: '2.0.25' } },
      ],
      parsedWhen: NON_DUMMY,
    },
    replace: {
      summary: 'Writes inserts as REPLACE/upsert so rows that already exist are overwritten.',
      type: { kind: 'bool' },
      default: 'true',
      versions: {},
      appliesTo: RDB_WRITE_PAIRS,
      parsedWhen: { appliesTo: true },
    },
    disable_foreign_key_checks: {
      summary: 'Turns off foreign-key checks on the target session while writing.',
      type: { kind: 'bool' },
      default: 'true',
      versions: {},
      appliesTo: RDB_WRITE_PAIRS,
      parsedWhen: { appliesTo: true },
    },
    transaction_isolation: {
      summary: 'Isolation level the MySQL/TiDB writer sets for its transactions.',
      type: { kind: 'enum', enum: 'RdbTransactionIsolation' },
      default: 'default',
      versions: { since: '2.0.25' },
      appliesTo: [
        { db_type: 'mysql', type: 'write' },
        { db_type: 'tidb', type: 'write' },
        { db_type: 'mysql', type: 'check', versions: { since: '2.0.26' } },
        { db_type: 'tidb', type: 'check', versions: { since: '2.0.26' } },
      ],
      parsedWhen: { appliesTo: true },
    },
    check_log_dir: {
      summary: 'Folder where a check sink writes its miss/diff logs; empty means <log_dir>/check.',
      type: { kind: 'string' },
      format: 'path',
      default: '',
      defaultNote: 'Empty means <[runtime] log_dir>/check.',
      versions: { until: '2.0.25' },
      replacement: '[checker_output].check_log_dir',
      appliesTo: [
        { db_type: 'mysql', type: 'check' },
        { db_type: 'tidb', type: 'check' },
        { db_type: 'pg', type: 'check' },
        { db_type: 'mongo', type: 'check' },
      ],
      parsedWhen: { appliesTo: true },
    },
    reverse: {
      summary: 'Makes the sql sink print statements that undo the changes instead of replaying them.',
      type: { kind: 'bool' },
      default: 'false',
      versions: {},
      appliesTo: SQL_SINK_PAIRS,
      parsedWhen: { appliesTo: true },
    },
    mongo_require_shard_key_filter: {
      summary: 'Requires updates and deletes on sharded MongoDB collections to filter on the shard key.',
      type: { kind: 'bool' },
      default: 'true',
      versions: { since: '2.0.26' },
      appliesTo: MONGO_WRITE_CHECK,
      parsedWhen: { appliesTo: true },
    },
    ack_timeout_secs: {
      summary: 'Seconds the Kafka producer waits for acknowledgements.',
      type: { kind: 'int', rust: 'u64' },
      default: '5',
      versions: {},
      appliesTo: KAFKA,
      parsedWhen: { appliesTo: true },
    },
    required_acks: {
      summary: 'Kafka acknowledgement level: all, none or one; any other text silently means one.',
      type: { kind: 'string' },
      startupValues: STARTUP_VALUES.KafkaRequiredAcks,
      default: 'one',
      versions: {},
      appliesTo: KAFKA,
      parsedWhen: { appliesTo: true },
    },
    with_field_defs: {
      summary: 'Includes column definitions in each Kafka message.',
      type: { kind: 'bool' },
      default: 'true',
      versions: {},
      appliesTo: KAFKA,
      parsedWhen: { appliesTo: true },
    },
    method: {
      summary: 'How keys are written to Redis: restore (RESTORE dumps) or rewrite (plain commands); anything but rewrite means restore.',
      type: { kind: 'string' },
      startupValues: STARTUP_VALUES.RedisWriteMethod,
      default: '',
      defaultNote: 'Empty (or anything but rewrite) means restore.',
      versions: {},
      appliesTo: REDIS_WRITE,
      parsedWhen: { appliesTo: true },
    },
    statistic_type: {
      summary: 'What a Redis statistic sink reports: big_key or hot_key.',
      type: { kind: 'string' },
      startupValues: STARTUP_VALUES.RedisStatisticType,
      versions: {},
      appliesTo: REDIS_STATISTIC,
      parsedWhen: { appliesTo: true },
      required: 'always',
    },
    data_size_threshold: {
      summary: 'Size in bytes above which a Redis key is reported as big.',
      type: { kind: 'int', rust: 'usize' },
      default: '0',
      versions: {},
      appliesTo: REDIS_STATISTIC,
      parsedWhen: { appliesTo: true },
    },
    freq_threshold: {
      summary: 'Access count above which a Redis key is reported as hot.',
      type: { kind: 'int', rust: 'i64' },
      default: '0',
      versions: {},
      appliesTo: REDIS_STATISTIC,
      parsedWhen: { appliesTo: true },
    },
    statistic_log_dir: {
      summary: 'Folder for the Redis statistic report; empty means <log_dir>/statistic.',
      type: { kind: 'string' },
      format: 'path',
      default: '',
      defaultNote: 'Empty means <[runtime] log_dir>/statistic.',
      versions: {},
      appliesTo: REDIS_STATISTIC,
      parsedWhen: { appliesTo: true },
    },
    stream_load_url: {
      summary: 'HTTP address (with credentials) of the StarRocks/Doris Stream Load endpoint; required at start-up for those writers.',
      type: { kind: 'string' },
      format: 'url',
      default: '',
      versions: {},
      appliesTo: STREAM_LOAD_PAIRS,
      parsedWhen: { appliesTo: true },
    },
    hard_delete: {
      summary: 'Deletes rows physically in StarRocks instead of marking them deleted.',
      type: { kind: 'bool' },
      default: 'false',
      versions: {},
      appliesTo: [{ db_type: 'starrocks', type: 'write' }],
      parsedWhen: { appliesTo: true },
    },
    engine: {
      summary: 'Table engine used when creating tables (ClickHouse struct defaults to ReplacingMergeTree).',
      type: { kind: 'string' },
      defaultNote: 'ReplacingMergeTree for clickhouse struct; empty for foxlake.',
      versions: {},
      appliesTo: [
        { db_type: 'clickhouse', type: 'struct' },
        { db_type: 'foxlake', type: 'write', versions: { until: '2.0.25' } },
        { db_type: 'foxlake', type: 'struct', versions: { until: '2.0.25' } },
      ],
      parsedWhen: { appliesTo: true },
    },
    batch_memory_mb: {
      summary: 'Memory budget in MB for one foxlake batch; 0 means no limit.',
      type: { kind: 'int', rust: 'usize' },
      default: '0',
      versions: { until: '2.0.25' },
      appliesTo: [{ db_type: 'foxlake', type: 'write' }, { db_type: 'foxlake', type: 'push' }],
      parsedWhen: { appliesTo: true },
    },
    s3_bucket: foxlakeS3('S3 bucket the foxlake sink uploads to.'),
    s3_access_key: foxlakeS3('S3 access key id for the foxlake sink.'),
    s3_secret_key: { ...foxlakeS3('S3 secret key for the foxlake sink.'), secret: true },
    s3_region: foxlakeS3('S3 region for the foxlake sink.'),
    s3_endpoint: foxlakeS3('S3 endpoint URL for the foxlake sink.'),
    s3_root_dir: foxlakeS3('Folder inside the bucket the foxlake sink writes to.'),
    s3_root_url: foxlakeS3('Base URL of the foxlake data in S3.'),
  },
};
