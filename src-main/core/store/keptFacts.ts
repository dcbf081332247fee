// Facts kept in memory from a database's documents (the statistics' tally, the work list's
// facts): brought to the database's sequence by replaying its changes, or by reading every
// document of their types afresh when they are new or too far behind; and saved between starts,
// so a start reads the saved copy and the changes since.
//
// The station's own copies are files in its data folder (`kept/`, beside the search index's
// snapshot), not `_local` documents: at 100,000 residents they are 33 MB (the work list) and
// 19 MB (the statistics) of JSON, and every save of them into LevelDB was written again by its
// compactions, which left their tables mapped in the host's memory (issue 18). They are written
// and read as JSON lines, a slice at a time (./savedLines.ts).
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Cache } from '../app';
import type { StationDb } from './db';
import { getOrNull, keptFolderOf, prefixRange } from './db';
import { START_YIELD_LIMIT_MS, foregroundOf } from './foreground';
import { readLines, writeLines } from './savedLines';

/** Changes replayed per read. */
const CHANGES_BATCH = 2000;
/** Documents read per page when reading afresh (a year of daily marks is never all in memory). */
const READ_PAGE = 5000;

export interface FactReader {
  /** The documents the facts are made of. */
  prefixes: readonly string[];
  /** Beyond this many changes behind, the facts are read afresh instead. */
  rebuildAfter: number;
  clear(): void;
  apply(id: string, doc: Record<string, unknown> | undefined, deleted: boolean): void;
  /** A change the facts do not need (never called when reading afresh). */
  skips?(id: string): boolean;
}

/** Brings facts at sequence `from` to `seq` (taken before reading: what is written meanwhile is replayed next time); answers the sequence reached. */
export async function readFactsTo(db: StationDb, from: number, seq: number, facts: FactReader): Promise<number> {
  if (seq === from) return from;
  if (from < 0 || seq - from > facts.rebuildAfter) {
    facts.clear();
    for (const prefix of facts.prefixes) {
      const range = prefixRange(prefix);
      let startkey = range.startkey;
      for (let first = true; ; first = false) {
        const page = await db.allDocs<Record<string, unknown>>({ include_docs: true, startkey, endkey: range.endkey, limit: READ_PAGE, skip: first ? 0 : 1 });
        for (const row of page.rows) facts.apply(row.id, row.doc as Record<string, unknown> | undefined, false);
        if (page.rows.length < READ_PAGE) break;
        startkey = page.rows[page.rows.length - 1]!.id;
      }
    }
    return seq;
  }
  let at = from;
  for (;;) {
    const changes = await db.changes<Record<string, unknown>>({ since: at, include_docs: true, limit: CHANGES_BATCH });
    for (const change of changes.results) {
      if (facts.skips?.(change.id)) continue;
      facts.apply(change.id, change.doc as Record<string, unknown> | undefined, change.deleted === true);
    }
    at = Number(changes.last_seq);
    if (changes.results.length < CHANGES_BATCH) break;
  }
  return at;
}

/** The file of a saved copy (`_local/stats-tally` → `<folder>/stats-tally.json`). */
export function savedFile(folder: string, id: string): string {
  return path.join(folder, `${id.replace(/^_local\//, '')}.json`);
}

/** Writes a file whole or not at all: a temporary file, flushed, renamed over the old one. `data` may write itself, in parts. */
export async function writeWhole(file: string, data: string | Uint8Array | ((handle: FileHandle) => Promise<void>)): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.tmp`;
  const handle = await fs.promises.open(temp, 'w', 0o600);
  try {
    if (typeof data === 'function') await data(handle);
    else await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, file);
}

/**
 * Entries of a saved copy taken in between two steps (`Step`). The statistics' copy of a station
 * with a year of attendance and training (118,000 records) took 280 ms to take in at once, 300 ms
 * after the start, and the host answered nothing meanwhile. 5,000 entries take a few milliseconds.
 */
const TAKE_SLICE = 5_000;

/** What a copy being taken in does between two slices of it: the event loop turns, and the calls in flight go first. */
export type Step = () => Promise<void>;

/** Takes a saved copy's list in a slice at a time, a step between two slices. */
export async function takeInSlices<T>(list: Iterable<T>, take: (entry: T) => void, step: Step): Promise<void> {
  let n = 0;
  for (const entry of list) {
    take(entry);
    if (++n % TAKE_SLICE === 0) await step();
  }
}

/** The saved copy of kept facts: where it is, the sequence it holds, and one save at a time. */
export class SavedCopy {
  seq = -1;
  /** The `_local` document's revision: a database without a folder, or a copy saved there before the files (removed once a file holds it). */
  private rev: string | undefined;
  private saving = false;
  /** A call waits for the facts being taken in: their steps no longer wait for the calls in flight. */
  private hurried = false;
  /** Ends a step's wait for the calls in flight (one of them may be the call that waits for these facts). */
  private wake: (() => void) | null = null;

  constructor(private readonly every: number) {}

  /** A call (not the background) waits for these facts: taking them in goes on without waiting for the calls in flight. */
  hurry(): void {
    this.hurried = true;
    this.wake?.();
  }

  /**
   * A step of taking a copy in: the event loop turns, then, unless a call waits for these facts,
   * the calls in flight go first (up to START_YIELD_LIMIT_MS, or the foreground's own limit where a
   * test has made it longer), so the first calls after a start do not wait behind the loading of
   * facts they do not read.
   */
  private step(db: StationDb): Step {
    return async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.hurried) return;
      const foreground = foregroundOf(db);
      await Promise.race([foreground.turn(Math.max(START_YIELD_LIMIT_MS, foreground.limitMs)), new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = null;
    };
  }

  /** A save is being written (the next one waits). */
  get busy(): boolean {
    return this.saving;
  }

  /** The copy saved at an earlier start, or null: its file, else its `_local` document. */
  async load<T extends object>(db: StationDb, id: string): Promise<T | null> {
    const folder = keptFolderOf(db);
    if (folder) {
      const file = savedFile(folder, id);
      if (fs.existsSync(file)) return readLines<T>(file, this.step(db));
    }
    const doc = await getOrNull<T>(db, id).catch(() => null);
    this.rev = doc?._rev;
    return doc;
  }

  /**
   * Takes the copy saved at an earlier start in, with `apply` (false when it is not for this
   * database: another format, a later sequence). A copy that fails while taken in (damaged, or
   * written by hand) counts as none: `clear` undoes what was taken and the facts are read afresh;
   * a cache never stops the screen it serves. Answers the sequence the facts now hold (-1: none).
   */
  async restore<T extends { seq: number }>(db: StationDb, id: string, apply: (saved: T, step: Step) => boolean | Promise<boolean>, clear: () => void): Promise<number> {
    const saved = await this.load<T>(db, id);
    if (!saved || !Number.isSafeInteger(saved.seq) || saved.seq < 0) return -1;
    try {
      if (!(await apply(saved, this.step(db)))) return -1;
    } catch {
      clear();
      return -1;
    }
    this.loaded(saved.seq);
    return saved.seq;
  }

  /** The loaded copy was taken in: it holds the changes up to `seq`. */
  loaded(seq: number): void {
    this.seq = seq;
  }

  /** Enough changes since the last save (or nothing saved yet). */
  due(current: number): boolean {
    return current - this.seq >= Math.min(this.every, current + 1);
  }

  /** Saves the facts as they are now (taken at once: later changes wait for the next save). A cache: a failed save is tried again after the next changes. */
  save(db: StationDb, doc: { _id: string; seq: number }): void {
    if (this.saving) return;
    this.saving = true;
    void this.write(db, doc)
      .then(() => (this.seq = doc.seq))
      .catch(() => undefined)
      .finally(() => (this.saving = false));
  }

  private async write(db: StationDb, doc: { _id: string; seq: number }): Promise<void> {
    const folder = keptFolderOf(db);
    if (!folder) {
      this.rev = (await db.put({ ...doc, ...(this.rev ? { _rev: this.rev } : {}) })).rev;
      return;
    }
    // A slice at a time, each waiting for the calls in flight (store/foreground.ts).
    const foreground = foregroundOf(db);
    await writeWhole(savedFile(folder, doc._id), (handle) => writeLines(handle, doc, () => foreground.turn()));
    // The copy an earlier version kept in the database goes once the file holds it.
    if (this.rev) await db.put({ _id: doc._id, _rev: this.rev, _deleted: true });
    this.rev = undefined;
  }
}

/** Kept facts a follower keeps current: brought to the database's sequence, saved when behind. */
export interface Followed {
  /** The database sequence the facts hold every change up to (-1 before they are read). */
  seq: number;
  /** `background`: the follower's own catch-up, which no call waits for (a saved copy is then taken in behind the calls). */
  refresh(db: StationDb, background?: boolean): Promise<void>;
  /** Saves the facts if at least `atLeast` changes came in since they were last saved. */
  saveIfBehind(db: StationDb, atLeast?: number): void;
  /** Whether a document of this id is one the facts are made of. */
  counts(id: string): boolean;
  /** Changes taken in before a quiet moment saves them (default 1): a copy of many megabytes is not written again for every record. */
  readonly quietSaveAfter?: number;
}

/** How long after the station opens the facts are first brought up to date (the start is not slowed). */
const START_DELAY_MS = 300;
/** Changes arriving within this long are taken in by one catch-up. */
const BATCH_DELAY_MS = 100;
/** Once the feed has been quiet this long, what came in since the last save is saved. */
const SAVE_IDLE_MS = 200;
/** Changes of other records past the saved copy before it is saved again (well below any rebuild bound). */
const PASSED_SAVE_AFTER = 5_000;

/**
 * Keeps facts current in the background: brought up to date soon after the station starts and
 * again whenever the changes feed brings a document they are made of (own writes, replication, a
 * bulk seed), so the screen that reads them first finds them current and reads nothing.
 */
export class FactsFollower {
  private timer: NodeJS.Timeout | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private again = false;
  private running = false;
  private stopped = false;
  /** The sequence of the last change the feed brought that the facts are made of. */
  private lastCounted = -1;

  constructor(
    private readonly facts: Followed,
    private readonly db: StationDb,
  ) {}

  /**
   * What the changes feed calls for every change: one the facts are made of is taken in soon;
   * any other moves the facts' sequence past it when they are current (nothing they count came
   * in between), so a later catch-up never replays the station's other records.
   */
  readonly feed: Cache = {
    derived: true,
    ensure: async () => undefined,
    accepts: () => true,
    apply: (change) => {
      const seq = Number(change.seq);
      if (this.facts.counts(change.id)) {
        this.lastCounted = Math.max(this.lastCounted, seq);
        this.schedule(BATCH_DELAY_MS);
      } else if (!this.running && !this.timer && this.facts.seq >= 0 && this.facts.seq >= this.lastCounted && seq > this.facts.seq) {
        this.facts.seq = seq;
        // Far enough past the saved copy, the next start would read everything afresh: saved once the feed is quiet.
        this.saveWhenQuiet(PASSED_SAVE_AFTER);
      }
    },
  };

  /** Brings the facts up to date shortly after the station opens. */
  start(): void {
    this.schedule(START_DELAY_MS);
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
      await this.facts.refresh(this.db, true);
    } catch {
      // A closed or restored database: whoever reads the facts next says what is wrong.
      this.stopped = true;
    } finally {
      this.running = false;
    }
    if (this.again) this.schedule(BATCH_DELAY_MS);
    else this.saveWhenQuiet(this.facts.quietSaveAfter ?? 1);
  }

  private saveWhenQuiet(atLeast: number): void {
    if (this.stopped) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (!this.stopped && !this.running) this.facts.saveIfBehind(this.db, atLeast);
    }, SAVE_IDLE_MS);
    this.saveTimer.unref();
  }
}
