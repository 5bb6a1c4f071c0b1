import { PROFILE_OF, type ApeVersion } from '../schema/types';
import { t } from '../i18n';

// RdbSnapshot changed shape in 2.0.26: `order_col` + `value` became `order_key`. A legacy
// line read by 2.0.26 still parses but with order_key=null, so the table silently restarts
// (PL006); an order_key line read by 2.0.25 or older is rejected (PL007). A resume file we
// write must use the shape of the version that will read it.

type Json = { [key: string]: unknown };

/** The payload in the shape `version` reads, or the text unchanged when it already fits. */
export function snapshotPayloadFor(payload: string, version: ApeVersion): string {
  let object: Json;
  try {
    object = JSON.parse(payload) as Json;
  } catch {
    return payload;
  }
  if (object.type !== 'RdbSnapshot') return payload;
  const current = PROFILE_OF[version] === 'current';
  const hasLegacy = typeof object.order_col === 'string' && 'value' in object;
  const orderKey = object.order_key as { single?: [string, unknown] } | null | undefined;
  if (current && hasLegacy && !orderKey) {
    const { order_col: col, value, ...rest } = object;
    return JSON.stringify({ ...rest, order_key: { single: [col, value] } });
  }
  if (!current && !hasLegacy && orderKey?.single && orderKey.single[1] !== null) {
    const { order_key: _drop, ...rest } = object;
    return JSON.stringify({ ...rest, order_col: orderKey.single[0], value: String(orderKey.single[1]) });
  }
  return payload;
}

/** Whether a payload can be written for `version` at all (composite keys do not exist before 2.0.26). */
export function snapshotShapeProblem(payload: string, version: ApeVersion): string | undefined {
  if (PROFILE_OF[version] === 'current') return undefined;
  try {
    const object = JSON.parse(payload) as Json;
    const orderKey = object.order_key as { composite?: unknown; single?: [string, unknown] } | null | undefined;
    if (object.type === 'RdbSnapshot' && typeof object.order_col !== 'string') {
      if (orderKey?.composite) return t('resume.snapshot.composite-key', { version });
      if (!orderKey?.single || orderKey.single[1] === null) return t('resume.snapshot.no-order-value', { version });
    }
  } catch {
    return t('resume.snapshot.not-json');
  }
  return undefined;
}
