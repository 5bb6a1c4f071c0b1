import { ENUMS, FILTER_VALUES, type FilterListName } from './enums';
import { checker } from './sections/checker';
import { checkerCdc } from './sections/checkerCdc';
import { checkerOutput } from './sections/checkerOutput';
import { dataMarker } from './sections/dataMarker';
import { extractor } from './sections/extractor';
import { filter } from './sections/filter';
import { global } from './sections/global';
import { metacenter } from './sections/metacenter';
import { metrics } from './sections/metrics';
import { parallelizer } from './sections/parallelizer';
import { pipeline } from './sections/pipeline';
import { precheck } from './sections/precheck';
import { processor } from './sections/processor';
import { resumer } from './sections/resumer';
import { router } from './sections/router';
import { runtime } from './sections/runtime';
import { sinker } from './sections/sinker';
import { tracing } from './sections/tracing';
import {
  VERSIONS,
  type Applies,
  type ApeVersion,
  type Cond,
  type EnumName,
  type IgnoredKeySpec,
  type KeySpec,
  type SectionSpec,
  type ValueType,
  type Versions,
} from './types';

/** Every section any version reads, in the order ape-dts's docs present them. */
export const SECTIONS: Record<string, SectionSpec> = {
  extractor,
  sinker,
  pipeline,
  parallelizer,
  runtime,
  filter,
  router,
  resumer,
  global,
  checker,
  checker_output: checkerOutput,
  checker_cdc: checkerCdc,
  data_marker: dataMarker,
  processor,
  metacenter,
  metrics,
  tracing,
  precheck,
};

const RANK: Record<string, number> = Object.fromEntries(VERSIONS.map((v, i) => [v, i]));
const rank = (v: ApeVersion): number => RANK[v] ?? -1;

// The schema is static data, but the rules ask the same questions of it for every key of
// every file (which keys does 2.0.26 read in [extractor]?, which DbType values exist?). The
// answers are computed once per version and shared; the arrays are frozen, so a caller
// that tried to change one would fail loudly instead of corrupting every later lint.
function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = compute()));
  return v;
}
const frozen = (list: string[]): string[] => Object.freeze(list) as string[];
/** memo keyed by two strings, without building a joined key on every call. */
function memo2<T>(cache: Map<string, Map<string, T>>, a: string, b: string, compute: () => T): T {
  let inner = cache.get(a);
  if (!inner) cache.set(a, (inner = new Map()));
  return memo(inner, b, compute);
}

export function inVersion(v: Versions, version: ApeVersion): boolean {
  const r = rank(version);
  return (v.since === undefined || r >= rank(v.since)) && (v.until === undefined || r <= rank(v.until));
}

// Own-property lookups only: section and key names come from user files ("constructor", "__proto__").
function own<T>(record: Record<string, T> | undefined, name: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

// The same own-property lookups through Maps (a Map has no prototype keys), built on first use.
let sectionMap: Map<string, SectionSpec> | undefined;
const keyMaps = new Map<string, Map<string, KeySpec>>();

export function sectionSpec(section: string): SectionSpec | undefined {
  sectionMap ??= new Map(Object.keys(SECTIONS).map((name) => [name, SECTIONS[name]]));
  return sectionMap.get(section);
}

const sectionsCache = new Map<string, string[]>();

/** Sections the loader of this version knows about (a shared, frozen array). */
export function sectionsFor(version: ApeVersion): string[] {
  return memo(sectionsCache, version, () => frozen(Object.keys(SECTIONS).filter((s) => inVersion(SECTIONS[s].versions, version))));
}

export function keySpec(section: string, key: string): KeySpec | undefined {
  let keys = keyMaps.get(section);
  if (!keys) {
    const spec = sectionSpec(section);
    if (!spec) return undefined;
    keys = new Map(Object.keys(spec.keys).map((k) => [k, spec.keys[k]]));
    keyMaps.set(section, keys);
  }
  return keys.get(key);
}

export function ignoredKeySpec(section: string, key: string, version: ApeVersion): IgnoredKeySpec | undefined {
  const spec = own(sectionSpec(section)?.ignoredKeys, key);
  return spec && inVersion(spec.versions, version) ? spec : undefined;
}

/** Rejected at this version: its mere presence is a load error. */
export function isRejected(spec: KeySpec, version: ApeVersion): boolean {
  return spec.rejectedFrom !== undefined && rank(version) >= rank(spec.rejectedFrom);
}

/** The loader of this version reads the key (rejected-only keys excluded). */
export function isRead(spec: KeySpec, version: ApeVersion): boolean {
  return inVersion(spec.versions, version) && !isRejected(spec, version);
}

const keysCache = new Map<string, Map<string, string[]>>();

/** Keys the loader READS at this version, in schema order (a shared, frozen array). */
const NONE = frozen([]);

export function keysFor(version: ApeVersion, section: string): string[] {
  // Unknown sections (any name a user writes) are not remembered.
  if (!sectionSpec(section)) return NONE;
  return memo2(keysCache, version, section, () => {
    const sec = sectionSpec(section)!;
    if (!inVersion(sec.versions, version)) return frozen([]);
    return frozen(Object.keys(sec.keys).filter((k) => isRead(sec.keys[k], version)));
  });
}

const rejectedCache = new Map<string, Map<string, string[]>>();

/** Keys whose presence alone fails the load at this version (a shared, frozen array). */
export function rejectedKeysFor(version: ApeVersion, section: string): string[] {
  if (!sectionSpec(section)) return NONE;
  return memo2(rejectedCache, version, section, () => {
    const sec = sectionSpec(section)!;
    return frozen(
      Object.keys(sec.keys).filter((k) => {
        const spec = sec.keys[k];
        return inVersion(spec.versions, version) && isRejected(spec, version);
      }),
    );
  });
}

export interface RequiredCandidate {
  section: string;
  key: string;
  spec: KeySpec;
  /** requiredOf(spec, version), never 'never'. */
  required: Cond;
}

const requiredCache = new Map<string, readonly RequiredCandidate[]>();

/**
 * Keys read at this version that can be required at all (requiredOf ≠ 'never'), in schema
 * order: what the required-key rule has to look at, instead of every key of every section.
 */
export function requiredCandidatesFor(version: ApeVersion): readonly RequiredCandidate[] {
  return memo(requiredCache, version, () =>
    Object.freeze(
      sectionsFor(version).flatMap((section) =>
        keysFor(version, section).flatMap((key) => {
          const spec = keySpec(section, key)!;
          const required = requiredOf(spec, version);
          return required === 'never' ? [] : [{ section, key, spec, required }];
        }),
      ),
    ),
  );
}

export interface ParsedKey {
  spec: KeySpec;
  type: ValueType;
  /** parsedWhenOf(spec, version) */
  parsedWhen: Cond;
}

// Per version, per section: known keys only (never a key from a user file the schema lacks).
const parsedKeyCache = new Map<string, Map<string, Map<string, ParsedKey | null>>>();

/**
 * A key this version's loader reads and parses with FromStr (known, read, not rejected, not a
 * plain string), with its type and when it is parsed; undefined otherwise. One look-up for what
 * type checks ask of every entry.
 */
export function parsedKeyFor(version: ApeVersion, section: string, key: string): ParsedKey | undefined {
  const spec = keySpec(section, key);
  if (!spec) return undefined;
  const bySection = memo2(parsedKeyCache, version, section, () => new Map<string, ParsedKey | null>());
  let found = bySection.get(key);
  if (found === undefined) {
    const type = typeOf(spec, version);
    found = !inVersion(spec.versions, version) || isRejected(spec, version) || type.kind === 'string' ? null : { spec, type, parsedWhen: parsedWhenOf(spec, version) };
    bySection.set(key, found);
  }
  return found ?? undefined;
}

export function typeOf(spec: KeySpec, version: ApeVersion): ValueType {
  return spec.typeByVersion?.[version] ?? spec.type;
}

/** The literal default at this version ('' = empty); undefined when there is none or it is computed. */
export function defaultOf(spec: KeySpec, version: ApeVersion): string | undefined {
  const byVersion = spec.defaultByVersion?.[version];
  return byVersion !== undefined ? byVersion : spec.default;
}

/** When the loader of this version reads and type-checks the key; 'never' where it is not read. */
export function parsedWhenOf(spec: KeySpec, version: ApeVersion): Cond {
  if (!inVersion(spec.versions, version)) return 'never';
  return spec.parsedWhenByVersion?.[version] ?? spec.parsedWhen ?? 'always';
}

/**
 * When the key must be present and non-empty at load. `required: 'always'` in the data means
 * "whenever it is read", so it resolves to the key's parsedWhen.
 */
export function requiredOf(spec: KeySpec, version: ApeVersion): Cond {
  if (!inVersion(spec.versions, version)) return 'never';
  const req = spec.requiredByVersion?.[version] ?? spec.required;
  if (req === undefined) return 'never';
  return req === 'always' ? parsedWhenOf(spec, version) : req;
}

export function startupValuesOf(spec: KeySpec, version: ApeVersion): string[] | undefined {
  return spec.startupValuesByVersion?.[version] ?? spec.startupValues;
}

export function minOf(spec: KeySpec, version: ApeVersion): number | undefined {
  return spec.minByVersion?.[version] ?? spec.min;
}

/** The key's appliesTo entries valid at this version; undefined = the key applies to every task. */
export function appliesFor(spec: KeySpec, version: ApeVersion): Applies[] | undefined {
  return spec.appliesTo?.filter((a) => inVersion(a.versions ?? {}, version));
}

/** Whether the key has an effect for (db_type, extract_type) or (db_type, sink_type). */
export function appliesTo(spec: KeySpec, version: ApeVersion, dbType: string, type: string): boolean {
  const list = appliesFor(spec, version);
  if (!list) return true;
  return list.some((a) => (a.db_type === '*' || a.db_type === dbType) && (a.type === '*' || a.type === type));
}

const enumCache = new Map<string, Map<string, string[]>>();

/** The enum's values at this version (a shared, frozen array). */
export function enumValues(name: EnumName, version: ApeVersion): string[] {
  return memo2(enumCache, version, name, () =>
    frozen(
      Object.entries(ENUMS[name].values)
        .filter(([, v]) => inVersion(v, version))
        .map(([k]) => k),
    ),
  );
}

const filterCache = new Map<string, Map<string, string[]>>();

/** The filter list's values at this version (a shared, frozen array). */
export function filterValues(name: FilterListName, version: ApeVersion): string[] {
  return memo2(filterCache, version, name, () =>
    frozen(
      Object.entries(FILTER_VALUES[name])
        .filter(([, v]) => inVersion(v, version))
        .map(([k]) => k),
    ),
  );
}
