import { describe, expect, it } from 'vitest';
import { plainJson } from '../../../server/src/core/progress/json/plainJson';
import { scanJson } from '../../../server/src/core/progress/json/scanJson';

const error = (text: string) => {
  const r = scanJson(text);
  return r.ok ? undefined : r.error.message;
};

describe('scanJson keeps what JSON.parse loses', () => {
  it('every member of a duplicated key, in order', () => {
    const r = scanJson('{"a":1,"a":2}');
    expect(r.ok && r.node.kind === 'object' && r.node.members.map((m) => m.key)).toEqual(['a', 'a']);
    expect(JSON.parse('{"a":1,"a":2}')).toEqual({ a: 2 });
  });

  it('the digits of a number beyond 2^53', () => {
    const r = scanJson('{"repl_offset":9007199254740993}');
    expect(r.ok && r.node.kind === 'object' && r.node.members[0].value).toMatchObject({ kind: 'number', raw: '9007199254740993', integer: true });
    expect(JSON.parse('9007199254740993')).toBe(9007199254740992);
  });

  it('offsets of keys and values', () => {
    const r = scanJson('{ "lsn" : "0/1" }');
    expect(r.ok && r.node.kind === 'object' && r.node.members[0]).toMatchObject({ key: 'lsn', keyStart: 2, keyEnd: 7, value: { start: 10, end: 15 } });
  });

  it('decodes escapes, including surrogate pairs', () => {
    const r = scanJson('"{\\"_data\\":\\"82\\"} \\ud83d\\ude00"');
    expect(r.ok && r.node.kind === 'string' && r.node.value).toBe('{"_data":"82"} 😀');
  });
});

describe('scanJson rejects what serde_json rejects', () => {
  it.each([
    ['{"a":1,}', 'trailing comma'],
    ['{"a":01}', "expected ',' or '}'"],
    ['{"a":1} {"b":2}', 'trailing characters'],
    ['{"a":"x\ty"}', 'control character'],
    ['{"a":"\\x"}', 'invalid escape'],
    ['{"a":"\\ud83d"}', 'lone leading surrogate'],
    ["{'a':1}", 'key in double quotes'],
    ['{"a":1', "expected ',' or '}'"],
    ['{"a":NaN}', 'expected a value'],
    ['{"a":1.}', 'digits expected after the decimal point'],
  ])('%s', (text, message) => {
    expect(error(text)).toContain(message);
  });

  it('nesting deeper than 128', () => {
    expect(error('['.repeat(129) + ']'.repeat(129))).toContain('nested too deeply');
    expect(error('['.repeat(128) + ']'.repeat(128))).toBeUndefined();
  });
});

describe('plainJson', () => {
  it('numbers stay numbers while exact, and become digit strings beyond 2^53', () => {
    const r = scanJson('{"a":42,"b":9007199254740993,"c":-1.5,"d":[true,null]}');
    expect(r.ok && plainJson(r.node)).toEqual({ a: 42, b: '9007199254740993', c: -1.5, d: [true, null] });
  });
});
