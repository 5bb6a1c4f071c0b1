import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePositions } from '../../../scripts/gen/positions.mjs';
import { readFirstLine } from '../../../server/src/io/readFirstLine';
import { fromEndFirstLine, readProgressTail } from '../../../server/src/io/readProgressTail';
import { validateProgressFile } from '../../../server/src/io/streamProgressFile';

// The pieces of io/ that big files rely on: numbering a tail's lines from the end of the
// file without counting, the progress callback of the streaming validator, the first line.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apedts-io-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fromEndFirstLine', () => {
  it('numbers the last line -1 (shown as line + 1), with or without a final line break', () => {
    for (const text of ['a\nb\nc\n', 'a\nb\nc']) {
      const first = fromEndFirstLine(text);
      const shown = text.split('\n').map((_, i) => first + i + 1);
      // a, b, c are lines -3, -2, -1; the empty piece after a final break is not a line.
      expect(shown.slice(0, 3)).toEqual([-3, -2, -1]);
    }
  });

  it('agrees with the counted numbering of a real tail', () => {
    let text = '';
    generatePositions({ kind: 'pg', lines: 4000, seed: 9 }, (c) => (text += c));
    const file = path.join(dir, 'position.log');
    fs.writeFileSync(file, text);
    const counted = readProgressTail(file, { countLines: true, minBytes: 0 });
    const total = text.split('\n').length - 1;
    const uncounted = readProgressTail(file, { minBytes: 0 });
    expect(uncounted.firstLine).toBeUndefined();
    // Line n (0-based) of the file is shown as n - total (the last, n = total - 1, as -1): 0-based n - total - 1.
    expect(fromEndFirstLine(uncounted.text)).toBe(counted.firstLine! - total - 1);
  });
});

describe('validateProgressFile', () => {
  it('reports its progress after each chunk, up to the whole file', async () => {
    let text = '';
    generatePositions({ kind: 'mysql', lines: 3000, seed: 4 }, (c) => (text += c));
    const file = path.join(dir, 'progress.log');
    fs.writeFileSync(file, text);
    const seen: [number, number][] = [];
    await validateProgressFile(file, { version: '2.0.26', chunkBytes: 64 * 1024, onProgress: (done, total) => seen.push([done, total]) }, () => undefined);
    expect(seen.length).toBe(Math.ceil(text.length / (64 * 1024)));
    expect(seen.every(([, total]) => total === text.length)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen[seen.length - 1][0]).toBe(text.length);
  });

  it('stops with an AbortError when aborted', async () => {
    const file = path.join(dir, 'progress.log');
    const controller = new AbortController();
    const run = validateProgressFile(file, { version: '2.0.26', chunkBytes: 4096, onProgress: () => controller.abort() }, () => undefined, controller.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('readFirstLine', () => {
  it('gives the first line without its line break', () => {
    const file = path.join(dir, 'first.log');
    fs.writeFileSync(file, 'one\r\ntwo\n');
    expect(readFirstLine(file)).toBe('one\r');
    fs.writeFileSync(file, 'only');
    expect(readFirstLine(file)).toBe('only');
  });
});
