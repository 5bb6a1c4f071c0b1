import { t } from '../../i18n';
import { resumeTokenProblem } from '../values/mongoValues';
import { payloadTimestamp } from './payloadTimestamp';
import type { VariantSpec } from './variantSpec';

// resume_token is "" for source=op_log and the change-stream _id document as JSON TEXT
// (escaped inside the payload) for change_stream. operation_time is u32 epoch seconds.
export const mongoCdc: VariantSpec = {
  name: 'MongoCdc',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'mongo',
  get summary() {
    return t('progress.variant.MongoCdc');
  },
  fields: {
    resume_token: {
      type: 'string',
      format: {
        rule: 'PL027',
        severity: 'error',
        get consequence() {
          return t('progress.format.resume_token.consequence');
        },
        get fix() {
          return t('progress.format.resume_token.fix');
        },
        problem: resumeTokenProblem,
      },
    },
    operation_time: { type: 'u32' },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
