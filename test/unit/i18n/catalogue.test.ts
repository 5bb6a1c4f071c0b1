import { describe, expect, it } from 'vitest';
import { CATALOGUES, DOMAINS, normaliseLocale, placeholdersOf, setLocale, t, withLocale } from '../../../server/src/core/i18n';
import type { MessageId } from '../../../server/src/core/i18n';

// The completeness test of issue 9: every message exists in both languages, with the same
// placeholders, and the Chinese keeps ape-dts's own words (keys, tags) as they are.

const en = CATALOGUES.en as Record<string, string>;
const zh = CATALOGUES['zh-cn'] as Record<string, string>;
const ids = Object.keys(en);
const CJK = /[\u4e00-\u9fff]/;
/** ape-dts's own words: snake_case keys and tags such as binlog_position, checkpoint_position. */
const TERMS = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

describe('the message catalogues', () => {
  it('give every id in both languages, and no id only in one', () => {
    expect(Object.keys(zh).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(en[id].trim(), id).not.toBe('');
      expect(zh[id].trim(), id).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const differ = ids.filter((id) => placeholdersOf(en[id]).join() !== placeholdersOf(zh[id]).join());
    expect(differ.map((id) => `${id}: ${placeholdersOf(en[id])} vs ${placeholdersOf(zh[id])}`)).toEqual([]);
  });

  it('hold Chinese in the Chinese catalogue wherever the English has words', () => {
    const untranslated = ids.filter((id) => /[A-Za-z]{3,} [A-Za-z]{3,}/.test(en[id].replace(TERMS, '')) && !CJK.test(zh[id]));
    expect(untranslated).toEqual([]);
  });

  it('keep ape-dts key and tag names as written', () => {
    const lost = ids.flatMap((id) => [...new Set(en[id].match(TERMS) ?? [])].filter((term) => !zh[id].includes(term)).map((term) => `${id}: ${term}`));
    expect(lost).toEqual([]);
  });

  it('never give one id in two domains', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [domain, langs] of Object.entries(DOMAINS)) {
      for (const id of Object.keys(langs.en)) {
        if (seen.has(id)) twice.push(`${id} in ${seen.get(id)} and ${domain}`);
        seen.set(id, domain);
      }
    }
    expect(twice).toEqual([]);
  });
});

describe('t()', () => {
  it('fills placeholders in the current locale, and English is the default', () => {
    const id = ids.find((i) => placeholdersOf(en[i]).length > 0) as MessageId;
    expect(id, 'a message with a placeholder').toBeDefined();
    const args = Object.fromEntries(placeholdersOf(en[id]).map((p) => [p, `«${p}»`]));
    const english = t(id, args);
    expect(english).not.toMatch(/\{[A-Za-z_]\w*\}/);
    const chinese = withLocale('zh-cn', () => t(id, args));
    expect(chinese).toMatch(CJK);
    for (const p of placeholdersOf(en[id])) expect(chinese).toContain(`«${p}»`);
  });

  it('maps what editors and shells call Chinese onto zh-cn, and anything else onto English', () => {
    for (const tag of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh']) expect(normaliseLocale(tag), tag).toBe('zh-cn');
    for (const tag of ['en', 'en-US', 'de', 'zh-tw', 'C', 'POSIX', '', undefined]) expect(normaliseLocale(tag), String(tag)).toBe('en');
    expect(setLocale('zh_CN.UTF-8')).toBe('zh-cn');
    expect(setLocale(undefined)).toBe('en');
  });
});
