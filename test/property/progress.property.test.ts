import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';
import { decodeProgressBytes } from '../../server/src/core/progress/decodeProgressBytes';
import { lintProgress } from '../../server/src/core/progress/lintProgress';
import { parseProgressFile } from '../../server/src/core/progress/parseProgressFile';
import { streamValidateText } from '../../server/src/core/progress/streamValidate';
import { validateProgressFileSync } from '../../server/src/io/streamProgressFile';
import { POSITION_LINE_POOL, apeVersionArb, configTextArb, linesOf, progressKindArb, progressTextArb, rangeInside } from './arbitraries';
import { doubling, isLinear } from './linearity';
import { loadCounted } from './workCounter';

// position.log / finished.log / resume config files are whatever a crash, a rotation or a user
// left behind. For any text the parser and the linter return, every diagnostic lies inside the
// document, the streaming validator (what big files go through) says exactly what lintProgress
// says, and the work grows linearly with the file.

type Counted = typeof import('./countedEntry');
let counted: Counted;
beforeAll(async () => {
  counted = await loadCounted<Counted>('test/property/countedEntry.ts');
});

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

const PATHS = { position: '/t/logs/position.log', finished: '/t/logs/finished.log', resumeConfig: '/t/resume.config' } as const;

/** Task configs whose resumer reads /t/logs and /t/resume.config, of every task kind. */
const RESUMABLE = [
  '[extractor]\ndb_type=mysql\nextract_type=cdc\nserver_id=7\ngtid_enabled=true\n',
  '[extractor]\ndb_type=mysql\nextract_type=cdc\nserver_id=7\n',
  '[extractor]\ndb_type=pg\nextract_type=cdc\n',
  '[extractor]\ndb_type=mongo\nextract_type=cdc\nsource=change_stream\n',
  '[extractor]\ndb_type=redis\nextract_type=cdc\n',
  '[extractor]\ndb_type=kafka\nextract_type=cdc\ntopic=t\n',
  '[extractor]\ndb_type=mysql\nextract_type=snapshot\n',
  '[extractor]\ndb_type=pg\nextract_type=snapshot\n',
].flatMap((ex) =>
  ['[resumer]\nresume_type=from_log\nconfig_file=./resume.config\n', '[resumer]\nresume_from_log=true\nresume_log_dir=./logs\nresume_config_file=./resume.config\n', ''].map(
    (r) => `${ex}[sinker]\ndb_type=mysql\nsink_type=write\n${r}[runtime]\nlog_dir=./logs\n`,
  ),
);

/** No config, a resumable one, or anything the config arbitraries make. */
const progressConfigArb = fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: fc.constantFrom(...RESUMABLE) }, { weight: 1, arbitrary: configTextArb });

const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`;
const keys = (ds: Diagnostic[]) => ds.map(key).sort();

describe('parseProgressFile and lintProgress, for any text, every kind and every version', () => {
  it('return, with one parsed line per line and every diagnostic inside the document', () => {
    fc.assert(
      fc.property(progressTextArb(), progressKindArb, apeVersionArb, progressConfigArb, fc.boolean(), (text, kind, version, configText, archive) => {
        const file = parseProgressFile(text, { kind, version });
        expect(file.lines.length).toBe(text.split('\n').length);
        const lines = linesOf(text);
        file.lines.forEach((l, i) => {
          expect(l.line).toBe(i);
          expect(lines[i].startsWith(l.text)).toBe(true);
        });
        const p = kind === 'position' && archive ? '/t/logs/position3.log' : PATHS[kind];
        const config = configText === undefined ? undefined : parseTaskConfig(configText);
        for (const d of lintProgress({ version, kind, text, path: p, config, configDir: '/t' })) {
          expect(rangeInside(lines, d.range), `${d.code} ${JSON.stringify(d.range)} in ${JSON.stringify(text.slice(0, 300))}`).toBe(true);
          expect(d.code).toMatch(/^PL\d{3}$/);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('return on arbitrary strings too (binary noise and the characters that frame a line)', () => {
    const noise = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '|', ' ', '\r', '\n', '\0', '\uFEFF', '\\', '0', '9', 'current_position', 'type', 'MysqlCdc'), maxLength: 200 }));
    fc.assert(
      fc.property(noise, progressKindArb, apeVersionArb, (text, kind, version) => {
        const lines = linesOf(text);
        for (const d of lintProgress({ version, kind, text, path: PATHS[kind] })) expect(rangeInside(lines, d.range), `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the streaming validator says what lintProgress says about a position.log', () => {
  it('for any text, config, version and chunk size', () => {
    fc.assert(
      fc.property(progressTextArb(POSITION_LINE_POOL, 60), apeVersionArb, progressConfigArb, fc.integer({ min: 1, max: 600 }), fc.boolean(), (text, version, configText, chunkLines, archive) => {
        const config = configText === undefined ? undefined : parseTaskConfig(configText);
        const input = { version, path: archive ? '/t/logs/position2.log' : PATHS.position, config, configDir: '/t' };
        expect(keys(streamValidateText(text, { ...input, chunkLines })), JSON.stringify(text.slice(0, 500))).toEqual(keys(lintProgress({ ...input, kind: 'position', text })));
      }),
      { numRuns: RUNS },
    );
  });

  it('for files past the 200-line tail window', () => {
    fc.assert(
      fc.property(progressTextArb(POSITION_LINE_POOL, 500), apeVersionArb, fc.constantFrom(...RESUMABLE), fc.integer({ min: 1, max: 300 }), (text, version, configText, chunkLines) => {
        const input = { version, path: PATHS.position, config: parseTaskConfig(configText), configDir: '/t' };
        expect(keys(streamValidateText(text, { ...input, chunkLines }))).toEqual(keys(lintProgress({ ...input, kind: 'position', text })));
      }),
      { numRuns: 25 },
    );
  });

  describe('read from disk in byte chunks of any size', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-progress-prop-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    it('as decodeProgressBytes + lintProgress', () => {
      const target = path.join(dir, 'position.log');
      fc.assert(
        fc.property(progressTextArb(POSITION_LINE_POOL, 80), fc.integer({ min: 1, max: 5000 }), apeVersionArb, (text, chunkBytes, version) => {
          const bytes = Buffer.from(text, 'utf8');
          fs.writeFileSync(target, bytes);
          const decoded = decodeProgressBytes(bytes);
          const expected = keys(lintProgress({ version, text: decoded.text, path: target, facts: decoded.invalidUtf8 ? { invalidUtf8: decoded.invalidUtf8 } : {} }));
          const got: Diagnostic[] = [];
          validateProgressFileSync(target, { version, chunkBytes }, (d) => got.push(d));
          expect(keys(got)).toEqual(expected);
        }),
        { numRuns: 40 },
      );
    });
  });
});

describe('lintProgress does linear work', () => {
  it('for a progress file repeated twice as often', () => {
    fc.assert(
      fc.property(progressTextArb(POSITION_LINE_POOL, 30), progressKindArb, apeVersionArb, fc.constantFrom(undefined, ...RESUMABLE.slice(0, 3), RESUMABLE[18]), (text, kind, version, configText) => {
        const unit = text.endsWith('\n') ? text : `${text}\n`;
        const config = configText === undefined ? undefined : counted.parseTaskConfig(configText);
        const d = doubling(unit.length, (k) => unit.repeat(k), (t) => counted.lintProgress({ version, kind, text: t, path: PATHS[kind], config, configDir: '/t' }), 20_000, 8);
        expect(isLinear(d), `${JSON.stringify(d)} for ${kind} ${JSON.stringify(unit.slice(0, 300))}`).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('for the streaming validator on a position.log repeated twice as often', () => {
    fc.assert(
      fc.property(progressTextArb(POSITION_LINE_POOL, 30), apeVersionArb, fc.constantFrom(...RESUMABLE.slice(0, 6)), (text, version, configText) => {
        const unit = text.endsWith('\n') ? text : `${text}\n`;
        const config = counted.parseTaskConfig(configText);
        const d = doubling(unit.length, (k) => unit.repeat(k), (t) => counted.streamValidateText(t, { version, path: PATHS.position, config, configDir: '/t' }), 20_000, 8);
        expect(isLinear(d), `${JSON.stringify(d)} for ${JSON.stringify(unit.slice(0, 300))}`).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  const PIECES = ['x', '9', '{', '}', '{"a":', '[', '"', '\\"', ' | ', '|', 'é', '\0', ',', ':1,', 'current_position'];
  const FRAMES: [string, string][] = [
    [`2024-10-18 05:21:45.207788 | checkpoint_position | {"type":"MysqlCdc","binlog_filename":"`, '","next_event_position":4}\n'],
    [`2024-10-18 05:21:45.207788 | current_position | {"type":"PgCdc","lsn":"0/`, '"}\n'],
    ['2024-10-18 05:21:45.207788 | ', '\n'],
    ['{"type":"RdbSnapshot","value":', '}\n'],
    ['', '\n'],
  ];
  it('for a line twice as long', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAMES), fc.constantFrom(...PIECES), progressKindArb, apeVersionArb, ([before, after], piece, kind, version) => {
        const d = doubling(piece.length, (k) => before + piece.repeat(k) + after, (t) => counted.lintProgress({ version, kind, text: t, path: PATHS[kind] }), 20_000);
        expect(isLinear(d), `${JSON.stringify(d)} for ${kind} ${JSON.stringify(before)} + ${JSON.stringify(piece)}…`).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
