import { payloadTimestamp } from './payloadTimestamp';
import type { VariantSpec } from './variantSpec';

// repl_offset is a u64 and can pass 2^53, so it is only ever handled as digits / BigInt.
// node_id and address (Option fields) exist from 2.0.26, for Redis cluster sources only;
// older enums do not know them and ignore them.
export const redis: VariantSpec = {
  name: 'Redis',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'redis',
  summary: 'Redis replication position',
  fields: {
    node_id: { type: 'string', optional: true, profiles: ['current'] },
    address: {
      type: 'string',
      optional: true,
      profiles: ['current'],
      format: {
        rule: 'PL004',
        severity: 'warning',
        consequence: 'the cluster extractor cannot match it to a master node, so that node starts without a position',
        fix: "Write the node's 'host:port'.",
        problem: (v) => (v === '' || /^[^\s:]+:\d+$/.test(v) ? undefined : "it is not 'host:port'"),
      },
    },
    repl_id: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'warning',
        consequence: 'PSYNC will not answer CONTINUE with it, and the task fails',
        fix: "Use the master's 40-character replication id (INFO replication: master_replid).",
        problem: (v) => (/^(?:[0-9a-f]{40})?$/.test(v) ? undefined : 'a replication id is 40 lowercase hex characters'),
      },
    },
    repl_port: { type: 'u64' },
    repl_offset: { type: 'u64' },
    now_db_id: { type: 'i64' },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
