import { t } from '../../i18n';
import { PAYLOAD_TIMESTAMP } from '../values/logTime';
import type { FieldFormat } from './variantSpec';

// Every CDC variant carries a `timestamp` string (UTC, milliseconds, or empty). ape-dts does
// not parse it on resume; it only feeds the metrics of how far behind the task is.
export const payloadTimestamp: FieldFormat = {
  rule: 'PL005',
  severity: 'warning',
  get consequence() {
    return t('progress.format.timestamp.consequence');
  },
  get fix() {
    return t('progress.format.timestamp.fix');
  },
  problem: (v) => (PAYLOAD_TIMESTAMP.test(v) ? undefined : t('progress.problem.timestamp')),
};
