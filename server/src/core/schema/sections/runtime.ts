import type { SectionSpec } from '../types';
import { STARTUP_VALUES } from '../enums';

export const runtime: SectionSpec = {
  summary: 'Logging and process-wide settings.',
  versions: {},
  keys: {
    log_level: {
      summary: 'Log level written into the log4rs configuration (off, error, warn, info, debug, trace).',
      type: { kind: 'string' },
      startupValues: STARTUP_VALUES.LogLevel,
      default: 'info',
      versions: {},
    },
    log_dir: {
      summary: 'Folder for logs, position.log/finished.log and default check output, relative to the working directory.',
      type: { kind: 'string' },
      format: 'path',
      default: './logs',
      versions: {},
    },
    log4rs_file: {
      summary: 'log4rs YAML template; when the file is missing nothing is logged at all, position.log included.',
      type: { kind: 'string' },
      format: 'path',
      default: './log4rs.yaml',
      versions: {},
    },
    // From 2.0.26 read only when [extractor] parallel_size is absent, and then 0 panics at load.
    tb_parallel_size: {
      summary: 'Number of tables a snapshot copies at once; from 2.0.26 only a fallback for [extractor] parallel_size.',
      type: { kind: 'int', rust: 'usize' },
      default: '1',
      versions: {},
      deprecatedFrom: '2.0.26',
      replacement: '[extractor] parallel_size',
      parsedWhen: { absent: 'extractor.parallel_size' },
      parsedWhenByVersion: { '2.0.24': 'always', '2.0.25': 'always' },
      minByVersion: { '2.0.26': 1 },
    },
    check_result_stdout_only: {
      summary: 'Prints check results to stdout only instead of writing check log files.',
      type: { kind: 'bool' },
      default: 'false',
      versions: { since: '2.0.26' },
    },
  },
};
