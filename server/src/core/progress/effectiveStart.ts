import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import { PROFILE_OF, type ApeVersion } from '../schema/types';
import type { DecodedPosition } from './decodePosition';
import { EXTRACTOR_KEY_MAPPING, START_KEYS } from './extractorKeyMapping';

// The [extractor] start keys the extractor really starts with: the config's values (or
// their defaults), with every key the recovered position maps to replaced by the position's
// value. The override is unconditional: an empty gtid_set in the position replaces a
// configured one, too.

export interface EffectiveStart {
  /** key → value as it would be written in task_config.ini. */
  start: Record<string, string>;
  /** Keys whose configured value the position replaces. */
  overridden: string[];
}

export function effectiveStart(config: TaskConfig, version: ApeVersion, position?: DecodedPosition): EffectiveStart {
  const task = taskView(config, version);
  const dbType = task.eff('extractor.db_type') ?? '';
  const start: Record<string, string> = {};
  // Only a CDC extractor has start keys; a snapshot starts at the first row of each table.
  const keys = task.eff('extractor.extract_type') === 'cdc' ? START_KEYS[dbType] ?? [] : [];
  for (const key of keys) {
    const v = task.eff(`extractor.${key}`);
    if (v !== undefined) start[key] = v;
  }
  const overridden: string[] = [];
  if (position) {
    const mapping = EXTRACTOR_KEY_MAPPING[position.type][PROFILE_OF[version]];
    for (const [field, key] of Object.entries(mapping)) {
      const v = position.values[field];
      if (v === undefined || v === null || typeof v === 'object') continue;
      start[key] = String(v);
      overridden.push(key);
    }
  }
  return { start, overridden };
}
