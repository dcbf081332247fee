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
