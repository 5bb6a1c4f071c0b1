import type { Profile } from '../schema/types';
import type { VariantName } from './variants/variantSpec';

// What a recovered position overrides in [extractor] when ape-dts resumes, which is also what
// a user sets by hand to resume without the resumer. Keys and types are the same at 2.0.24
// and 2.0.26 (binlog_position u32, start_timestamp u32, repl_offset u64, offset i64, …).

/** Position field → [extractor] key, per variant and profile. Empty = no [extractor] key. */
export const EXTRACTOR_KEY_MAPPING: Record<VariantName, Record<Profile, Readonly<Record<string, string>>>> = {
  None: { legacy: {}, transitional: {}, current: {} },
  MysqlCdc: {
    legacy: { binlog_filename: 'binlog_filename', next_event_position: 'binlog_position', gtid_set: 'gtid_set' },
    transitional: { binlog_filename: 'binlog_filename', next_event_position: 'binlog_position', gtid_set: 'gtid_set' },
    current: { binlog_filename: 'binlog_filename', next_event_position: 'binlog_position', gtid_set: 'gtid_set' },
  },
  PgCdc: { legacy: { lsn: 'start_lsn' }, transitional: { lsn: 'start_lsn' }, current: { lsn: 'start_lsn' } },
  MongoCdc: {
    legacy: { resume_token: 'resume_token', operation_time: 'start_timestamp' },
    transitional: { resume_token: 'resume_token', operation_time: 'start_timestamp' },
    current: { resume_token: 'resume_token', operation_time: 'start_timestamp' },
  },
  // Up to 2.0.25 the Redis extractor never asks the resumer: its positions are informative.
  Redis: {
    legacy: {},
    transitional: {},
    current: { repl_id: 'repl_id', repl_offset: 'repl_offset', repl_port: 'repl_port', now_db_id: 'now_db_id' },
  },
  // topic and partition always come from [extractor]; only the offset is taken.
  Kafka: { legacy: { offset: 'offset' }, transitional: { offset: 'offset' }, current: { offset: 'offset' } },
  RdbSnapshot: { legacy: {}, transitional: {}, current: {} },
  RdbSnapshotFinished: { legacy: {}, transitional: {}, current: {} },
  FoxlakeS3: { legacy: {}, transitional: {}, current: {} },
};

/**
 * No [extractor] key carries snapshot progress; these [filter] settings come closest when a
 * user has to do without the resumer (they change the filter, not the resume state).
 */
export const SNAPSHOT_APPROXIMATION: Partial<Record<VariantName, string>> = {
  RdbSnapshot: '[filter] where_conditions=json:[{"db":"<schema>","tb":"<tb>","condition":"<col> > <value>"}]',
  RdbSnapshotFinished: '[filter] ignore_tbs=<schema>.<tb>,…',
};

/** The [extractor] keys of each source that say where CDC starts. */
export const START_KEYS: Readonly<Record<string, readonly string[]>> = {
  mysql: ['binlog_filename', 'binlog_position', 'gtid_enabled', 'gtid_set', 'start_time_utc'],
  pg: ['start_lsn'],
  mongo: ['source', 'resume_token', 'start_timestamp'],
  redis: ['repl_id', 'repl_offset', 'repl_port', 'now_db_id'],
  kafka: ['topic', 'partition', 'offset'],
};
