import { describe, expect, it } from 'vitest';
import { withLocale } from '../../../server/src/core/i18n';
import { lintConfig } from '../../../server/src/core/lintConfig';
import type { ApeVersion } from '../../../server/src/core/schema/types';
import { ini } from '../rules/lintHelper';

// Issue 9: the config rules speak Simplified Chinese under zh-cn — same findings, same places,
// every value filled in, and no English sentence left over.

const CJK = /[\u4e00-\u9fff]/;
const PLACEHOLDER = /\{[A-Za-z_]\w*\}/;

const BROKEN_CDC = ini(
  '[extractor]',
  'db_type=mysql',
  'extract_type=cdc',
  'url=postgres://u:p@h:5432/db',
  'batch_sise=10',
  'server_id=12x',
  '[sinker]',
  'db_type=mysql',
  'sink_type=write',
  'url=mysql://root:1@h:3306',
  'batch_size=0',
  'batch_size=0',
  '[filter]',
  'do_events=insert,updat,*',
  'ignore_cols=json:{"db":1}',
  '[router]',
  'tb_map=a.b:c',
  '[runtime]',
  'log_level=verbose',
  '[extractr]',
  'x=1',
);

const LEGACY_WITH_BOM = '\uFEFF' + ini('[extractor]', 'db_type=mysql', '[resumer]', 'resume_from_log=true', 'resume_log_dir=./logs');

const SNAPSHOT_25 = ini(
  '[extractor]',
  'db_type=mysql',
  'extract_type=snapshot',
  'gtid_set=abc:1-5',
  '[sinker]',
  'db_type=redis',
  'sink_type=write',
  'url=mysql://x',
  '[filter]',
  'do_tbs=db1,',
  'do_events=update',
);

const CASES: [name: string, text: string, version: ApeVersion][] = [
  ['a broken mysql cdc task', BROKEN_CDC, '2.0.26'],
  ['a legacy resumer behind a BOM', LEGACY_WITH_BOM, '2.0.26'],
  ['a 2.0.25 snapshot with bad filters', SNAPSHOT_25, '2.0.25'],
];

function lint(text: string, version: ApeVersion) {
  return lintConfig(text, { version }).diagnostics;
}

const where = (d: { code: string; severity: string; range: unknown }) => ({ code: d.code, severity: d.severity, range: d.range });

describe('config rules under zh-cn', () => {
  for (const [name, text, version] of CASES) {
    it(`report the same findings in Chinese for ${name}`, () => {
      const en = lint(text, version);
      const zh = withLocale('zh-cn', () => lint(text, version));
      expect(en.length).toBeGreaterThan(2);
      expect(zh.map(where)).toEqual(en.map(where));
      for (const [i, d] of zh.entries()) {
        expect(d.message, d.code).toMatch(CJK);
        expect(d.message, d.code).not.toMatch(PLACEHOLDER);
        expect(d.message, d.code).not.toBe(en[i].message);
        // The English glue of appended sentences and fragments must not leak in.
        expect(d.message, d.code).not.toMatch(/Did you mean| instead\.|stops at load|fails at start| or rediss/);
      }
      // And the locale is back to English afterwards.
      expect(lint(text, version).map((d) => d.message)).toEqual(en.map((d) => d.message));
    });
  }

  it('fill the values and the translated fragments into whole Chinese sentences', () => {
    const zh = withLocale('zh-cn', () => lint(BROKEN_CDC, '2.0.26'));
    const of = (code: string) => zh.filter((d) => d.code === code).map((d) => d.message);
    expect(of('lint.unknown-key')).toEqual(["ape-dts 不认识 [extractor] 中的 'batch_sise'，会静默忽略它，因此使用默认值。是否想写 'batch_size'？"]);
    expect(of('lint.duplicate-key')).toEqual(["'batch_size' 在第 12 行再次出现，ape-dts 只保留最后一个（以那一行为准）。请删除其中一行。"]);
    expect(of('lint.filter.enum-values')[0]).toBe("'updat' 不是 ape-dts 2.0.26 认识的事件类型，因此永远匹配不到。是否想写 'update'？已知的有：insert, update, delete。");
    expect(of('startup.json')).toEqual([
      '[filter] ignore_cols 不符合 ape-dts 的要求：它是一个 JSON 对象，而不是数组。任务启动时会失败。应为 json:[{"db":…,"tb":…,"ignore_cols":…}]。',
    ]);
    expect(of('type.parse')).toEqual(['[extractor] server_id=12x 无法解析为 u64，ape-dts 会在加载配置时停止。应为 0 到 18446744073709551615 之间的整数，不带单位或分隔符。']);
    expect(of('lint.url.scheme')).toEqual(["[extractor] db_type=mysql 需要 mysql:// 形式的 url，但这里是 'postgres://'；连接会失败。请检查 url 或 db_type。"]);
  });

  it('say the wanted url schemes with a Chinese "or"', () => {
    const zh = withLocale('zh-cn', () => lint(SNAPSHOT_25, '2.0.25'));
    expect(zh.find((d) => d.code === 'lint.url.scheme')?.message).toContain('需要 redis:// 或 rediss:// 形式的 url');
  });
});
