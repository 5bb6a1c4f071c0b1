import type { DecodedPosition, OrderKey } from './decodePosition';
import { parseBinlogFilename } from './values/binlogFilename';
import { parsePgLsn } from './values/pgLsn';

// The order in which positions of one stream advance. Two positions are comparable only on
// the same stream: one binlog base name, one PG server, one Redis replication id (and node),
// one Kafka topic-partition, one snapshot table and column. All values are BigInt, since
// repl_offset and Kafka offsets can pass 2^53.

export interface StreamOrder {
  stream: string;
  value: bigint[];
}

export function streamOrder(p: DecodedPosition): StreamOrder | undefined {
  const v = p.values;
  switch (p.type) {
    case 'MysqlCdc': {
      const f = parseBinlogFilename(String(v.binlog_filename));
      return f && { stream: `mysql:${f.base}`, value: [f.sequence, v.next_event_position as bigint] };
    }
    case 'PgCdc': {
      const lsn = parsePgLsn(String(v.lsn));
      return lsn === undefined ? undefined : { stream: 'pg', value: [lsn] };
    }
    case 'MongoCdc':
      return { stream: 'mongo', value: [v.operation_time as bigint] };
    case 'Redis':
      return { stream: `redis:${v.repl_id}:${v.node_id ?? v.address ?? ''}`, value: [v.repl_offset as bigint] };
    case 'Kafka':
      return { stream: `kafka:${v.topic}-${v.partition}`, value: [v.offset as bigint] };
    case 'RdbSnapshot': {
      const key = v.order_key as OrderKey | null | undefined;
      const col = key === undefined ? String(v.order_col) : key?.shape === 'single' ? key.parts[0].col : undefined;
      const value = key === undefined ? String(v.value) : key?.shape === 'single' ? key.parts[0].value : undefined;
      if (col === undefined || typeof value !== 'string' || !/^-?\d+$/.test(value)) return undefined;
      return { stream: `snapshot:${v.schema}.${v.tb}.${col}`, value: [BigInt(value)] };
    }
    default:
      return undefined;
  }
}

/** -1, 0 or 1 for two positions of the same stream; undefined when they are not comparable. */
export function comparePositions(a: DecodedPosition, b: DecodedPosition): -1 | 0 | 1 | undefined {
  const x = streamOrder(a);
  const y = streamOrder(b);
  if (!x || !y || x.stream !== y.stream) return undefined;
  for (let i = 0; i < x.value.length; i++) {
    if (x.value[i] !== y.value[i]) return x.value[i] < y.value[i] ? -1 : 1;
  }
  return 0;
}
