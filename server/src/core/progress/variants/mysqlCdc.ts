import { t } from '../../i18n';
import { parseBinlogFilename } from '../values/binlogFilename';
import { parseGtidSet } from '../values/gtidSet';
import { payloadTimestamp } from './payloadTimestamp';
import type { VariantSpec } from './variantSpec';

// MysqlCdc is the same at every profile. server_id is always "" up to 2.0.25 and the decimal
// [extractor] server_id from 2.0.26; it is never used to resume. next_event_position is a
// u32 byte offset of the event AFTER the one that produced the position.
export const mysqlCdc: VariantSpec = {
  name: 'MysqlCdc',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'mysql',
  get summary() {
    return t('progress.variant.MysqlCdc');
  },
  fields: {
    server_id: { type: 'string' },
    binlog_filename: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'warning',
        get consequence() {
          return t('progress.format.binlog_filename.consequence');
        },
        get fix() {
          return t('progress.format.binlog_filename.fix');
        },
        problem: (v) =>
          v === '' ? t('progress.problem.empty') : parseBinlogFilename(v) ? undefined : t('progress.problem.binlog_filename'),
      },
    },
    next_event_position: { type: 'u32' },
    gtid_set: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'error',
        get consequence() {
          return t('progress.format.gtid_set.consequence');
        },
        get fix() {
          return t('progress.format.gtid_set.fix');
        },
        problem: (v) => {
          const r = parseGtidSet(v);
          return 'problem' in r ? r.problem : undefined;
        },
      },
    },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
