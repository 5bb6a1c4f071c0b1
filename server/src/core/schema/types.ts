// Types of the versioned schema. The schema itself is data (sections/*.ts, enums.ts,
// combos.ts); only the few conditions data cannot say are named predicates (conditions.ts).

/**
 * The version profiles we check against. `2.0.26` also covers keys and values added on
 * ape-dts's main branch after the v2.0.26 tag (marked `headOnly`).
 */
export type ApeVersion = '2.0.24' | '2.0.25' | '2.0.26';
export const VERSIONS: readonly ApeVersion[] = ['2.0.24', '2.0.25', '2.0.26'];

export type Profile = 'legacy' | 'transitional' | 'current';
export const PROFILE_OF: Record<ApeVersion, Profile> = {
  '2.0.24': 'legacy',
  '2.0.25': 'transitional',
  '2.0.26': 'current',
};

/** An inclusive range of versions; a missing bound is open. `{}` = every version. */
export interface Versions {
  since?: ApeVersion;
  until?: ApeVersion;
}

export type IntType = 'u32' | 'u64' | 'usize' | 'i32' | 'i64';

export type ValueType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int'; rust: IntType }
  | { kind: 'f64' }
  | { kind: 'enum'; enum: EnumName };

/** What a string value means, checked later by ape-dts (at start-up) or only by us. */
export type Format =
  | 'url'
  | 'path'
  | 'json-array' // `json:` prefixed JSON array of objects
  | 'json' // a JSON document (mongo resume_token)
  | 'size' // 100mb
  | 'schema.table'
  | 'pg-lsn'
  | 'datetime'
  | 'csv'
  | 'filter-schema-list'
  | 'filter-table-list'
  | 'map' // db_map / tb_map / topic_map tokens
  | 'labels'; // k=v,k=v

/** A key path `section.key` used in conditions. */
export type KeyPath = `${string}.${string}`;

/** Named conditions the data cannot express; evaluated in conditions.ts. */
export type DerivedName =
  | 'nonDummySinker'
  | 'checkerActive'
  | 'cdcCheckEnabled'
  | 'legacyResumerHonoured25'
  | 'snapshotExtractorWithParallelType';

/**
 * Condition language. `eq`/`ne`/`in` compare EFFECTIVE values: the value if present and
 * non-empty, else the key's default for the version.
 */
export type Cond =
  | 'always'
  | 'never'
  | { eq: [KeyPath, string] }
  | { ne: [KeyPath, string] }
  | { in: [KeyPath, string[]] }
  | { present: KeyPath }
  | { absent: KeyPath }
  | { nonBlank: KeyPath }
  | { sectionPresent: string }
  | { derived: DerivedName }
  /** The key's own `appliesTo` matches the task's (db_type, extract_type|sink_type). */
  | { appliesTo: true }
  | { all: Cond[] }
  | { any: Cond[] }
  | { not: Cond };

export type ByVersion<T> = Partial<Record<ApeVersion, T>>;

/** One (db_type, extract_type) pair for [extractor] keys or (db_type, sink_type) for [sinker] keys; `*` = any. */
export interface Applies {
  db_type: string;
  type: string;
  versions?: Versions;
  /** Pair added on ape-dts's main branch after the v2.0.26 tag (mssql). */
  headOnly?: boolean;
}

export interface KeySpec {
  /** Our one-line description (hover, completion). */
  summary: string;
  type: ValueType;
  /** Where the type differs by version (e.g. mongo `source`: string before 2.0.26, enum from 2.0.26). */
  typeByVersion?: ByVersion<ValueType>;
  format?: Format;
  /** A string read as-is at load but turned into one of these values at start-up. */
  startupValues?: string[];
  /** Where the start-up values differ by version (filter lists that grew, mongo `source` before 2.0.26). */
  startupValuesByVersion?: ByVersion<string[]>;
  /** Literal default ('' = empty). Omit when there is none or it is computed. */
  default?: string;
  defaultByVersion?: ByVersion<string>;
  /** How a computed default is derived, in our words. */
  defaultNote?: string;
  /** Versions whose loader reads the key. */
  versions: Versions;
  /** Still read, but superseded from this version on (see `replacement`). */
  deprecatedFrom?: ApeVersion;
  /** Present (even empty) ⇒ load error from this version on (legacy [resumer] keys, [checker] enable). */
  rejectedFrom?: ApeVersion;
  /** What replaces a removed / rejected key. */
  replacement?: string;
  /** Pairs where the key has an effect; omitted = every task. */
  appliesTo?: Applies[];
  /** When the loader reads and type-checks it; omitted = always. */
  parsedWhen?: Cond;
  parsedWhenByVersion?: ByVersion<Cond>;
  /**
   * When the key must be present and non-empty; omitted = never. `'always'` means "whenever
   * the loader reads it" (see `requiredOf`); any other condition stands on its own, because a
   * few requirements come from another section's loader (dbengine metacenter needs urls).
   */
  required?: Cond;
  requiredByVersion?: ByVersion<Cond>;
  /** Present-but-empty behaves differently from absent (ssl_mode, is_direct_connection, …). */
  presenceSensitive?: boolean;
  secret?: boolean;
  /** Added on ape-dts's main branch after the v2.0.26 tag. */
  headOnly?: boolean;
  /** Integer value range beyond the Rust type (e.g. sample_percent 1..100). */
  min?: number;
  max?: number;
  /** Where the lower bound is a load check only from some version on (batch_size > 0 from 2.0.26). */
  minByVersion?: ByVersion<number>;
}

/** Keys documented somewhere but never read (or only by pre-releases). */
export interface IgnoredKeySpec {
  note: string;
  replacement?: string;
  versions: Versions;
}

export interface SectionSpec {
  summary: string;
  versions: Versions;
  /** The section's header alone changes behaviour. */
  headerMatters?: string;
  keys: Record<string, KeySpec>;
  ignoredKeys?: Record<string, IgnoredKeySpec>;
}

export type EnumName =
  | 'DbType'
  | 'ExtractType'
  | 'SinkType'
  | 'ParallelType'
  | 'RdbParallelType'
  | 'PipelineType'
  | 'ConflictPolicy'
  | 'SslMode'
  | 'ResumeType'
  | 'MetaCenterType'
  | 'RdbTransactionIsolation'
  | 'RebalanceStrategy'
  | 'RebalanceCost'
  | 'MongoCdcSource'
  | 'TaskSummaryMode'
  | 'TraceOutputFormat';

export interface EnumSpec {
  /** Rust type named in ape-dts's parse error. */
  rustType: string;
  caseSensitive: boolean;
  values: Record<string, Versions & { headOnly?: boolean }>;
}

/** Per version: db_type → accepted types, or '*' for any value of the version's enum. */
export type ComboTable = Record<ApeVersion, Record<string, string[] | '*'>>;
