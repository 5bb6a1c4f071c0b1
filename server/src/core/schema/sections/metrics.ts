import type { SectionSpec } from '../types';

// Only builds with the `metrics` cargo feature read this section; the official images from 2.0.25 on do.

export const metrics: SectionSpec = {
  summary: 'Prometheus metrics endpoint (only in builds with the metrics feature, as the official images are).',
  versions: { since: '2.0.25' },
  keys: {
    http_host: {
      summary: 'Address the Prometheus metrics endpoint listens on.',
      type: { kind: 'string' },
      default: '0.0.0.0',
      versions: { since: '2.0.25' },
    },
    http_port: {
      summary: 'Port of the metrics endpoint (1 to 65535; checked only when binding).',
      type: { kind: 'int', rust: 'u64' },
      default: '9090',
      versions: { since: '2.0.25' },
    },
    workers: {
      summary: 'Worker threads serving the metrics endpoint.',
      type: { kind: 'int', rust: 'u64' },
      default: '2',
      versions: { since: '2.0.25' },
    },
    labels: {
      summary: 'Extra labels for every metric, as k=v pairs separated by commas.',
      type: { kind: 'string' },
      format: 'labels',
      default: '',
      versions: { since: '2.0.25' },
    },
  },
};
