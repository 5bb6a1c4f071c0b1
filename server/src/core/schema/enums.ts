import type { EnumName, EnumSpec, Versions } from './types';

// Every value lists the versions whose loader accepts it; anything else fails to parse with
// "can not be parsed as <rustType>". Values are case-sensitive except MongoCdcSource.

export const ENUMS: Record<EnumName, EnumSpec> = {
  // mssql exists only on ape-dts main after v2.0.26; foxlake was dropped in 2.0.26, so from then on
  // it fails as a DbType parse error rather than as an unsupported db_type.
  DbType: {
    rustType: 'dt_common::config::config_enums::DbType',
    caseSensitive: true,
    values: {
      mysql: {},
      pg: {},
      mssql: { since: '2.0.26', headOnly: true },
      kafka: {},
      mongo: {},
      redis: {},
      clickhouse: {},
      starrocks: {},
      doris: {},
      foxlake: { until: '2.0.25' },
      tidb: {},
    },
  },
  ExtractType: {
    rustType: 'dt_common::config::config_enums::ExtractType',
    caseSensitive: true,
    values: {
      snapshot: {},
      cdc: {},
      snapshot_and_cdc: {},
      check_log: {},
      struct: {},
      snapshot_file: {},
      scan: {},
      reshard: {},
      foxlake_s3: { until: '2.0.25' },
    },
  },
  SinkType: {
    rustType: 'dt_common::config::config_enums::SinkType',
    caseSensitive: true,
    values: {
      dummy: {},
      write: {},
      check: {},
      struct: {},
      statistic: {},
      sql: {},
      push: {},
      merge: {},
    },
  },
  // rdb_check and foxlake stopped parsing in 2.0.26 (check tasks moved to rdb_merge / mongo).
  ParallelType: {
    rustType: 'dt_common::config::config_enums::ParallelType',
    caseSensitive: true,
    values: {
      serial: {},
      snapshot: {},
      rdb_partition: {},
      rdb_merge: {},
      rdb_check: { until: '2.0.25' },
      table: {},
      mongo: {},
      redis: {},
      foxlake: { until: '2.0.25' },
    },
  },
  RdbParallelType: {
    rustType: 'dt_common::config::config_enums::RdbParallelType',
    caseSensitive: true,
    values: { table: { since: '2.0.26' }, chunk: { since: '2.0.26' } },
  },
  // The whole key went away in 2.0.26; 2.0.26 docs still list it.
  PipelineType: {
    rustType: 'dt_common::config::config_enums::PipelineType',
    caseSensitive: true,
    values: { basic: { until: '2.0.25' }, http_server: { until: '2.0.25' } },
  },
  // The Rust type is ConflictPolicyEnum although the values are plain ignore/interrupt.
  ConflictPolicy: {
    rustType: 'dt_common::config::config_enums::ConflictPolicyEnum',
    caseSensitive: true,
    values: { ignore: {}, interrupt: {} },
  },
  SslMode: {
    rustType: 'dt_common::config::ssl_config::SslMode',
    caseSensitive: true,
    values: {
      disable: { since: '2.0.26' },
      require: { since: '2.0.26' },
      verify_ca: { since: '2.0.26' },
      verify_full: { since: '2.0.26' },
    },
  },
  ResumeType: {
    rustType: 'dt_common::config::config_enums::ResumeType',
    caseSensitive: true,
    values: {
      from_log: { since: '2.0.25' },
      from_target: { since: '2.0.25' },
      from_db: { since: '2.0.25' },
      dummy: { since: '2.0.25' },
    },
  },
  MetaCenterType: {
    rustType: 'dt_common::config::config_enums::MetaCenterType',
    caseSensitive: true,
    values: { basic: {}, dbengine: {} },
  },
  RdbTransactionIsolation: {
    rustType: 'dt_common::config::config_enums::RdbTransactionIsolation',
    caseSensitive: true,
    values: {
      read_uncommitted: { since: '2.0.25' },
      read_committed: { since: '2.0.25' },
      repeatable_read: { since: '2.0.25' },
      serializable: { since: '2.0.25' },
      default: { since: '2.0.25' },
    },
  },
  RebalanceStrategy: {
    rustType: 'dt_common::config::parallelizer_config::ChunkPartitionerRebalanceStrategy',
    caseSensitive: true,
    values: {
      none: { since: '2.0.26' },
      chunk_largest_first: { since: '2.0.26' },
      auto_split: { since: '2.0.26' },
      table_min_rows: { since: '2.0.26' },
      table_even: { since: '2.0.26' },
    },
  },
  RebalanceCost: {
    rustType: 'dt_common::config::parallelizer_config::ChunkPartitionerRebalanceCost',
    caseSensitive: true,
    values: { bytes: { since: '2.0.26' }, rows: { since: '2.0.26' } },
  },
  // ape-dts names no Rust type for it: 2.0.24/25 keep the raw text, and 2.0.26 reports
  // 'invalid MongoCdcSource: <v>' from its own case-insensitive match.
  MongoCdcSource: {
    rustType: 'MongoCdcSource',
    caseSensitive: false,
    values: { op_log: {}, change_stream: {} },
  },
  TaskSummaryMode: {
    rustType: 'dt_common::runtime_trace::TaskSummaryMode',
    caseSensitive: true,
    values: { task: { since: '2.0.26' }, marker: { since: '2.0.26' } },
  },
  TraceOutputFormat: {
    rustType: 'dt_common::runtime_trace::TraceOutputFormat',
    caseSensitive: true,
    values: { plain: { since: '2.0.26' }, json: { since: '2.0.26' } },
  },
};

export type FilterListName = 'RowType' | 'DdlType' | 'DclType' | 'StructureType';

// Comma-separated [filter] lists are plain strings at load. At start-up each token is matched
// against these names; unknown tokens are NOT rejected, they silently never match. '*' alone
// stands for every value.
export const FILTER_VALUES: Record<FilterListName, Record<string, Versions>> = {
  RowType: { insert: {}, update: {}, delete: {} },
  DdlType: {
    create_database: {},
    drop_database: {},
    create_schema: {},
    drop_schema: {},
    create_table: {},
    drop_table: {},
    truncate_table: {},
    rename_table: {},
    alter_database: {},
    alter_schema: {},
    alter_table: {},
    create_index: {},
    drop_index: {},
    mongo_create_collection: { since: '2.0.26' },
    mongo_drop_collection: { since: '2.0.26' },
    mongo_rename_collection: { since: '2.0.26' },
    mongo_drop_database: { since: '2.0.26' },
    mongo_create_index: { since: '2.0.26' },
    mongo_drop_index: { since: '2.0.26' },
    mongo_coll_mod: { since: '2.0.26' },
    mongo_shard_collection: { since: '2.0.26' },
    mongo_reshard_collection: { since: '2.0.26' },
    mongo_refine_collection_shard_key: { since: '2.0.26' },
  },
  DclType: {
    create_user: {},
    alter_user: {},
    create_role: {},
    drop_user: {},
    drop_role: {},
    grant: {},
    revoke: {},
    set_role: {},
  },
  StructureType: {
    database: {},
    table: {},
    constraint: {},
    sequence: {},
    comment: {},
    index: {},
    rbac: {},
    udf: { since: '2.0.26' },
    udt: { since: '2.0.26' },
    collection: { since: '2.0.26' },
    shardkey: { since: '2.0.26' },
  },
};

export type StartupEnumName = 'LogLevel' | 'RedisWriteMethod' | 'RedisStatisticType' | 'KafkaRequiredAcks';

// Strings the loader keeps as text and interprets only when the task starts. Two are lenient:
// any method other than 'rewrite' means restore, any required_acks other than all/none means one.
export const STARTUP_VALUES: Record<StartupEnumName, string[]> = {
  LogLevel: ['off', 'error', 'warn', 'info', 'debug', 'trace'],
  RedisWriteMethod: ['restore', 'rewrite'],
  RedisStatisticType: ['big_key', 'hot_key'],
  KafkaRequiredAcks: ['all', 'none', 'one'],
};
