// How a batch row reads, as pure functions of the core's BatchView: the status tag (colour and
// label key), the documents' counts as tags by type, and the returned records' types.

import type { BatchView } from '../../shared/rpc/handlers';
import { childIdParts } from '../../shared/documents/registry';
import type { Route } from '../route';

export type BatchStatus = BatchView['status'];

export const BATCH_STATUSES: readonly BatchStatus[] = ['pending', 'delivered', 'accepted', 'returned', 'partial'];

const STATUS_COLORS: Record<BatchStatus, string> = {
  pending: 'default',
  delivered: 'blue',
  accepted: 'green',
  returned: 'red',
  partial: 'orange',
};

/** Document types the station writes and has a label for; any other type shows as is. */
export const DOC_TYPES = [
  'resident',
  'attendance',
  'signIn',
  'enrolment',
  'post',
  'assignment',
  'training',
  'policy',
  'station',
  'monthClose',
  'audit',
] as const;

export interface TypeLabel {
  /** The i18n key of a known type, or null: then show `raw`. */
  key: string | null;
  raw: string;
}

export interface CountTag {
  type: string;
  label: TypeLabel;
  count: number;
}

export function statusTag(status: BatchStatus): { color: string; key: string } {
  return { color: STATUS_COLORS[status] ?? 'default', key: `sync.batches.status.${status}` };
}

export function typeLabel(type: string): TypeLabel {
  return { key: (DOC_TYPES as readonly string[]).includes(type) ? `sync.batches.type.${type}` : null, raw: type };
}

/** The type of a document id (`resident:…` → `resident`). */
export function typeOfId(id: string): string {
  const at = id.indexOf(':');
  return at > 0 ? id.slice(0, at) : id;
}

/** The counts as tags: known types in their usual order first, then the others by name; zeros left out. */
export function countTags(counts: Record<string, number>): CountTag[] {
  const order = (type: string) => {
    const at = (DOC_TYPES as readonly string[]).indexOf(type);
    return at < 0 ? DOC_TYPES.length : at;
  };
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([type, count]) => ({ type, label: typeLabel(type), count }));
}

/** Whether the row opens to the returned records. */
export function hasReturned(batch: Pick<BatchView, 'status' | 'returned'>): boolean {
  return (batch.status === 'returned' || batch.status === 'partial') && batch.returned.length > 0;
}

export interface ReturnedReason {
  batchId: string;
  createdAt: string;
  rev: string;
  reason: string;
}

export interface ReturnedState {
  /** toCorrect: the county's return is on the record as it stands; corrected: changed since, waiting to
   * go up; resent: the changed record went up in a later batch the county has not decided yet. */
  state: 'toCorrect' | 'corrected' | 'resent';
  /** The county's reasons for this record, newest batch first. */
  reasons: ReturnedReason[];
}

const time = (iso: string) => {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : at;
};

/** What the station should say about a record the county returned, or null: never returned, or a
 * later batch carrying the corrected record was accepted. */
export function returnedState(
  batches: readonly Pick<BatchView, 'id' | 'createdAt' | 'status' | 'returned'>[],
  record: { id: string; rev: string; updatedAt: string },
): ReturnedState | null {
  const newestFirst = [...batches].sort((a, b) => time(b.createdAt) - time(a.createdAt));
  const reasons: ReturnedReason[] = [];
  for (const batch of newestFirst) {
    if (!hasReturned(batch)) continue;
    for (const entry of batch.returned) {
      if (entry.id === record.id) reasons.push({ batchId: batch.id, createdAt: batch.createdAt, rev: entry.rev, reason: entry.reason });
    }
  }
  const newest = reasons[0];
  if (!newest) return null;
  if (newest.rev === record.rev) return { state: 'toCorrect', reasons };
  // The record changed since the return. A batch made after that change carried it (a batch takes
  // everything waiting); if the county decided that batch without returning the record, it is done.
  const carrying = newestFirst.filter((b) => time(b.createdAt) > time(newest.createdAt) && time(b.createdAt) >= time(record.updatedAt));
  if (carrying.some((b) => b.status === 'accepted' || b.status === 'partial' || b.status === 'returned')) return null;
  if (carrying.length > 0) return { state: 'resent', reasons };
  return { state: 'corrected', reasons };
}

/**
 * Where the clerk acts on a record: a resident's page, the post month of an attendance or a month
 * close, a post (an assignment), a training session (an enrolment or a sign-in); null where none.
 */
export function recordRoute(id: string): Route | null {
  const type = typeOfId(id);
  const child = childIdParts(id);
  switch (type) {
    case 'resident':
      return { name: 'resident', id };
    case 'post':
      return { name: 'post', id };
    case 'assignment':
      return child ? { name: 'post', id: child.parent } : null;
    case 'attendance':
    case 'monthClose':
      return child && /^\d{4}-\d{2}$/.test(child.rest[0] ?? '') ? { name: 'attendance', postId: child.parent, month: child.rest[0]! } : null;
    case 'training':
      return { name: 'session', id };
    case 'enrolment':
    case 'signIn':
      return child ? { name: 'session', id: child.parent } : null;
    default:
      return null;
  }
}
