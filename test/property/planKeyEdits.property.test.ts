import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planKeyEdits, type KeyChange } from '../../server/src/core/edits/setConfigKeys';
import { applyEdits } from '../../server/src/core/edits/textEdit';
import { scanIni } from '../../server/src/core/ini/scanIni';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';
import { keysFor, sectionsFor } from '../../server/src/core/schema/index';
import { NUM_RUNS, configTextArb, fixableConfigArb, linesOf } from './arbitraries';
import { embeds } from './embeds';

// planKeyEdits is what the resume command writes into a production task config with: for any
// config and any set of key changes, ape-dts must read exactly the requested values afterwards,
// every other line must stay byte for byte, and planning again on the result changes nothing.

const SECTIONS = [...sectionsFor('2.0.26'), 'default'];

const anyKeyArb = fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/);

// Built once per section: building arbitraries inside a chain costs more than running the property.
const KEY_ARBS = new Map(
  SECTIONS.map((section) => [
    section,
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(keysFor('2.0.26', section).length ? keysFor('2.0.26', section) : ['k'])) },
      { weight: 1, arbitrary: fc.constantFrom('resume_from_log', 'log_dir', 'db_type', 'binlog_position', 'new_key', 'k.x') },
      { weight: 1, arbitrary: anyKeyArb },
    ),
  ]),
);

// What a value may be: trimmed, one line (ape-dts trims values and reads up to the line break).
const valueArb = fc.oneof(
  fc.constantFrom('', 'from_log', './logs', 'mysql-bin.000004', '73685', 'a=b:c # not a comment', '{"k":1}', 'ünï 🚀', '[x]', '; x'),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[\r\n\u0085\u2028\u2029]/g, '').replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/gu, '')),
);

const changeArb: fc.Arbitrary<KeyChange> = fc.constantFrom(...SECTIONS).chain((section) =>
  fc.tuple(KEY_ARBS.get(section)!, fc.option(valueArb, { freq: 5 })).map(([key, value]): KeyChange => (value === null ? { section, key, remove: true } : { section, key, value })),
);

const changesArb = fc.uniqueArray(changeArb, { minLength: 1, maxLength: 5, selector: (c) => `${c.section}\u0000${c.key}` });

/** Changes that also hit keys the file already has, in the sections it has them. */
const inputArb = fc.oneof(configTextArb, fixableConfigArb).chain((text) => {
  const present = scanIni(text).entries.filter((e) => /^[a-z_][a-z0-9_.]*$/.test(e.key) && /^[a-z_]+$/.test(e.section));
  const existing: fc.Arbitrary<KeyChange>[] = present.length
    ? [fc.tuple(fc.constantFrom(...present), fc.option(valueArb, { freq: 4 })).map(([e, value]): KeyChange => (value === null ? { section: e.section, key: e.key, remove: true } : { section: e.section, key: e.key, value }))]
    : [];
  const mixed = fc.uniqueArray(fc.oneof(changeArb, ...existing), { minLength: 1, maxLength: 5, selector: (c) => `${c.section}\u0000${c.key}` });
  return fc.tuple(fc.constant(text), present.length ? mixed : changesArb);
});

function plan(text: string, changes: KeyChange[]): string {
  return applyEdits(text, planKeyEdits(scanIni(text), changes));
}


describe('planKeyEdits, for any config and any key changes', () => {
  it('leaves ape-dts reading each requested value, each removed key gone, and every other key as it was', () => {
    fc.assert(
      fc.property(inputArb, ([text, changes]) => {
        const out = plan(text, changes);
        const before = parseTaskConfig(text);
        const after = parseTaskConfig(out);
        const why = `${JSON.stringify(text)}\n${JSON.stringify(changes)}\n→ ${JSON.stringify(out)}`;
        for (const c of changes) {
          if ('remove' in c) expect(after.entries(c.section, c.key), why).toEqual([]);
          else expect(after.raw(c.section, c.key), why).toBe(c.value);
        }
        const changed = new Set(changes.map((c) => `${c.section}.${c.key}`));
        for (const e of before.scan.entries) {
          if (changed.has(`${e.section}.${e.key}`)) continue;
          expect(after.raw(e.section, e.key), `${e.section}.${e.key} ${why}`).toBe(before.raw(e.section, e.key));
        }
        expect(after.scan.syntaxErrors.length, why).toBe(before.scan.syntaxErrors.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps every other line byte for byte, the BOM and the line endings', () => {
    fc.assert(
      fc.property(inputArb, ([text, changes]) => {
        const out = plan(text, changes);
        const scan = scanIni(text);
        const why = `${JSON.stringify(text)}\n${JSON.stringify(changes)}\n→ ${JSON.stringify(out)}`;
        const touched = new Set<number>();
        for (const c of changes) {
          const entries = scan.entries.filter((e) => e.section === c.section && e.key === c.key);
          if ('remove' in c) entries.forEach((e) => touched.add(e.line));
          else if (entries.length) touched.add(entries[entries.length - 1].line);
        }
        // A lone '\r' ending the file becomes half of a CRLF when a line is added after it: the
        // same blank to ape-dts (it trims), so lines are compared without a trailing '\r'.
        const bare = (lines: string[]) => lines.map((l) => l.replace(/\r+$/, ''));
        const untouched = bare(linesOf(text)).filter((_, i) => !touched.has(i));
        const headers = new Set(changes.map((c) => `[${c.section}]`));
        const newLine = (line: string) => {
          if (line === '' || headers.has(line)) return true;
          const e = scanIni(line).entries[0];
          return e !== undefined && changes.some((c) => !('remove' in c) && c.key === e.key && c.value === e.value);
        };
        expect(embeds(untouched, bare(linesOf(out)), newLine), why).toBe(true);
        // (Removing the first line may bring a U+FEFF from the middle of the file to the front.)
        if (!touched.has(0)) expect(out.startsWith('\uFEFF'), why).toBe(text.startsWith('\uFEFF'));
        const eols = (t: string) => new Set([...t.matchAll(/\r?\n/g)].map((m) => m[0]));
        const had = eols(text);
        if (had.size > 0 && !text.endsWith('\r')) for (const eol of eols(out)) expect(had.has(eol), `new ${JSON.stringify(eol)} ${why}`).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is idempotent: planning the same changes on the result changes nothing', () => {
    fc.assert(
      fc.property(inputArb, ([text, changes]) => {
        const once = plan(text, changes);
        expect(plan(once, changes), `${JSON.stringify(text)}\n${JSON.stringify(changes)}`).toBe(once);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
