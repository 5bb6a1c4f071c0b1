import { pgLsnProblem } from '../values/pgLsn';
import { payloadTimestamp } from './payloadTimestamp';
import type { VariantSpec } from './variantSpec';

// A checkpoint line carries the commit's end LSN; a current line carries the end LSN of the
// PREVIOUS commit (and the BEGIN time of the current transaction), so it is never mid-transaction.
export const pgCdc: VariantSpec = {
  name: 'PgCdc',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'pg',
  summary: 'PostgreSQL WAL position (LSN)',
  fields: {
    lsn: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'error',
        consequence:
          'it is selected like a valid line, and the task then stops at start when ape-dts compares it with the slot (if the slot is missing, a new one is created and the value is ignored)',
        fix: 'Write it as PostgreSQL prints it, e.g. 0/5D65CB0.',
        problem: pgLsnProblem,
      },
    },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
