import { t } from '../../i18n';
import { pgLsnProblem } from '../values/pgLsn';
import { payloadTimestamp } from './payloadTimestamp';
import type { VariantSpec } from './variantSpec';

// A checkpoint line carries the commit's end LSN; a current line carries the end LSN of the
// PREVIOUS commit (and the BEGIN time of the current transaction), so it is never mid-transaction.
export const pgCdc: VariantSpec = {
  name: 'PgCdc',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'pg',
  get summary() {
    return t('progress.variant.PgCdc');
  },
  fields: {
    lsn: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'error',
        get consequence() {
          return t('progress.format.lsn.consequence');
        },
        get fix() {
          return t('progress.format.lsn.fix');
        },
        problem: pgLsnProblem,
      },
    },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
