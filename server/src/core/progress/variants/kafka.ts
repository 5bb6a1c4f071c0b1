import { t } from '../../i18n';
import type { VariantSpec } from './variantSpec';

// Kafka as a SOURCE: offset is the consumed message's own offset (resuming re-reads it).
// topic/partition are informative: ape-dts always takes them from [extractor].
export const kafka: VariantSpec = {
  name: 'Kafka',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'kafka',
  get summary() {
    return t('progress.variant.Kafka');
  },
  fields: {
    topic: { type: 'string' },
    partition: { type: 'i32' },
    offset: { type: 'i64' },
  },
};
