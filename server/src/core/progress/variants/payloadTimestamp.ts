import { PAYLOAD_TIMESTAMP } from '../values/logTime';
import type { FieldFormat } from './variantSpec';

// Every CDC variant carries a `timestamp` string (UTC, milliseconds, or empty). ape-dts does
// not parse it on resume; it only feeds the metrics of how far behind the task is.
export const payloadTimestamp: FieldFormat = {
  rule: 'PL005',
  severity: 'warning',
  consequence: 'only the lag metrics read this field, so they will be wrong or missing',
  fix: "Write 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, or leave it empty.",
  problem: (v) => (PAYLOAD_TIMESTAMP.test(v) ? undefined : "it is not 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) or empty"),
};
