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
  summary: 'MySQL binlog position',
  fields: {
    server_id: { type: 'string' },
    binlog_filename: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'warning',
        consequence: 'MySQL will not find the file when ape-dts asks for it, or (when empty) ape-dts starts from the latest binlog position and skips everything written since',
        fix: 'Use a file name from SHOW BINARY LOGS, e.g. mysql-bin.000004.',
        problem: (v) =>
          v === '' ? 'it is empty' : parseBinlogFilename(v) ? undefined : "it is not a binlog file name like 'mysql-bin.000004'",
      },
    },
    next_event_position: { type: 'u32' },
    gtid_set: {
      type: 'string',
      format: {
        rule: 'PL004',
        severity: 'error',
        consequence: 'with gtid_enabled=true the binlog client cannot parse it and the task fails at start',
        fix: "Write it as MySQL prints it: 'uuid:1-5,uuid2:1-3', without spaces.",
        problem: (v) => {
          const r = parseGtidSet(v);
          return 'problem' in r ? r.problem : undefined;
        },
      },
    },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
