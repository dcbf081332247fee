// Records the county accepted are locked at the station: a change needs a recorded unlock by the
// county. Reviews (`review:<batch>`) and unlocks (`unlock:<record>:<time>`) are written only by
// county accounts (the server's validation) and arrive with the pull.
import { LeyeError } from '../../../shared/rpc/errors';
import { DocCache } from '../store/docCache';
import { ID_PREFIX, type ReviewDoc, type UnlockDoc } from '../store/docs';

export class LockStore {
  readonly reviews = new DocCache<ReviewDoc>(ID_PREFIX.review);
  readonly unlocks = new DocCache<UnlockDoc>(ID_PREFIX.unlock);

  private index: { reviews: number; unlocks: number; accepted: Map<string, string>; unlocked: Map<string, string> } | null = null;

  /** Per record, the county's latest acceptance and latest unlock; rebuilt only when a review or an unlock arrives. */
  private current(): { accepted: Map<string, string>; unlocked: Map<string, string> } {
    if (this.index?.reviews === this.reviews.version && this.index.unlocks === this.unlocks.version) return this.index;
    const accepted = new Map<string, string>();
    for (const review of this.reviews.values()) {
      for (const r of review.records) {
        if (r.decision !== 'accepted') continue;
        const before = accepted.get(r.id);
        if (!before || review.updatedAt > before) accepted.set(r.id, review.updatedAt);
      }
    }
    const unlocked = new Map<string, string>();
    for (const u of this.unlocks.values()) {
      const before = unlocked.get(u.targetId);
      if (!before || u.updatedAt > before) unlocked.set(u.targetId, u.updatedAt);
    }
    this.index = { reviews: this.reviews.version, unlocks: this.unlocks.version, accepted, unlocked };
    return this.index;
  }

  /** When the county last accepted a record, if it did and has not unlocked it since. */
  lockedAt(id: string): string | null {
    const { accepted, unlocked } = this.current();
    const at = accepted.get(id);
    if (!at) return null;
    const lifted = unlocked.get(id);
    return lifted && lifted > at ? null : at;
  }

  /** Refuses a write to any record the county accepted. */
  assertUnlocked(ids: readonly string[]): void {
    for (const id of ids) {
      const at = this.lockedAt(id);
      if (at) throw new LeyeError({ code: 'LOCKED', messageKey: 'errors.sync.locked', params: { at: at.slice(0, 10) }, details: { id } });
    }
  }
}
