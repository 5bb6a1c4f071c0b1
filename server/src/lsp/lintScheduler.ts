// When to lint a document: now (open, save, settings change) or after a quiet spell while
// typing. Each request supersedes the earlier ones for the same document, so a lint still
// waiting for its settings does not publish after a newer one ("the last change wins").

export type LintJob = (uri: string, isCurrent: () => boolean) => Promise<void>;

export class LintScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  // One counter for all documents, so a document closed and reopened never reuses a number.
  private counter = 0;

  constructor(
    private readonly job: LintJob,
    private readonly delayMs = 150,
  ) {}

  now(uri: string): Promise<void> {
    this.clearTimer(uri);
    const generation = this.bump(uri);
    return this.job(uri, () => this.generations.get(uri) === generation);
  }

  /** Debounced: restarts the wait on every call. */
  later(uri: string): void {
    this.clearTimer(uri);
    this.bump(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.now(uri);
      }, this.delayMs),
    );
  }

  /** The document closed: drop its pending wait and make any running lint stale. */
  cancel(uri: string): void {
    this.clearTimer(uri);
    this.generations.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.generations.clear();
  }

  private bump(uri: string): number {
    this.generations.set(uri, ++this.counter);
    return this.counter;
  }

  private clearTimer(uri: string): void {
    const t = this.timers.get(uri);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(uri);
  }
}
