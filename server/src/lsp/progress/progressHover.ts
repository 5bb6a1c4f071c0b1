import * as path from 'node:path';
import type { Position, Range } from '../../core/diagnostic';
import { code, diagnosticsSection } from '../../core/features/markdown';
import { t } from '../../core/i18n';
import type { DecodedPosition, OrderKey } from '../../core/progress/decodePosition';
import { EXTRACTOR_KEY_MAPPING, SNAPSHOT_APPROXIMATION } from '../../core/progress/extractorKeyMapping';
import { lineAt } from '../../core/progress/parseProgressFile';
import { acceptedPosition, LOG_TAGS, type ProgressLine } from '../../core/progress/progressLine';
import { utcMillis } from '../../core/progress/values/logTime';
import { parsePgLsn } from '../../core/progress/values/pgLsn';
import { PROFILE_OF } from '../../core/schema/types';
import type { ProgressAnalysis } from './analyseProgress';
import { lineVerdicts, verdictWithoutTask } from './lineVerdict';

// Hover on a progress line: the position in plain words, the line's time in UTC and local
// time, the [extractor] keys it stands for, whether ape-dts resumes from it (per task that
// reads the file) and the problems on the line. Markdown; no editor imports.

export interface ProgressHover {
  contents: string;
  range: Range;
}

export function progressHoverAt(a: ProgressAnalysis, at: Position, now = new Date()): ProgressHover | undefined {
  if (at.line < a.parsed.firstLine) {
    return {
      contents: t('lspProgress.hover.beforeTail', { line: a.parsed.firstLine + 1 }),
      range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } },
    };
  }
  const l = lineAt(a.parsed, at.line);
  if (!l || l.kind === 'blank') return undefined;
  const blocks: string[] = [];
  const p = acceptedPosition(l);
  const where = t('lspProgress.where', { file: path.basename(a.path), line: l.line + 1 });

  if (l.kind === 'comment') blocks.push(t('lspProgress.hover.comment', { where }));
  else if (l.kind === 'finishedMarker') blocks.push(t('lspProgress.hover.taskFinished', { where }));
  else if (p) blocks.push(`**${p.type}** · ${a.kind === 'finished' ? '' : `${tagWords(l)} · `}${where}`, ...describe(p), ...extractorKeys(a, p));
  else if (l.decoded?.rejections.length === 0 && l.json) blocks.push(`**None** · ${tagWords(l)} · ${where}`, t('lspProgress.hover.placeholder'));
  else blocks.push(`**${t('lspProgress.hover.notPosition')}** · ${where}`);

  const times = lineTimes(l, now);
  if (times) blocks.push(times);

  const verdicts = lineVerdicts(a, l.line);
  if (verdicts.length > 0) {
    const folder = path.dirname(a.path);
    blocks.push(
      verdicts
        .map((v) => {
          const id = p?.type === 'RdbSnapshotFinished' ? (v.resumes ? 'lspProgress.hover.used.yes' : 'lspProgress.hover.used.no') : v.resumes ? 'lspProgress.hover.resume.yes' : 'lspProgress.hover.resume.no';
          return `**${t(id)}** (${code(path.relative(folder, v.owner.configPath) || path.basename(v.owner.configPath))}, ape-dts ${v.owner.version}) — ${v.text}`;
        })
        .join('\n\n'),
    );
  } else if (l.kind !== 'comment' && l.kind !== 'finishedMarker') {
    const alone = verdictWithoutTask(a, l.line);
    if (alone) blocks.push(`**${t('lspProgress.hover.resume')}** (ape-dts ${a.version}) — ${alone}`);
  }

  const own = a.diagnostics.filter((d) => d.range.start.line <= l.line && d.range.end.line >= l.line);
  blocks.push(...diagnosticsSection(own, (s) => s));
  return { contents: blocks.join('\n\n'), range: { start: { line: l.line, character: 0 }, end: { line: l.line, character: l.text.length } } };
}

function tagWords(l: ProgressLine): string {
  const written = l.tag?.text;
  if (written && (LOG_TAGS as readonly string[]).includes(written)) return code(written);
  if (l.slot === 'current') return t('lspProgress.hover.readAs', { tag: code('current_position') });
  return written ? t('lspProgress.hover.readAsCheckpoint', { tag: code(written) }) : t('lspProgress.hover.noTag');
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The position's fields in plain words. */
export function describe(p: DecodedPosition): string[] {
  const v = p.values;
  const ts = str(v.timestamp);
  switch (p.type) {
    case 'None':
      return [t('lspProgress.hover.noPosition')];
    case 'MysqlCdc': {
      const lines = [t('lspProgress.hover.mysql.binlog', { file: code(str(v.binlog_filename)), offset: str(v.next_event_position) })];
      lines.push(str(v.gtid_set) === '' ? t('lspProgress.hover.mysql.gtidEmpty') : t('lspProgress.hover.mysql.gtid', { gtid: code(str(v.gtid_set)) }));
      if (ts) lines.push(t('lspProgress.hover.eventTime', { time: ts }));
      if (str(v.server_id) !== '') lines.push(t('lspProgress.hover.mysql.serverId', { id: str(v.server_id) }));
      return lines;
    }
    case 'PgCdc': {
      const n = parsePgLsn(str(v.lsn));
      const lsn = code(str(v.lsn));
      return [n === undefined ? t('lspProgress.hover.pg.lsnInvalid', { lsn }) : t('lspProgress.hover.pg.lsn', { lsn, number: n }), ...(ts ? [t('lspProgress.hover.transactionTime', { time: ts })] : [])];
    }
    case 'MongoCdc': {
      const secs = Number(str(v.operation_time));
      const when = secs > 0 ? `${new Date(secs * 1000).toISOString().replace('T', ' ').replace('.000Z', '')} UTC` : t('lspProgress.hover.mongo.noTime');
      const token = str(v.resume_token);
      return [
        t('lspProgress.hover.mongo.operationTime', { time: str(v.operation_time), when }),
        token === '' ? t('lspProgress.hover.mongo.noToken') : t('lspProgress.hover.mongo.token', { token: code(token) }),
      ];
    }
    case 'Redis': {
      const node = str(v.node_id) || str(v.address);
      return [
        t('lspProgress.hover.redis', { id: code(str(v.repl_id)), offset: str(v.repl_offset), db: str(v.now_db_id), port: str(v.repl_port) }),
        ...(node ? [t('lspProgress.hover.redis.node', { node: code(node) })] : []),
        ...(ts ? [t('lspProgress.hover.heartbeatTime', { time: ts })] : []),
      ];
    }
    case 'Kafka':
      return [t('lspProgress.hover.kafka', { topic: code(str(v.topic)), partition: str(v.partition), offset: str(v.offset) })];
    case 'RdbSnapshot': {
      const table = t('lspProgress.hover.snapshot.table', { table: code(`${str(v.schema)}.${str(v.tb)}`), db: str(v.db_type) });
      const key = v.order_key as OrderKey | null | undefined;
      if (key === undefined) {
        return [t('lspProgress.hover.snapshot.orderCol', { table, col: code(str(v.order_col)), value: code(str(v.value)), next: code(`${str(v.order_col)} > ${str(v.value)}`) })];
      }
      if (key === null) return [t('lspProgress.hover.snapshot.noKey', { table })];
      const parts = key.parts.map((k) => `${code(k.col)} = ${k.value === null ? 'NULL' : code(k.value)}`).join(', ');
      return [t('lspProgress.hover.snapshot.orderKey', { table, parts, shape: key.shape })];
    }
    case 'RdbSnapshotFinished':
      return [t('lspProgress.hover.snapshot.finished', { table: code(`${str(v.schema)}.${str(v.tb)}`), db: str(v.db_type) })];
    case 'FoxlakeS3':
      return [t('lspProgress.hover.foxlake', { table: code(`${str(v.schema)}.${str(v.tb)}`), file: code(str(v.s3_meta_file)) })];
  }
}

function extractorKeys(a: ProgressAnalysis, p: DecodedPosition): string[] {
  const mapping = EXTRACTOR_KEY_MAPPING[p.type][PROFILE_OF[a.version]];
  const pairs = Object.entries(mapping).map(([field, key]) => code(`${key}=${str(p.values[field])}`));
  const head = `**${t('lspProgress.hover.keys')}**`;
  if (pairs.length > 0) return [`${head} ${pairs.join(', ')}`];
  const approx = SNAPSHOT_APPROXIMATION[p.type];
  if (approx) return [`${head} ${t('lspProgress.hover.keys.snapshot', { closest: code(approx) })}`];
  if (p.type === 'Redis') return [`${head} ${t('lspProgress.hover.keys.redis', { version: a.version, a: code('repl_id'), b: code('repl_offset'), c: code('now_db_id') })}`];
  return [];
}

function lineTimes(l: ProgressLine, now: Date): string | undefined {
  const written = l.logTime?.text;
  const ms = written === undefined ? undefined : utcMillis(written);
  if (written === undefined || ms === undefined) return undefined;
  const frac = /\.(\d+)$/.exec(written)?.[1];
  const local = formatLocal(new Date(ms), frac);
  const age = now.getTime() - ms;
  return `${t('lspProgress.hover.written', { time: written, local })}${age >= 0 ? ` · ${ago(age)}` : ''}`;
}

function formatLocal(d: Date, frac: string | undefined): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${frac ? `.${frac}` : ''} (${zone})`;
}

function ago(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 120) return t('lspProgress.hover.ago.s', { n: s });
  const m = Math.floor(s / 60);
  if (m < 120) return t('lspProgress.hover.ago.min', { n: m });
  const h = Math.floor(m / 60);
  if (h < 48) return t('lspProgress.hover.ago.h', { n: h });
  return t('lspProgress.hover.ago.days', { n: Math.floor(h / 24) });
}
