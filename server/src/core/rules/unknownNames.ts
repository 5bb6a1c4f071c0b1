import { t } from '../i18n';
import { ignoredNoteText, replacementText } from '../i18n/schemaText';
import { DEFAULT_SECTION, type IniEntry } from '../ini/scanIni';
import { inVersion, isRejected, keySpec, keysFor, sectionSpec, sectionsFor } from '../schema/index';
import type { TaskView } from '../schema/conditions';
import type { IgnoredKeySpec, KeySpec, Versions } from '../schema/types';
import { isBomLine } from './iniStructure';
import type { ConfigRule } from './rule';
import { closest, didYouMean } from './suggest';

// ape-dts never reports an unknown section or key, at any version: a typo silently
// falls back to the default. These rules are the only safety net.

/** Which versions `v` covers, as a phrase to use inside a sentence ("from 2.0.25 on"). */
export function describeVersions(v: Versions): string {
  if (v.since && v.until) return v.since === v.until ? t('lint.versions.only', { version: v.since }) : t('lint.versions.range', { since: v.since, until: v.until });
  if (v.since) return t('lint.versions.since', { since: v.since });
  if (v.until) return t('lint.versions.until', { until: v.until });
  return t('lint.versions.every');
}

/** A sentence to append to a message (with its own leading space in English), or '' without a replacement. */
function useInstead(replacement: string | undefined): string {
  return replacement ? t('lint.use-instead', { replacement }) : '';
}

function isPlaceholder(value: string | undefined): boolean {
  return value !== undefined && /^\{[^{}]+\}$/.test(value);
}

// Five rules walk the same entries: each list is made once per scan / task view, which
// matters on configs of thousands of lines.
const namedCache = new WeakMap<object, IniEntry[]>();
const inapplicableCache = new WeakMap<TaskView, Inapplicable[]>();

/** Entries the name rules look at: real keys under a real header. */
function namedEntries(task: TaskView): IniEntry[] {
  let named = namedCache.get(task.config.scan);
  if (!named) {
    named = task.config.scan.entries.filter((e) => e.header && e.section !== DEFAULT_SECTION && !e.rawKey.startsWith('//') && !isBomLine(e));
    namedCache.set(task.config.scan, named);
  }
  return named;
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
        report(h.nameRange, t('lint.unknown-section.other-version', { version: task.version, name: h.name, versions: describeVersions(spec.versions) }));
      } else {
        report(h.nameRange, t('lint.unknown-section', { name: h.name }) + didYouMean(closest(h.name, known)));
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
      report(e.keyRange, t('lint.unknown-key', { key: e.key, section: e.section }) + didYouMean(suggestion));
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
      const note = ignoredNoteText(e.section, e.key, ignored);
      report(e.keyRange, t('lint.docs-only-key', { version: task.version, key: e.key, section: e.section, note }) + useInstead(replacementText(e.section, e.key, ignored)));
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
      report(
        e.keyRange,
        t('lint.removed-key', { version: task.version, key: e.key, section: e.section, versions: describeVersions(spec.versions) }) + useInstead(replacementText(e.section, e.key, spec)),
      );
    }
  },
};

function pairOf(task: TaskView, section: string): [string | undefined, string | undefined] {
  return section === 'sinker'
    ? [task.eff('sinker.db_type'), task.eff('sinker.sink_type')]
    : [task.eff('extractor.db_type'), task.eff('extractor.extract_type')];
}

interface Inapplicable {
  e: IniEntry;
  spec: KeySpec;
  where: string;
  forDb: boolean;
}

/** Keys of [extractor]/[sinker] that do nothing for this task; `sameDbType` picks those meant for this db_type (but another task type) or for other db_types. */
function inapplicableEntries(task: TaskView, sameDbType: boolean): Inapplicable[] {
  let all = inapplicableCache.get(task);
  if (!all) {
    all = findInapplicable(task);
    inapplicableCache.set(task, all);
  }
  return all.filter((i) => i.forDb === sameDbType);
}

function findInapplicable(task: TaskView): Inapplicable[] {
  const found: Inapplicable[] = [];
  for (const e of namedEntries(task)) {
    if (e.section !== 'extractor' && e.section !== 'sinker') continue;
    const spec = keySpec(e.section, e.key);
    if (!spec?.appliesTo || !inVersion(spec.versions, task.version) || isRejected(spec, task.version)) continue;
    const [dbType, type] = pairOf(task, e.section);
    if (!dbType || !type || isPlaceholder(dbType) || isPlaceholder(type)) continue;
    if (e.section === 'sinker' && type === 'dummy') continue;
    if (task.applies(e.section, spec)) continue;
    const forDb = spec.appliesTo.some((a) => a.db_type === '*' || a.db_type === dbType);
    const pairs = spec.appliesTo
      .filter((a) => !a.versions || inVersion(a.versions, task.version))
      .map((a) => `${a.db_type}/${a.type}`);
    found.push({ e, spec, where: [...new Set(pairs)].join(', '), forDb });
  }
  return found;
}

const keyForOtherDbType: ConfigRule = {
  id: 'lint.key-other-db-type',
  severity: 'warning',
  check(task, report) {
    for (const { e, where } of inapplicableEntries(task, false)) {
      const [dbType] = pairOf(task, e.section);
      report(e.keyRange, t('lint.key-other-db-type', { key: e.key, section: e.section, dbType: dbType ?? '', where }));
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
      report(e.keyRange, t('lint.key-other-task-type', { key: e.key, dbType: dbType ?? '', typeKey, type: type ?? '', where }));
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
