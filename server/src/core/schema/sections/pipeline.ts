import type { SectionSpec } from '../types';

export const pipeline: SectionSpec = {
  summary: 'Buffering and checkpoint timing between extractor and sinker.',
  versions: {},
  keys: {
    buffer_size: {
      summary: 'Capacity, in records, of the queue between extractor and sinker; also the base of the extractor batch_size default.',
      type: { kind: 'int', rust: 'usize' },
      default: '16000',
      versions: {},
    },
    buffer_memory_mb: {
      summary: 'Memory cap in MB for that queue; 0 means no cap.',
      type: { kind: 'int', rust: 'usize' },
      default: '0',
      versions: {},
    },
    checkpoint_interval_secs: {
      summary: 'Seconds between position records written to position.log (and other checkpoints).',
      type: { kind: 'int', rust: 'u64' },
      default: '10',
      versions: {},
    },
    batch_sink_interval_secs: {
      summary: 'Seconds to wait for a batch to fill before sinking it anyway; 0 sinks at once.',
      type: { kind: 'int', rust: 'u64' },
      default: '0',
      versions: {},
    },
    counter_time_window_secs: {
      summary: 'Window, in seconds, over which throughput counters are averaged; 0 uses checkpoint_interval_secs.',
      type: { kind: 'int', rust: 'u64' },
      default: '0',
      defaultNote: '0 means checkpoint_interval_secs.',
      versions: {},
    },
    counter_max_sub_count: {
      summary: 'Most samples kept inside one counter window.',
      type: { kind: 'int', rust: 'u64' },
      default: '1000',
      versions: {},
    },
    // 2.0.26 moved rate limits to [extractor]/[sinker]; the old key is silently ignored.
    max_rps: {
      summary: 'Cap on records per second through the pipeline; 0 means no cap.',
      type: { kind: 'int', rust: 'u64' },
      default: '0',
      versions: { until: '2.0.25' },
      replacement: '[extractor].max_rps / [sinker].max_rps',
    },
    pipeline_type: {
      summary: 'Pipeline flavour: basic, or http_server to serve records over HTTP; 2.0.26 docs still list it although nothing reads it.',
      type: { kind: 'enum', enum: 'PipelineType' },
      default: 'basic',
      versions: { until: '2.0.25' },
    },
    http_host: {
      summary: 'Address the http_server pipeline listens on.',
      type: { kind: 'string' },
      default: '0.0.0.0',
      versions: { until: '2.0.25' },
    },
    http_port: {
      summary: 'Port the http_server pipeline listens on.',
      type: { kind: 'int', rust: 'u64' },
      default: '10231',
      versions: { until: '2.0.25' },
    },
    with_field_defs: {
      summary: 'Includes column definitions in records served by the http_server pipeline.',
      type: { kind: 'bool' },
      default: 'true',
      versions: { until: '2.0.25' },
    },
  },
};
