// English texts of the config rules (server/src/core/rules); see README.md for ids and placeholders.
export const configRulesEn = {
  // numbers.ts
  'num.extractor.batch_size': '[extractor] batch_size=0 is rejected at load from 2.0.26 (the docs suggest 0 falls back to buffer_size; the code refuses it). Remove the line to use the default, or give a positive size.',
  'num.sinker.batch_size': '[sinker] batch_size must be greater than 0 from 2.0.26: ape-dts stops at load. Use 1 for serial writes.',
  'num.snapshot-parallel-size-zero': '{key}=0 makes ape-dts {version} divide by zero while loading the config, so it crashes before starting. Use 1 or more.',
  'startup.parallel_size.zero': '[parallelizer] parallel_size=0 loads, but the task fails as soon as it dispatches the first batch. Use 1 or more.',
  'lint.buffer_size.zero.batch-size': '[pipeline] buffer_size=0: ape-dts 2.0.26 derives [extractor] batch_size from it and stops at load ("[extractor].batch_size must be greater than 0"). Use a positive size (default 16000).',
  'lint.buffer_size.zero.no-progress': '[pipeline] buffer_size=0: the pipeline then holds no events and the task cannot make progress. Use a positive size (default 16000).',
  'startup.max_connections': '[{section}] max_connections must be at least 1: ape-dts stops with a config error before connecting.',
  'num.connection_timeout_secs': '[{section}] connection_timeout_secs must be greater than 0: ape-dts stops at load.',
  'num.rebalance': '{key} must be greater than 0 with parallel_type=snapshot: ape-dts stops at load.',
} as const satisfies Record<string, string>;
