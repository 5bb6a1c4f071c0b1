import type { Diagnostic } from '../diagnostic';
import type { TaskConfig } from '../model/taskConfig';
import { taskView } from '../schema/conditions';
import { inVersion } from '../schema/index';
import type { ApeVersion } from '../schema/types';
import { checkerRules } from './checker';
import { comboRules } from './combos';
import { filterEventRules } from './filterEvents';
import { filterRouterRules } from './filterRouter';
import { iniStructureRules } from './iniStructure';
import { iniSyntaxRules } from './iniSyntax';
import { metacenterRules } from './metacenter';
import { numberRules } from './numbers';
import { rejectedKeyRules } from './rejectedKeys';
import { requiredRules } from './required';
import { resumerRules } from './resumer';
import { resumerStartupRules } from './resumerStartup';
import { reporterFor, type ConfigRule } from './rule';
import { unknownNameRules } from './unknownNames';
import { valueFormatRules } from './valueFormats';
import { valueTypeRules } from './valueTypes';

export const CONFIG_RULES: readonly ConfigRule[] = [
  ...iniSyntaxRules,
  ...iniStructureRules,
  ...unknownNameRules,
  ...requiredRules,
  ...valueTypeRules,
  ...comboRules,
  ...rejectedKeyRules,
  ...numberRules,
  ...resumerRules,
  ...resumerStartupRules,
  ...checkerRules,
  ...metacenterRules,
  ...filterRouterRules,
  ...filterEventRules,
  ...valueFormatRules,
];

export function runConfigRules(config: TaskConfig, version: ApeVersion): Diagnostic[] {
  const out: Diagnostic[] = [];
  const task = taskView(config, version);
  // A syntax error stops configparser before any key is read: report only those.
  const syntaxOnly = config.scan.syntaxErrors.length > 0;
  for (const rule of syntaxOnly ? iniSyntaxRules : CONFIG_RULES) {
    if (rule.versions && !inVersion(rule.versions, version)) continue;
    rule.check(task, reporterFor(rule, out));
  }
  return out;
}
