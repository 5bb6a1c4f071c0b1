import { describe, expect, it } from 'vitest';
import { decodeConfigBytes, firstInvalidUtf8 } from '../../server/src/core/decodeText';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

describe('decodeConfigBytes', () => {
  it('decodes valid UTF-8, including non-ASCII values', () => {
    expect(decodeConfigBytes(utf8('[extractor]\nheartbeat_tb=数据库.心跳\n'))).toEqual({
      text: '[extractor]\nheartbeat_tb=数据库.心跳\n',
    });
  });

  it('keeps a leading BOM in the text, as ape-dts does', () => {
    const result = decodeConfigBytes(concat([0xef, 0xbb, 0xbf], '[extractor]\n'));
    expect(result).toEqual({ text: '\uFEFF[extractor]\n' });
  });

  it('reports Latin-1 bytes as ini.encoding at the bad byte', () => {
    // "password=caf\xE9" written by a Latin-1 editor.
    const result = decodeConfigBytes(concat('[sinker]\r\npassword=caf', [0xe9], '\r\n'));
    expect('diagnostic' in result).toBe(true);
    if (!('diagnostic' in result)) return;
    expect(result.diagnostic.code).toBe('ini.encoding');
    expect(result.diagnostic.severity).toBe('error');
    expect(result.diagnostic.range).toEqual({ start: { line: 1, character: 12 }, end: { line: 1, character: 13 } });
    expect(result.diagnostic.message).toContain('0xE9');
    expect(result.diagnostic.message).toContain('UTF-8');
  });

  it('counts columns in UTF-16 units after valid multi-byte characters and a BOM', () => {
    const result = decodeConfigBytes(concat([0xef, 0xbb, 0xbf], 'a=é😀', [0xff]));
    expect('diagnostic' in result && result.diagnostic.range.start).toEqual({ line: 0, character: 6 });
  });

  it('does not echo the file content in the message', () => {
    const result = decodeConfigBytes(concat('password=s3cret', [0xc0, 0xaf]));
    expect('diagnostic' in result && result.diagnostic.message).not.toContain('s3cret');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x61, 0x62], -1],
    ['a 4-byte emoji', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['an overlong slash', [0x61, 0xc0, 0xaf], 1],
    ['an overlong 3-byte form', [0xe0, 0x80, 0x80], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a stray continuation byte', [0x61, 0x80], 1],
    ['a sequence cut short by ASCII', [0xe2, 0x82, 0x41], 0],
    ['a sequence truncated at the end', [0x61, 0xe2, 0x82], 1],
  ])('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });

  it('agrees with a strict TextDecoder on every 2-byte sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const disagreements: string[] = [];
    for (let a = 0x80; a <= 0xff; a++) {
      for (let b = 0; b <= 0xff; b++) {
        const bytes = Uint8Array.from([a, b]);
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        if (firstInvalidUtf8(bytes) < 0 !== valid) disagreements.push(`${a.toString(16)} ${b.toString(16)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
