import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintConfig } from '../../server/src/core/lintConfig';
import { VERSIONS } from '../../server/src/core/schema/types';
import { NUM_RUNS, configTextArb, linesOf, rangeInside, versionArb } from './arbitraries';
import { LONG_LINE_FRAMES, LONG_LINE_PIECES, asUnit, doubling, isLinear, longLineFrameArb, longLinePieceArb } from './linearity';
import { loadCounted } from './workCounter';

type Counted = typeof import('./countedEntry');
let counted: Counted;
beforeAll(async () => {
  counted = await loadCounted<Counted>('test/property/countedEntry.ts');
});

describe('lintConfig, for any text and every version setting', () => {
  it('returns diagnostics whose ranges lie inside the document, sorted, with a code and a message', () => {
    fc.assert(
      fc.property(configTextArb, versionArb, (text, version) => {
        const result = lintConfig(text, { version });
        const lines = linesOf(text);
        expect(VERSIONS).toContain(result.version);
        if (version !== 'auto') expect(result.version).toBe(version);
        let previous = { line: 0, character: 0 };
        for (const d of result.diagnostics) {
          expect(rangeInside(lines, d.range), `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
          expect(d.code).toMatch(/^[a-z0-9]+(\.[a-z0-9_-]+)+$/);
          expect(d.message.length).toBeGreaterThan(0);
          const { start } = d.range;
          expect(start.line > previous.line || (start.line === previous.line && start.character >= previous.character)).toBe(true);
          previous = start;
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the same result for the same text', () => {
    fc.assert(
      fc.property(configTextArb, versionArb, (text, version) => {
        expect(lintConfig(text, { version }).diagnostics).toEqual(lintConfig(text, { version }).diagnostics);
      }),
      { numRuns: 50 },
    );
  });
});

describe('lintConfig does linear work', () => {
  it('for a config repeated twice as often', () => {
    fc.assert(
      fc.property(configTextArb, versionArb, (text, version) => {
        const unit = asUnit(text);
        const d = doubling(unit.length, (k) => unit.repeat(k), (t) => counted.lintConfig(t, { version }), 4000, 8);
        expect(isLinear(d), `${JSON.stringify(d)} for ${JSON.stringify(unit.slice(0, 300))}`).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('for a line twice as long', () => {
    fc.assert(
      fc.property(longLineFrameArb, longLinePieceArb, versionArb, ([before, after], piece, version) => {
        const d = doubling(piece.length, (k) => before + piece.repeat(k) + after, (t) => counted.lintConfig(t, { version }), 20_000);
        expect(isLinear(d), `${JSON.stringify(d)} for ${JSON.stringify(before)} + ${JSON.stringify(piece)}…`).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it.each(LONG_LINE_FRAMES)('for every awkward piece repeated in %j … %j', (before, after) => {
    for (const piece of LONG_LINE_PIECES) {
      const d = doubling(piece.length, (k) => before + piece.repeat(k) + after, (t) => counted.lintConfig(t, { version: '2.0.26' }), 20_000);
      expect(isLinear(d), `${JSON.stringify(d)} for ${JSON.stringify(piece)}`).toBe(true);
    }
  });

  // Growth that repetition does not show: more distinct sections, keys and secrets.
  const DISTINCT: [string, string, (i: number) => string][] = [
    ['distinct sections, each with a duplicate key', '', (i) => `[sec${i}]\nk=1\nk=2\n`],
    ['distinct unknown keys', '[extractor]\n', (i) => `key_${i}=${i}\n`],
    ['distinct headers only', '', (i) => `[s${i}]\n`],
    ['distinct passwords, each set twice', '[sinker]\n', (i) => `password=pw${i}xyz\npassword=pw${i}xyz\n`],
    ['distinct url passwords', '[extractor]\n', (i) => `url=mysql://u:secret${i}@h\nurl=mysql://u:secret${i}@h\n`],
    ['distinct misspelt sections', '', (i) => `[extractr${i}]\n`],
    ['distinct legacy [resumer] blocks', '', (i) => `[resumer]\nresume_from_log=true\nresume_log_dir=./l${i}\n`],
  ];
  it.each(DISTINCT)('for twice as many %s', (_what, before, piece) => {
    const make = (k: number) => before + Array.from({ length: k }, (_, i) => piece(i)).join('');
    const d = doubling(piece(0).length, make, (t) => counted.lintConfig(t, { version: '2.0.26' }), 20_000);
    expect(isLinear(d), JSON.stringify(d)).toBe(true);
  });
});
