import { scanIni, type IniEntry, type IniHeader, type ScannedIni } from '../ini/scanIni';

// The task config as the loader sees it after parsing: sections merged across repeated
// headers, and for every key the LAST line wins (configparser overwrites), even when that
// last line is empty or has no delimiter at all.

export interface TaskConfig {
  scan: ScannedIni;
  /** Section names that have at least one header. */
  sectionNames(): string[];
  hasSection(section: string): boolean;
  headers(section: string): IniHeader[];
  /** Every line of the key in the section, in file order. */
  entries(section: string, key: string): IniEntry[];
  /** Every effective (last) entry of the section, in file order. */
  effectiveEntries(section: string): IniEntry[];
  /** The line the loader keeps for the key (the last one), if any. */
  entry(section: string, key: string): IniEntry | undefined;
  /** ape-dts's "present": the last line for the key has `=` or `:` (the value may be empty). */
  present(section: string, key: string): boolean;
  /** The value of a present key, possibly empty; `undefined` when absent. */
  raw(section: string, key: string): string | undefined;
  /** The value when present and non-empty; `undefined` otherwise (empty means "use the default"). */
  value(section: string, key: string): string | undefined;
}

export function parseTaskConfig(text: string): TaskConfig {
  return buildTaskConfig(scanIni(text));
}

// Shared answer for a key that has no line (frozen: callers only read it).
const NO_ENTRIES: IniEntry[] = Object.freeze([]) as unknown as IniEntry[];

export function buildTaskConfig(scan: ScannedIni): TaskConfig {
  const bySection = new Map<string, Map<string, IniEntry[]>>();
  for (const e of scan.entries) {
    let keys = bySection.get(e.section);
    if (!keys) bySection.set(e.section, (keys = new Map()));
    const list = keys.get(e.key);
    if (list) list.push(e);
    else keys.set(e.key, [e]);
  }
  const headerMap = new Map<string, IniHeader[]>();
  for (const h of scan.headers) {
    const list = headerMap.get(h.name);
    if (list) list.push(h);
    else headerMap.set(h.name, [h]);
  }

  const entries = (section: string, key: string) => bySection.get(section)?.get(key) ?? NO_ENTRIES;
  const entry = (section: string, key: string) => {
    const list = entries(section, key);
    return list[list.length - 1];
  };
  const raw = (section: string, key: string) => entry(section, key)?.value;

  return {
    scan,
    sectionNames: () => [...headerMap.keys()],
    hasSection: (section) => headerMap.has(section),
    headers: (section) => headerMap.get(section) ?? [],
    entries,
    effectiveEntries: (section) =>
      [...(bySection.get(section)?.values() ?? [])].map((l) => l[l.length - 1]).sort((a, b) => a.line - b.line),
    entry,
    present: (section, key) => raw(section, key) !== undefined,
    raw,
    value: (section, key) => {
      const v = raw(section, key);
      return v === undefined || v === '' ? undefined : v;
    },
  };
}
