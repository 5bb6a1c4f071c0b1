import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanIni, trimBounds, type ScannedIni } from '../../server/src/core/ini/scanIni';
import { NUM_RUNS, configTextArb, linesOf, rangeInside } from './arbitraries';
import { asUnit, doubling, isLinear, longLineFrameArb, longLinePieceArb } from './linearity';
import { loadCounted } from './workCounter';

type Counted = typeof import('./countedEntry');
let counted: Counted;
beforeAll(async () => {
  counted = await loadCounted<Counted>('test/property/countedEntry.ts');
});

describe('scanIni, for any text', () => {
  it('returns, and every range it gives lies inside the document', () => {
    fc.assert(
      fc.property(configTextArb, (text) => {
        const scan = scanIni(text);
        const lines = linesOf(text);
        expect(scan.lines).toEqual(lines);
        const ranges = [
          ...scan.headers.flatMap((h) => [h.range, h.nameRange]),
          ...scan.entries.flatMap((e) => [e.keyRange, e.valueRange, e.lineRange]),
          ...scan.comments.map((c) => c.range),
          ...scan.syntaxErrors.map((s) => s.range),
        ];
        for (const r of ranges) expect(rangeInside(lines, r), JSON.stringify(r)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('files every non-blank line exactly once: header, entry, comment or syntax error', () => {
    fc.assert(
      fc.property(configTextArb, (text) => {
        const scan = scanIni(text);
        const seen = new Map<number, number>();
        for (const x of [...scan.headers, ...scan.entries, ...scan.comments, ...scan.syntaxErrors]) seen.set(x.line, (seen.get(x.line) ?? 0) + 1);
        scan.lines.forEach((line, i) => {
          const [a, b] = trimBounds(line);
          expect(seen.get(i) ?? 0, `line ${i}: ${JSON.stringify(line)}`).toBe(a === b ? 0 : 1);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives keys and values as the text holds them (key lowercased)', () => {
    fc.assert(
      fc.property(configTextArb, (text) => {
        const scan: ScannedIni = scanIni(text);
        for (const e of scan.entries) {
          const line = scan.lines[e.line];
          expect(line.slice(e.keyRange.start.character, e.keyRange.end.character)).toBe(e.rawKey);
          expect(e.key).toBe(e.rawKey.toLowerCase());
          if (e.value !== undefined) expect(line.slice(e.valueRange.start.character, e.valueRange.end.character)).toBe(e.value);
        }
        for (const h of scan.headers) {
          expect(scan.lines[h.line].slice(h.nameRange.start.character, h.nameRange.end.character).toLowerCase()).toBe(h.name);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('scanIni does linear work', () => {
  it('for a config repeated twice as often', () => {
    fc.assert(
      fc.property(configTextArb, (text) => {
        const unit = asUnit(text);
        const d = doubling(unit.length, (k) => unit.repeat(k), (t) => counted.scanIni(t));
        expect(isLinear(d), `${JSON.stringify(d)} for ${JSON.stringify(unit.slice(0, 200))}`).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('for a line twice as long', () => {
    fc.assert(
      fc.property(longLineFrameArb, longLinePieceArb, ([before, after], piece) => {
        const d = doubling(piece.length, (k) => before + piece.repeat(k) + after, (t) => counted.scanIni(t), 20_000);
        expect(isLinear(d), `${JSON.stringify(d)} for ${JSON.stringify(before)} + ${JSON.stringify(piece)}…`).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
