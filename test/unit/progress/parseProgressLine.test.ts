import { describe, expect, it } from 'vitest';
import { parseProgressFile } from '../../../server/src/core/progress/parseProgressFile';
import { parseProgressLine } from '../../../server/src/core/progress/parseProgressLine';
import type { ProgressLine, Span } from '../../../server/src/core/progress/progressLine';

const SEED =
  '2024-10-18 05:21:45.207788 | checkpoint_position | {"type":"MysqlCdc","server_id":"","binlog_filename":"mysql-bin.000004","next_event_position":73685,"gtid_set":"","timestamp":"2024-10-18 05:21:44.000"}';

const text = (l: ProgressLine, s: { start: number; end: number } | undefined) => s && l.text.slice(s.start, s.end);
const span = (s: Span | undefined) => s?.text;

describe('a position.log line', () => {
  const l = parseProgressLine(SEED, 0, 'position', 'legacy');

  it('has the time, the tag and the payload at their exact columns', () => {
    expect(l.kind).toBe('position');
    expect(l.logTime).toEqual({ text: '2024-10-18 05:21:45.207788', start: 0, end: 26 });
    expect(l.tag).toEqual({ text: 'checkpoint_position', start: 29, end: 48 });
    expect(l.payload?.start).toBe(51);
    expect(l.payload?.end).toBe(SEED.length);
  });

  it('knows the range of every field value', () => {
    const p = l.decoded!.position!;
    expect(text(l, p.nodes.binlog_filename)).toBe('"mysql-bin.000004"');
    expect(text(l, p.nodes.next_event_position)).toBe('73685');
    expect(text(l, p.typeNode)).toBe('"MysqlCdc"');
  });

  it('is read as ape-dts reads it: a MysqlCdc checkpoint with a u32 offset', () => {
    expect(l.slot).toBe('checkpoint');
    expect(l.decoded?.rejections).toEqual([]);
    expect(l.decoded?.position?.values).toEqual({
      server_id: '',
      binlog_filename: 'mysql-bin.000004',
      next_event_position: 73685n,
      gtid_set: '',
      timestamp: '2024-10-18 05:21:44.000',
    });
  });

  it('is a current line only with the exact text "| current_position |"', () => {
    expect(parseProgressLine(SEED.replace('checkpoint_position', 'current_position'), 0, 'position', 'legacy').slot).toBe('current');
    expect(parseProgressLine(SEED.replace('| checkpoint_position |', '|current_position|'), 0, 'position', 'legacy').slot).toBe('checkpoint');
    expect(parseProgressLine(SEED.replace('checkpoint_position', 'current_positon'), 0, 'position', 'legacy').slot).toBe('checkpoint');
  });

  it('drops a trailing carriage return', () => {
    const crlf = parseProgressLine(SEED + '\r', 0, 'position', 'legacy');
    expect(crlf.text).toBe(SEED);
    expect(crlf.decoded?.position?.type).toBe('MysqlCdc');
  });

  it('cuts the payload from the first { to the last }, as ape-dts does', () => {
    const l2 = parseProgressLine('x { y ' + '{"type":"None"}', 0, 'position', 'legacy');
    expect(span(l2.payload)).toBe('{ y {"type":"None"}');
    expect(l2.jsonError?.message).toMatch(/key in double quotes/);
  });

  it('notices a line whose last } comes before its first {, which makes ape-dts panic', () => {
    expect(parseProgressLine('} oops {', 0, 'position', 'legacy').panics).toBe(true);
  });
});

describe('line kinds', () => {
  it('blank lines, also white space only', () => {
    expect(parseProgressLine('', 3, 'position', 'legacy').kind).toBe('blank');
    expect(parseProgressLine('  \t', 3, 'position', 'legacy').kind).toBe('blank');
  });

  it('finished.log: a payload without a tag, and the task finished marker', () => {
    const f = parseProgressLine('2024-04-01 07:08:05.459594 | {"type":"RdbSnapshotFinished","db_type":"mysql","schema":"test_db_@","tb":"t"}', 0, 'finished', 'legacy');
    expect(f.tag).toBeUndefined();
    expect(f.decoded?.position?.values).toEqual({ db_type: 'mysql', schema: 'test_db_@', tb: 't' });
    expect(parseProgressLine('2024-04-01 07:08:06.000001 | task finished', 1, 'finished', 'legacy').kind).toBe('finishedMarker');
  });

  it('resume config: bare JSON, a tag without a time, and // comments', () => {
    const bare = parseProgressLine('{"type":"RdbSnapshot","db_type":"mysql","schema":"s","tb":"t","order_col":"id","value":"6"}', 0, 'resumeConfig', 'legacy');
    expect([bare.kind, bare.slot, bare.tag]).toEqual(['position', 'checkpoint', undefined]);
    const tagged = parseProgressLine('| current_position | {"type":"None"}', 1, 'resumeConfig', 'legacy');
    expect([tagged.slot, span(tagged.tag)]).toEqual(['current', 'current_position']);
    expect(parseProgressLine('// this file is more like checkpoint position log', 2, 'resumeConfig', 'current').kind).toBe('comment');
  });

  it('a // line with a payload is NOT a comment to ape-dts', () => {
    expect(parseProgressLine('// {"type":"None"}', 0, 'resumeConfig', 'current').kind).toBe('position');
  });
});

describe('a whole file', () => {
  it('numbers lines from firstLine when only a tail is given', () => {
    const f = parseProgressFile(SEED + '\n' + SEED + '\n', { kind: 'position', version: '2.0.24', firstLine: 1000 });
    expect(f.lines.map((l) => [l.line, l.kind])).toEqual([
      [1000, 'position'],
      [1001, 'position'],
      [1002, 'blank'],
    ]);
    expect(f.endsWithNewline).toBe(true);
    expect(f.profile).toBe('legacy');
  });
});
