import type { SectionSpec } from '../types';

export const router: SectionSpec = {
  summary: 'Renaming of databases, tables and columns, and Kafka topic routing.',
  versions: {},
  keys: {
    db_map: {
      summary: 'Renames databases/schemas: src:dst pairs, comma-separated (Redis: numeric db ids).',
      type: { kind: 'string' },
      format: 'map',
      default: '',
      versions: {},
    },
    tb_map: {
      summary: 'Renames tables: src_schema.src_tb:dst_schema.dst_tb pairs, comma-separated.',
      type: { kind: 'string' },
      format: 'map',
      default: '',
      versions: {},
    },
    col_map: {
      summary: 'JSON list of per-table column renames.',
      type: { kind: 'string' },
      format: 'json-array',
      default: '',
      versions: {},
    },
    topic_map: {
      summary: 'Routes tables to Kafka topics: schema.table:topic pairs, with *.* for the default topic.',
      type: { kind: 'string' },
      format: 'map',
      default: '',
      versions: {},
    },
  },
};
