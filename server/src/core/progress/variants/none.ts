import { t } from '../../i18n';
import type { VariantSpec } from './variantSpec';

// The placeholder legacy/transitional write every interval when there is nothing to record.
// Every resumer skips it, so it never overwrites an earlier position.
export const none: VariantSpec = {
  name: 'None',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'none',
  get summary() {
    return t('progress.variant.None');
  },
  fields: {},
};
