import { t } from '../../i18n';
import { isObjectIdHex } from '../values/mongoValues';
import type { VariantSpec } from './variantSpec';

// The snapshot position changed shape in 2.0.26: up to 2.0.25 one column and its value
// (order_col/value); from 2.0.26 an Option<OrderKey> (`order_key`, null, single or
// composite). Neither enum knows the other's fields, and serde ignores unknown fields, so an
// old line read by 2.0.26 parses with order_key=null (silently unusable), while a new line
// read by 2.0.25 is rejected for the missing order_col.
export const rdbSnapshot: VariantSpec = {
  name: 'RdbSnapshot',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'snapshot',
  get summary() {
    return t('progress.variant.RdbSnapshot');
  },
  fields: {
    db_type: { type: 'string' },
    schema: { type: 'string' },
    tb: { type: 'string' },
    order_col: { type: 'string', profiles: ['legacy', 'transitional'] },
    value: { type: 'string', profiles: ['legacy', 'transitional'] },
    order_key: { type: 'orderKey', optional: true, profiles: ['current'] },
  },
};

/** Up to 2.0.25 a Mongo collection resumes with `_id > ObjectId(value)`; anything else fails. */
export function legacyMongoValueProblem(value: string): string | undefined {
  return isObjectIdHex(value) ? undefined : t('progress.problem.object-id');
}
