import { t } from '../../i18n';
import type { VariantSpec } from './variantSpec';

// Written to finished.log once a table is done, but honoured in any file the snapshot
// resumer reads (config file, position.log tail, finished.log).
export const rdbSnapshotFinished: VariantSpec = {
  name: 'RdbSnapshotFinished',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'snapshot',
  get summary() {
    return t('progress.variant.RdbSnapshotFinished');
  },
  fields: {
    db_type: { type: 'string' },
    schema: { type: 'string' },
    tb: { type: 'string' },
  },
};
