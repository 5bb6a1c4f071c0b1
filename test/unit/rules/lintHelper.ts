import { lintConfig } from '../../../server/src/core/lintConfig';
import type { ApeVersion } from '../../../server/src/core/schema/types';

/** `line:code` (1-based line) for every diagnostic of the given rule ids, in file order. */
export function findings(text: string, version: ApeVersion, ...codes: string[]): string[] {
  return lintConfig(text, { version })
    .diagnostics.filter((d) => codes.length === 0 || codes.includes(d.code))
    .map((d) => `${d.range.start.line + 1}:${d.code}`);
}

export function messages(text: string, version: ApeVersion, code: string): string[] {
  return lintConfig(text, { version }).diagnostics.filter((d) => d.code === code).map((d) => d.message);
}

function ofSeverity(text: string, version: ApeVersion, severity: string): string[] {
  return lintConfig(text, { version })
    .diagnostics.filter((d) => d.severity === severity)
    .map((d) => `${d.range.start.line + 1}:${d.code}`);
}

/** Every error as `line:code`. */
export const errors = (text: string, version: ApeVersion) => ofSeverity(text, version, 'error');
/** Every warning as `line:code`. */
export const warnings = (text: string, version: ApeVersion) => ofSeverity(text, version, 'warning');

/** Joins lines with \n, so configs read as in a file. */
export function ini(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

export const MYSQL_CDC = ini(
  '[extractor]',
  'db_type=mysql',
  'extract_type=cdc',
  'url=mysql://root:123456@127.0.0.1:3307?ssl-mode=disabled',
  'binlog_filename=mysql-bin.000004',
  'binlog_position=73351',
  'server_id=2000',
  '',
  '[sinker]',
  'db_type=mysql',
  'sink_type=write',
  'url=mysql://root:123456@127.0.0.1:3308?ssl-mode=disabled',
  'batch_size=200',
  '',
  '[parallelizer]',
  'parallel_type=rdb_merge',
  'parallel_size=8',
  '',
  '[pipeline]',
  'buffer_size=16000',
  'checkpoint_interval_secs=10',
  '',
  '[filter]',
  'do_dbs=test_db',
  'do_events=insert,update,delete',
  '',
  '[runtime]',
  'log_level=info',
  'log_dir=./logs',
);
