import * as path from 'node:path';
import type { Position, Range } from '../../core/diagnostic';
import { code, diagnosticsSection } from '../../core/features/markdown';
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
      contents: `This large file is checked in the editor from line ${a.parsed.firstLine + 1} on; ape-dts itself reads only its last lines, so this line plays no part in a resume. Run \`apedts lint\` for a full check.`,
      range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } },
    };
  }
  const l = lineAt(a.parsed, at.line);
  if (!l || l.kind === 'blank') return undefined;
  const blocks: string[] = [];
  const p = acceptedPosition(l);
  const where = `${path.basename(a.path)} line ${l.line + 1}`;

  if (l.kind === 'comment') blocks.push(`A comment line: ape-dts logs it as an invalid position and skips it (${where}).`);
  else if (l.kind === 'finishedMarker') blocks.push(`**task finished** — ape-dts wrote this when the whole snapshot task ended (${where}). With resume on, a new run skips every table listed as finished.`);
  else if (p) blocks.push(`**${p.type}** · ${a.kind === 'finished' ? '' : `${tagWords(l)} · `}${where}`, ...describe(p), ...extractorKeys(a, p));
  else if (l.decoded?.rejections.length === 0 && l.json) blocks.push(`**None** · ${tagWords(l)} · ${where}`, 'A placeholder without a position; ape-dts skips it.');
  else blocks.push(`**Not a position** · ${where}`);

  const times = lineTimes(l, now);
  if (times) blocks.push(times);

  const verdicts = lineVerdicts(a, l.line);
  if (verdicts.length > 0) {
    const folder = path.dirname(a.path);
    blocks.push(
      verdicts
        .map((v) => `**${p?.type === 'RdbSnapshotFinished' ? 'Used' : 'Resume'}: ${v.resumes ? 'yes' : 'no'}** (${code(path.relative(folder, v.owner.configPath) || path.basename(v.owner.configPath))}, ape-dts ${v.owner.version}) — ${v.text}`)
        .join('\n\n'),
    );
  } else if (l.kind !== 'comment' && l.kind !== 'finishedMarker') {
    const alone = verdictWithoutTask(a, l.line);
    if (alone) blocks.push(`**Resume** (ape-dts ${a.version}) — ${alone}`);
  }

  const own = a.diagnostics.filter((d) => d.range.start.line <= l.line && d.range.end.line >= l.line);
  blocks.push(...diagnosticsSection(own, (s) => s));
  return { contents: blocks.join('\n\n'), range: { start: { line: l.line, character: 0 }, end: { line: l.line, character: l.text.length } } };
}

function tagWords(l: ProgressLine): string {
  const written = l.tag?.text;
  if (written && (LOG_TAGS as readonly string[]).includes(written)) return code(written);
  if (l.slot === 'current') return `read as ${code('current_position')}`;
  return written ? `${code(written)} (read as a checkpoint line)` : 'no tag (read as a checkpoint line)';
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
      return ['No position.'];
    case 'MysqlCdc': {
      const lines = [`Binlog file ${code(str(v.binlog_filename))}, offset ${str(v.next_event_position)} (the byte just after the event that produced it).`];
      lines.push(str(v.gtid_set) === '' ? 'GTID set: empty (the position is by file and offset).' : `GTID set ${code(str(v.gtid_set))}.`);
      if (ts) lines.push(`Event time ${ts} UTC.`);
      if (str(v.server_id) !== '') lines.push(`Written by a task with [extractor] server_id=${str(v.server_id)}.`);
      return lines;
    }
    case 'PgCdc': {
      const n = parsePgLsn(str(v.lsn));
      return [`LSN ${code(str(v.lsn))}${n === undefined ? ' (not a valid X/Y LSN)' : ` = ${n} as a 64-bit number`}.`, ...(ts ? [`Transaction time ${ts} UTC.`] : [])];
    }
    case 'MongoCdc': {
      const secs = Number(str(v.operation_time));
      const when = secs > 0 ? `${new Date(secs * 1000).toISOString().replace('T', ' ').replace('.000Z', '')} UTC` : 'none (0)';
      const token = str(v.resume_token);
      return [`Operation time ${str(v.operation_time)} = ${when}.`, token === '' ? 'No resume token (an op_log position).' : `Resume token ${code(token)} (change stream).`];
    }
    case 'Redis': {
      const node = str(v.node_id) || str(v.address);
      return [
        `Replication id ${code(str(v.repl_id))}, offset ${str(v.repl_offset)} (bytes of the replication stream consumed), db ${str(v.now_db_id)}, port ${str(v.repl_port)}.`,
        ...(node ? [`Cluster node ${code(node)}.`] : []),
        ...(ts ? [`Heartbeat time ${ts} UTC.`] : []),
      ];
    }
    case 'Kafka':
      return [`Topic ${code(str(v.topic))}, partition ${str(v.partition)}, offset ${str(v.offset)} (resuming re-reads that message).`];
    case 'RdbSnapshot': {
      const table = `Table ${code(`${str(v.schema)}.${str(v.tb)}`)} (${str(v.db_type)})`;
      const key = v.order_key as OrderKey | null | undefined;
      if (key === undefined) return [`${table}: copied up to ${code(str(v.order_col))} = ${code(str(v.value))}; a resume continues with ${code(`${str(v.order_col)} > ${str(v.value)}`)}.`];
      if (key === null) return [`${table}: no order key (null), so it cannot resume from here.`];
      return [`${table}: copied up to ${key.parts.map((k) => `${code(k.col)} = ${k.value === null ? 'NULL' : code(k.value)}`).join(', ')} (${key.shape} key).`];
    }
    case 'RdbSnapshotFinished':
      return [`Table ${code(`${str(v.schema)}.${str(v.tb)}`)} (${str(v.db_type)}) was copied completely.`];
    case 'FoxlakeS3':
      return [`Table ${code(`${str(v.schema)}.${str(v.tb)}`)}, S3 meta file ${code(str(v.s3_meta_file))}.`];
  }
}

function extractorKeys(a: ProgressAnalysis, p: DecodedPosition): string[] {
  const mapping = EXTRACTOR_KEY_MAPPING[p.type][PROFILE_OF[a.version]];
  const pairs = Object.entries(mapping).map(([field, key]) => code(`${key}=${str(p.values[field])}`));
  if (pairs.length > 0) return [`**[extractor] keys:** ${pairs.join(', ')}`];
  const approx = SNAPSHOT_APPROXIMATION[p.type];
  if (approx) return [`**[extractor] keys:** none carry snapshot progress; the closest by hand is ${code(approx)}.`];
  if (p.type === 'Redis') return [`**[extractor] keys:** ape-dts ${a.version} does not resume Redis from positions; set ${code('repl_id')}, ${code('repl_offset')} and ${code('now_db_id')} by hand.`];
  return [];
}

function lineTimes(l: ProgressLine, now: Date): string | undefined {
  const t = l.logTime?.text;
  const ms = t === undefined ? undefined : utcMillis(t);
  if (t === undefined || ms === undefined) return undefined;
  const frac = /\.(\d+)$/.exec(t)?.[1];
  const local = formatLocal(new Date(ms), frac);
  const age = now.getTime() - ms;
  return `**Written** ${t} UTC · ${local} local${age >= 0 ? ` · ${ago(age)}` : ''}`;
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
  if (s < 120) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} days ago`;
}
