import { describe, expect, it } from 'vitest';
import { MYSQL_CDC, findings, ini } from './lintHelper';

describe('ini syntax (ape-dts rejects the whole file)', () => {
  it('ini.unterminated-section: [extractor without ]', () => {
    expect(findings(ini('[extractor', 'db_type=mysql'), '2.0.26')).toEqual(['1:ini.unterminated-section']);
    expect(findings(MYSQL_CDC, '2.0.26', 'ini.unterminated-section')).toEqual([]);
  });

  it('ini.empty-key: a line starting with =', () => {
    expect(findings(ini('[extractor]', '=mysql'), '2.0.26')).toEqual(['2:ini.empty-key']);
    expect(findings(ini('[extractor]', 'db_type=mysql'), '2.0.26', 'ini.empty-key')).toEqual([]);
  });
});

describe('ini structure pitfalls', () => {
  it('lint.key-before-section', () => {
    expect(findings(ini('db_type=mysql', '[extractor]'), '2.0.26', 'lint.key-before-section')).toEqual(['1:lint.key-before-section']);
    expect(findings(ini('# comment', '[extractor]'), '2.0.26', 'lint.key-before-section')).toEqual([]);
  });

  it('lint.duplicate-key flags the line that loses', () => {
    expect(findings(ini('[pipeline]', 'buffer_size=1', 'buffer_size=2'), '2.0.26', 'lint.duplicate-key')).toEqual(['2:lint.duplicate-key']);
    expect(findings(ini('[pipeline]', 'buffer_size=1', '[runtime]', 'log_dir=x'), '2.0.26', 'lint.duplicate-key')).toEqual([]);
  });

  it('lint.duplicate-section', () => {
    expect(findings(ini('[pipeline]', 'buffer_size=1', '[pipeline]'), '2.0.26', 'lint.duplicate-section')).toEqual(['3:lint.duplicate-section']);
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.duplicate-section')).toEqual([]);
  });

  it('lint.key-without-value', () => {
    expect(findings(ini('[pipeline]', 'buffer_size'), '2.0.26', 'lint.key-without-value')).toEqual(['2:lint.key-without-value']);
    expect(findings(ini('[pipeline]', 'buffer_size='), '2.0.26', 'lint.key-without-value')).toEqual([]);
  });

  it("lint.double-slash-comment: '//' is not a comment", () => {
    expect(findings(ini('[resumer]', '//[Optional]'), '2.0.26', 'lint.double-slash-comment')).toEqual(['2:lint.double-slash-comment']);
    expect(findings(ini('[resumer]', '# [Optional]'), '2.0.26', 'lint.double-slash-comment')).toEqual([]);
  });

  it('lint.inline-comment: # after a value is part of it', () => {
    expect(findings(ini('[runtime]', 'log_dir=./logs # where logs go'), '2.0.26', 'lint.inline-comment')).toEqual(['2:lint.inline-comment']);
    expect(findings(ini('[runtime]', 'log_dir=./logs#1'), '2.0.26', 'lint.inline-comment')).toEqual([]);
  });

  it('lint.bom: a BOM hides the [extractor] header', () => {
    expect(findings('\uFEFF' + MYSQL_CDC, '2.0.26', 'lint.bom')).toEqual(['1:lint.bom']);
    expect(findings(MYSQL_CDC, '2.0.26', 'lint.bom')).toEqual([]);
  });

  it('lint.bom.other: a BOM hides another header', () => {
    const text = '\uFEFF[pipeline]\nbuffer_size=10\n' + MYSQL_CDC.replace('[pipeline]', '[x]');
    expect(findings(text, '2.0.26', 'lint.bom.other')).toEqual(['1:lint.bom.other']);
    expect(findings('\uFEFF# comment\n' + MYSQL_CDC, '2.0.26', 'lint.bom', 'lint.bom.other')).toEqual([]);
  });

  it('lint.quoted-value: quotes are kept', () => {
    expect(findings(ini('[runtime]', 'log_dir="./logs"'), '2.0.26', 'lint.quoted-value')).toEqual(['2:lint.quoted-value']);
    expect(findings(ini('[filter]', 'do_tbs="a"."b"'), '2.0.26', 'lint.quoted-value')).toEqual([]);
  });
});
