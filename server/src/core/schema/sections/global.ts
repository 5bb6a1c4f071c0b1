import type { SectionSpec } from '../types';

export const global: SectionSpec = {
  summary: 'Task identity.',
  versions: { since: '2.0.25' },
  keys: {
    task_id: {
      summary: 'Identity of the task in stored checkpoints; when unset it is a hash of the connection, filter and router settings, so editing those orphans old checkpoints.',
      type: { kind: 'string' },
      defaultNote: 'A hash of the extractor/sinker connection basics, filter and router settings.',
      versions: { since: '2.0.25' },
    },
  },
};
