import { DEFAULT_SECTION, type IniEntry } from '../ini/scanIni';
import { inVersion, isRejected, keySpec, keysFor, sectionSpec, sectionsFor } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import type { IgnoredKeySpec, KeySpec, Versions } from '../schema/types';
import { isBomLine } from './iniStructure';
import type { ConfigRule } from './rule';
import { closest, didYouMean } from './suggest';

// ape-dts never reports an unknown section or key, at any version: a typo silently
// falls back to the default. These rules are the only safety net.

export function describeVersions(v: Versions): string {
  if (v.since && v.until) return v.since === v.until ? `only in ${v.since}` : `in ${v.since} to ${v.until}`;
  if (v.since) return `from ${v.since} on`;
  if (v.until) return `up to ${v.until}`;
  return 'in every version';
}

function isPlaceholder(value: string | undefined): boolean {
  return value !== undefined && /^\{[^{}]+\}$/.test(value);
}

/** Entries the name rules look at: real keys under a real header. */
function namedEntries(task: TaskView): IniEntry[] {
  return task.config.scan.entries.filter(
    (e) => e.header && e.section !== DEFAULT_SECTION && !e.rawKey.startsWith('//') && !isBomLine(e),
  );
}

// Own properties only: a key named `constructor` or `__proto__` is not an ignored key.
function ownIgnoredKey(section: string, key: string): IgnoredKeySpec | undefined {
  const ignored = sectionSpec(section)?.ignoredKeys;
  return ignored && Object.hasOwn(ignored, key) ? ignored[key] : undefined;
}

const unknownSection: ConfigRule = {
  id: 'lint.unknown-section',
  severity: 'warning',
  check(task, report) {
    const known = sectionsFor(task.version);
    for (const h of task.config.scan.headers) {
      if (known.includes(h.name)) continue;
      const spec = sectionSpec(h.name);
      if (spec) {
        report(h.nameRange, `ape-dts ${task.version} has no [${h.name}] section (it exists ${describeVersions(spec.versions)}), so it ignores everything in it. Check the ape-dts version you run.`);
      } else {
        report(h.nameRange, `ape-dts has no [${h.name}] section and silently ignores its keys.${didYouMean(closest(h.name, known))}`);
      }
    }
  },
};

const unknownKey: ConfigRule = {
  id: 'lint.unknown-key',
  severity: 'warning',
  check(task, report) {
    const known = new Set(sectionsFor(task.version));
    for (const e of namedEntries(task)) {
      if (!known.has(e.section) || keySpec(e.section, e.key) || ownIgnoredKey(e.section, e.key)) continue;
      const suggestion = closest(e.key, keysFor(task.version, e.section));
      report(e.keyRange, `ape-dts does not know '${e.key}' in [${e.section}] and silently ignores it, so the default applies.${didYouMean(suggestion)}`);
    }
  },
};

const docsOnlyKey: ConfigRule = {
  id: 'lint.docs-only-key',
  severity: 'warning',
  check(task, report) {
    for (const e of namedEntries(task)) {
      const ignored = ownIgnoredKey(e.section, e.key);
      if (!ignored || !inVersion(ignored.versions, task.version) || keySpec(e.section, e.key)) continue;
      const instead = ignored.replacement ? ` Use ${ignored.replacement} instead.` : '';
      report(e.keyRange, `ape-dts ${task.version} does not read '${e.key}' in [${e.section}]: ${ignored.note}${instead}`);
    }
  },
};

const removedKey: ConfigRule = {
  id: 'lint.removed-key',
  severity: 'warning',
  check(task, report) {
    for (const e of namedEntries(task)) {
      const spec = keySpec(e.section, e.key);
      if (!spec || inVersion(spec.versions, task.version) || isRejected(spec, task.version)) continue;
      if (!sectionsFor(task.version).includes(e.section)) continue;
      const instead = spec.replacement ? ` Use ${spec.replacement} instead.` : '';
      report(e.keyRange, `ape-dts ${task.version} does not read '${e.key}' in [${e.section}] (it is read ${describeVersions(spec.versions)}), so it has no effect.${instead}`);
    }
  },
};

function pairOf(task: TaskView, section: string): [string | undefined, string | undefined] {
  return section === 'sinker'
    ? [task.eff('sinker.db_type'), task.eff('sinker.sink_type')]
    : [task.eff('extractor.db_type'), task.eff('extractor.extract_type')];
}

/** Keys of [extractor]/[sinker] that do nothing for this task; `sameDbType` picks those meant for this db_type (but another task type) or for other db_types. */
function inapplicableEntries(task: TaskView, sameDbType: boolean): { e: IniEntry; spec: KeySpec; where: string }[] {
  const found: { e: IniEntry; spec: KeySpec; where: string }[] = [];
  for (const e of namedEntries(task)) {
    if (e.section !== 'extractor' && e.section !== 'sinker') continue;
    const spec = keySpec(e.section, e.key);
    if (!spec?.appliesTo || !inVersion(spec.versions, task.version) || isRejected(spec, task.version)) continue;
    const [dbType, type] = pairOf(task, e.section);
    if (!dbType || !type || isPlaceholder(dbType) || isPlaceholder(type)) continue;
    if (e.section === 'sinker' && type === 'dummy') continue;
    if (task.applies(e.section, spec)) continue;
    const forDb = spec.appliesTo.some((a) => a.db_type === '*' || a.db_type === dbType);
    if (forDb !== sameDbType) continue;
    const pairs = spec.appliesTo
      .filter((a) => !a.versions || inVersion(a.versions, task.version))
      .map((a) => `${a.db_type}/${a.type}`);
    found.push({ e, spec, where: [...new Set(pairs)].join(', ') });
  }
  return found;
}

const keyForOtherDbType: ConfigRule = {
  id: 'lint.key-other-db-type',
  severity: 'warning',
  check(task, report) {
    for (const { e, where } of inapplicableEntries(task, false)) {
      const [dbType] = pairOf(task, e.section);
      report(e.keyRange, `'${e.key}' has no effect with [${e.section}] db_type=${dbType}: it applies to ${where}. Remove it, or check db_type.`);
    }
  },
};

const keyForOtherTaskType: ConfigRule = {
  id: 'lint.key-other-task-type',
  severity: 'information',
  check(task, report) {
    for (const { e, where } of inapplicableEntries(task, true)) {
      const [dbType, type] = pairOf(task, e.section);
      const typeKey = e.section === 'sinker' ? 'sink_type' : 'extract_type';
      report(e.keyRange, `'${e.key}' has no effect for ${dbType} with ${typeKey}=${type}: it applies to ${where}.`);
    }
  },
};

export const unknownNameRules: readonly ConfigRule[] = [
  unknownSection,
  unknownKey,
  docsOnlyKey,
  removedKey,
  keyForOtherDbType,
  keyForOtherTaskType,
];
