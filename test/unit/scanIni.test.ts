import { describe, expect, it } from 'vitest';
import { decode } from 'ini';
import { scanIni } from '../../server/src/core/ini/scanIni';
import { parseTaskConfig } from '../../server/src/core/model/taskConfig';

describe('scanIni reads text as ape-dts loader does', () => {
  it('lowercases sections and keys, keeps value case', () => {
    const c = parseTaskConfig('[Extractor]\nDB_TYPE=MySQL\n');
    expect(c.raw('extractor', 'db_type')).toBe('MySQL');
  });

  it('has no inline comments: text after # stays in the value', () => {
    const c = parseTaskConfig('[pipeline]\nbuffer_size=100 # rows\n');
    expect(c.raw('pipeline', 'buffer_size')).toBe('100 # rows');
  });

  it('treats ; and # as comments only at line start (after indentation)', () => {
    const s = scanIni('  # note\n; other\n[a]\nk=v\n');
    expect(s.comments.map((c) => c.line)).toEqual([0, 1]);
    expect(s.entries).toHaveLength(1);
  });

  it('splits on the first = or :', () => {
    const c = parseTaskConfig('[extractor]\nurl=mysql://root:pw@127.0.0.1:3306\nkey: value\n');
    expect(c.raw('extractor', 'url')).toBe('mysql://root:pw@127.0.0.1:3306');
    expect(c.raw('extractor', 'key')).toBe('value');
  });

  it('keeps the last of duplicate keys, even an empty or bare one', () => {
    expect(parseTaskConfig('[a]\nk=1\nk=2\n').raw('a', 'k')).toBe('2');
    expect(parseTaskConfig('[a]\nk=1\nk=\n').value('a', 'k')).toBeUndefined();
    const bare = parseTaskConfig('[a]\nk=1\nk\n');
    expect(bare.present('a', 'k')).toBe(false);
  });

  it('merges repeated sections', () => {
    const c = parseTaskConfig('[a]\nx=1\n[b]\n[A]\ny=2\n');
    expect(c.raw('a', 'x')).toBe('1');
    expect(c.raw('a', 'y')).toBe('2');
    expect(c.headers('a')).toHaveLength(2);
  });

  it('files keys before the first header under default', () => {
    expect(scanIni('k=v\n[a]\n').entries[0].section).toBe('default');
  });

  it('takes the name between the first [ and the last ], dropping trailing text', () => {
    expect(scanIni('[ sinker ] junk\n').headers[0].name).toBe('sinker');
  });

  it('reports an unterminated header and a line starting with =', () => {
    const s = scanIni('[extractor\n=x\n');
    expect(s.syntaxErrors.map((e) => [e.kind, e.line])).toEqual([
      ['unterminated-section', 0],
      ['empty-key', 1],
    ]);
  });

  it('handles CRLF, tabs and trailing spaces with exact ranges', () => {
    const s = scanIni('[a]\r\n\tkey = value  \r\n');
    const e = s.entries[0];
    expect(s.eol).toBe('\r\n');
    expect(e.keyRange).toEqual({ start: { line: 1, character: 1 }, end: { line: 1, character: 4 } });
    expect(e.valueRange).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 12 } });
  });

  it('keeps a BOM on the first line, hiding that header', () => {
    const s = scanIni('\uFEFF[extractor]\ndb_type=mysql\n');
    expect(s.bom).toBe(true);
    expect(s.headers).toHaveLength(0);
    expect(s.entries[1].section).toBe('default');
  });

  it('gives an empty value range right after the delimiter', () => {
    const e = scanIni('[a]\nk=\n').entries[0];
    expect(e.value).toBe('');
    expect(e.valueRange.start).toEqual(e.valueRange.end);
  });
});

describe('differential check against the ini package where both agree', () => {
  // No inline comments, no arrays, no dotted sections, no quotes: there both parsers read the same.
  const samples = [
    '[extractor]\ndb_type=mysql\nextract_type=cdc\nserver_id=10086\n\n[sinker]\ndb_type=pg\nsink_type=write\n',
    '; c\n[pipeline]\nbuffer_size=16000\ncheckpoint_interval_secs=10\n[runtime]\nlog_dir=./logs\n',
    '[filter]\ndo_dbs=a,b\ndo_events=insert,update,delete\n[router]\ndb_map=\n',
  ];
  for (const text of samples) {
    it(`agrees on ${JSON.stringify(text.slice(0, 30))}…`, () => {
      const theirs = decode(text) as Record<string, Record<string, string>>;
      const ours = parseTaskConfig(text);
      for (const [section, keys] of Object.entries(theirs)) {
        for (const [key, value] of Object.entries(keys)) {
          expect(ours.raw(section, key)).toBe(value);
        }
      }
    });
  }
});
