// The waiting set: what changed here since the last push began and still has to reach the county.
import { stationLevel } from '../../../shared/places';
import type { CoreContext } from '../context';
import { ID_PREFIX } from '../store/docs';
import type { FileDelivery } from './batches';
import type { SyncStateStore } from './state';

/**
 * Every document changed since the last push began that may go up, by id: its current revision.
 * Deleted ones and those never sent are not kept (a later change of theirs sets or removes them):
 * at a station that never pushed, this is every record (700,000 at the 100,000-resident bench
 * station), so an entry is an id and a revision, no object beside them (issue 18).
 */
type Changed = Map<string, string>;

/** What goes up but is not one of the clerk's records: the station's entry and the audit log. */
const NOT_COUNTED: readonly string[] = [ID_PREFIX.station, ID_PREFIX.audit];

/**
 * The policy parameters shipped with the app are the same at every station: sent up, they would
 * meet as conflicts in the county aggregate (one id, a revision per station). They stay here; the
 * county's confirmed, dated values come down from county_ref.
 */
export function isShippedDefault(doc: object): boolean {
  const d = doc as { type?: unknown; isDefault?: unknown };
  return d.type === 'policy' && d.isDefault === true;
}

/** Which ids never wait, which a county station sends (its reference data), and the page size. */
export interface WaitingRules {
  notSent: RegExp;
  isReference(id: string): boolean;
  /** Changes read per page when bringing the waiting set forward. */
  changedPage: number;
}

export class WaitingSet {
  /** The last count (while syncing, counting anew would read every change). */
  lastCount = 0;
  private changedReading: Promise<unknown> = Promise.resolve();
  private changedCache: { base: number | string; seq: number | string; docs: Changed } | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly state: SyncStateStore,
    private readonly rules: WaitingRules,
    private readonly fileDelivery: () => FileDelivery | null,
  ) {}

  /**
   * Waiting = records changed here since the last successful push began; not the batch
   * manifests (bookkeeping) nor what was pulled from the county (reviews). Counted as the clerk
   * thinks of records: the station's own entry and audit entries still travel with the next
   * batch, but a new station with nothing registered has nothing "waiting".
   */
  async count(): Promise<number> {
    let count = 0;
    await this.each((id) => {
      if (!NOT_COUNTED.some((prefix) => id.startsWith(prefix))) count += 1;
    });
    this.lastCount = count;
    return count;
  }

  /**
   * What the next batch carries: every record changed here since the last successful push began
   * (its current revision, in id order), except what a receipt says reached the county on a file.
   */
  async docs(): Promise<{ id: string; rev: string }[]> {
    const docs: { id: string; rev: string }[] = [];
    await this.each((id, rev) => docs.push({ id, rev }));
    return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Visits what waits, unsorted. The count is asked for every 2 s while the clerk works: at
   * 300,000 unpushed records, building and sorting the list each time held the core for seconds.
   */
  private async each(visit: (id: string, rev: string) => void): Promise<void> {
    const changed = await this.changedSincePush();
    // A county station sends only the reference data its staff edit.
    const county = stationLevel(this.ctx.station().placeCode) === 'county';
    const candidate = (id: string) => !county || this.rules.isReference(id);
    const policyIds: string[] = [];
    for (const id of changed.keys()) if (id.startsWith(ID_PREFIX.policy) && candidate(id)) policyIds.push(id);
    const shipped = new Set(
      policyIds.length === 0
        ? []
        : (await this.ctx.db.allDocs<object>({ keys: policyIds, include_docs: true })).rows.flatMap((r) => (r.doc && isShippedDefault(r.doc) ? [r.id] : [])),
    );
    // A Map, not the stored object: looking 300,000 fresh id strings up as object keys costs
    // V8 most of this loop (each key is interned first).
    const countyWritten = new Map(Object.entries(this.state.value.countyWritten ?? {}));
    const fileDelivery = this.fileDelivery();
    for (const [id, rev] of changed) {
      if (!candidate(id) || shipped.has(id)) continue;
      if (fileDelivery?.delivered(id, rev) || countyWritten.get(id) === rev) continue;
      // A record the county locked changed here only by the pull (its lock, or a change set aside).
      if (this.ctx.lockedAt(id) !== null) continue;
      visit(id, rev);
    }
  }

  /**
   * Every document changed since the last push began, with its current revision. Kept between
   * calls and brought forward with only the newer changes: the status asks for it every few
   * seconds while the clerk works, and a station that has never pushed 100,000 records must not
   * re-read them all each time (that starved every other read).
   */
  private changedSincePush(): Promise<Changed> {
    // One reader at a time: two overlapping reads could set a document back to an older revision.
    const next = this.changedReading.then(() => this.readChangedSincePush());
    this.changedReading = next.catch(() => undefined);
    return next;
  }

  private async readChangedSincePush(): Promise<Changed> {
    const base = this.state.value.pushedSeq;
    if (!this.changedCache || this.changedCache.base !== base) this.changedCache = { base, seq: base, docs: new Map() };
    const cache = this.changedCache;
    for (;;) {
      const changes = await this.ctx.db.changes<object>({ since: cache.seq, limit: this.rules.changedPage });
      // A push finishing meanwhile moved the base: start over from it.
      if (this.state.value.pushedSeq !== base) return this.readChangedSincePush();
      for (const c of changes.results) {
        if (c.deleted === true || this.rules.notSent.test(c.id)) cache.docs.delete(c.id);
        else cache.docs.set(c.id, c.changes[0]!.rev);
      }
      cache.seq = changes.last_seq;
      if (changes.results.length < this.rules.changedPage) return cache.docs;
    }
  }
}
