import type { SectionSpec } from '../types';
import { FILTER_VALUES } from '../enums';

// Values are plain strings at load; tokens are split at start-up with the EXTRACTOR's escape rules.

// The mongo_* DDL kinds and udf/udt/collection/shardkey structures arrived in 2.0.26.
const DDL_BEFORE_26 = Object.entries(FILTER_VALUES.DdlType).filter(([, v]) => !v.since).map(([k]) => k);
const STRUCTURES_BEFORE_26 = Object.entries(FILTER_VALUES.StructureType)
  .filter(([, v]) => !v.since)
  .map(([k]) => k);

export const filter: SectionSpec = {
  summary: 'Which databases, tables, events and structures the task handles.',
  versions: {},
  keys: {
    do_dbs: {
      summary: 'Databases/schemas to include, comma-separated, with * and ? wildcards; empty includes none.',
      type: { kind: 'string' },
      format: 'filter-schema-list',
      default: '',
      versions: {},
    },
    ignore_dbs: {
      summary: 'Databases/schemas to leave out, same syntax as do_dbs.',
      type: { kind: 'string' },
      format: 'filter-schema-list',
      default: '',
      versions: {},
    },
    do_tbs: {
      summary: 'Tables to include as schema.table entries, comma-separated, with wildcards.',
      type: { kind: 'string' },
      format: 'filter-table-list',
      default: '',
      versions: {},
    },
    ignore_tbs: {
      summary: 'Tables to leave out, same syntax as do_tbs.',
      type: { kind: 'string' },
      format: 'filter-table-list',
      default: '',
      versions: {},
    },
    ignore_cols: {
      summary: 'JSON list of columns to drop per table.',
      type: { kind: 'string' },
      format: 'json-array',
      default: '',
      versions: {},
    },
    // The meaning of an empty value flipped in 2.0.26: nothing before, everything after.
    do_events: {
      summary: "DML kinds to keep (insert, update, delete, or '*'); before 2.0.26 empty keeps none, from 2.0.26 empty keeps all.",
      type: { kind: 'string' },
      format: 'csv',
      startupValues: Object.keys(FILTER_VALUES.RowType),
      default: '*',
      defaultByVersion: { '2.0.24': '', '2.0.25': '' },
      versions: {},
    },
    do_ddls: {
      summary: "DDL kinds to replicate, comma-separated, or '*'; empty replicates no DDL.",
      type: { kind: 'string' },
      format: 'csv',
      startupValues: Object.keys(FILTER_VALUES.DdlType),
      startupValuesByVersion: { '2.0.24': DDL_BEFORE_26, '2.0.25': DDL_BEFORE_26 },
      default: '',
      versions: {},
    },
    do_dcls: {
      summary: "DCL kinds (users, roles, grants) to replicate, or '*'; empty replicates none.",
      type: { kind: 'string' },
      format: 'csv',
      startupValues: Object.keys(FILTER_VALUES.DclType),
      default: '',
      versions: {},
    },
    do_structures: {
      summary: "Object kinds a struct task copies, comma-separated; '*' (the default) copies all.",
      type: { kind: 'string' },
      format: 'csv',
      startupValues: Object.keys(FILTER_VALUES.StructureType),
      startupValuesByVersion: { '2.0.24': STRUCTURES_BEFORE_26, '2.0.25': STRUCTURES_BEFORE_26 },
      default: '*',
      versions: {},
    },
    ignore_cmds: {
      summary: 'Redis commands to drop, comma-separated (for example flushall,flushdb).',
      type: { kind: 'string' },
      format: 'csv',
      default: '',
      versions: {},
    },
    where_conditions: {
      summary: 'JSON list of per-table WHERE conditions applied by snapshot extractors.',
      type: { kind: 'string' },
      format: 'json-array',
      default: '',
      versions: {},
    },
  },
};
