// The station's own tally kept current in the background: brought up to date soon after the
// station starts and again whenever the changes feed brings a record it counts (own writes,
// replication, a bulk seed), so the dashboard's first opening finds it current and reads nothing.
import type { Cache } from '../app';
import type { StationDb } from '../store/db';
import type { Tally } from './tally';

/** How long after the station opens the tally is first brought up to date (the start is not slowed). */
const START_DELAY_MS = 300;
/** Changes arriving within this long are taken in by one catch-up. */
const BATCH_DELAY_MS = 100;
/** Once the feed has been quiet this long, what came in since the last save is saved. */
const SAVE_IDLE_MS = 200;

const followed = new WeakMap<StationDb, Tally>();

/** The tally following a database (tests: what it holds before any dashboard call). */
export function followedTally(db: StationDb): Tally | undefined {
  return followed.get(db);
}

export class TallyFollower {
  private timer: NodeJS.Timeout | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private again = false;
  private running = false;
  private stopped = false;

  constructor(
    private readonly tally: Tally,
    private readonly db: StationDb,
  ) {
    followed.set(db, tally);
  }

  /** What the changes feed calls for every record the tally counts. */
  readonly feed: Cache = {
    ensure: async () => undefined,
    accepts: (id) => this.tally.counts(id),
    apply: () => this.schedule(BATCH_DELAY_MS),
  };

  /** Brings the tally up to date shortly after the station opens. */
  start(): void {
    this.schedule(START_DELAY_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.timer = this.saveTimer = null;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.timer) return;
    this.timer = setTimeout(() => void this.run(), delay);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.running = true;
    this.again = false;
    try {
      await this.tally.refresh(this.db);
    } catch {
      // A closed or restored database: the dashboard's own refresh says what is wrong.
      this.stopped = true;
    } finally {
      this.running = false;
    }
    if (this.again) this.schedule(BATCH_DELAY_MS);
    else if (!this.stopped) {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = null;
        if (!this.stopped && !this.running) this.tally.saveIfBehind(this.db);
      }, SAVE_IDLE_MS);
      this.saveTimer.unref();
    }
  }
}
