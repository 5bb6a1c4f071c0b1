import { t } from '../../i18n';
import type { VariantSpec } from './variantSpec';

// Removed from the enum in 2.0.26, where such a line is an unknown variant and is skipped.
export const foxlakeS3: VariantSpec = {
  name: 'FoxlakeS3',
  profiles: ['legacy', 'transitional'],
  family: 'foxlake',
  get summary() {
    return t('progress.variant.FoxlakeS3');
  },
  fields: {
    schema: { type: 'string' },
    tb: { type: 'string' },
    s3_meta_file: { type: 'string' },
  },
};
