import { describe, expect, it } from 'vitest';
import { parseProgressFile } from '../../../server/src/core/progress/parseProgressFile';
import { isInTailWindow, tailNewlines, tailStartOffset, tailWindow, tailWindowOf } from '../../../server/src/core/progress/tailWindow';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('the part of position.log ape-dts reads', () => {
  it('is everything after the 200th newline from the end: the last 199 lines of a file ending in a newline', () => {
    const text = lines(250).join('\n') + '\n';
    const w = tailWindow(text);
    expect(w.startLine).toBe(51); // 0-based: "line 52" is the first line read
    expect(isInTailWindow(w, 50)).toBe(false);
    expect(isInTailWindow(w, 51)).toBe(true);
    expect(text.slice(tailStartOffset(text).offset).startsWith('line 52\n')).toBe(true);
  });

  it('counts the unterminated last line as one of the lines read', () => {
    const w = tailWindow(lines(250).join('\n'));
    expect(w.startLine).toBe(50); // 199 newlines after "line 51", plus the unterminated "line 250"
  });

  it('blank lines count too', () => {
    expect(tailWindow('a\n' + '\n'.repeat(199)).startLine).toBe(1);
  });

  it('a shorter file is read whole', () => {
    expect(tailWindow(lines(199).join('\n') + '\n')).toMatchObject({ startLine: 0, complete: true });
  });

  it('works on a tail of a huge file, numbering from its first line', () => {
    const w = tailWindow(lines(300).join('\n') + '\n', { firstLine: 1_000_000 });
    expect(w).toMatchObject({ startLine: 1_000_101, complete: true });
    expect(tailWindow('a\nb\n', { firstLine: 1_000_000 }).complete).toBe(false);
  });

  it('agrees with the parsed file', () => {
    const text = lines(250).join('\n') + '\n';
    expect(tailWindowOf(parseProgressFile(text, { kind: 'position', version: '2.0.26' })).startLine).toBe(tailWindow(text).startLine);
  });

  it('was 30 newlines in v2.0.16–v2.0.19 and 100 in v2.0.20–v2.0.21', () => {
    expect([tailNewlines('2.0.19'), tailNewlines('v2.0.21'), tailNewlines('2.0.22'), tailNewlines('2.0.26')]).toEqual([30, 100, 200, 200]);
    expect(tailWindow(lines(40).join('\n') + '\n', { newlines: tailNewlines('2.0.16') }).startLine).toBe(11);
  });
});
