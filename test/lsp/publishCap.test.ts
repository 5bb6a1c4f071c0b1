import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../server/src/core/diagnostic';
import { withLocale } from '../../server/src/core/i18n';
import { capProblems, MAX_PUBLISHED_PROBLEMS } from '../../server/src/lsp/publishCap';
import { ServerSession } from './serverSession';

// Issue 8: a pathological file must not flood the Problems panel; the CLI lists everything.

const at = (line: number, severity: Severity, code = `c${line}`): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity,
  code,
  message: `m${line}`,
});

describe('capProblems', () => {
  it('passes up to the cap through unchanged', () => {
    const list = [at(0, 'hint'), at(1, 'error'), at(2, 'warning')];
    expect(capProblems(list, 3)).toEqual(list);
    expect(capProblems([], 3)).toEqual([]);
  });

  it('keeps the most severe, in their original order, and says how many more there are', () => {
    const list = [at(0, 'hint'), at(1, 'warning'), at(2, 'error'), at(3, 'information'), at(4, 'warning'), at(5, 'error')];
    const capped = capProblems(list, 3);
    expect(capped.map((d) => d.code)).toEqual(['c1', 'c2', 'c5', 'lsp.too-many-problems']);
    expect(capped[3]).toEqual({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'information',
      code: 'lsp.too-many-problems',
      message: '3 more problems are not shown (at most 3 per file); `apedts lint` lists them all.',
    });
  });

  it('says it in the current language', () => {
    const capped = withLocale('zh-cn', () => capProblems([at(0, 'error'), at(1, 'error')], 1));
    expect(capped[1].message).toBe('另有 1 个问题未显示（每个文件最多显示 1 个）；`apedts lint` 会列出全部问题。');
  });

  it('caps at 1000 by default', () => {
    const list = Array.from({ length: 2500 }, (_, i) => at(i, 'warning'));
    const capped = capProblems(list);
    expect(MAX_PUBLISHED_PROBLEMS).toBe(1000);
    expect(capped).toHaveLength(1001);
    expect(capped.slice(0, 1000)).toEqual(list.slice(0, 1000));
    expect(capped[1000].message).toMatch(/^1500 more problems/);
  });
});

describe('the server', () => {
  let session: ServerSession | undefined;
  afterEach(() => {
    session?.stop();
    session = undefined;
  });

  it('publishes at most 1000 problems of a document, errors first, and a note on the rest', async () => {
    session = await ServerSession.start({ settings: { version: '2.0.26' } });
    const uri = 'file:///work/tasks/flood/task_config.ini';
    // Each line without '=' is two warnings (a key without a value, an unknown key); 3000 in all.
    const lines = Array.from({ length: 1500 }, (_, i) => `bogus line ${i}`);
    await session.open(uri, `[extractor]\n${lines.join('\n')}\n`);
    const { diagnostics } = await session.nextDiagnostics(uri);
    expect(diagnostics).toHaveLength(1001);
    const note = diagnostics[1000];
    expect([note.code, note.severity]).toEqual(['lsp.too-many-problems', 3]);
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    expect(errors).toBeGreaterThan(0);
    expect(note.message).toBe(`${3000 + errors - 1000} more problems are not shown (at most 1000 per file); \`apedts lint\` lists them all.`);
  });
});
