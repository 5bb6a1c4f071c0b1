import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LintScheduler } from '../../server/src/lsp/lintScheduler';

// The scheduler alone, on fake timers: which lints run, and which of them may still publish.

const URI = 'file:///work/task_config.ini';

let runs: { uri: string; isCurrent: () => boolean }[];
let scheduler: LintScheduler;

beforeEach(() => {
  vi.useFakeTimers();
  runs = [];
  scheduler = new LintScheduler(async (uri, isCurrent) => void runs.push({ uri, isCurrent }), 150);
});
afterEach(() => {
  scheduler.dispose();
  vi.useRealTimers();
});

describe('LintScheduler', () => {
  it('lints once, 150 ms after the last of several quick edits', () => {
    scheduler.later(URI);
    vi.advanceTimersByTime(100);
    scheduler.later(URI);
    vi.advanceTimersByTime(100);
    scheduler.later(URI);
    vi.advanceTimersByTime(149);
    expect(runs).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(runs).toHaveLength(1);
  });

  it('lints at once on now(), dropping a pending debounced lint', () => {
    scheduler.later(URI);
    void scheduler.now(URI);
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(1);
  });

  it('makes a running lint stale when a newer one is requested', () => {
    void scheduler.now(URI);
    const first = runs[0];
    expect(first.isCurrent()).toBe(true);
    scheduler.later(URI);
    expect(first.isCurrent()).toBe(false);
  });

  it('cancel() (document closed) drops the pending lint and makes a running one stale', () => {
    void scheduler.now(URI);
    scheduler.later(URI);
    scheduler.cancel(URI);
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(1);
    expect(runs[0].isCurrent()).toBe(false);
  });

  it('keeps documents apart', () => {
    scheduler.later(URI);
    scheduler.later('file:///work/other_task_config.ini');
    vi.advanceTimersByTime(150);
    expect(runs.map((r) => r.uri)).toEqual([URI, 'file:///work/other_task_config.ini']);
  });
});
