// The calls a clerk waits for go first. What a station does in the background for itself (saving
// its kept facts as files: store/keptFacts.ts) goes a step at a time and, between steps, waits
// while a call to the same database is in flight, so no call waits behind a step of it (a
// 300,000-resident work list's copy is thousands of lines). Measured side by side (bench
// `--only services` at 100,000): with the lines written between the calls' own reads instead,
// the timeline's p95 went from 4.7–5.5 ms (the copy written as one JSON text, which froze the
// call that came then: 141–359 ms) to 10.2–14 ms. Calls in flight for YIELD_LIMIT_MS are a long
// one (a sync, an export) or calls back to back: the steps go ahead beside them, so background
// work keeps moving (and the copy being written is not held in memory for minutes).
import type { StationDb } from './db';

/** How long a background step waits for the calls in flight before it goes ahead anyway. */
export const YIELD_LIMIT_MS = 50;
/**
 * How long a step of a start's taking in of its kept facts waits for the calls in flight
 * (store/keptFacts.ts), which goes on for a second or so after the start. On a 5,000-resident
 * station with a year of every domain's records (`bench --only start`), the audit log's first page
 * (20–46 ms alone) right after the login took 444–565 ms while the statistics' copy was taken in
 * at once (280 ms without an answer), and 450–530 ms in slices that waited the saves' 50 ms (the
 * page was then a long call, and the slices went on beside it); 62–100 ms with this limit. Waiting
 * a whole second put the facts behind a 100,000-resident station's login (1.3 s), and the
 * statistics' first opening right after it waited for them: 530–600 ms instead of 50–75 (63–75
 * with this limit). A call that waits for the facts themselves does not wait on this
 * (`SavedCopy.hurry`).
 */
export const START_YIELD_LIMIT_MS = 200;

export class Foreground {
  /** How long a step waits for the calls in flight (a test that holds a call lengthens it). */
  limitMs = YIELD_LIMIT_MS;
  private inFlight = 0;
  /** When the calls in flight began to be (the count last rose from none). */
  private busySince = 0;
  /** The busySince of calls a step has waited the limit for (a long one). */
  private longSince = -1;
  private readonly waiting = new Set<() => void>();
  private releasing = false;

  /** A call begins. */
  enter(): void {
    if (this.inFlight === 0) this.busySince = performance.now();
    this.inFlight += 1;
  }

  /**
   * A call ended (answered or failed): once none is left, the waiting steps go on, after the
   * answer has gone out and only if no call began meanwhile (a step let go at once would run
   * before the caller has its answer: every call of a busy loop waited for one).
   */
  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight > 0 || this.releasing) return;
    this.releasing = true;
    setImmediate(() => {
      this.releasing = false;
      if (this.inFlight > 0) return;
      const waiting = [...this.waiting];
      this.waiting.clear();
      for (const go of waiting) go();
    });
  }

  /** Calls in flight now. */
  get calls(): number {
    return this.inFlight;
  }

  /**
   * A background step's turn: at once when no call is in flight or the calls in flight have
   * been for YIELD_LIMIT_MS (a long one: the steps go on beside it, as they did before, instead of
   * one every YIELD_LIMIT_MS for the minutes a sync may take), else when none is in flight or at
   * that limit. A start's loading of its kept facts waits longer (`limitMs`: START_YIELD_LIMIT_MS).
   */
  turn(limitMs = this.limitMs): Promise<void> {
    const waited = performance.now() - this.busySince;
    if (this.inFlight === 0 || waited >= limitMs || this.longSince === this.busySince) return Promise.resolve();
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        this.waiting.delete(go);
        resolve();
      };
      const timer = setTimeout(() => {
        // The same calls in flight most of the wait (not a new one just begun; a timer may fire a
        // little early): a long one.
        if (this.inFlight > 0 && performance.now() - this.busySince >= limitMs / 2) this.longSince = this.busySince;
        go();
      }, limitMs - waited);
      timer.unref();
      this.waiting.add(go);
    });
  }
}

const byDb = new WeakMap<StationDb, Foreground>();

/** The calls in flight on a database (the dispatcher enters and leaves each call). */
export function foregroundOf(db: StationDb): Foreground {
  let foreground = byDb.get(db);
  if (!foreground) byDb.set(db, (foreground = new Foreground()));
  return foreground;
}
