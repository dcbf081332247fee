// The county's decisions by record, for the timeline: read from the reviews the station pulled (a
// cache the changes feed keeps current), indexed once per change of the set, so a resident's
// timeline looks its records up instead of reading every review.
import { DocCache } from '../store/docCache';
import { ID_PREFIX, type ReviewDoc } from '../store/docs';

export interface Decision {
  decision: 'accepted' | 'returned';
  reason: string;
  /** When the county decided (the review's time). */
  at: string;
}

export class DecisionIndex {
  readonly reviews = new DocCache<ReviewDoc>(ID_PREFIX.review);
  private index: { version: number; byRecord: Map<string, Decision[]> } | null = null;

  /** Every decision on a record, oldest first. */
  of(recordId: string): readonly Decision[] {
    if (this.index?.version !== this.reviews.version) {
      const byRecord = new Map<string, Decision[]>();
      for (const review of this.reviews.values()) {
        for (const r of review.records) byRecord.set(r.id, [...(byRecord.get(r.id) ?? []), { decision: r.decision, reason: r.reason, at: review.updatedAt }]);
      }
      for (const list of byRecord.values()) list.sort((a, b) => a.at.localeCompare(b.at));
      this.index = { version: this.reviews.version, byRecord };
    }
    return this.index.byRecord.get(recordId) ?? [];
  }
}
