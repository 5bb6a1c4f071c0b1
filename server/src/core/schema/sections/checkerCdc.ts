import type { SectionSpec } from '../types';

export const checkerCdc: SectionSpec = {
  summary: 'Checking of a CDC task while it runs.',
  versions: { since: '2.0.26' },
  keys: {
    is_enabled: {
      summary: 'Turns on checking of a MySQL/PostgreSQL CDC task as it writes.',
      type: { kind: 'bool' },
      default: 'false',
      versions: { since: '2.0.26' },
      parsedWhen: { sectionPresent: 'checker_cdc' },
    },
    queue_size: {
      summary: 'Capacity of the queue of changes waiting to be checked.',
      type: { kind: 'int', rust: 'usize' },
      default: '200',
      versions: { since: '2.0.26' },
      parsedWhen: { all: [{ derived: 'cdcCheckEnabled' }, { derived: 'checkerActive' }] },
    },
    check_log_interval_secs: {
      summary: 'Seconds between writes of the CDC check logs.',
      type: { kind: 'int', rust: 'u64' },
      default: '30',
      versions: { since: '2.0.26' },
      parsedWhen: { all: [{ derived: 'cdcCheckEnabled' }, { derived: 'checkerActive' }] },
    },
  },
};
