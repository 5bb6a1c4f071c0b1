import type { Diagnostic } from '../diagnostic';
import type { TaskConfig } from '../model/taskConfig';
import type { ApeVersion } from '../schema/types';

// Filled in as rule families land.
export function runConfigRules(_config: TaskConfig, _version: ApeVersion): Diagnostic[] {
  return [];
}
