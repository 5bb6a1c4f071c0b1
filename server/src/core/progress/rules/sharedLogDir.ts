import { t } from '../../i18n';
import { acceptedPosition, type ProgressLine } from '../progressLine';
import { parseBinlogFilename } from '../values/binlogFilename';
import { VARIANTS } from '../variants/index';
import type { DecodedPosition } from '../decodePosition';
import type { ProgressRule } from './progressRule';

// ape-dts's docs make a separate [runtime] log_dir per task a "must": every task appends to
// <log_dir>/position.log and the resumer takes whatever line is last, so a second task
// writing there hands its position (or its finished tables) to the first. Signs of that in
// one file: several sources, several MySQL servers or binlog names, a Redis replication id
// that changes without a new full sync, several source db_types in snapshot lines.

type Hit = { line: ProgressLine; start: number; end: number; message: string };

function firstChange(
  lines: { l: ProgressLine; p: DecodedPosition }[],
  valueOf: (p: DecodedPosition) => string | undefined,
  message: (first: string, other: string, firstLine: number) => string,
  nodeOf: (p: DecodedPosition) => { start: number; end: number },
): Hit | undefined {
  let first: { value: string; line: number } | undefined;
  for (const { l, p } of lines) {
    const v = valueOf(p);
    if (v === undefined) continue;
    if (!first) first = { value: v, line: l.line };
    else if (v !== first.value) return { line: l, ...nodeOf(p), message: message(first.value, v, first.line) };
  }
  return undefined;
}

const sharedLogDir: ProgressRule = {
  id: 'PL011',
  severity: 'warning',
  kinds: ['position', 'finished'],
  check(ctx, report) {
    const lines = ctx.nonBlank.flatMap((l) => {
      const p = acceptedPosition(l);
      return p ? [{ l, p }] : [];
    });
    const hits: (Hit | undefined)[] = [
      firstChange(
        lines,
        (p) => VARIANTS[p.type].family,
        (a, b, n) => t('PL011.family', { family: b, first: a, line: n + 1 }),
        (p) => p.typeNode,
      ),
      firstChange(
        lines.filter(({ p }) => p.type === 'MysqlCdc' && p.values.server_id !== ''),
        (p) => String(p.values.server_id),
        (a, b, n) => t('PL011.server_id', { id: b, first: a, line: n + 1 }),
        (p) => p.nodes.server_id,
      ),
      firstChange(
        lines.filter(({ p }) => p.type === 'MysqlCdc'),
        (p) => parseBinlogFilename(String(p.values.binlog_filename))?.base,
        (a, b, n) => t('PL011.binlog', { base: b, first: a, line: n + 1 }),
        (p) => p.nodes.binlog_filename,
      ),
      firstChange(
        lines.filter(({ p }) => p.type === 'RdbSnapshot' || p.type === 'RdbSnapshotFinished'),
        (p) => String(p.values.db_type),
        (a, b, n) => t('PL011.db_type', { dbType: b, first: a, line: n + 1 }),
        (p) => p.nodes.db_type,
      ),
      redisResync(lines),
    ];
    for (const h of hits) if (h) report(h.line.line, h.start, h.end, h.message);
  },
};

// A new replication id is normal after a full sync, which logs start_aof_position first.
function redisResync(lines: { l: ProgressLine; p: DecodedPosition }[]): Hit | undefined {
  let id: string | undefined;
  for (const { l, p } of lines) {
    if (p.type !== 'Redis' || p.values.repl_id === '') continue;
    if (l.tag?.text === 'start_aof_position') {
      id = String(p.values.repl_id);
      continue;
    }
    if (id !== undefined && p.values.repl_id !== id) {
      const n = p.nodes.repl_id;
      return { line: l, start: n.start, end: n.end, message: t('PL011.redis') };
    }
    id = String(p.values.repl_id);
  }
  return undefined;
}

export const sharedLogDirRules: readonly ProgressRule[] = [sharedLogDir];
