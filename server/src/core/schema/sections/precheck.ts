import type { SectionSpec } from '../types';

// Read by dt-precheck, not by the task loader; the rest of the file is still fully validated.

export const precheck: SectionSpec = {
  summary: 'Turns the run into a precheck of source and target instead of the task.',
  versions: {},
  headerMatters: 'On ape-dts main after v2.0.26 the header alone turns the run into a precheck; released versions need both keys written.',
  keys: {
    // We follow the v2.0.26 tag: precheck mode starts only when both keys are written (an empty
    // value then panics); ape-dts main after the tag switches on the header and requires both keys.
    do_struct_init: {
      summary: 'Whether the precheck covers what a structure migration needs.',
      type: { kind: 'bool' },
      versions: {},
      parsedWhen: { all: [{ present: 'precheck.do_struct_init' }, { present: 'precheck.do_cdc' }] },
      presenceSensitive: true,
    },
    do_cdc: {
      summary: 'Whether the precheck covers what CDC needs (binlog, replication slot, ...).',
      type: { kind: 'bool' },
      versions: {},
      parsedWhen: { all: [{ present: 'precheck.do_struct_init' }, { present: 'precheck.do_cdc' }] },
      presenceSensitive: true,
    },
  },
};
