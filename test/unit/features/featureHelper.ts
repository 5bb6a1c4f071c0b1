import type { Position } from '../../../server/src/core/diagnostic';
import { lintConfig, type LintResult } from '../../../server/src/core/lintConfig';
import type { ApeVersion } from '../../../server/src/core/schema/types';

/** Joins lines with \n, so configs read as in a file. */
export function ini(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** Splits `text` at its one `|` cursor marker. */
export function cursor(textWithCursor: string): { text: string; position: Position } {
  const at = textWithCursor.indexOf('|');
  if (at < 0 || textWithCursor.indexOf('|', at + 1) >= 0) throw new Error('expected exactly one | cursor marker');
  const text = textWithCursor.slice(0, at) + textWithCursor.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export function lintAt(textWithCursor: string, version: ApeVersion = '2.0.26'): { result: LintResult; position: Position } {
  const { text, position } = cursor(textWithCursor);
  return { result: lintConfig(text, { version }), position };
}

/** A MySQL → MySQL CDC task that lints clean on every version; tests add or change one line. */
export const MYSQL_CDC = [
  '[extractor]',
  'db_type=mysql',
  'extract_type=cdc',
  'url=mysql://root:s3cret-pw@127.0.0.1:3307?ssl-mode=disabled',
  'server_id=2000',
  '',
  '[filter]',
  'do_dbs=test_db',
  'do_events=insert,update,delete',
  '',
  '[sinker]',
  'db_type=mysql',
  'sink_type=write',
  'url=mysql://root:s3cret-pw@127.0.0.1:3308?ssl-mode=disabled',
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
  '[runtime]',
  'log_level=info',
  'log_dir=./logs',
];

/** MYSQL_CDC with lines replaced (`from` → `to`) or appended under a header. */
export function mysqlCdc(edit: { replace?: [string, string][]; after?: [string, string[]][] } = {}): string {
  let lines = [...MYSQL_CDC];
  for (const [from, to] of edit.replace ?? []) {
    const i = lines.indexOf(from);
    if (i < 0) throw new Error(`no line ${from}`);
    lines = [...lines.slice(0, i), ...to.split('\n'), ...lines.slice(i + 1)];
  }
  for (const [anchor, add] of edit.after ?? []) {
    const i = lines.indexOf(anchor);
    if (i < 0) throw new Error(`no line ${anchor}`);
    lines = [...lines.slice(0, i + 1), ...add, ...lines.slice(i + 1)];
  }
  return ini(...lines);
}
