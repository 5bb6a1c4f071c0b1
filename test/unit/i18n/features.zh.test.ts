import { describe, expect, it } from 'vitest';
import { codeActionsFor } from '../../../server/src/core/features/codeActions';
import { completeAt } from '../../../server/src/core/features/completion';
import { hoverAt } from '../../../server/src/core/features/hover';
import { TASK_SNIPPETS, expandSnippet } from '../../../server/src/core/features/taskSnippets';
import { withLocale } from '../../../server/src/core/i18n';
import { SCHEMA_TEXT_ZH_CN } from '../../../server/src/core/i18n/schemaText.zh-cn';
import { lintConfig } from '../../../server/src/core/lintConfig';
import { keySpec } from '../../../server/src/core/schema/index';
import { cursor, ini, lintAt, mysqlCdc } from '../features/featureHelper';

// The editor features speak Chinese under zh-cn: hovers, quick-fix titles and completion docs,
// with the schema's texts from the Chinese table and ape-dts's own words kept as written.

const CJK = /[\u4e00-\u9fff]/;
/** Two English words in a row once code spans, [sections], snake_case terms and versions are gone. */
function englishLeft(markdown: string): string[] {
  const stripped = markdown
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, ' ')
    .replace(/\bape-dts\b/g, ' ');
  return stripped.match(/[A-Za-z]{3,} [A-Za-z]{3,}/g) ?? [];
}

describe('the editor features in zh-cn', () => {
  it('explain binlog_position in Chinese, with no English sentence left', () => {
    const text = mysqlCdc({ after: [['[extractor]', ['binlog_filename=mysql-bin.000003', 'binlog_posi|tion=4']]] });
    const { result, position } = lintAt(text);
    const english = hoverAt(result, position)!.contents;
    const chinese = withLocale('zh-cn', () => hoverAt(result, position)!.contents);
    expect(english).toContain(keySpec('extractor', 'binlog_position')!.summary);
    expect(chinese).toContain(SCHEMA_TEXT_ZH_CN['extractor.binlog_position']);
    expect(chinese).toContain('binlog_position');
    expect(chinese).toContain('类型');
    expect(englishLeft(chinese)).toEqual([]);
  });

  it('explain a section and a value in Chinese', () => {
    const { result, position } = lintAt(mysqlCdc({ replace: [['[pipeline]', '[pipe|line]']] }));
    const section = withLocale('zh-cn', () => hoverAt(result, position)!.contents);
    expect(section).toContain(SCHEMA_TEXT_ZH_CN.pipeline);
    expect(section).toContain('读取版本');
    const value = lintAt(mysqlCdc({ replace: [['parallel_type=rdb_merge', 'parallel_type=rdb_m|erge']] }));
    const hover = withLocale('zh-cn', () => hoverAt(value.result, value.position)!.contents);
    expect(hover).toContain('rdb_merge');
    expect(hover).toMatch(/是 ape-dts 2\.0\.26 接受的 ParallelType 取值之一/);
  });

  it('title quick fixes in Chinese and keep the written words', () => {
    const result = lintConfig(mysqlCdc({ replace: [['batch_size=200', 'batch_sze=200']] }), { version: '2.0.26' });
    const d = result.diagnostics.find((x) => x.code === 'lint.unknown-key')!;
    expect(d).toBeDefined();
    const english = codeActionsFor(result, d.range, [d]).map((a) => a.title);
    const chinese = withLocale('zh-cn', () => codeActionsFor(result, d.range, [d]).map((a) => a.title));
    expect(english[0]).toBe("Change 'batch_sze' to 'batch_size'");
    expect(chinese[0]).toBe("把 'batch_sze' 改为 'batch_size'");
  });

  it('document completion items in Chinese', () => {
    const { text, position } = cursor(mysqlCdc({ after: [['[extractor]', ['binlog_pos|']]] }));
    const result = lintConfig(text, { version: '2.0.26' });
    const english = completeAt(result, position).find((i) => i.label === 'binlog_position')!;
    const chinese = withLocale('zh-cn', () => completeAt(result, position).find((i) => i.label === 'binlog_position')!);
    expect(english.documentation).toContain('- Type: whole number');
    expect(chinese.documentation).toContain(SCHEMA_TEXT_ZH_CN['extractor.binlog_position']);
    expect(chinese.documentation).toContain('- 类型：整数');
    expect(englishLeft(chinese.documentation!)).toEqual([]);
  });

  it('name whole-task snippets in the locale asked for, not the one at load', () => {
    const { text, position } = cursor(ini('|'));
    const result = lintConfig(text, { version: '2.0.26' });
    const snippets = withLocale('zh-cn', () => completeAt(result, position).filter((i) => i.kind === 'snippet'));
    expect(snippets.length).toBe(TASK_SNIPPETS.length);
    for (const s of snippets) {
      expect(s.label).toMatch(CJK);
      expect(s.documentation).toMatch(CJK);
    }
    expect(TASK_SNIPPETS[0].label).toBe('ape-dts task: MySQL → MySQL CDC');
  });

  it('insert whole tasks with Chinese comments that still lint clean', () => {
    const bodies = withLocale('zh-cn', () => TASK_SNIPPETS.map((s) => s.body));
    expect(bodies.filter((b) => /^# .*[\u4e00-\u9fff]/m.test(b)).length).toBe(2);
    for (const body of bodies) {
      for (const version of ['2.0.24', '2.0.26'] as const) expect(lintConfig(expandSnippet(body), { version }).diagnostics).toEqual([]);
    }
  });
});
