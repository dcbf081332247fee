// The station database's changes feed: replayed at start from the search index's snapshot, then
// followed live (own writes and replication alike). Each change goes to the caches that accept
// its id; the search index is saved now and then so a start replays little.
import path from 'node:path';
import type { PouchDB as P } from 'pouchdb-node';
import type { Cache } from '../app';
import type { ResidentIndex } from '../search/residentIndex';
import { readSnapshot, writeSnapshot } from '../search/snapshot';
import { prefixRange, type StationDb } from './db';
import { ID_PREFIX, type ResidentDoc } from './docs';

/** How often a changed search index is saved; a crash costs at most this much replay. */
const SNAPSHOT_INTERVAL_MS = 30_000;
/** Changes replayed per read at start, so a long replay never holds every document at once. */
const CATCH_UP_BATCH = 2000;

export interface ChangesFeedDeps {
  db: StationDb;
  dataDir: string;
  index: ResidentIndex;
  /** Every cache a handler may read (the apps' and the core's own); a change goes to each that accepts its id. */
  caches: readonly Cache[];
  /** Every change's id, before the caches see it. */
  changed(id: string): void;
  /** The replay at start is over. */
  replayed(): void;
}

export class ChangesFeed {
  private changes: P.Changes<object> | null = null;
  private indexedSeq: number | string = 0;
  private savedSeq: number | string = -1;
  private saving = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ChangesFeedDeps) {}

  private get snapshotFile(): string {
    return path.join(this.deps.dataDir, 'search-index.json');
  }

  /** Loads the search index (snapshot, else every resident), replays what came after, then follows live. */
  async start(): Promise<void> {
    const { db, index } = this.deps;
    const updateSeq = (await db.info()).update_seq;
    // A snapshot ahead of the database belongs to other data (a restored or replaced folder).
    const snapshot = await readSnapshot(this.snapshotFile).then((s) => (s && Number(s.seq) <= Number(updateSeq) ? s : null));
    let since: number | string;
    if (snapshot) {
      index.load(snapshot.columns);
      since = snapshot.seq;
      this.savedSeq = snapshot.seq;
    } else {
      // No usable snapshot: read every resident once (slow at scale) and save a snapshot soon.
      since = updateSeq;
      const residents = await db.allDocs<ResidentDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.resident) });
      for (const row of residents.rows) if (row.doc) index.upsert(row.doc);
    }
    this.indexedSeq = since;
    // Replay what happened after the snapshot, then follow everything written from now on:
    // own writes and, later, replication.
    for (;;) {
      const missed = await db.changes<object>({ since: this.indexedSeq, include_docs: true, limit: CATCH_UP_BATCH });
      for (const change of missed.results) this.apply(change);
      if (missed.results.length < CATCH_UP_BATCH) break;
    }
    this.deps.replayed();
    this.changes = db
      .changes<object>({ since: this.indexedSeq, live: true, include_docs: true })
      .on('change', (change) => this.apply(change))
      .on('error', () => undefined);
    this.timer = setInterval(() => void this.saveSnapshot(), SNAPSHOT_INTERVAL_MS);
    this.timer.unref();
  }

  private apply(change: P.Change<object>): void {
    this.indexedSeq = change.seq;
    this.deps.changed(change.id);
    for (const cache of this.deps.caches) if (cache.accepts(change.id)) cache.apply(change);
  }

  /**
   * Resolves once the index has applied every change the database had when called (bulk
   * writes are indexed by the changes feed at PouchDB's pace, about 5,000 documents a second).
   */
  async whenIndexed(timeoutMs = 120_000): Promise<boolean> {
    const target = Number((await this.deps.db.info()).update_seq);
    const deadline = Date.now() + timeoutMs;
    while (Number(this.indexedSeq) < target) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  /** Saves the search index if it changed since the last save; never fails the caller. */
  private async saveSnapshot(): Promise<void> {
    // Any change moves the sequence on, residents or not: a snapshot behind it means replaying
    // every later document at the next start.
    if (this.indexedSeq === this.savedSeq || this.saving) return;
    this.saving = true;
    const seq = this.indexedSeq;
    try {
      await writeSnapshot(this.snapshotFile, { seq, columns: this.deps.index.columns() });
      this.savedSeq = seq;
    } catch {
      // Kept behind: the next interval tries again.
    } finally {
      this.saving = false;
    }
  }

  /** Lets the index catch up, stops following and saves a final snapshot (sparing the next start a long replay). */
  async stop(afterCatchUp: () => void = () => undefined): Promise<void> {
    await this.whenIndexed(60_000);
    this.changes?.cancel();
    afterCatchUp();
    if (this.timer) clearInterval(this.timer);
    while (this.saving) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.saveSnapshot();
  }
}
