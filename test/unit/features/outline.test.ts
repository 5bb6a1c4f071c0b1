import { describe, expect, it } from 'vitest';
import { foldingRanges } from '../../../server/src/core/features/folding';
import { documentSymbols } from '../../../server/src/core/features/symbols';
import { lintConfig } from '../../../server/src/core/lintConfig';
import { ini } from './featureHelper';

const TEXT = ini(
  'stray=1',
  '[extractor]',
  'db_type=mysql',
  'url=mysql://root:s3cret-pw@127.0.0.1:3307',
  '',
  '# two comment lines',
  '# fold together',
  '[sinker]',
  'password=hunter2-pw',
  '',
  '',
);

describe('document symbols', () => {
  const symbols = documentSymbols(lintConfig(TEXT, { version: '2.0.26' }));

  it('lists sections with their keys, and stray keys at the top level', () => {
    expect(symbols.map((s) => `${s.kind} ${s.name}: ${s.children.map((c) => c.name).join(', ')}`)).toEqual([
      'key stray: ',
      'section [extractor]: db_type, url',
      'section [sinker]: password',
    ]);
  });

  it('a section covers its body up to its last non-blank line', () => {
    const extractor = symbols[1];
    expect(extractor.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 6, character: 15 } });
    expect(extractor.selectionRange).toEqual({ start: { line: 1, character: 1 }, end: { line: 1, character: 10 } });
    expect(symbols[2].range.end).toEqual({ line: 8, character: 19 });
  });

  it('shows values as details, passwords masked', () => {
    const [dbType, url] = symbols[1].children;
    expect(dbType.detail).toBe('mysql');
    expect(url.detail).toBe('mysql://root:••••••@127.0.0.1:3307');
    expect(symbols[2].children[0].detail).toBe('••••••');
  });
});

describe('folding', () => {
  it('one range per section and per run of comment lines', () => {
    expect(foldingRanges(lintConfig(TEXT, { version: '2.0.26' }))).toEqual([
      { startLine: 1, endLine: 6, kind: 'region' },
      { startLine: 5, endLine: 6, kind: 'comment' },
      { startLine: 7, endLine: 8, kind: 'region' },
    ]);
  });

  it('no range for a header alone', () => {
    expect(foldingRanges(lintConfig(ini('[processor]', '', '[runtime]'), { version: '2.0.26' }))).toEqual([]);
  });
});
