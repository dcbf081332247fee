// How a batch row reads, as pure functions of the core's BatchView: the status tag (colour and
// label key), the documents' counts as tags by type, and the returned records' types.

import type { BatchView } from '../../shared/rpc/handlers';

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
