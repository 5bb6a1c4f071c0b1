import { resumeTokenProblem } from '../values/mongoValues';
import { payloadTimestamp } from './payloadTimestamp';
import type { VariantSpec } from './variantSpec';

// resume_token is "" for source=op_log and the change-stream _id document as JSON TEXT
// (escaped inside the payload) for change_stream. operation_time is u32 epoch seconds.
export const mongoCdc: VariantSpec = {
  name: 'MongoCdc',
  profiles: ['legacy', 'transitional', 'current'],
  family: 'mongo',
  summary: 'MongoDB change stream / oplog position',
  fields: {
    resume_token: {
      type: 'string',
      format: {
        rule: 'PL027',
        severity: 'error',
        consequence: 'a change_stream task fails at start when it resumes with this token',
        fix: 'Copy the change stream _id document as JSON text (e.g. {"_data":"…"}), or leave it empty.',
        problem: resumeTokenProblem,
      },
    },
    operation_time: { type: 'u32' },
    timestamp: { type: 'string', format: payloadTimestamp },
  },
};
