import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePositions, prng, type PositionKind } from '../../../scripts/gen/positions.mjs';
import type { Diagnostic } from '../../../server/src/core/diagnostic';
import { parseTaskConfig } from '../../../server/src/core/model/taskConfig';
import { decodeProgressBytes } from '../../../server/src/core/progress/decodeProgressBytes';
import { PROGRESS_RULES, lintProgress } from '../../../server/src/core/progress/lintProgress';
import { FILE_RULES, LINE_RULES, PAIR_RULES, streamValidateText } from '../../../server/src/core/progress/streamValidate';
import { simulateResume } from '../../../server/src/core/progress/simulateResume';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { readProgressTail } from '../../../server/src/io/readProgressTail';
import { validateProgressFile, validateProgressFileSync } from '../../../server/src/io/streamProgressFile';
import { NONE, file, mysql, pg } from './progressHelper';

// The streaming validator must say exactly what lintProgress says about the same position.log
// (it only changes how much of the file is in memory at once). Compared on generated files
// with damage, mixed sources, steps back, blank tails, archives, task configs and facts.

const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`;
const keys = (ds: Diagnostic[]) => ds.map(key).sort();

function generate(options: Parameters<typeof generatePositions>[0]): string[] {
  let text = '';
  generatePositions(options, (chunk) => (text += chunk));
  const lines = text.split('\n');
  lines.pop();
  return lines;
}

const CONFIGS: Record<PositionKind, string> = {
  mysql: '[extractor]\ndb_type=mysql\nextract_type=cdc\ngtid_enabled=true\n[sinker]\ndb_type=mysql\nsink_type=write\n[resumer]\nresume_type=from_log\n',
  pg: '[extractor]\ndb_type=pg\nextract_type=cdc\n[sinker]\ndb_type=pg\nsink_type=write\n[resumer]\nresume_type=from_log\n',
  mongo: '[extractor]\ndb_type=mongo\nextract_type=cdc\nsource=change_stream\n[sinker]\ndb_type=mongo\nsink_type=write\n[resumer]\nresume_type=from_log\n',
  redis: '[extractor]\ndb_type=redis\nextract_type=cdc\n[sinker]\ndb_type=redis\nsink_type=write\n[resumer]\nresume_type=from_log\n',
  snapshot: '[extractor]\ndb_type=mysql\nextract_type=snapshot\n[sinker]\ndb_type=mysql\nsink_type=write\n[resumer]\nresume_type=from_log\n',
};
const KINDS: PositionKind[] = ['mysql', 'pg', 'mongo', 'redis', 'snapshot'];
const VERSIONS: ApeVersion[] = ['2.0.24', '2.0.25', '2.0.26'];

/** A generated file, then one kind of damage or mix-up chosen by the seed. */
function scenario(seed: number) {
  const r = prng(seed * 7919);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const kind = KINDS[seed % 5];
  const other = KINDS[(seed + 1 + Math.floor(r() * 4)) % 5];
  const version = VERSIONS[seed % 3];
  const lines = generate({ kind, version, garbled: [0, 0.02, 0.2][seed % 3], seed, lines: 150 + Math.floor(r() * 700) });
  const at = () => Math.floor(r() * lines.length);
  let lintVersion = version;
  switch (Math.floor(r() * 10)) {
    case 1: // another task's lines in the middle
      lines.splice(at(), 0, ...generate({ kind: other, version, seed, lines: 1 + Math.floor(r() * 10) }));
      break;
    case 2: // lines out of order (positions stepping back)
      for (let k = 0; k < 5; k++) {
        const i = Math.floor(r() * (lines.length - 3));
        [lines[i], lines[i + 2]] = [lines[i + 2], lines[i]];
      }
      break;
    case 3: // lines of a second run of the same source
      for (const l of generate({ kind, version, seed: seed + 100, lines: 6 })) lines.splice(at(), 0, l);
      break;
    case 4: // blank lines, and a blank tail
      for (let k = 0; k < 30; k++) lines.splice(at(), 0, '');
      lines.push('', '', '');
      break;
    case 5: // more blank lines than the window
      lines.push(...Array<string>(210).fill(''));
      break;
    case 6: // read by another release than the one that wrote it
      lintVersion = version === '2.0.26' ? '2.0.24' : '2.0.26';
      break;
    case 7: // values beyond 2^53, a bad LSN
      for (let k = 0; k < 5; k++) {
        const i = at();
        lines[i] = lines[i].replace(/(_position|_offset|_time)":(\d+)/, '$1":9007199254740993').replace(/"lsn":"[^"]*"/, '"lsn":"0/5"');
      }
      break;
    case 8: // a shrinking GTID set, a Mongo snapshot value, a bad timestamp
      for (let k = 0; k < 5; k++) {
        const i = at();
        lines[i] = lines[i].replace(/:1-(\d+)"/, ':1-3"').replace(/"db_type":"mysql"/, '"db_type":"mongo"').replace(/"timestamp":"[^"]*"/, '"timestamp":"yesterday"');
      }
      break;
    case 9: // the first lines logged again later (a resumed position)
      lines.splice(at(), 0, ...lines.slice(0, Math.floor(r() * 5)));
      break;
  }
  const text = lines.join('\n') + (r() < 0.7 ? '\n' : '');
  const config = r() < 0.5 ? parseTaskConfig(version === '2.0.24' ? CONFIGS[pick([kind, kind, kind, other])].replace('resume_type=from_log', 'resume_from_log=true') : CONFIGS[pick([kind, kind, kind, other])]) : undefined;
  const filePath = r() < 0.15 ? '/task/logs/position3.log' : '/task/logs/position.log';
  const facts =
    r() < 0.3
      ? {
          siblingNames: ['position1.log'],
          finishedTables: r() < 0.5 ? [] : undefined,
          invalidUtf8: r() < 0.5 ? { line: at(), character: 3 } : undefined,
          orderColumns: r() < 0.3 ? { 'shop_1.orders_1': ['id'], 'shop_0.orders_0': ['x'] } : undefined,
        }
      : undefined;
  return { text, version: lintVersion, config, path: filePath, facts, chunkLines: 1 + Math.floor(r() * 64) };
}

describe('streamValidate says what lintProgress says', () => {
  it('every progress rule is run by exactly one of its groups', () => {
    const grouped = [...LINE_RULES, ...FILE_RULES, ...PAIR_RULES];
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(new Set(grouped)).toEqual(new Set(PROGRESS_RULES));
  });

  // 160 generated files with damage and mix-ups, in batches of 20 so each test stays short.
  const codes = new Set<string>();
  const batches = Array.from({ length: 8 }, (_, i) => [20 * i + 1, 20 * i + 20]);
  it.each(batches)('on generated files %i to %i, with damage and mix-ups', (first, last) => {
    for (let seed = first; seed <= last; seed++) {
      const { text, chunkLines, ...input } = scenario(seed);
      const expected = keys(lintProgress({ ...input, text }));
      expected.forEach((k) => codes.add(k.split(' ')[1]));
      expect(keys(streamValidateText(text, { ...input, chunkLines })), `seed ${seed}`).toEqual(expected);
    }
  });

  it('those 160 files reach the whole-file rules, not only the per-line ones', () => {
    for (const code of ['PL001', 'PL002', 'PL003', 'PL004', 'PL010', 'PL011', 'PL012', 'PL014', 'PL016', 'PL017', 'PL018', 'PL029']) expect(codes).toContain(code);
  });

  it('a step back to a value logged long before: the second pass (more values than it remembers)', () => {
    const lines = generate({ kind: 'mysql', lines: 10_000, seed: 3 });
    const early = lines[101];
    const stamp = lines[9001].slice(0, 26);
    // Inside a run: the early position again (logged before: not flagged), then one never logged (flagged).
    lines.splice(9002, 0, stamp + early.slice(26), stamp + early.slice(26).replace(/"next_event_position":\d+/, '"next_event_position":5'));
    const text = lines.join('\n');
    const expected = keys(lintProgress({ version: '2.0.26', text, path: '/task/logs/position.log' }));
    expect(expected.filter((k) => k.includes('PL012'))).toHaveLength(1);
    expect(keys(streamValidateText(text, { version: '2.0.26', path: '/task/logs/position.log' }))).toEqual(expected);
  });

  it('small hand-written files', () => {
    const cases = [file(), '', file(mysql(5), mysql(4)), file(pg('0/5D65CB0'), pg('0/5D65000')), file(mysql(1), ...Array.from({ length: 199 }, () => NONE()))];
    for (const text of cases) {
      expect(keys(streamValidateText(text, { version: '2.0.26' }))).toEqual(keys(lintProgress({ version: '2.0.26', text })));
    }
  });
});

describe('validateProgressFile reads a file as decodeProgressBytes + lintProgress would', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-stream-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const variants: [string, (b: Buffer) => Buffer][] = [
    ['a BOM', (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])],
    ['CRLF line ends', (b) => Buffer.from(b.toString().replace(/\n/g, '\r\n'))],
    ['a bad byte early', (b) => Buffer.concat([b.subarray(0, 1000), Buffer.from([0xc3, 0x28, 0xe2, 0x82]), b.subarray(1000)])],
    ['a bad byte in the window', (b) => Buffer.concat([b.subarray(0, b.length - 3000), Buffer.from([0xff]), b.subarray(b.length - 3000)])],
    ['no final line break', (b) => b.subarray(0, b.length - 1)],
  ];
  for (const [name, change] of variants) {
    it(name, async () => {
      let text = '';
      generatePositions({ kind: 'mysql', garbled: 0.05, lines: 2500, seed: 11 }, (c) => (text += c));
      const bytes = change(Buffer.from(text));
      const target = path.join(dir, 'position.log');
      fs.writeFileSync(target, bytes);
      const decoded = decodeProgressBytes(bytes);
      const expected = keys(lintProgress({ version: '2.0.26', text: decoded.text, path: target, facts: decoded.invalidUtf8 ? { invalidUtf8: decoded.invalidUtf8 } : {} }));
      const sync: Diagnostic[] = [];
      // Small odd chunks: lines and the window start fall across chunk boundaries.
      const summary = validateProgressFileSync(target, { version: '2.0.26', chunkBytes: 4093 }, (d) => sync.push(d));
      expect(keys(sync)).toEqual(expected);
      expect(summary.lines).toBe(decoded.text.split('\n').length);
      const async: Diagnostic[] = [];
      await validateProgressFile(target, { version: '2.0.26', chunkBytes: 65536 }, (d) => async.push(d));
      expect(keys(async)).toEqual(expected);
    });
  }

  it('readProgressTail gives the window and what simulateResume needs', () => {
    let text = '';
    generatePositions({ kind: 'mysql', lines: 3000, seed: 2 }, (c) => (text += c));
    const target = path.join(dir, 'tail.log');
    fs.writeFileSync(target, text);
    const all = text.split('\n');
    const tail = readProgressTail(target, { minBytes: 0, countLines: true });
    const lines = tail.text.split('\n');
    expect(lines).toEqual(all.slice(all.length - lines.length));
    expect(lines.length).toBe(201);
    expect(tail.firstLine).toBe(all.length - 201);
    const config = parseTaskConfig(CONFIGS.mysql);
    const fromTail = simulateResume({ version: '2.0.26', config, files: { positionLog: { path: target, text: tail.text, firstLine: tail.firstLine } } });
    const fromWhole = simulateResume({ version: '2.0.26', config, files: { positionLog: { path: target, text } } });
    expect(fromTail.line).toBe(fromWhole.line);
    expect(fromTail.position).toEqual(fromWhole.position);
    expect(readProgressTail(target, { countLines: false }).firstLine).toBeUndefined();
  });
});
