import { t } from '../i18n';
import type { Profile } from '../schema/types';
import { closest } from '../rules/suggest';
import type { JsonMember, JsonNode, JsonObject, JsonString } from './json/scanJson';
import { VARIANTS, variantAt, variantNamesAt } from './variants/index';
import { INT_RANGES, fieldsAt, type FieldSpec, type IntFieldType, type VariantName, type VariantSpec } from './variants/variantSpec';

// Reads a payload object the way ape-dts's `serde_json::from_str::<Position>` does at the
// given profile. serde stops at the first problem; we collect all of them, because the user
// fixes them all at once. Any problem means ape-dts rejects the whole line.

export interface OrderKeyPart {
  col: string;
  /** null = SQL NULL. */
  value: string | null;
  node: JsonNode;
}

/** v2.0.26+ `order_key`: `{"single":[col,value]}` or `{"composite":[[col,value],…]}`. */
export interface OrderKey {
  shape: 'single' | 'composite';
  parts: OrderKeyPart[];
}

export type FieldValue = string | bigint | OrderKey | null;

export interface DecodedPosition {
  type: VariantName;
  spec: VariantSpec;
  /** Declared fields as ape-dts holds them; an absent Option field is missing here. */
  values: Record<string, FieldValue>;
  /** The value node of every declared field that is written. */
  nodes: Record<string, JsonNode>;
  typeNode: JsonString;
  object: JsonObject;
  /** Members this profile's enum does not declare: ape-dts ignores them. */
  ignored: JsonMember[];
}

export type RejectionRule = 'PL002' | 'PL003' | 'PL004' | 'PL007';

export interface Rejection {
  rule: RejectionRule;
  /** Offsets in the text the object was scanned from. */
  start: number;
  end: number;
  /** What is wrong, in plain words. */
  message: string;
}

export interface Decoded {
  /** Set only when ape-dts accepts the payload. */
  position?: DecodedPosition;
  rejections: Rejection[];
}

export function decodePosition(object: JsonObject, profile: Profile): Decoded {
  const rejections: Rejection[] = [];
  const reject = (rule: RejectionRule, at: { start: number; end: number }, message: string) =>
    rejections.push({ rule, start: at.start, end: at.end, message });

  const typeMembers = object.members.filter((m) => m.key === 'type');
  if (typeMembers.length === 0) {
    reject('PL004', object, t('PL004.no-type'));
    return { rejections };
  }
  if (typeMembers.length > 1) reject('PL004', keyOf(typeMembers[1]), t('PL004.twice', { name: 'type' }));
  const typeNode = typeMembers[0].value;
  if (typeNode.kind !== 'string') {
    reject('PL004', typeNode, t('PL004.type-not-string', { found: kindName(typeNode) }));
    return { rejections };
  }
  const spec = variantAt(typeNode.value, profile);
  if (!spec) {
    reject('PL003', typeNode, unknownVariantMessage(typeNode.value, profile));
    return { rejections };
  }

  const declared = fieldsAt(spec, profile);
  const values: Record<string, FieldValue> = {};
  const nodes: Record<string, JsonNode> = {};
  const ignored: JsonMember[] = [];
  for (const m of object.members) {
    if (m.key === 'type') continue;
    const field = declared[m.key];
    if (!field) {
      // serde skips unknown fields without tracking them, so even a repeated one is fine.
      ignored.push(m);
      continue;
    }
    if (m.key in nodes) {
      reject('PL004', keyOf(m), t('PL004.twice', { name: m.key }));
      continue;
    }
    nodes[m.key] = m.value;
    const v = readField(m.key, field, m.value, reject);
    if (v !== undefined) values[m.key] = v;
  }

  for (const [name, field] of Object.entries(declared)) {
    if (name in nodes || field.optional) continue;
    // An order_key line read by ≤ 2.0.25 fails exactly here: its own rule says why.
    if (spec.name === 'RdbSnapshot' && (name === 'order_col' || name === 'value') && ignored.some((m) => m.key === 'order_key')) {
      if (name === 'order_col') {
        reject('PL007', keyOf(ignored.find((m) => m.key === 'order_key')!), t('PL007'));
      }
      continue;
    }
    reject('PL004', object, t('PL004.missing', { name }));
  }

  if (rejections.length > 0) return { rejections };
  return { position: { type: spec.name, spec, values, nodes, typeNode, object, ignored }, rejections };
}

type Reject = (rule: RejectionRule, at: { start: number; end: number }, message: string) => void;

function readField(name: string, field: FieldSpec, node: JsonNode, reject: Reject): FieldValue | undefined {
  if (node.kind === 'null' && field.optional) return null;
  switch (field.type) {
    case 'string':
      if (node.kind === 'string') return node.value;
      reject('PL004', node, t('PL004.not-string', { name, found: kindName(node) }));
      return undefined;
    case 'orderKey':
      return readOrderKey(node, reject);
    default:
      return readInt(name, field.type, node, reject);
  }
}

function readInt(name: string, type: IntFieldType, node: JsonNode, reject: Reject): bigint | undefined {
  const { min, max } = INT_RANGES[type];
  if (node.kind === 'string' && /^-?\d+$/.test(node.value.trim())) {
    reject('PL004', node, t('PL004.quoted-number', { name, value: node.value }));
    return undefined;
  }
  if (node.kind !== 'number') {
    reject('PL004', node, t('PL004.not-integer', { name, type, found: kindName(node) }));
    return undefined;
  }
  if (!node.integer) {
    reject('PL004', node, t('PL004.not-integer', { name, type, found: node.raw }));
    return undefined;
  }
  const n = BigInt(node.raw);
  if (n < min || n > max) {
    reject('PL004', node, t('PL004.out-of-range', { name, raw: node.raw, type, min, max }));
    return undefined;
  }
  return n;
}

function readOrderKey(node: JsonNode, reject: Reject): OrderKey | null | undefined {
  const bad = (msg: string, at: JsonNode = node) => {
    reject('PL004', at, msg);
    return undefined;
  };
  if (node.kind === 'null') return null;
  if (node.kind !== 'object' || node.members.length !== 1) {
    return bad(t('PL004.order_key.shape'));
  }
  const { key, value } = node.members[0];
  if (key === 'single') {
    const part = readPart(value, bad);
    return part && { shape: 'single', parts: [part] };
  }
  if (key === 'composite') {
    if (value.kind !== 'array') return bad(t('PL004.order_key.composite'), value);
    const parts: OrderKeyPart[] = [];
    for (const item of value.items) {
      const part = readPart(item, bad);
      if (!part) return undefined;
      parts.push(part);
    }
    return { shape: 'composite', parts };
  }
  return bad(t('PL004.order_key.unknown', { key }));
}

function readPart(node: JsonNode, bad: (msg: string, at?: JsonNode) => undefined): OrderKeyPart | undefined {
  if (node.kind !== 'array' || node.items.length !== 2) return bad(t('PL004.order_key.pair'), node);
  const [col, value] = node.items;
  if (col.kind !== 'string') return bad(t('PL004.order_key.column'), col);
  if (value.kind !== 'string' && value.kind !== 'null') {
    return bad(t('PL004.order_key.value'), value);
  }
  return { col: col.value, value: value.kind === 'string' ? value.value : null, node: value };
}

function unknownVariantMessage(name: string, profile: Profile): string {
  const known = variantNamesAt(profile);
  const sameLetters = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (sameLetters) return t('PL003.case', { name, write: sameLetters });
  if (Object.hasOwn(VARIANTS, name)) return t('PL003.removed', { name });
  const near = closest(name, known);
  return near ? t('PL003.near', { name, near }) : t('PL003.unknown', { name, known: known.join(', ') });
}

function keyOf(m: JsonMember) {
  return { start: m.keyStart, end: m.keyEnd };
}

function kindName(node: JsonNode): string {
  switch (node.kind) {
    case 'true':
    case 'false':
      return t('progress.kind.boolean');
    case 'null':
      return 'null';
    case 'number':
      return t('progress.kind.number', { raw: node.raw });
    case 'string':
      return t('progress.kind.string');
    case 'array':
      return t('progress.kind.array');
    case 'object':
      return t('progress.kind.object');
  }
}
