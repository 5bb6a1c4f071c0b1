import { t } from '../../i18n';
import { payloadTimestamp } from './payloadTimestamp';
import type { VariantSpec } from './variantSpec';

// repl_offset is a u64 and can pass 2^53, so it is only ever handled as digits / BigInt.
// node_id and address (Option fields) exist from 2.0.26, for Redis cluster sources only;
// older enums do not know them and ignore them.
export const redis: VariantSpec = {
  name: 'Redis',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'redis',
  get summary() {
    return t('progress.variant.Redis');
  },
  fields: {
    node_id: { type: 'string', optional: true, profiles: ['current'] },
    address: {
      type: 'string',
      optional: true,
      profiles: ['current'],
      format: {
        rule: 'PL004',
        severity: 'warning',
        get consequence() {
          return t('progress.format.address.consequence');
        },
        get fix() {
          return t('progress.format.address.fix');
        },
        problem: (v) => (v === '' || /^[^\s:]+:\d+$/.test(v) ? undefined : t('progress.problem.address')),
      },
    },
    repl_id: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'warning',
        get consequence() {
          return t('progress.format.repl_id.consequence');
        },
        get fix() {
          return t('progress.format.repl_id.fix');
        },
        problem: (v) => (/^(?:[0-9a-f]{40})?$/.test(v) ? undefined : t('progress.problem.repl_id')),
      },
    },
    repl_port: { type: 'u64' },
    repl_offset: { type: 'u64' },
    now_db_id: { type: 'i64' },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
