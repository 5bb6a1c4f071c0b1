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
    const tail = ' Give every task its own [runtime] log_dir: the resumer takes whatever line comes last.';
    const hits: (Hit | undefined)[] = [
      firstChange(
        lines,
        (p) => VARIANTS[p.type].family,
        (a, b, n) => `This ${b} position follows ${a} positions (line ${n + 1}): two tasks seem to write to this log_dir.${tail}`,
        (p) => p.typeNode,
      ),
      firstChange(
        lines.filter(({ p }) => p.type === 'MysqlCdc' && p.values.server_id !== ''),
        (p) => String(p.values.server_id),
        (a, b, n) => `server_id ${b} differs from ${a} (line ${n + 1}): two MySQL tasks seem to write to this log_dir.${tail}`,
        (p) => p.nodes.server_id,
      ),
      firstChange(
        lines.filter(({ p }) => p.type === 'MysqlCdc'),
        (p) => parseBinlogFilename(String(p.values.binlog_filename))?.base,
        (a, b, n) => `Binlog base name '${b}' differs from '${a}' (line ${n + 1}): these positions come from different MySQL servers.${tail}`,
        (p) => p.nodes.binlog_filename,
      ),
      firstChange(
        lines.filter(({ p }) => p.type === 'RdbSnapshot' || p.type === 'RdbSnapshotFinished'),
        (p) => String(p.values.db_type),
        (a, b, n) => `db_type ${b} differs from ${a} (line ${n + 1}): snapshots of two sources seem to share this log_dir.${tail}`,
        (p) => p.nodes.db_type,
      ),
      redisResync(lines, tail),
    ];
    for (const h of hits) if (h) report(h.line.line, h.start, h.end, h.message);
  },
};

// A new replication id is normal after a full sync, which logs start_aof_position first.
function redisResync(lines: { l: ProgressLine; p: DecodedPosition }[], tail: string): Hit | undefined {
  let id: string | undefined;
  for (const { l, p } of lines) {
    if (p.type !== 'Redis' || p.values.repl_id === '') continue;
    if (l.tag?.text === 'start_aof_position') {
      id = String(p.values.repl_id);
      continue;
    }
    if (id !== undefined && p.values.repl_id !== id) {
      const n = p.nodes.repl_id;
      return { line: l, start: n.start, end: n.end, message: `The replication id changes without a start_aof_position line (a new full sync) before it: another Redis task seems to write here.${tail}` };
    }
    id = String(p.values.repl_id);
  }
  return undefined;
}

export const sharedLogDirRules: readonly ProgressRule[] = [sharedLogDir];
