import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_COMBOS, SINKER_COMBOS, URL_SCHEMES } from '../../server/src/core/schema/combos';
import { ENUMS, FILTER_VALUES, STARTUP_VALUES } from '../../server/src/core/schema/enums';
import {
  SECTIONS,
  appliesFor,
  appliesTo,
  defaultOf,
  enumValues,
  filterValues,
  ignoredKeySpec,
  keySpec,
  keysFor,
  minOf,
  parsedWhenOf,
  rejectedKeysFor,
  requiredOf,
  sectionsFor,
  startupValuesOf,
  typeOf,
} from '../../server/src/core/schema';
import { VERSIONS, type ApeVersion, type Cond, type EnumName, type KeySpec } from '../../server/src/core/schema/types';

// ---------------------------------------------------------------------------------------------
// Examples: what the schema says about a few keys, written to be read as documentation.
// ---------------------------------------------------------------------------------------------

function spec(section: string, key: string): KeySpec {
  const s = keySpec(section, key);
  if (!s) throw new Error(`no [${section}] ${key} in the schema`);
  return s;
}

describe('schema by example', () => {
  it('[extractor] binlog_position is a u32, default 0, read only for mysql/cdc', () => {
    const s = spec('extractor', 'binlog_position');
    expect(typeOf(s, '2.0.26')).toEqual({ kind: 'int', rust: 'u32' });
    expect(defaultOf(s, '2.0.24')).toBe('0');
    expect(appliesFor(s, '2.0.25')).toEqual([{ db_type: 'mysql', type: 'cdc' }]);
    expect(appliesTo(s, '2.0.26', 'mysql', 'cdc')).toBe(true);
    expect(appliesTo(s, '2.0.26', 'mysql', 'snapshot')).toBe(false);
    expect(parsedWhenOf(s, '2.0.26')).toEqual({ appliesTo: true });
  });

  it('[extractor] source is free text before 2.0.26 and a case-insensitive enum from 2.0.26', () => {
    const s = spec('extractor', 'source');
    expect(typeOf(s, '2.0.25')).toEqual({ kind: 'string' });
    expect(startupValuesOf(s, '2.0.25')).toEqual(['op_log', 'change_stream']);
    expect(typeOf(s, '2.0.26')).toEqual({ kind: 'enum', enum: 'MongoCdcSource' });
    expect(ENUMS.MongoCdcSource.caseSensitive).toBe(false);
    expect(defaultOf(s, '2.0.24')).toBe('');
    expect(defaultOf(s, '2.0.26')).toBe('change_stream');
  });

  it('legacy [resumer] keys are read up to 2.0.25 and rejected from 2.0.26', () => {
    expect(keysFor('2.0.24', 'resumer')).toEqual(['resume_from_log', 'resume_log_dir', 'resume_config_file']);
    expect(keysFor('2.0.26', 'resumer')).not.toContain('resume_from_log');
    expect(rejectedKeysFor('2.0.26', 'resumer')).toEqual(['resume_from_log', 'resume_log_dir', 'resume_config_file']);
    const s = spec('resumer', 'resume_config_file');
    expect(s.replacement).toContain('config_file');
    expect(parsedWhenOf(s, '2.0.25')).toEqual({ derived: 'legacyResumerHonoured25' });
    expect(parsedWhenOf(s, '2.0.26')).toBe('never');
  });

  it('[checker] enable is never read, only rejected from 2.0.26', () => {
    for (const v of VERSIONS) expect(keysFor(v, 'checker')).not.toContain('enable');
    expect(rejectedKeysFor('2.0.26', 'checker')).toEqual(['enable']);
    expect(spec('checker', 'enable').summary).toMatch(/reject/);
  });

  it('[filter] do_events: empty means nothing before 2.0.26 and everything from 2.0.26', () => {
    const s = spec('filter', 'do_events');
    expect(defaultOf(s, '2.0.25')).toBe('');
    expect(defaultOf(s, '2.0.26')).toBe('*');
    expect(startupValuesOf(s, '2.0.26')).toEqual(['insert', 'update', 'delete']);
  });

  it('[filter] do_ddls knows the mongo_* kinds only from 2.0.26', () => {
    const s = spec('filter', 'do_ddls');
    expect(startupValuesOf(s, '2.0.25')).not.toContain('mongo_create_collection');
    expect(startupValuesOf(s, '2.0.26')).toContain('mongo_create_collection');
    expect(filterValues('DdlType', '2.0.25')).toEqual(startupValuesOf(s, '2.0.25'));
  });

  it('[sinker] db_type is required unless sink_type=dummy', () => {
    expect(requiredOf(spec('sinker', 'db_type'), '2.0.24')).toEqual({ derived: 'nonDummySinker' });
  });

  it('a written but empty ssl_mode is a missing required value (2.0.26)', () => {
    expect(requiredOf(spec('extractor', 'ssl_mode'), '2.0.26')).toEqual({ present: 'extractor.ssl_mode' });
    expect(requiredOf(spec('extractor', 'ssl_mode'), '2.0.25')).toBe('never');
  });

  it('[sinker] url is needed by a dbengine metacenter even for a dummy sinker, but only up to 2.0.25', () => {
    const s = spec('sinker', 'url');
    expect(requiredOf(s, '2.0.25')).toEqual({
      all: [{ eq: ['metacenter.type', 'dbengine'] }, { eq: ['extractor.db_type', 'mysql'] }],
    });
    expect(JSON.stringify(requiredOf(s, '2.0.26'))).toContain('checkerActive');
  });

  it('head-only keys count as 2.0.26 and say so', () => {
    const s = spec('extractor', 'connection_timeout_secs');
    expect(s.headOnly).toBe(true);
    expect(keysFor('2.0.26', 'extractor')).toContain('connection_timeout_secs');
    expect(keysFor('2.0.25', 'extractor')).not.toContain('connection_timeout_secs');
    expect(ENUMS.DbType.values.mssql).toEqual({ since: '2.0.26', headOnly: true });
  });

  it('ranges beyond the Rust type', () => {
    const s = spec('checker', 'sample_percent');
    expect([s.min, s.max]).toEqual([1, 100]);
    expect(minOf(spec('extractor', 'batch_size'), '2.0.25')).toBeUndefined();
    expect(minOf(spec('extractor', 'batch_size'), '2.0.26')).toBe(1);
  });

  it('documented-but-unread keys carry a note', () => {
    expect(ignoredKeySpec('checker_output', 'output_type', '2.0.26')?.note).toMatch(/never read/);
    expect(ignoredKeySpec('checker', 'sample_rate', '2.0.26')?.replacement).toBe('sample_percent');
  });

  it('URL schemes and lookups of odd names', () => {
    expect(URL_SCHEMES.pg).toEqual(['postgres', 'postgresql']);
    expect(URL_SCHEMES.kafka).toEqual([]);
    expect(keySpec('extractor', 'constructor')).toBeUndefined();
    expect(keySpec('__proto__', 'x')).toBeUndefined();
  });

  it('every key has a one-line summary', () => {
    for (const [name, section] of Object.entries(SECTIONS)) {
      expect(section.summary, name).not.toBe('');
      for (const [key, s] of Object.entries(section.keys)) {
        expect(s.summary.length, `${name}.${key}`).toBeGreaterThan(10);
        expect(s.summary, `${name}.${key}`).not.toContain('\n');
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Cross-check against the reference spec (facts read from ape-dts's source).
// ---------------------------------------------------------------------------------------------

const SPEC_PATH = path.resolve(__dirname, '../../../shared/spec/config-schema.json');
const specExists = fs.existsSync(SPEC_PATH);

describe('reference spec', () => {
  it('is available on CI', () => {
    if (process.env.CI === 'true') expect(specExists, `missing ${SPEC_PATH}`).toBe(true);
  });
});

type SpecKey = Record<string, any>;

// Our 2.0.26 profile also covers what the spec marks as main-branch-only ("head").
const specVersions = (v: ApeVersion) => (v === '2.0.26' ? ['2.0.26', 'head'] : [v]);
const at = (versions: string[], v: ApeVersion) => specVersions(v).some((sv) => versions.includes(sv));
/** The spec entry to read per-version facts from: 2.0.26, or head for keys that exist only there. */
const specVersionOf = (k: SpecKey, v: ApeVersion) => (v === '2.0.26' && !k.versions.includes('2.0.26') ? 'head' : v);
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

function translate(c: any): Cond {
  if (c === 'always' || c === 'never') return c;
  if (c === 'presenceOnly') return 'never';
  const [[op, arg]] = Object.entries(c);
  if (op === 'derived' && arg === 'appliesTo') return { appliesTo: true };
  if (op === 'all' || op === 'any') {
    const items = (arg as any[]).map(translate);
    return items.length === 1 ? items[0] : ({ [op]: items } as Cond);
  }
  if (op === 'not') return { not: translate(arg) };
  return { [op]: arg } as Cond;
}

/** A condition as its set of conjuncts, so `all` nesting and order do not matter. */
function conjuncts(c: Cond): string[] {
  if (c === 'always') return [];
  if (typeof c === 'object' && 'all' in c) return sorted(c.all.flatMap(conjuncts));
  return [JSON.stringify(c)];
}

function specType(k: SpecKey, sv: string) {
  const t = k.typeByVersion?.[sv] ?? k.type;
  if (t === 'bool') return { kind: 'bool' };
  if (t === 'f64') return { kind: 'f64' };
  if (t === 'enum') return { kind: 'enum', enum: k.enum };
  if (['u32', 'u64', 'usize', 'i32', 'i64'].includes(t)) return { kind: 'int', rust: t };
  return { kind: 'string' };
}

function specParsedWhen(k: SpecKey, sv: string): Cond {
  return translate(k.parsedWhenByVersion?.[sv] ?? k.parsedWhen ?? 'always');
}

function specRequired(section: string, key: string, k: SpecKey, sv: string): Cond {
  const parsed = specParsedWhen(k, sv);
  const r = k.required;
  if (r === true) return parsed;
  if (r && typeof r === 'object') {
    // Requirements the spec marks for head only: we follow the v2.0.26 tag.
    if (r.versions && !r.versions.includes(sv)) return 'never';
    const load = r.loadTimeByVersion?.[sv] ?? r.loadTime ?? r.when;
    return load ? translate(load) : 'never';
  }
  // ssl_mode: "present => required" is written as presenceSensitive in the spec, as required in ours.
  if (typeof k.presenceSensitive === 'string' && k.presenceSensitive.includes('required')) {
    return { all: [parsed, { present: `${section}.${key}` }] };
  }
  return 'never';
}

describe.runIf(specExists)('schema matches the reference spec', () => {
  const ref = specExists ? JSON.parse(fs.readFileSync(SPEC_PATH, 'utf8')) : undefined;
  type IndexEntry = Record<string, { keys: string[]; rejected: string[] }>;
  const index = (v: ApeVersion) => specVersions(v).map((sv) => ref.index[sv] as IndexEntry);

  it('has the same sections, in the spec order', () => {
    expect(Object.keys(SECTIONS)).toEqual(ref.sectionOrder);
    for (const v of VERSIONS) {
      expect(sorted(sectionsFor(v)), v).toEqual(sorted(index(v).flatMap((i) => Object.keys(i))));
    }
  });

  it('has every key the spec lists, and no other', () => {
    for (const [section, s] of Object.entries<any>(ref.sections)) {
      expect(sorted(Object.keys(SECTIONS[section].keys)), section).toEqual(sorted(Object.keys(s.keys)));
    }
  });

  it('reads (keysFor) and rejects exactly the keys of each version', () => {
    for (const v of VERSIONS) {
      for (const section of Object.keys(SECTIONS)) {
        const want = index(v).flatMap((i) => i[section]?.keys ?? []);
        const rejected = index(v).flatMap((i) => i[section]?.rejected ?? []);
        expect(sorted(keysFor(v, section)), `${v} [${section}]`).toEqual(sorted(want));
        expect(sorted(rejectedKeysFor(v, section)), `${v} [${section}] rejected`).toEqual(sorted(rejected));
      }
    }
  });

  it('agrees per key and version on type, default, parsedWhen, required and appliesTo', () => {
    for (const [section, s] of Object.entries<any>(ref.sections)) {
      for (const [key, k] of Object.entries<SpecKey>(s.keys)) {
        const ours = spec(section, key);
        const where = `[${section}] ${key}`;
        expect(!!ours.headOnly, `${where} headOnly`).toBe(k.versions.length === 1 && k.versions[0] === 'head');
        expect(!!ours.secret || !k.sensitive, `${where} secret`).toBe(true);
        for (const v of VERSIONS) {
          if (!at(k.versions, v)) continue;
          const sv = specVersionOf(k, v);
          const w = `${where} @${v}`;
          expect(typeOf(ours, v), w).toEqual(specType(k, sv));
          expect(conjuncts(parsedWhenOf(ours, v)), `${w} parsedWhen`).toEqual(conjuncts(specParsedWhen(k, sv)));
          expect(conjuncts(requiredOf(ours, v)), `${w} required`).toEqual(conjuncts(specRequired(section, key, k, sv)));

          const d = k.defaultByVersion ? k.defaultByVersion[sv] : k.default;
          if (typeof d === 'number') expect(Number(defaultOf(ours, v)), `${w} default`).toBe(d);
          else if (typeof d === 'string' || typeof d === 'boolean') {
            expect(defaultOf(ours, v), `${w} default`).toBe(String(d));
          }
          else expect(defaultOf(ours, v), `${w} default`).toBeUndefined();

          const specApplies = Array.isArray(k.appliesTo)
            ? k.appliesTo
                .filter((a: any) => !a.versions || at(a.versions, v))
                .map((a: any) => `${a.db_type}/${a.extract_type ?? a.sink_type}`)
            : undefined;
          const ourApplies = appliesFor(ours, v)?.map((a) => `${a.db_type}/${a.type}`);
          expect(ourApplies && sorted(ourApplies), `${w} appliesTo`).toEqual(specApplies && sorted(specApplies));

          if (k.enumAtStartup) {
            expect(startupValuesOf(ours, v), `${w} startup`).toEqual(Object.keys(ref.enums[k.enumAtStartup].values));
          }
        }
      }
    }
  });

  it('has the same enum values per version, Rust type names and case rules', () => {
    for (const [name, e] of Object.entries(ENUMS)) {
      const s = ref.enums[name];
      expect(e.rustType, name).toBe(s.rustType ?? name);
      expect(e.caseSensitive, name).toBe(s.caseSensitive);
      for (const v of VERSIONS) {
        const want = Object.entries<string[]>(s.values).filter(([, vs]) => at(vs, v)).map(([k]) => k);
        expect(enumValues(name as EnumName, v), `${name} @${v}`).toEqual(want);
      }
      for (const [value, vs] of Object.entries<string[]>(s.values)) {
        expect(!!e.values[value]?.headOnly, `${name}.${value} headOnly`).toBe(vs.length === 1 && vs[0] === 'head');
      }
    }
  });

  it('has the same filter and start-up value lists', () => {
    for (const [name, values] of Object.entries(FILTER_VALUES)) {
      for (const v of VERSIONS) {
        const want = Object.entries<string[]>(ref.enums[name].values).filter(([, vs]) => at(vs, v)).map(([k]) => k);
        const got = filterValues(name as keyof typeof FILTER_VALUES, v);
        expect(Object.keys(values).filter((x) => got.includes(x)), `${name} @${v}`).toEqual(want);
      }
    }
    for (const [name, values] of Object.entries(STARTUP_VALUES)) {
      expect(values, name).toEqual(Object.keys(ref.enums[name].values));
    }
  });

  it('has the same extractor and sinker combinations', () => {
    for (const [side, ours] of [
      ['extractor', EXTRACTOR_COMBOS],
      ['sinker', SINKER_COMBOS],
    ] as const) {
      for (const v of VERSIONS) {
        const want: Record<string, string[] | '*'> = {};
        for (const sv of specVersions(v)) {
          for (const [db, types] of Object.entries<string[]>(ref.combos[side].byVersion[sv])) {
            const prev = want[db];
            want[db] = types[0] === '*' ? '*' : sorted([...(Array.isArray(prev) ? prev : []), ...types]);
          }
        }
        const got = Object.fromEntries(Object.entries(ours[v]).map(([db, t]) => [db, t === '*' ? t : sorted(t)]));
        expect(got, `${side} @${v}`).toEqual(want);
      }
    }
  });

  it('has a URL scheme list for every db_type the spec describes a URL for (except mssql)', () => {
    const described = Object.keys(ref.combos.urlSchemes).filter((db) => db !== 'mssql');
    expect(sorted(Object.keys(URL_SCHEMES))).toEqual(sorted(described));
  });
});
