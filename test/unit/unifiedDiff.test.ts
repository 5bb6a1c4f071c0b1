import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../server/src/core/edits/unifiedDiff';

describe('unifiedDiff', () => {
  it('shows a changed line with context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\n';
    expect(unifiedDiff('x', 'x', before, after)).toBe('--- x\n+++ x\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n');
  });

  it('shows a new file as all added', () => {
    expect(unifiedDiff('/dev/null', 'r', '', 'l1\n')).toBe('--- /dev/null\n+++ r\n@@ -0,0 +1,1 @@\n+l1\n');
  });

  it('is empty when nothing changes', () => {
    expect(unifiedDiff('x', 'x', 'a\n', 'a\n')).toBe('');
  });
});
