// What the county reviews in a batch: the records of a station's work, not its audit log. An
// audit entry is written once and describes work (a print, an export, a login); nobody accepts
// or returns it, so it travels with the records but never makes a batch on its own (see
// src-main/core/sync/batches.ts) and a batch of nothing else asks no one to review it.
import { z } from 'zod';
import { DOCUMENTS, typeOfId } from '../documents/registry';

/**
 * Whether the county reviews documents with this id: a record type that is not append-only, or a
 * type this version does not know (a newer station's record is shown, not hidden).
 */
export function isReviewedId(id: string): boolean {
  if (id.startsWith('_')) return false;
  const type = typeOfId(id);
  return type === null || (DOCUMENTS[type].record && (!DOCUMENTS[type].appendOnly || DOCUMENTS[type].reviewed === true));
}

/** Whether a batch with these counts by type (`{ resident: 2, audit: 1 }`) holds anything to review. */
export function needsReview(counts: Record<string, number>): boolean {
  return Object.entries(counts).some(([type, n]) => n > 0 && isReviewedId(`${type}:`));
}

/**
 * Whether the county locks a record of this id when it accepts it: the record types whose schema
 * carries the optional `countyLock` (shared/documents/schemas.ts), and only those the county reviews.
 */
export function isLockableId(id: string): boolean {
  const type = typeOfId(id);
  if (type === null || !isReviewedId(id)) return false;
  const schema: unknown = DOCUMENTS[type].schema;
  return schema instanceof z.ZodObject && 'countyLock' in schema.shape;
}

/** The county's acceptance of a record: when, by whom, in which batch's review. */
export interface Acceptance {
  at: string;
  by: string;
  batchId: string;
}

/**
 * Per record, the county's latest acceptance and latest unlock, from its reviews and unlocks: what
 * the station locks (sync/locks.ts) and what provisioning locks on the server for records
 * accepted before the lock lived on the record (county/acceptedLocks.ts). A record is locked when
 * its acceptance is later than its unlock.
 */
export function countyDecisions(
  reviews: Iterable<{ batchId: string; updatedAt: string; updatedBy: string; records: readonly { id: string; decision: string }[] }>,
  unlocks: Iterable<{ targetId: string; updatedAt: string }>,
): { accepted: Map<string, Acceptance>; unlocked: Map<string, string> } {
  const accepted = new Map<string, Acceptance>();
  for (const review of reviews) {
    for (const r of review.records) {
      if (r.decision !== 'accepted') continue;
      const before = accepted.get(r.id);
      if (!before || review.updatedAt > before.at) accepted.set(r.id, { at: review.updatedAt, by: review.updatedBy, batchId: review.batchId });
    }
  }
  const unlocked = new Map<string, string>();
  for (const u of unlocks) {
    const before = unlocked.get(u.targetId);
    if (!before || u.updatedAt > before) unlocked.set(u.targetId, u.updatedAt);
  }
  return { accepted, unlocked };
}
