import type { Diagnostic, Range } from '../diagnostic';
import { t } from '../i18n';
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
import { reporterFor, type ConfigRule, type Report } from './rule';
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
  return { ...d, message: t('rules.clipped', { start: m.slice(0, 600), count: m.length - 900, end: m.slice(-300) }) };
}

export function runConfigRules(config: TaskConfig, version: ApeVersion): Diagnostic[] {
  const out: Diagnostic[] = [];
  const task = taskView(config, version);
  // A syntax error stops configparser before any key is read: report only those.
  const syntaxOnly = config.scan.syntaxErrors.length > 0;
  // One callback for every rule (they run one after the other), and its state made on the
  // first report: the ~100 rules that find nothing in a typical file allocate nothing. Counts
  // per line, and the first range past the limit only for the rare lines that pass it, so a
  // rule reporting on thousands of lines (duplicate keys) costs one Map.set per report.
  let rule = undefined as ConfigRule | undefined;
  let report = undefined as Report | undefined;
  let perLine = undefined as Map<number, number> | undefined;
  let droppedFrom = undefined as Map<number, Range> | undefined;
  const onReport: Report = (range, message) => {
    const line = range.start.line;
    perLine ??= new Map();
    const seen = (perLine.get(line) ?? 0) + 1;
    perLine.set(line, seen);
    report ??= reporterFor(rule!, out);
    if (seen <= PER_LINE_LIMIT) report(range, message);
    else if (seen === PER_LINE_LIMIT + 1) (droppedFrom ??= new Map()).set(line, range);
  };
  const start = (r: ConfigRule) => {
    rule = r;
    report = perLine = droppedFrom = undefined;
  };
  for (const r of syntaxOnly ? iniSyntaxRules : CONFIG_RULES) {
    if (r.versions && !inVersion(r.versions, version)) continue;
    start(r);
    r.check(task, onReport);
    // In the order the lines were first reported, as before.
    if (!droppedFrom || !perLine || !report) continue;
    for (const [line, count] of perLine) {
      const firstDropped = droppedFrom.get(line);
      if (firstDropped) report(firstDropped, t('rules.more-on-line', { count: count - PER_LINE_LIMIT }));
    }
  }
  return out;
}
