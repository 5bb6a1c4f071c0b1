import type { IntType } from '../schema/types';

// Rust `FromStr` semantics, which is all ape-dts uses to read typed values:
// no units, no `_`, no hex; a leading `+` is fine; overflow is an error.

const INT_RANGES: Record<IntType, [bigint, bigint]> = {
  u32: [0n, 4294967295n],
  u64: [0n, 18446744073709551615n],
  // usize on the 64-bit builds ape-dts ships.
  usize: [0n, 18446744073709551615n],
  i32: [-2147483648n, 2147483647n],
  i64: [-9223372036854775808n, 9223372036854775807n],
};

export function intRange(rust: IntType): [bigint, bigint] {
  return INT_RANGES[rust];
}

/** The integer, or undefined when Rust's `str::parse::<rust>()` would fail. */
export function parseRustInt(value: string, rust: IntType): bigint | undefined {
  const signed = rust.startsWith('i');
  if (!(signed ? /^[+-]?[0-9]+$/ : /^\+?[0-9]+$/).test(value)) return undefined;
  const n = BigInt(value.startsWith('+') ? value.slice(1) : value);
  const [min, max] = INT_RANGES[rust];
  return n < min || n > max ? undefined : n;
}

const RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)$/i;

export function parseRustF64(value: string): number | undefined {
  if (!RUST_FLOAT.test(value)) return undefined;
  const lower = value.toLowerCase().replace(/^\+/, '');
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower.endsWith('nan')) return NaN;
  return Number(value);
}

export function parseRustBool(value: string): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** `{mysql_extractor_url}`: a value ape-dts's own test harness fills in before running. */
export function isPlaceholder(value: string | undefined): boolean {
  return value !== undefined && /^\{[^{}\s]+\}$/.test(value);
}
