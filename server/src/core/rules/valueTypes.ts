// Imported as msg: `t` names a typed entry throughout this file.
import { t as msg, type MessageArgs } from '../i18n';
import type { IniEntry } from '../ini/scanIni';
import { ENUMS } from '../schema/enums';
import { enumValues, parsedKeyFor } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import type { KeySpec, ValueType } from '../schema/types';
import { intRange, isPlaceholder, parseRustBool, parseRustF64, parseRustInt } from '../values/parseValue';
import type { ConfigRule } from './rule';
import { closest, didYouMean } from './suggest';

// Every typed key whose "parsed when" condition holds is parsed with Rust FromStr when the
// config loads — even keys that do nothing for this task — and one bad value stops the task
// (2.0.24–2.0.26: a panic; head: CF002).

interface TypedEntry {
  e: IniEntry;
  spec: KeySpec;
  type: ValueType;
  value: string;
}

// type.parse and lint.value-case both walk the parsed entries and judge each: done once per
// lint run (a TaskView lives for one run over one unchanging config).
const judgedCache = new WeakMap<TaskView, { t: TypedEntry; v: Verdict }[]>();

function judgedEntries(task: TaskView): { t: TypedEntry; v: Verdict }[] {
  let judged = judgedCache.get(task);
  if (!judged) {
    judged = parsedTypedEntries(task).map((t) => ({ t, v: judge(t, task) }));
    judgedCache.set(task, judged);
  }
  return judged;
}

/** The effective, non-empty, typed entries ape-dts parses for this task (by section in header order, then by line). */
export function parsedTypedEntries(task: TaskView): TypedEntry[] {
  const { config, version } = task;
  // One pass over the entries: the last line of each key, typed, under a header.
  const bySection = new Map<string, TypedEntry[]>();
  for (const e of config.scan.entries) {
    if (!e.value) continue;
    const parsed = parsedKeyFor(version, e.section, e.key);
    if (!parsed || config.entry(e.section, e.key) !== e || !config.hasSection(e.section) || isPlaceholder(e.value)) continue;
    if (!task.holds(parsed.parsedWhen, e.section, parsed.spec)) continue;
    const list = bySection.get(e.section);
    const t = { e, spec: parsed.spec, type: parsed.type, value: e.value };
    if (list) list.push(t);
    else bySection.set(e.section, [t]);
  }
  const out: TypedEntry[] = [];
  for (const section of config.sectionNames()) out.push(...(bySection.get(section) ?? []));
  return out;
}

/** `expected` picks the type.parse message (`type.parse.<expected>`); `args` fill what it says is expected. */
type Verdict =
  | { ok: true }
  | { ok: false; expected: 'bool' | 'int' | 'f64' | 'enum'; args?: MessageArgs; caseOf?: string; rustType: string };

function judge(t: TypedEntry, task: TaskView): Verdict {
  const { type, value } = t;
  switch (type.kind) {
    case 'bool':
      if (parseRustBool(value) !== undefined) return { ok: true };
      return { ok: false, rustType: 'bool', expected: 'bool', caseOf: ['true', 'false'].find((b) => b === value.toLowerCase()) };
    case 'int': {
      if (parseRustInt(value, type.rust) !== undefined) return { ok: true };
      const [min, max] = intRange(type.rust);
      return { ok: false, rustType: type.rust, expected: 'int', args: { min, max } };
    }
    case 'f64':
      return parseRustF64(value) !== undefined ? { ok: true } : { ok: false, rustType: 'f64', expected: 'f64' };
    case 'enum': {
      const spec = ENUMS[type.enum];
      const allowed = enumValues(type.enum, task.version);
      const candidate = spec.caseSensitive ? value : value.toLowerCase();
      if (allowed.includes(candidate)) return { ok: true };
      return {
        ok: false,
        rustType: spec.rustType,
        expected: 'enum',
        args: { allowed: allowed.join(', ') },
        caseOf: allowed.find((a) => a === value.toLowerCase()),
      };
    }
    default:
      return { ok: true };
  }
}

function inlineCommentHint(value: string): string {
  return /\s[#;]/.test(value) ? msg('type.parse.inline-comment') : '';
}

const typeParse: ConfigRule = {
  id: 'type.parse',
  severity: 'error',
  check(task, report) {
    for (const { t, v } of judgedEntries(task)) {
      if (v.ok || v.caseOf) continue;
      const suggestion = t.type.kind === 'enum' ? didYouMean(closest(t.value, enumValues(t.type.enum, task.version))) : '';
      const args = { ...v.args, section: t.e.section, key: t.e.key, value: t.value, rustType: v.rustType };
      report(t.e.valueRange, msg(`type.parse.${v.expected}`, args) + suggestion + inlineCommentHint(t.value));
    }
  },
};

const valueCase: ConfigRule = {
  id: 'lint.value-case',
  severity: 'error',
  check(task, report) {
    for (const { t, v } of judgedEntries(task)) {
      if (v.ok || !v.caseOf) continue;
      report(t.e.valueRange, msg('lint.value-case', { value: t.value, caseOf: v.caseOf }));
    }
  },
};

export const valueTypeRules: readonly ConfigRule[] = [typeParse, valueCase];
