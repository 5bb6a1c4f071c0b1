import type { Profile } from '../schema/types';
import type { DecodedPosition } from './decodePosition';

// How the resumer groups positions. CDC up to 2.0.25 keeps one slot per tag class (the last
// line wins); 2.0.26 keys entries by position (utils.rs get_key_from_position), so lines of
// different snapshot tables, Kafka partitions or Redis cluster nodes no longer overwrite
// each other. Snapshot maps are keyed (schema, tb, order_col) up to 2.0.25 and (schema, tb)
// from 2.0.26.

export const DEFAULT_POSITION_KEY = 'default_key';

/** The key a 2.0.26+ resumer (and the pipeline that writes checkpoint lines) uses. */
export function positionKey(p: DecodedPosition): string {
  const v = p.values;
  switch (p.type) {
    case 'RdbSnapshot':
    case 'RdbSnapshotFinished':
    case 'FoxlakeS3':
      return `${v.schema}-${v.tb}`;
    case 'Kafka':
      return `${v.topic}-${v.partition}`;
    case 'Redis':
      if (typeof v.node_id === 'string' && v.node_id !== '') return `redis-node-${v.node_id}`;
      if (typeof v.address === 'string' && v.address !== '') return `redis-node-${v.address}`;
      return DEFAULT_POSITION_KEY;
    default:
      return DEFAULT_POSITION_KEY;
  }
}

/** The key under which a CDC resumer of this profile keeps the position (beside its slot). */
export function cdcKey(p: DecodedPosition, profile: Profile): string {
  return profile === 'current' ? positionKey(p) : DEFAULT_POSITION_KEY;
}

/** The snapshot map key: table, plus the order column up to 2.0.25 (FoxlakeS3: ""). */
export function snapshotKey(p: DecodedPosition, profile: Profile): string {
  const { schema, tb } = p.values;
  if (profile === 'current') return JSON.stringify([schema, tb]);
  const col = p.type === 'RdbSnapshot' ? p.values.order_col : '';
  return JSON.stringify([schema, tb, col]);
}
