// A first-in first-out queue of submissions with one call in flight at a time. The sign-in
// field never waits for the core: Enter puts the entry here and the field is free at once; the
// results come back in the order people presented themselves.

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export class SubmitQueue<T, R> {
  private readonly waiting: T[] = [];
  private running = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly worker: (item: T) => Promise<R>,
    private readonly onSettled: (item: T, outcome: Outcome<R>) => void,
  ) {}

  /** Items not yet settled (waiting plus the one in flight). */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  push(item: T) {
    this.waiting.push(item);
    this.changed();
    if (!this.running) void this.drain();
  }

  /** Called whenever `size` changes. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once nothing is waiting or in flight. */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onChange(() => {
        if (this.size === 0) {
          off();
          resolve();
        }
      });
    });
  }

  private changed() {
    for (const listener of [...this.listeners]) listener();
  }

  private async drain() {
    this.running = true;
    while (this.waiting.length > 0) {
      const item = this.waiting.shift()!;
      let outcome: Outcome<R>;
      try {
        outcome = { ok: true, value: await this.worker(item) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      try {
        this.onSettled(item, outcome);
      } catch {
        // A listener's failure must not stop the queue: the next person is waiting.
      }
      // The next item is about to run: `size` counts it as in flight.
      if (this.waiting.length > 0) this.changed();
    }
    this.running = false;
    this.changed();
  }
}
