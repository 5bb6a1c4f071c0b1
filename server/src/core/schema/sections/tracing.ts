import type { SectionSpec } from '../types';

export const tracing: SectionSpec = {
  summary: 'Task trace output.',
  versions: { since: '2.0.26' },
  keys: {
    task_summary_mode: {
      summary: 'Whether the task summary is traced per task or per data marker.',
      type: { kind: 'enum', enum: 'TaskSummaryMode' },
      default: 'marker',
      versions: { since: '2.0.26' },
    },
    output_format: {
      summary: 'Format of trace output: plain text or JSON.',
      type: { kind: 'enum', enum: 'TraceOutputFormat' },
      default: 'plain',
      versions: { since: '2.0.26' },
    },
  },
};
