import { parseTaskConfig } from '../../../server/src/core/model/taskConfig';
import { lintProgress, type LintProgressInput } from '../../../server/src/core/progress/lintProgress';
import type { ProgressFileKind } from '../../../server/src/core/progress/progressFileKind';
import type { ApeVersion } from '../../../server/src/core/schema/types';

/** Joins lines with \n and ends with one, as ape-dts writes its files. */
export function file(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

export const ini = (...lines: string[]) => parseTaskConfig(lines.join('\n') + '\n');

export interface LintOptions extends Omit<LintProgressInput, 'version' | 'text' | 'kind'> {
  kind?: ProgressFileKind;
}

/** `line:code:severity` (1-based line) of every diagnostic, optionally of some codes only. */
export function findings(text: string, version: ApeVersion, options: LintOptions = {}, ...codes: string[]): string[] {
  return lintProgress({ version, text, kind: options.kind ?? 'position', ...options })
    .filter((d) => codes.length === 0 || codes.includes(d.code))
    .map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);
}

export function messages(text: string, version: ApeVersion, options: LintOptions, code: string): string[] {
  return lintProgress({ version, text, kind: options.kind ?? 'position', ...options })
    .filter((d) => d.code === code)
    .map((d) => d.message);
}

/** The text a diagnostic of `code` covers. */
export function covered(text: string, version: ApeVersion, options: LintOptions, code: string): string[] {
  const lines = text.split('\n');
  return lintProgress({ version, text, kind: options.kind ?? 'position', ...options })
    .filter((d) => d.code === code)
    .map((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character));
}

// Lines as ape-dts writes them (from its docs' catalogue, docs/en/monitor/position.md).
export const T = '2024-10-18 05:21:45.207788';
export const mysql = (pos: number, tag = 'checkpoint_position', gtid = '', file = 'mysql-bin.000004') =>
  `${T} | ${tag} | {"type":"MysqlCdc","server_id":"","binlog_filename":"${file}","next_event_position":${pos},"gtid_set":"${gtid}","timestamp":"2024-10-18 05:21:44.000"}`;
export const pg = (lsn: string, tag = 'checkpoint_position') =>
  `${T} | ${tag} | {"type":"PgCdc","lsn":"${lsn}","timestamp":"2024-10-18 05:22:21.756"}`;
export const mongo = (time: number, tag = 'current_position', token = '{\\"_data\\":\\"826711F0\\"}') =>
  `${T} | ${tag} | {"type":"MongoCdc","resume_token":"${token}","operation_time":${time},"timestamp":"2024-10-18 05:20:32.000"}`;
export const redis = (offset: string | number, tag = 'checkpoint_position', id = '1cd12b27acff56526106e343b9f4ff623b5e4c14') =>
  `${T} | ${tag} | {"type":"Redis","repl_id":"${id}","repl_port":10008,"repl_offset":${offset},"now_db_id":0,"timestamp":""}`;
export const kafka = (offset: string | number, tag = 'checkpoint_position', topic = 'orders', partition = 0) =>
  `${T} | ${tag} | {"type":"Kafka","topic":"${topic}","partition":${partition},"offset":${offset}}`;
export const NONE = (tag = 'checkpoint_position') => `${T} | ${tag} | {"type":"None"}`;
export const snap = (tb: string, value: string, tag = 'current_position', db = 'mysql') =>
  `${T} | ${tag} | {"type":"RdbSnapshot","db_type":"${db}","schema":"test_db","tb":"${tb}","order_col":"id","value":"${value}"}`;
export const snapKey = (tb: string, value: string, tag = 'current_position', db = 'mysql') =>
  `${T} | ${tag} | {"type":"RdbSnapshot","db_type":"${db}","schema":"test_db","tb":"${tb}","order_key":{"single":["id","${value}"]}}`;
export const finished = (tb: string, db = 'mysql') => `${T} | {"type":"RdbSnapshotFinished","db_type":"${db}","schema":"test_db","tb":"${tb}"}`;
