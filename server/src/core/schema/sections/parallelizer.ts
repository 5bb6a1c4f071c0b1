import type { Cond, SectionSpec } from '../types';

const SNAPSHOT_PARALLELIZER: Cond = { eq: ['parallelizer.parallel_type', 'snapshot'] };

export const parallelizer: SectionSpec = {
  summary: 'How records are spread over parallel sinkers.',
  versions: {},
  keys: {
    parallel_type: {
      summary: 'How records are spread over parallel sinkers; pick the one that fits the task (rdb_merge for MySQL/PG CDC, redis for Redis, serial for struct, ...).',
      type: { kind: 'enum', enum: 'ParallelType' },
      default: 'serial',
      versions: {},
    },
    parallel_size: {
      summary: 'Number of sinkers working at once; 0 passes the loader but fails on the first batch.',
      type: { kind: 'int', rust: 'usize' },
      default: '1',
      versions: {},
    },
    rebalance_strategy: {
      summary: 'How the snapshot parallelizer redistributes work between sinkers.',
      type: { kind: 'enum', enum: 'RebalanceStrategy' },
      default: 'none',
      versions: { since: '2.0.26' },
      parsedWhen: SNAPSHOT_PARALLELIZER,
    },
    rebalance_cost: {
      summary: 'Whether rebalancing weighs partitions by bytes or by rows.',
      type: { kind: 'enum', enum: 'RebalanceCost' },
      default: 'rows',
      versions: { since: '2.0.26' },
      parsedWhen: SNAPSHOT_PARALLELIZER,
    },
    rebalance_max_partitions_per_sinker: {
      summary: 'Most partitions one sinker may hold after rebalancing; must be above 0.',
      type: { kind: 'int', rust: 'usize' },
      default: '2',
      versions: { since: '2.0.26' },
      parsedWhen: SNAPSHOT_PARALLELIZER,
      min: 1,
    },
    rebalance_min_partition_rows: {
      summary: 'Smallest partition, in rows, rebalancing will create; must be above 0.',
      type: { kind: 'int', rust: 'usize' },
      defaultNote: '[sinker] batch_size when that is above 0 (non-dummy sinker), else 200.',
      versions: { since: '2.0.26' },
      parsedWhen: SNAPSHOT_PARALLELIZER,
      min: 1,
    },
    rebalance_split_skew_ratio: {
      summary: 'Load imbalance ratio above which a partition is split; must be above 0.',
      type: { kind: 'f64' },
      default: '1.0',
      versions: { since: '2.0.26' },
      parsedWhen: SNAPSHOT_PARALLELIZER,
    },
  },
};
