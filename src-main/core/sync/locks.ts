// Records the county accepted are locked at the station: a change needs a recorded unlock by the
// county. Reviews (`review:<batch>`) and unlocks (`unlock:<record>:<time>`) are written only by
// county accounts (the server's validation) and arrive with the pull.
import { LeyeError } from '../../../shared/rpc/errors';
import { DocCache } from '../store/docCache';
import { ID_PREFIX, type ReviewDoc, type UnlockDoc } from '../store/docs';

export class LockStore {
  readonly reviews = new DocCache<ReviewDoc>(ID_PREFIX.review);
  readonly unlocks = new DocCache<UnlockDoc>(ID_PREFIX.unlock);

  /** When the county last accepted a record, if it did and has not unlocked it since. */
  lockedAt(id: string): string | null {
    let accepted: string | null = null;
    for (const review of this.reviews.values()) {
      if (review.records.some((r) => r.id === id && r.decision === 'accepted') && (!accepted || review.updatedAt > accepted)) accepted = review.updatedAt;
    }
    if (!accepted) return null;
    const unlocked = this.unlocks.values().some((u) => u.targetId === id && u.updatedAt > accepted!);
    return unlocked ? null : accepted;
  }

  /** Refuses a write to any record the county accepted. */
  assertUnlocked(ids: readonly string[]): void {
    for (const id of ids) {
      const at = this.lockedAt(id);
      if (at) throw new LeyeError({ code: 'LOCKED', messageKey: 'errors.sync.locked', params: { at: at.slice(0, 10) }, details: { id } });
    }
  }
}
