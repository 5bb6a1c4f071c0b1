import type { JsonNode } from './scanJson';

// Turns a scanned node into a plain value for callers that print it (CLI JSON, hover).
// Integers that a double holds exactly become numbers; larger ones (a u64 repl_offset,
// an i64 Kafka offset) keep their digits as a string, since JSON.parse would round them.
// For a duplicated key the last member wins here, which is only for display: a position
// with a duplicated field never reaches this point because ape-dts rejects it.

export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

export function plainJson(node: JsonNode): PlainJson {
  switch (node.kind) {
    case 'object': {
      const out: { [key: string]: PlainJson } = {};
      for (const m of node.members) out[m.key] = plainJson(m.value);
      return out;
    }
    case 'array':
      return node.items.map(plainJson);
    case 'string':
      return node.value;
    case 'number':
      return exactNumber(node.raw);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
      return null;
  }
}

/** A number when a double represents the written value exactly, else the digits as written. */
export function exactNumber(raw: string): number | string {
  if (/^-?\d+$/.test(raw)) {
    const big = BigInt(raw);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : raw;
  }
  return Number(raw);
}
