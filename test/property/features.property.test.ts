import * as path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Position, Range } from '../../server/src/core/diagnostic';
import { rangesOverlap } from '../../server/src/core/edits/lineEdits';
import { applyEdits } from '../../server/src/core/edits/textEdit';
import { codeActionsFor } from '../../server/src/core/features/codeActions';
import { completeAt } from '../../server/src/core/features/completion';
import { definitionAt } from '../../server/src/core/features/definition';
import { foldingRanges } from '../../server/src/core/features/folding';
import { hoverAt } from '../../server/src/core/features/hover';
import { documentSymbols, type DocumentSymbol } from '../../server/src/core/features/symbols';
import { lintConfig } from '../../server/src/core/lintConfig';
import { NUM_RUNS, configTextArb, configWithPositionArb, linesOf, positionArb, rangeInside, versionArb } from './arbitraries';
import { MAX_RATIO, asUnit } from './linearity';
import { countWork, loadCounted } from './workCounter';

// Every editor feature, for any text, any version setting and any position a client may send
// (including past the end of a line or of the file): it returns, and every range it hands the
// editor lies inside the document.

type Counted = typeof import('./countedEntry');
let counted: Counted;
beforeAll(async () => {
  counted = await loadCounted<Counted>('test/property/countedEntry.ts');
});

const CONFIG_DIR = path.resolve('/work/tasks');

const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

const onLine = (lines: readonly string[], p: Position) => p.line < lines.length && p.character <= lines[p.line].length;

describe('hover, completion and definition at any position', () => {
  it('return ranges inside the document', () => {
    fc.assert(
      fc.property(configWithPositionArb(), ({ text, position, version }) => {
        const result = lintConfig(text, { version });
        const lines = linesOf(text);

        const hover = hoverAt(result, position);
        if (hover) {
          expect(rangeInside(lines, hover.range)).toBe(true);
          expect(hover.contents.length).toBeGreaterThan(0);
        }

        for (const item of completeAt(result, position)) {
          const r = item.textEdit.range;
          expect(rangeInside(lines, r), `${item.label} ${JSON.stringify(r)}`).toBe(true);
          // LSP: a completion edit is a single-line range that contains the cursor.
          if (onLine(lines, position)) {
            expect(r.start.line).toBe(position.line);
            expect(r.end.line).toBe(position.line);
            expect(r.start.character <= position.character && position.character <= r.end.character, `${item.label} ${JSON.stringify(r)}`).toBe(true);
          }
        }

        const def = definitionAt(result, position, CONFIG_DIR);
        if (def) {
          expect(rangeInside(lines, def.originRange)).toBe(true);
          expect(path.isAbsolute(def.path) || path.win32.isAbsolute(def.path)).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });
});

/** A range a client may ask code actions for: anywhere, even past the end. */
function rangeArb(text: string): fc.Arbitrary<Range> {
  return fc.tuple(positionArb(text), positionArb(text)).map(([a, b]) => {
    const first = a.line < b.line || (a.line === b.line && a.character <= b.character);
    return first ? { start: a, end: b } : { start: b, end: a };
  });
}

/** Diagnostics as a client sends them back: the server's own, or ones it never published. */
function contextArb(own: Diagnostic[], text: string): fc.Arbitrary<Diagnostic[]> {
  const made = fc.record({
    range: rangeArb(text),
    severity: fc.constantFrom('error', 'warning', 'information', 'hint') as fc.Arbitrary<Diagnostic['severity']>,
    code: fc.constantFrom('lint.unknown-key', 'lint.duplicate-key', 'type.parse', 'lint.inline-comment', 'lint.value-case', 'x', ''),
    message: fc.string(),
  });
  const none = fc.constant<Diagnostic[]>([]);
  return fc.oneof(none, own.length ? fc.subarray(own) : none, fc.array(made, { maxLength: 3 }));
}

describe('code actions for any range and any client context', () => {
  it('offer edits inside the document that do not overlap and apply cleanly', () => {
    fc.assert(
      fc.property(
        fc.tuple(configTextArb, versionArb).chain(([text, version]) => {
          const result = lintConfig(text, { version });
          return fc.tuple(fc.constant(text), fc.constant(result), rangeArb(text), contextArb(result.diagnostics, text));
        }),
        ([text, result, range, context]) => {
          const lines = linesOf(text);
          for (const action of codeActionsFor(result, range, context)) {
            expect(action.title.length).toBeGreaterThan(0);
            expect(action.edits.length).toBeGreaterThan(0);
            for (const e of action.edits) expect(rangeInside(lines, e.range), `${action.title} ${JSON.stringify(e.range)}`).toBe(true);
            action.edits.forEach((a, i) =>
              action.edits.slice(i + 1).forEach((b) => {
                const bothInserts = a.range.start === a.range.end && b.range.start === b.range.end;
                if (!bothInserts) expect(rangesOverlap(a.range, b.range), `${action.title}: ${JSON.stringify([a, b])}`).toBe(false);
              }),
            );
            expect(typeof applyEdits(text, action.edits)).toBe('string');
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

function eachSymbol(symbols: DocumentSymbol[], visit: (s: DocumentSymbol, parent?: DocumentSymbol) => void, parent?: DocumentSymbol): void {
  for (const s of symbols) {
    visit(s, parent);
    eachSymbol(s.children, visit, s);
  }
}

describe('outline and folding', () => {
  it('give symbols whose selection lies in their range, and children inside their parent', () => {
    fc.assert(
      fc.property(configTextArb, versionArb, (text, version) => {
        const lines = linesOf(text);
        eachSymbol(documentSymbols(lintConfig(text, { version })), (s, parent) => {
          expect(rangeInside(lines, s.range), JSON.stringify(s.range)).toBe(true);
          expect(rangeInside(lines, s.selectionRange)).toBe(true);
          expect(contains(s.range, s.selectionRange), `${s.name} ${JSON.stringify([s.range, s.selectionRange])}`).toBe(true);
          if (parent) expect(contains(parent.range, s.range), `${parent.name} > ${s.name}`).toBe(true);
          expect(s.name.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('folds only whole line spans inside the document', () => {
    fc.assert(
      fc.property(configTextArb, (text) => {
        const lines = linesOf(text);
        for (const f of foldingRanges(lintConfig(text))) {
          expect(f.startLine).toBeGreaterThanOrEqual(0);
          expect(f.startLine).toBeLessThan(f.endLine);
          expect(f.endLine).toBeLessThan(lines.length);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('features do linear work on a config repeated twice as often', () => {
  const everything = { start: { line: 0, character: 0 }, end: { line: 1e9, character: 0 } };
  const features: [string, (r: ReturnType<Counted['lintConfig']>, middle: Position) => unknown][] = [
    ['documentSymbols', (r) => counted.documentSymbols(r)],
    ['foldingRanges', (r) => counted.foldingRanges(r)],
    ['fixAll', (r) => counted.fixAll(r)],
    ['codeActionsFor (whole file)', (r) => counted.codeActionsFor(r, everything)],
    ['hoverAt', (r, p) => counted.hoverAt(r, p)],
    ['completeAt', (r, p) => counted.completeAt(r, p)],
    ['definitionAt', (r, p) => counted.definitionAt(r, p, CONFIG_DIR)],
  ];
  it.each(features)('%s', (_name, feature) => {
    fc.assert(
      fc.property(configTextArb, versionArb, fc.nat(), fc.nat(), (text, version, lineSeed, charSeed) => {
        const unit = asUnit(text);
        const unitLines = linesOf(unit).length - 1;
        const line = lineSeed % Math.max(1, unitLines);
        const character = charSeed % (linesOf(unit)[line].length + 1);
        // Big enough that an n·log n sort of a few hundred items reads as the near-linear it is.
        const k = Math.max(1, Math.ceil(4000 / unit.length), Math.ceil(400 / Math.max(1, unitLines)));
        // Lint outside the count (lintConfig has its own test): only the feature's work is compared,
        // at the same spot of the middle copy.
        const work = (times: number) => {
          const r = counted.lintConfig(unit.repeat(times), { version });
          const at = { line: Math.floor(times / 2) * unitLines + line, character };
          return countWork(() => void feature(r, at));
        };
        const small = work(k);
        const large = work(2 * k);
        // Hover, completion and definition look at one line: their work may stay flat.
        const ratio = large / Math.max(1, small);
        expect(ratio <= MAX_RATIO, `${JSON.stringify({ small, large, ratio })} for ${JSON.stringify(unit.slice(0, 300))}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
