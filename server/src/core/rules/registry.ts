import type { Diagnostic, Range } from '../diagnostic';
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

/**
 * More problems of one rule on one line than this are summed up in one diagnostic: a
 * megabyte-long do_events line would otherwise publish hundreds of thousands of them.
 */
export const PER_LINE_LIMIT = 20;

/** Longer messages (a rule quoting a megabyte value) keep their start and their advice at the end. */
const MAX_MESSAGE = 1000;

export function clipMessage<D extends { message: string }>(d: D): D {
  const m = d.message;
  if (m.length <= MAX_MESSAGE) return d;
  return { ...d, message: `${m.slice(0, 600)} … (${m.length - 900} characters left out) … ${m.slice(-300)}` };
}

export function runConfigRules(config: TaskConfig, version: ApeVersion): Diagnostic[] {
  const out: Diagnostic[] = [];
  const task = taskView(config, version);
  // A syntax error stops configparser before any key is read: report only those.
  const syntaxOnly = config.scan.syntaxErrors.length > 0;
  for (const rule of syntaxOnly ? iniSyntaxRules : CONFIG_RULES) {
    if (rule.versions && !inVersion(rule.versions, version)) continue;
    const report = reporterFor(rule, out);
    const perLine = new Map<number, { count: number; firstDropped?: Range }>();
    rule.check(task, (range, message) => {
      let seen = perLine.get(range.start.line);
      if (!seen) perLine.set(range.start.line, (seen = { count: 0 }));
      seen.count++;
      if (seen.count <= PER_LINE_LIMIT) report(range, message);
      else seen.firstDropped ??= range;
    });
    for (const { count, firstDropped } of perLine.values()) {
      if (firstDropped) report(firstDropped, `…and ${count - PER_LINE_LIMIT} more problems like the ones before on this line (not listed one by one).`);
    }
  }
  return out;
}
