import type { Severity } from '../../diagnostic';
import type { Profile } from '../../schema/types';

// A Position variant as ape-dts's serde derive reads it: internally tagged on "type",
// case-sensitive names, every non-Option field required, unknown fields ignored, numbers
// strict (no quotes, no fraction, within the Rust type's range).

export type VariantName =
  | 'None'
  | 'MysqlCdc'
  | 'PgCdc'
  | 'MongoCdc'
  | 'Redis'
  | 'Kafka'
  | 'RdbSnapshot'
  | 'RdbSnapshotFinished'
  | 'FoxlakeS3';

export type IntFieldType = 'u32' | 'u64' | 'i32' | 'i64';
export type FieldType = 'string' | IntFieldType | 'orderKey';

export const INT_RANGES: Record<IntFieldType, { min: bigint; max: bigint }> = {
  u32: { min: 0n, max: 4294967295n },
  i32: { min: -2147483648n, max: 2147483647n },
  u64: { min: 0n, max: 18446744073709551615n },
  i64: { min: -9223372036854775808n, max: 9223372036854775807n },
};

/**
 * A check of a string value that serde accepts but that fails (or misleads) later, when the
 * extractor uses it. `problem` returns why the value is bad, or undefined.
 */
export interface FieldFormat {
  rule: 'PL004' | 'PL005' | 'PL027' | 'PL033';
  severity: Severity;
  /** What happens in ape-dts because of it, completing "ape-dts accepts the line, but …". */
  consequence: string;
  /** How to write it instead. */
  fix: string;
  problem(value: string): string | undefined;
}

export interface FieldSpec {
  type: FieldType;
  /** An Option field: may be missing or null. */
  optional?: boolean;
  /** Profiles whose enum has the field; omitted = every profile of the variant. */
  profiles?: readonly Profile[];
  format?: FieldFormat;
}

/** Which source a position belongs to, for "does this position fit the task". */
export type VariantFamily = 'none' | 'mysql' | 'pg' | 'mongo' | 'redis' | 'kafka' | 'snapshot' | 'foxlake';

export interface VariantSpec {
  name: VariantName;
  profiles: readonly Profile[];
  family: VariantFamily;
  /** Plain words for hovers. */
  summary: string;
  fields: Record<string, FieldSpec>;
}

const fieldsCache = new WeakMap<VariantSpec, Partial<Record<Profile, Record<string, FieldSpec>>>>();

/** The fields a profile's enum declares for the variant (computed once per variant and profile; frozen). */
export function fieldsAt(spec: VariantSpec, profile: Profile): Record<string, FieldSpec> {
  let byProfile = fieldsCache.get(spec);
  if (!byProfile) fieldsCache.set(spec, (byProfile = {}));
  let out = byProfile[profile];
  if (!out) {
    out = {};
    for (const [name, f] of Object.entries(spec.fields)) {
      if (!f.profiles || f.profiles.includes(profile)) out[name] = f;
    }
    byProfile[profile] = Object.freeze(out);
  }
  return out;
}
