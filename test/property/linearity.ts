import fc from 'fast-check';
import { countWork } from './workCounter';

// "A generated input twice as long does about twice the work": the input is a unit repeated
// k and 2k times, with k large enough that fixed costs (version profiles, schema lookups) no
// longer dominate, and the counted work of the two runs is compared.

// Below 2 is fine: fixed costs shrink in share, and the core remembers some answers (did-you-mean
// per word) that the smaller run already paid for. The lower bound only catches a counter that
// stopped counting.
export const MIN_RATIO = 1;
export const MAX_RATIO = 2.5;

export interface Doubling {
  small: number;
  large: number;
  ratio: number;
}

/**
 * Work for `make(k)` and `make(2k)`, where `k` makes `make(k)` at least `minChars` long and is
 * at least `minCopies` (sorting 8 things instead of 4 is 2.7 times the comparisons; 80 instead
 * of 40, 2.4 — an n·log n step must not read as quadratic).
 */
export function doubling(unitLength: number, make: (times: number) => string, run: (text: string) => void, minChars = 4000, minCopies = 1): Doubling {
  const k = Math.max(minCopies, Math.ceil(minChars / Math.max(1, unitLength)));
  const a = make(k);
  const b = make(2 * k);
  const small = countWork(() => run(a));
  const large = countWork(() => run(b));
  return { small, large, ratio: large / small };
}

export function isLinear(d: Doubling): boolean {
  return d.ratio >= MIN_RATIO && d.ratio <= MAX_RATIO;
}

/** A non-empty unit for repetition: a config ending in a newline so copies stay separate lines. */
export function asUnit(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

export const LONG_LINE_PIECES = ['x', 'k', '=', ':', '[', ']', ' ', '\t', '`a,', '`', 'x,', 'r#,', 'r#', '//a ', '//', '@', 'mysql://u:p@h ', 'u:p@', '"', '{"a":', '[{', 'é', '🚀', '#', ';', 'a.b.c,', '*,', ',', '\\'];

export const longLinePieceArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...LONG_LINE_PIECES),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }),
);

/** The shapes a very long line takes: a key, a value of a known key, a header, a comment. */
export const LONG_LINE_FRAMES: [string, string][] = [
  ['[extractor]\n', '=1\n'],
  ['[extractor]\nurl=', '\n'],
  ['[filter]\ndo_events=', '\n'],
  ['[filter]\ndo_ddls=', '\n'],
  ['[filter]\ndo_tbs=', '\n'],
  ['[filter]\ndo_dbs=', '\n'],
  ['[filter]\nignore_tbs=', '\n'],
  ['[filter]\nwhere_conditions=json:[', ']\n'],
  ['[router]\ndb_map=', '\n'],
  ['[router]\ntb_map=', '\n'],
  ['[extractor]\ndb_type=mysql\nextract_type=cdc\n[sinker]\ndb_type=mysql\nsink_type=write\nurl=', '\n'],
  ['[runtime]\nlog_dir=', '\n'],
  ['[', '\n'],
  ['# ', '\n'],
  ['', '\n'],
];

export const longLineFrameArb: fc.Arbitrary<[string, string]> = fc.constantFrom(...LONG_LINE_FRAMES);
