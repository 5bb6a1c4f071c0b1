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

const rank = (v: ApeVersion) => VERSIONS.indexOf(v);

export function inVersion(v: Versions, version: ApeVersion): boolean {
  const r = rank(version);
  return (v.since === undefined || r >= rank(v.since)) && (v.until === undefined || r <= rank(v.until));
}

// Own-property lookups only: section and key names come from user files ("constructor", "__proto__").
function own<T>(record: Record<string, T> | undefined, name: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

export function sectionSpec(section: string): SectionSpec | undefined {
  return own(SECTIONS, section);
}

/** Sections the loader of this version knows about. */
export function sectionsFor(version: ApeVersion): string[] {
  return Object.keys(SECTIONS).filter((s) => inVersion(SECTIONS[s].versions, version));
}

export function keySpec(section: string, key: string): KeySpec | undefined {
  return own(sectionSpec(section)?.keys, key);
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

/** Keys the loader READS at this version, in schema order. */
export function keysFor(version: ApeVersion, section: string): string[] {
  const sec = sectionSpec(section);
  if (!sec || !inVersion(sec.versions, version)) return [];
  return Object.keys(sec.keys).filter((k) => isRead(sec.keys[k], version));
}

/** Keys whose presence alone fails the load at this version. */
export function rejectedKeysFor(version: ApeVersion, section: string): string[] {
  const sec = sectionSpec(section);
  if (!sec) return [];
  return Object.keys(sec.keys).filter((k) => {
    const spec = sec.keys[k];
    return inVersion(spec.versions, version) && isRejected(spec, version);
  });
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

export function enumValues(name: EnumName, version: ApeVersion): string[] {
  return Object.entries(ENUMS[name].values)
    .filter(([, v]) => inVersion(v, version))
    .map(([k]) => k);
}

export function filterValues(name: FilterListName, version: ApeVersion): string[] {
  return Object.entries(FILTER_VALUES[name])
    .filter(([, v]) => inVersion(v, version))
    .map(([k]) => k);
}
