// Records the county accepted are locked at the station: a change needs a recorded unlock by the
// county. The lock lives on the record itself (`countyLock`, which only county accounts may set or
// lift on the server: county/designDocs.ts); reviews (`review:<batch>`) and unlocks
// (`unlock:<record>:<time>`) are written only by county accounts too. All arrive with the pull.
import type { PouchDB as P } from 'pouchdb-node';
import { countyDecisions, isLockableId } from '../../../shared/sync/review';
import { LeyeError } from '../../../shared/rpc/errors';
import { DocCache } from '../store/docCache';
import { ID_PREFIX, type ReviewDoc, type UnlockDoc } from '../store/docs';

/** When the county locked a record, as the record says (`countyLock.at`), or null. */
export function countyLockOf(doc: unknown): string | null {
  const lock = (doc as { countyLock?: unknown } | null)?.countyLock;
  if (lock === undefined || lock === null || typeof lock !== 'object') return null;
  const at = (lock as { at?: unknown }).at;
  return typeof at === 'string' ? at : '';
}

/**
 * The records that carry the county's lock, fed by the changes feed (a cache of derived state):
 * a record the pull brought locked is locked at once, even before its review arrives. Records
 * locked before the feed's snapshot are locked through their review, which arrived with them.
 */
export class RecordLocks {
  private readonly locked = new Map<string, string>();
  private changes = 0;

  /** Grows whenever a record's lock is set or lifted. */
  get version(): number {
    return this.changes;
  }

  /** Nothing to load: the feed replays what came after its snapshot, and every change after. */
  ensure(): Promise<void> {
    return Promise.resolve();
  }

  accepts(id: string): boolean {
    return isLockableId(id);
  }

  apply(change: P.Change<object>): void {
    const at = change.deleted ? null : countyLockOf(change.doc);
    if (at === (this.locked.get(change.id) ?? null)) return;
    this.changes += 1;
    if (at === null) this.locked.delete(change.id);
    else this.locked.set(change.id, at);
  }

  ids(): Iterable<string> {
    return this.locked.keys();
  }

  get(id: string): string | null {
    return this.locked.get(id) ?? null;
  }
}

export class LockStore {
  readonly reviews = new DocCache<ReviewDoc>(ID_PREFIX.review);
  readonly unlocks = new DocCache<UnlockDoc>(ID_PREFIX.unlock);
  readonly records = new RecordLocks();

  private index: ({ reviews: number; unlocks: number } & ReturnType<typeof countyDecisions>) | null = null;

  /** Per record, the county's latest acceptance and latest unlock; rebuilt only when a review or an unlock arrives. */
  private current(): ReturnType<typeof countyDecisions> {
    if (this.index?.reviews === this.reviews.version && this.index.unlocks === this.unlocks.version) return this.index;
    this.index = { reviews: this.reviews.version, unlocks: this.unlocks.version, ...countyDecisions(this.reviews.values(), this.unlocks.values()) };
    return this.index;
  }

  /** When the county last accepted (or locked) a record, if it did and has not unlocked it since. */
  lockedAt(id: string): string | null {
    const { accepted, unlocked } = this.current();
    const reviewed = accepted.get(id)?.at ?? null;
    const onRecord = this.records.get(id);
    const at = reviewed !== null && (onRecord === null || reviewed > onRecord) ? reviewed : onRecord;
    if (at === null) return null;
    const lifted = unlocked.get(id);
    return lifted && lifted > at ? null : at;
  }

  /** Grows whenever what is locked may have changed (a review, an unlock, a record's lock). */
  get version(): number {
    return this.reviews.version + this.unlocks.version + this.records.version;
  }

  /** Every record locked now. */
  *lockedIds(): Iterable<string> {
    const { accepted } = this.current();
    for (const id of accepted.keys()) if (this.lockedAt(id) !== null) yield id;
    for (const id of this.records.ids()) if (!accepted.has(id) && this.lockedAt(id) !== null) yield id;
  }

  /** Refuses a write to any record the county accepted. */
  assertUnlocked(ids: readonly string[]): void {
    for (const id of ids) {
      const at = this.lockedAt(id);
      if (at !== null) throw new LeyeError({ code: 'LOCKED', messageKey: 'errors.sync.locked', params: { at: at.slice(0, 10) }, details: { id } });
    }
  }
}
