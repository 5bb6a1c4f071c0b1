import type { SectionSpec } from '../types';

export const processor: SectionSpec = {
  summary: 'A Lua script that transforms records.',
  versions: {},
  headerMatters: 'The header alone switches the Lua processor on, even with no script.',
  keys: {
    lua_code_file: {
      summary: 'Lua script that may change or drop each record.',
      type: { kind: 'string' },
      format: 'path',
      default: '',
      versions: {},
      parsedWhen: { sectionPresent: 'processor' },
    },
  },
};
