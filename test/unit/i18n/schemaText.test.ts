import { describe, expect, it } from 'vitest';
import { withLocale } from '../../../server/src/core/i18n';
import { keySummary, schemaProse, schemaText } from '../../../server/src/core/i18n/schemaText';
import { SCHEMA_TEXT_ZH_CN } from '../../../server/src/core/i18n/schemaText.zh-cn';
import { keySpec } from '../../../server/src/core/schema/index';

// The schema's English prose is the source of truth; the Chinese table must follow it field by
// field, keep ape-dts's own words, and hold nothing the schema does not have.

const prose = schemaProse();
const zh = SCHEMA_TEXT_ZH_CN;
const CJK = /[\u4e00-\u9fff]/;
/** ape-dts's own words: snake_case keys and values such as binlog_position, from_log. */
const TERMS = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

describe('the Chinese schema texts', () => {
  it('cover every prose field of the schema, with one id per field', () => {
    const ids = prose.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !Object.hasOwn(zh, id) || zh[id].trim() === '')).toEqual([]);
    // The walk finds section and key summaries at least (a walk that found nothing would pass the rest).
    expect(ids).toContain('extractor');
    expect(ids).toContain('extractor.binlog_position');
    expect(ids).toContain('checker#headerMatters');
  });

  it('hold nothing the schema does not have', () => {
    const ids = new Set(prose.map((p) => p.id));
    expect(Object.keys(zh).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('are Chinese wherever the English has words', () => {
    const untranslated = prose.filter((p) => /[A-Za-z]{3,} [A-Za-z]{3,}/.test(p.english.replace(TERMS, '')) && !CJK.test(zh[p.id] ?? ''));
    expect(untranslated.map((p) => p.id)).toEqual([]);
  });

  it('keep every snake_case term of the English as written', () => {
    const lost = prose.flatMap((p) => [...new Set(p.english.match(TERMS) ?? [])].filter((term) => !(zh[p.id] ?? '').includes(term)).map((term) => `${p.id}: ${term}`));
    expect(lost).toEqual([]);
  });

  it('are shown in zh-cn and the schema English otherwise', () => {
    const spec = keySpec('extractor', 'binlog_position')!;
    expect(keySummary('extractor', 'binlog_position', spec)).toBe(spec.summary);
    expect(withLocale('zh-cn', () => keySummary('extractor', 'binlog_position', spec))).toBe(zh['extractor.binlog_position']);
    expect(withLocale('zh-cn', () => schemaText('no.such#field', 'English'))).toBe('English');
  });
});
