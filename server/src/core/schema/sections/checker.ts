import type { Cond, IgnoredKeySpec, SectionSpec } from '../types';

// Read only while a checker is active (see the checkerActive condition): a [checker] on a CDC
// task without [checker_cdc] is_enabled=true is silently ignored, bad values included.

const CHECKER_ACTIVE: Cond = { derived: 'checkerActive' };
const PRE_RELEASE_S3: IgnoredKeySpec = {
  note: 'Only v2.0.26 pre-releases read it (S3 check output); released versions ignore it and always write local files.',
  versions: { since: '2.0.26' },
};

export const checker: SectionSpec = {
  summary: 'Data checking (standalone, inline after a snapshot, or with CDC).',
  versions: { since: '2.0.26' },
  headerMatters: 'An empty [checker] header already turns a snapshot task writing to mysql/pg/mongo into an inline-check task.',
  keys: {
    batch_size: {
      summary: 'Rows compared per batch by the data checker; 0 is treated as 1.',
      type: { kind: 'int', rust: 'usize' },
      default: '200',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    // 2.0.26 parses it with its own check, then requires 1..=100.
    sample_percent: {
      summary: 'Percentage (1 to 100) of rows the checker samples; empty checks every row.',
      type: { kind: 'int', rust: 'usize' },
      defaultNote: 'Empty checks every row.',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
      min: 1,
      max: 100,
    },
    recheck_count: {
      summary: 'How many times a mismatching row is checked again before it is reported.',
      type: { kind: 'int', rust: 'u32' },
      default: '0',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    recheck_interval_secs: {
      summary: 'Seconds to wait between rechecks of a mismatching row.',
      type: { kind: 'int', rust: 'u64' },
      default: '0',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    recheck_queue_size: {
      summary: 'Most rows waiting for a recheck; must be above 0.',
      type: { kind: 'int', rust: 'usize' },
      default: '10000',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
      min: 1,
    },
    recheck_queue_memory_mb: {
      summary: 'Memory cap, in MB, for rows waiting for a recheck; must be above 0.',
      type: { kind: 'int', rust: 'usize' },
      default: '256',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
      min: 1,
    },
    // Never read by a release: a v2.0.26 pre-release switch that 2.0.26 rejects when written (even
    // empty, even without an active checker). Modelled as a 2.0.26 key that is rejected from 2.0.26.
    enable: {
      summary: 'Pre-release switch that ape-dts rejects from 2.0.26 whenever it is written, even empty; use sink_type=check, a [checker] section or [checker_cdc] is_enabled instead.',
      type: { kind: 'string' },
      versions: { since: '2.0.26' },
      rejectedFrom: '2.0.26',
      replacement: '[sinker].sink_type=check / [checker] section / [checker_cdc].is_enabled=true',
      parsedWhen: 'never',
      presenceSensitive: true,
    },
  },
  ignoredKeys: {
    db_type: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: '[sinker].db_type with sink_type=check',
      versions: { since: '2.0.26' },
    },
    url: {
      note: 'Only v2.0.26 pre-releases read it as the check target; 2.0.26 still reads it in one place: the dbengine metacenter url comparison when sink_type=dummy.',
      replacement: '[sinker].url',
      versions: { since: '2.0.26' },
    },
    username: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: '[sinker].username',
      versions: { since: '2.0.26' },
    },
    password: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: '[sinker].password',
      versions: { since: '2.0.26' },
    },
    sample_rate: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: 'sample_percent',
      versions: { since: '2.0.26' },
    },
    retry_interval_secs: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: 'recheck_interval_secs',
      versions: { since: '2.0.26' },
    },
    max_retries: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: 'recheck_count',
      versions: { since: '2.0.26' },
    },
    queue_size: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: '[checker_cdc].queue_size',
      versions: { since: '2.0.26' },
    },
    cdc_check_log_interval_secs: {
      note: 'Only v2.0.26 pre-releases read it; released versions ignore it silently.',
      replacement: '[checker_cdc].check_log_interval_secs',
      versions: { since: '2.0.26' },
    },
    output_full_row: PRE_RELEASE_S3,
    output_revise_sql: PRE_RELEASE_S3,
    revise_match_full_row: PRE_RELEASE_S3,
    check_log_dir: PRE_RELEASE_S3,
    check_log_file_size: PRE_RELEASE_S3,
    check_log_max_rows: PRE_RELEASE_S3,
    check_log_s3: PRE_RELEASE_S3,
    s3_bucket: PRE_RELEASE_S3,
    s3_access_key_id: PRE_RELEASE_S3,
    s3_secret_access_key: PRE_RELEASE_S3,
    s3_region: PRE_RELEASE_S3,
    s3_endpoint: PRE_RELEASE_S3,
    s3_root_dir: PRE_RELEASE_S3,
    s3_root_url: PRE_RELEASE_S3,
    s3_key_prefix: PRE_RELEASE_S3,
  },
};
