import type { VariantSpec } from './variantSpec';

// Written to finished.log once a table is done, but honoured in any file the snapshot
// resumer reads (config file, position.log tail, finished.log).
export const rdbSnapshotFinished: VariantSpec = {
  name: 'RdbSnapshotFinished',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'snapshot',
  summary: 'table whose snapshot is finished',
  fields: {
    db_type: { type: 'string' },
    schema: { type: 'string' },
    tb: { type: 'string' },
  },
};
