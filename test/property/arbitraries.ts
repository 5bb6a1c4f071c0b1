import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Position, Range } from '../../server/src/core/diagnostic';
import { enumValues, keySpec, keysFor, sectionsFor, typeOf } from '../../server/src/core/schema/index';
import { VERSIONS, type ApeVersion } from '../../server/src/core/schema/types';
import type { VersionSetting } from '../../server/src/core/schema/resolveVersion';
import { KINDS as GEN_KINDS, generatePositions } from '../../scripts/gen/positions.mjs';

// Generators for the property tests: task configs that look like ape-dts's (sections and keys
// from the schema, real values, then mutated with the things users' files hold: CRLF, a BOM,
// tabs, unicode, very long lines, `[` without `]`, lines starting with '='), and plain noise.

// CI runs 200 cases a property; PROPERTY_RUNS=5000 digs deeper locally.
export const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

export const VERSION_SETTINGS: readonly VersionSetting[] = ['auto', ...VERSIONS];

const ALL_SECTIONS = [...new Set(VERSIONS.flatMap((v) => sectionsFor(v)))];
const keysOf = (section: string) => [...new Set(VERSIONS.flatMap((v) => keysFor(v, section)))];

/** Values ape-dts configs hold, plus the awkward ones. */
// Names that are properties of every JS object: a lookup by a name from the file must not find them.
export const PROTO_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

const SAMPLE_VALUES = [
  '',
  ...PROTO_NAMES,
  'mysql',
  'pg',
  'mongo',
  'redis',
  'kafka',
  'cdc',
  'snapshot',
  'write',
  'dummy',
  'true',
  'True',
  'false',
  '0',
  '-1',
  '4294967296',
  '2000',
  '16000',
  './logs',
  '/tmp/ape dts/logs',
  'info',
  'from_log',
  'from_target',
  'mysql://root:123456@127.0.0.1:3307?ssl-mode=disabled',
  'postgres://postgres:postgres@127.0.0.1:5433/postgres',
  'mongodb://ape:pw@h1:27017,h2:27017/?replicaSet=rs0',
  '//u:p@h',
  '{mysql_extractor_url}',
  'insert,update,delete',
  'insert,updte',
  'insert,update,',
  'db1.tb1,',
  ',',
  '*',
  'db1.*,`db.2`.tb',
  'json:[{"db":"db1","tb":"tb1","condition":"id > 1"}]',
  'json:[{"db":',
  '[{"db":"db1"}]',
  '"quoted"',
  "'quoted'",
  './logs # where logs go',
  '1 ; old value',
  'mysql-bin.000004',
  '73351',
  '0/16B6C50',
  '2024-01-01 00:00:00',
  '+08:00',
  'ünïcödé ✓ 日本語 🚀',
  '\u00a0padded\u3000',
  'tab\there',
  'a=b:c',
  // JSON.parse takes any depth; printing it back must not overflow the stack.
  `json:${'['.repeat(5000)}${']'.repeat(5000)}`,
  `json:${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
];

const printable = fc.string({ unit: 'grapheme', maxLength: 40 });
const anyChars = fc.string({ unit: 'binary', maxLength: 40 });

export const valueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SAMPLE_VALUES) },
  { weight: 2, arbitrary: printable },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.constantFrom('x', '=', '`', ':', '#').chain((c) => fc.integer({ min: 100, max: 3000 }).map((n) => c.repeat(n))) },
);

export const sectionArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ALL_SECTIONS) }, { weight: 1, arbitrary: fc.constantFrom('resumer', 'Extractor', 'SINKER', 'extractr', 'default', 'x]y', '', ...PROTO_NAMES) });

const keyInSection = (section: string) => {
  const known = keysOf(section.toLowerCase());
  return known.length ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constantFrom('resume_from_log', 'resume_log_dir', 'pasword', 'DB_TYPE', 'Log_Dir', 'servr_id', ...PROTO_NAMES) }) : fc.constantFrom('db_type', 'url', 'k', ...PROTO_NAMES);
};

/** A value that fits the key's type most of the time, so rules deeper than "not a number" run. */
function valueFor(section: string, key: string): fc.Arbitrary<string> {
  const spec = keySpec(section, key);
  const type = spec && typeOf(spec, '2.0.26');
  const values = type?.kind === 'enum' ? enumValues(type.enum, '2.0.26') : type?.kind === 'bool' ? ['true', 'false', 'TRUE'] : [];
  const typed = values.length ? fc.constantFrom(...values) : undefined;
  return typed ? fc.oneof({ weight: 3, arbitrary: typed }, { weight: 2, arbitrary: valueArb }) : valueArb;
}

const ws = fc.constantFrom('', '', '', ' ', '  ', '\t', '\u00a0', '\u3000');
const delimiter = fc.constantFrom('=', '=', '=', ' = ', ':', ' : ');

/** One line of a config body, in section `section`. */
function lineIn(section: string): fc.Arbitrary<string> {
  const entry = keyInSection(section).chain((key) =>
    fc.tuple(ws, fc.constant(key), delimiter, valueFor(section, key), ws).map(([a, k, d, v, b]) => `${a}${k}${d}${v}${b}`),
  );
  return fc.oneof(
    { weight: 10, arbitrary: entry },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('#', ';', ' # '), printable).map(([m, t]) => m + t) },
    { weight: 1, arbitrary: fc.tuple(sectionArb).map(([s]) => `[${s}`) }, // `[` without `]`
    { weight: 1, arbitrary: valueArb.map((v) => `=${v}`) }, // a line starting with '='
    { weight: 1, arbitrary: fc.constantFrom(':x', 'bare_key', 'DB_TYPE', '[[x]]', '[a]b]', '  [ extractor ]  ', ']') },
    { weight: 1, arbitrary: anyChars },
  );
}

const block = sectionArb.chain((s) =>
  fc.tuple(fc.constantFrom(`[${s}]`, `[${s}]`, ` [${s}] `, `[ ${s} ]`, `[${s.toUpperCase()}]`), fc.array(lineIn(s), { maxLength: 8 })).map(([h, body]) => [h, ...body]),
);

export const eolArb = fc.constantFrom('\n', '\r\n');

/** A config as lines, joined with one EOL style, or a mix of \n, \r\n and stray \r. */
function join(lines: string[], eol: string, mixed: boolean, seed: number, bom: boolean, finalEol: boolean): string {
  const eols = ['\n', '\r\n', '\r\n', '\n', '\r'];
  let out = bom ? '\uFEFF' : '';
  lines.forEach((l, i) => {
    out += l;
    if (i < lines.length - 1 || finalEol) out += mixed ? eols[(seed + i * 7) % eols.length] : eol;
  });
  return out;
}

export const generatedConfigArb: fc.Arbitrary<string> = fc
  .record({
    preamble: fc.array(lineIn('default'), { maxLength: 2 }),
    blocks: fc.array(block, { maxLength: 8 }),
    eol: eolArb,
    mixed: fc.boolean(),
    seed: fc.nat(100),
    bom: fc.boolean(),
    finalEol: fc.boolean(),
  })
  .map(({ preamble, blocks, eol, mixed, seed, bom, finalEol }) => join([...preamble, ...blocks.flat()], eol, mixed, seed, bom, finalEol));

// Templates: a few written here (always available) and ape-dts's own test configs when
// ../shared/corpus is beside the checkout.
const TEMPLATES = [
  [
    '[extractor]',
    'db_type=mysql',
    'extract_type=cdc',
    'url=mysql://root:123456@127.0.0.1:3307?ssl-mode=disabled',
    'server_id=2000',
    'binlog_position=73351',
    '',
    '[filter]',
    'do_dbs=test_db',
    'do_events=insert,update,delete',
    '',
    '[sinker]',
    'db_type=mysql',
    'sink_type=write',
    'url=mysql://root:123456@127.0.0.1:3308?ssl-mode=disabled',
    'batch_size=200',
    '',
    '[parallelizer]',
    'parallel_type=rdb_merge',
    'parallel_size=8',
    '',
    '[pipeline]',
    'buffer_size=16000',
    'checkpoint_interval_secs=10',
    '',
    '[runtime]',
    'log_level=info',
    'log_dir=./logs',
  ].join('\n') + '\n',
  [
    '# legacy resumer (2.0.24)',
    '[extractor]',
    'db_type=pg',
    'extract_type=snapshot',
    'url=postgres://postgres:postgres@127.0.0.1:5433/postgres',
    '',
    '[sinker]',
    'db_type=pg',
    'sink_type=write',
    'url={pg_sinker_url}',
    '',
    '[resumer]',
    'resume_from_log=true',
    'resume_log_dir=./resume_logs',
    'resume_config_file=./resume.config',
    '',
    '[runtime]',
    'log_dir=./logs',
  ].join('\r\n') + '\r\n',
  [
    '[extractor]',
    'db_type=mongo',
    'extract_type=cdc',
    'url=mongodb://ape:pw@127.0.0.1:27017',
    'source=change_stream',
    '[sinker]',
    'db_type=mongo',
    'sink_type=write',
    'url=mongodb://ape:pw@127.0.0.1:27018',
    '[router]',
    'db_map=db1:db2',
    '[resumer]',
    'resume_type=from_log',
    'log_dir=./logs',
  ].join('\n'),
];

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

function corpusSample(limit: number): string[] {
  if (!fs.existsSync(CORPUS)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ini')) found.push(p);
    }
  };
  walk(CORPUS);
  // An even spread over the corpus, the same every run.
  const step = Math.max(1, Math.floor(found.length / limit));
  return found.filter((_, i) => i % step === 0).slice(0, limit).map((p) => fs.readFileSync(p, 'utf8'));
}

export const templates: string[] = [...TEMPLATES, ...corpusSample(40)];

type Mutation = (text: string) => fc.Arbitrary<string>;

const atLine = (text: string, f: (lines: string[], i: number) => string[]): fc.Arbitrary<string> => {
  const lines = text.split('\n');
  return fc.nat(lines.length - 1).map((i) => f([...lines], i).join('\n'));
};

const MUTATIONS: Mutation[] = [
  (t) => fc.constant(t.replace(/\r?\n/g, '\r\n')),
  (t) => fc.constant('\uFEFF' + t),
  (t) => atLine(t, (l, i) => l.filter((_, j) => j !== i)),
  (t) => atLine(t, (l, i) => [...l.slice(0, i + 1), l[i], ...l.slice(i + 1)]),
  (t) => fc.tuple(fc.nat(t.split('\n').length - 1), lineIn('extractor')).map(([i, x]) => { const l = t.split('\n'); l.splice(i, 0, x); return l.join('\n'); }),
  (t) => atLine(t, (l, i) => { l[i] = l[i].toUpperCase(); return l; }),
  (t) => atLine(t, (l, i) => { l[i] = '\t' + l[i].replace('=', ' \t= '); return l; }),
  (t) => atLine(t, (l, i) => { l[i] = l[i].replace(']', ''); return l; }),
  (t) => atLine(t, (l, i) => { l[i] = '=' + l[i]; return l; }),
  (t) => atLine(t, (l, i) => { l[i] = l[i] + ' # ' + 'x'.repeat(3000); return l; }),
  (t) => atLine(t, (l, i) => { l[i] = l[i] + 'ünï🚀\u2028'; return l; }),
  (t) => fc.nat(t.length).map((n) => t.slice(0, n)),
  (t) => fc.tuple(fc.nat(t.length), anyChars).map(([n, s]) => t.slice(0, n) + s + t.slice(n)),
  (t) => fc.tuple(fc.nat(t.length), fc.nat(t.length)).map(([a, b]) => t.slice(0, Math.min(a, b)) + t.slice(Math.max(a, b))),
];

export const mutatedTemplateArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...templates), fc.array(fc.nat(MUTATIONS.length - 1), { minLength: 1, maxLength: 4 }))
  .chain(([t, ms]) => ms.reduce<fc.Arbitrary<string>>((acc, m) => acc.chain((text) => MUTATIONS[m](text)), fc.constant(t)));

/** What the tests feed everything: realistic configs, mutated templates, and arbitrary strings. */
export const configTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: generatedConfigArb },
  { weight: 4, arbitrary: mutatedTemplateArb },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('[', ']', '=', ':', '#', ';', ' ', '\t', '\r', '\n', '\uFEFF', 'a', 'é', '🚀', '"', '`'), maxLength: 200 }) },
);

export const versionArb: fc.Arbitrary<VersionSetting> = fc.constantFrom(...VERSION_SETTINGS);
export const apeVersionArb: fc.Arbitrary<ApeVersion> = fc.constantFrom(...VERSIONS);

/** The lines of a text as the core (and ape-dts) count them: split at \n, a \r right before it dropped. */
export function linesOf(text: string): string[] {
  const parts = text.split('\n');
  return parts.map((l, i) => (i < parts.length - 1 && l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function positionInside(lines: readonly string[], p: Position): boolean {
  return Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Both ends inside the document and start ≤ end. */
export function rangeInside(lines: readonly string[], r: Range): boolean {
  return positionInside(lines, r.start) && positionInside(lines, r.end) && before(r.start, r.end);
}

/** Any position, including ones past the end of a line or of the file (clients send those too). */
export function positionArb(text: string): fc.Arbitrary<Position> {
  const lines = linesOf(text);
  return fc.integer({ min: 0, max: lines.length }).chain((line) => fc.integer({ min: 0, max: (lines[line]?.length ?? 0) + 2 }).map((character) => ({ line, character })));
}

export function configWithPositionArb(): fc.Arbitrary<{ text: string; position: Position; version: VersionSetting }> {
  return fc.tuple(configTextArb, versionArb).chain(([text, version]) => positionArb(text).map((position) => ({ text, position, version })));
}

// Files with problems that have quick fixes, so the fix properties are exercised on most runs:
// misspelt keys, sections and enum values, wrong case, inline comments, duplicate lines and
// legacy [resumer] blocks, in files with CRLF, a BOM, indentation and comments.

const typo = (word: string) =>
  fc.nat(Math.max(0, word.length - 1)).chain((i) =>
    fc.constantFrom(
      word.slice(0, i) + word.slice(i + 1), // dropped letter
      word.slice(0, i) + (word[i + 1] ?? '') + word[i] + word.slice(i + 2), // swapped letters
      word.slice(0, i) + word[i] + word.slice(i), // doubled letter
    ),
  );

type Injection = (lines: string[]) => fc.Arbitrary<string[]>;

const entryLines = (lines: string[]) => lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[a-z_]+\s*=/i.test(l) && !l.trimStart().startsWith('['));
const pick = <T>(items: readonly T[]) => fc.nat(Math.max(0, items.length - 1)).map((i) => items[i]);

const INJECTIONS: Injection[] = [
  // a misspelt key
  (lines) => {
    const entries = entryLines(lines);
    if (!entries.length) return fc.constant(lines);
    return pick(entries).chain(([l, i]) => {
      const key = l.slice(0, l.indexOf('=')).trim();
      return typo(key).map((k) => lines.map((x, j) => (j === i ? x.replace(key, k) : x)));
    });
  },
  // a misspelt section
  (lines) => {
    const headers = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\[[a-z_]+\]$/.test(l.trim()));
    if (!headers.length) return fc.constant(lines);
    return pick(headers).chain(([l, i]) => typo(l.trim().slice(1, -1)).map((s) => lines.map((x, j) => (j === i ? `[${s}]` : x))));
  },
  // a misspelt or miscased value of an enum or bool key
  (lines) => {
    const entries = entryLines(lines).filter(([l]) => /=\s*(mysql|pg|mongo|cdc|snapshot|write|check|true|false|info|debug|from_log|rdb_merge|serial|dummy)\s*$/.test(l));
    if (!entries.length) return fc.constant(lines);
    return fc.tuple(pick(entries), fc.nat(3)).chain(([[l, i], how]) => {
      const value = l.slice(l.indexOf('=') + 1).trim();
      const changed = how === 0 ? fc.constant(value.toUpperCase()) : how === 1 ? fc.constant(value[0].toUpperCase() + value.slice(1)) : typo(value);
      return changed.map((v) => lines.map((x, j) => (j === i ? x.slice(0, x.indexOf('=') + 1) + v : x)));
    });
  },
  // an inline comment after a value
  (lines) => {
    const entries = entryLines(lines);
    if (!entries.length) return fc.constant(lines);
    return fc.tuple(pick(entries), fc.constantFrom(' # note', ' ; old value', '  #', '\t# why')).map(([[, i], c]) => lines.map((x, j) => (j === i ? x + c : x)));
  },
  // a key set twice (same or another value), a few lines apart
  (lines) => {
    const entries = entryLines(lines);
    if (!entries.length) return fc.constant(lines);
    return fc.tuple(pick(entries), fc.nat(3), fc.boolean()).map(([[l, i], gap, same]) => {
      const copy = same ? l : l.replace(/=.*/, '=1');
      const out = [...lines];
      out.splice(Math.min(out.length, i + 1 + gap), 0, copy);
      return out;
    });
  },
  // a legacy [resumer] block, in any of its shapes
  (lines) =>
    fc
      .tuple(
        fc.subarray(['resume_from_log=true', 'resume_from_log=false', 'Resume_From_Log=true', 'resume_log_dir=./resume_logs', 'resume_log_dir=', 'resume_config_file=./resume.config', 'resume_config_file=', 'RESUME_LOG_DIR=./x', '  resume_from_log = true  '], { minLength: 1 }),
        fc.subarray(['resume_type=from_log', 'log_dir=./logs', 'config_file=./c', '# keep this']),
        fc.boolean(),
        fc.nat(lines.length),
      )
      .map(([legacy, current, newBlock, at]) => {
        const block = [...(newBlock ? ['[resumer]'] : []), ...legacy, ...current];
        const out = [...lines];
        const header = out.findIndex((l) => l.trim() === '[resumer]');
        if (!newBlock && header >= 0) out.splice(header + 1, 0, ...block);
        else out.splice(Math.min(at, out.length), 0, '[resumer]', ...block.filter((l) => l !== '[resumer]'));
        return out;
      }),
  // a misspelt name in a [filter] list
  (lines) => fc.constantFrom('do_events=insert,updte,delete', 'do_events=insert,update,', 'do_ddls=create_tabel', 'do_events=*,insert').map((l) => [...lines, '[filter]', l]),
];

const FORMATS: ((text: string) => string)[] = [
  (t) => t,
  (t) => t.replace(/\r?\n/g, '\r\n'),
  (t) => '\uFEFF' + t,
  (t) => '\uFEFF' + t.replace(/\r?\n/g, '\r\n'),
  (t) => t.replace(/\n$/, ''),
  (t) => t.split('\n').map((l, i) => (i % 3 === 1 ? l + '\r' : l)).join('\n'), // mixed endings
  (t) => t.split('\n').map((l) => (/^[a-z]/i.test(l) ? '\t' + l : l)).join('\n'),
];

export const fixableConfigArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...templates), fc.array(fc.nat(INJECTIONS.length - 1), { minLength: 1, maxLength: 5 }), fc.nat(FORMATS.length - 1))
  .chain(([t, injections, format]) =>
    injections
      .reduce<fc.Arbitrary<string[]>>((acc, i) => acc.chain((lines) => INJECTIONS[i](lines)), fc.constant(t.replace(/\r\n/g, '\n').split('\n')))
      .map((lines) => FORMATS[format](lines.join('\n'))),
  );

// --- Progress files (position.log, finished.log, resume config) -----------------------------
// Valid lines of every Position variant (scripts/gen/positions.mjs writes what a running task
// writes; the variants it does not write are added here), mixed with the damage real files
// show: lines cut by a crash, misspelt tags, quoted or huge numbers, bad LSNs, deep JSON, a BOM,
// CRLF, lone CR, NULs and very long lines.

const PT = '2024-10-18 05:21:45.207788';

/** Lines of the variants the generator does not write, and resume-config (bare JSON) lines. */
export const EXTRA_POSITION_LINES = [
  `${PT} | checkpoint_position | {"type":"Kafka","topic":"t","partition":0,"offset":42}`,
  `${PT} | current_position | {"type":"Kafka","topic":"t","partition":1,"offset":18446744073709551615}`,
  `${PT} | current_position | {"type":"FoxlakeS3","schema":"db","tb":"a","s3_meta_file":"m.json"}`,
  `${PT} | checkpoint_position | {"type":"None"}`,
  `${PT} | finished | {"type":"RdbSnapshotFinished","db_type":"mysql","schema":"db","tb":"a"}`,
  `${PT} | task finished`,
  '{"type":"RdbSnapshotFinished","db_type":"pg","schema":"public","tb":"b"}',
  '{"type":"RdbSnapshot","db_type":"mysql","schema":"db","tb":"a","order_col":"id","value":"6"}',
  '{"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000009","next_event_position":1234,"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}',
  '// a comment',
  '# another',
  `${PT} | start_aof_position | {"type":"Redis","repl_id":"7d2f4bb0d1b8b0e7f1d7f2a9b8c1d2e3f4a5b6c7","repl_port":10008,"repl_offset":18446744073709551615,"now_db_id":0,"timestamp":""}`,
];

/** Valid lines of every generated kind at every version, plus EXTRA_POSITION_LINES. */
export const POSITION_LINE_POOL: readonly string[] = [
  ...GEN_KINDS.flatMap((kind) =>
    VERSIONS.flatMap((version) => {
      let text = '';
      generatePositions({ kind, version, lines: 24, seed: kind.length * 31 + version.length }, (c) => (text += c));
      return text.split('\n').filter((l) => l !== '');
    }),
  ),
  ...EXTRA_POSITION_LINES,
];

/** One kind of damage to a line. */
export function damagedLineArb(line: string): fc.Arbitrary<string> {
  const numbers = [...line.matchAll(/\d+/g)];
  const number = numbers.length ? fc.constantFrom(...numbers) : fc.constant(undefined);
  return fc.oneof(
    fc.nat(line.length).map((n) => line.slice(0, n)), // cut by a crash
    fc.constantFrom('checkpoint_positon', 'Current_Position', 'current-position', 'checkpoint position', '').map((tag) => line.replace(/current_position|checkpoint_position|start_aof_position/, tag)),
    fc.tuple(number, fc.constantFrom('"{n}"', '18446744073709551616', '9'.repeat(400), '-1', '1.5', '1e21', '')).map(([m, by]) => (m ? line.slice(0, m.index) + by.replace('{n}', m[0]) + line.slice(m.index! + m[0].length) : line)),
    fc.constantFrom('"lsn":"0/ZZZ"', '"lsn":"FFFFFFFF/FFFFFFFF"', '"lsn":"0/"', '"lsn":1', '"lsn":"1/2/3"').map((lsn) => line.replace(/"lsn":"[^"]*"/, lsn)),
    fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([d, arr]) => `${PT} | checkpoint_position | ${arr ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d)}`),
    fc.tuple(fc.nat(line.length), fc.constantFrom('\0', '\0\0\0', '\r', '\uFEFF', '\u2028', '}', '{', '|', ' | ', '"', '\\')).map(([i, s]) => line.slice(0, i) + s + line.slice(i)),
    fc.tuple(fc.constantFrom('x', '{"a":1,', '9', ' | ', 'é'), fc.integer({ min: 200, max: 4000 })).map(([p, n]) => line.replace('}', `${p.repeat(n)}}`)),
    fc.constantFrom('"type":"Mystery"', '"type":"None"', '"type":1', '"type":"MysqlCdc","type":"PgCdc"', '"__proto__":{}').map((t) => line.replace(/"type":"[^"]*"/, t)),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );
}

export const progressKindArb = fc.constantFrom<'position' | 'finished' | 'resumeConfig'>('position', 'finished', 'resumeConfig');

/** A progress file text: valid lines of any variant mixed with damaged ones, in any line-end style. */
export function progressTextArb(pool: readonly string[] = POSITION_LINE_POOL, maxLines = 40): fc.Arbitrary<string> {
  const valid = fc.constantFrom(...pool);
  const line = fc.oneof({ weight: 5, arbitrary: valid }, { weight: 3, arbitrary: valid.chain(damagedLineArb) }, { weight: 1, arbitrary: fc.constant('') });
  return fc
    .record({ lines: fc.array(line, { maxLength: maxLines }), eol: eolArb, mixed: fc.boolean(), seed: fc.nat(100), bom: fc.boolean(), finalEol: fc.boolean() })
    .map(({ lines, eol, mixed, seed, bom, finalEol }) => join(lines, eol, mixed, seed, bom, finalEol));
}
