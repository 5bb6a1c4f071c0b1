import type { Cond, IgnoredKeySpec, SectionSpec } from '../types';

const CHECKER_ACTIVE: Cond = { derived: 'checkerActive' };
const DOCS_ONLY: IgnoredKeySpec = {
  note: 'Listed in the ape-dts docs but never read: check output always goes to local files.',
  versions: { since: '2.0.26' },
};

export const checkerOutput: SectionSpec = {
  summary: 'What the data checker writes and where.',
  versions: { since: '2.0.26' },
  keys: {
    output_full_row: {
      summary: 'Writes whole rows, not just keys, into the miss/diff logs.',
      type: { kind: 'bool' },
      default: 'false',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    output_revise_sql: {
      summary: 'Also writes SQL that would repair each difference.',
      type: { kind: 'bool' },
      default: 'false',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    revise_match_full_row: {
      summary: 'Makes the repair SQL match on every column instead of the key only.',
      type: { kind: 'bool' },
      default: 'false',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    check_log_dir: {
      summary: 'Folder for the check logs; empty means <log_dir>/check, and old logs there are deleted when a non-CDC check starts.',
      type: { kind: 'string' },
      format: 'path',
      default: '',
      defaultNote: 'Empty means <[runtime] log_dir>/check.',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    check_log_file_size: {
      summary: 'Size at which a check log file is rolled over, such as 100mb.',
      type: { kind: 'string' },
      format: 'size',
      default: '100mb',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
    check_log_max_rows: {
      summary: 'Most rows written to the check logs; 0 is treated as 1.',
      type: { kind: 'int', rust: 'usize' },
      default: '1000',
      versions: { since: '2.0.26' },
      parsedWhen: CHECKER_ACTIVE,
    },
  },
  ignoredKeys: {
    output_type: DOCS_ONLY,
    s3_bucket: DOCS_ONLY,
    s3_access_key_id: DOCS_ONLY,
    s3_secret_access_key: DOCS_ONLY,
    s3_region: DOCS_ONLY,
    s3_endpoint: DOCS_ONLY,
    s3_root_dir: DOCS_ONLY,
    s3_root_url: DOCS_ONLY,
    s3_key_prefix: DOCS_ONLY,
  },
};
