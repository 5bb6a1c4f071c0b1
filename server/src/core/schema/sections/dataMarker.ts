import type { Cond, SectionSpec } from '../types';

const HEADER_PRESENT: Cond = { sectionPresent: 'data_marker' };

export const dataMarker: SectionSpec = {
  summary: 'Tags for two-way replication so changes are not echoed back.',
  versions: {},
  headerMatters: 'The header alone makes topo_name, src_node, dst_node, do_nodes and marker required.',
  keys: {
    topo_name: {
      summary: 'Name of the two-way replication topology; the same on every task of it.',
      type: { kind: 'string' },
      versions: {},
      parsedWhen: HEADER_PRESENT,
      required: 'always',
    },
    topo_nodes: {
      summary: 'Nodes of the topology; reserved and not used.',
      type: { kind: 'string' },
      default: '',
      versions: {},
      parsedWhen: HEADER_PRESENT,
    },
    src_node: {
      summary: "This task's source node in the topology.",
      type: { kind: 'string' },
      versions: {},
      parsedWhen: HEADER_PRESENT,
      required: 'always',
    },
    dst_node: {
      summary: "This task's target node in the topology.",
      type: { kind: 'string' },
      versions: {},
      parsedWhen: HEADER_PRESENT,
      required: 'always',
    },
    do_nodes: {
      summary: 'Nodes whose changes this task replicates, comma-separated.',
      type: { kind: 'string' },
      format: 'csv',
      versions: {},
      parsedWhen: HEADER_PRESENT,
      required: 'always',
    },
    ignore_nodes: {
      summary: 'Nodes whose changes this task skips, comma-separated.',
      type: { kind: 'string' },
      format: 'csv',
      default: '',
      versions: {},
      parsedWhen: HEADER_PRESENT,
    },
    marker: {
      summary: 'Table (schema.table, or a Redis key) used to tag replicated transactions so they are not echoed back.',
      type: { kind: 'string' },
      versions: {},
      parsedWhen: HEADER_PRESENT,
      required: 'always',
    },
  },
};
