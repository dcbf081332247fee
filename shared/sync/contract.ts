// Sync with the county: the account, pushes and pulls, the batches sent, the county's
// resolutions and the quarantined documents. Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import type { RecordLabel } from '../documents/labelTypes';
import { ALL_ROLES, handler, none } from '../rpc/define';

export interface SyncFailure {
  reason: 'offline' | 'unreachable' | 'credentials' | 'refused' | 'other';
  messageKey: string;
  /** Documents the county's validation refused, with its reason. */
  refused: { id: string; reason: string }[];
}

export interface SyncStatus {
  connected: boolean;
  /** Where the station syncs to; never the password. */
  server: { url: string; username: string; placeCode: string } | null;
  state: 'never' | 'idle' | 'syncing' | 'failed';
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Documents changed here since the last successful push. */
  waiting: number;
  progress: { pushed: number; pulled: number } | null;
  failure: SyncFailure | null;
  /** When live sync tries next (after a change, on its interval, or backing off after a failure). */
  nextAttemptAt: string | null;
}

export interface BatchView {
  id: string;
  createdAt: string;
  createdBy: string;
  via: 'sync' | 'file';
  counts: Record<string, number>;
  documents: number;
  checksum: string;
  /** pending: not yet delivered; delivered: on the county server; then the county's decision. */
  status: 'pending' | 'delivered' | 'accepted' | 'returned' | 'partial';
  returned: { id: string; rev: string; reason: string }[];
}

/**
 * A document pulled from the county that failed its schema: kept aside, never used as valid; or a
 * change made here that crossed the county's acceptance of the record (kept aside, never sent).
 */
export interface QuarantineView {
  id: string;
  rev: string;
  /** The server database it came from (`station_<place>`, `county_ref`). */
  source: string;
  /** The first field at fault and its message key (errors.*), with its parameters. */
  field: string;
  messageKey: string;
  params?: Record<string, string>;
  /**
   * The record as people name it, where the entry is a change made here that the county's lock
   * set aside (errors.sync.crossedLock): the county's accepted version stays.
   */
  label?: RecordLabel;
  at: string;
}

/** A conflict the county resolved that involved this station's record. */
export interface ResolutionView {
  id: string;
  targetId: string;
  /** The station's own record as the county saw it (name and masked ID number for a person). */
  label: string;
  /** true: this station's record was kept (possibly merged); false: it was deleted for another's. */
  kept: boolean;
  reason: string;
  createdAt: string;
  createdBy: string;
}

export const syncConnectSchema = z.union(
  [
    z.strictObject({ setupCode: z.string().trim().min(1, { error: 'errors.required' }).max(2000, { error: 'errors.tooLong' }) }),
    z.strictObject({
      url: z.string().trim().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { error: 'errors.sync.url' }).max(500),
      username: z.string().trim().min(1, { error: 'errors.required' }).max(100),
      password: z.string().min(1, { error: 'errors.required' }).max(200),
    }),
  ],
  { error: 'errors.sync.setupCode' },
);

export const syncHandlers = {
  'sync.status': handler<SyncStatus>()(none, ALL_ROLES),
  /** Keeps the county account (setup code, or URL and account) after checking it on the server. */
  'sync.connect': handler<SyncStatus>()(syncConnectSchema, ['admin', 'county']),
  /** One push of the station's documents and one pull of what the county wrote for it. */
  'sync.now': handler<SyncStatus>()(none, ALL_ROLES),
  'sync.batches': handler<BatchView[]>()(none, ALL_ROLES),
  /** Conflicts the county resolved that involved this station's records, newest first. */
  'sync.resolutions': handler<ResolutionView[]>()(none, ALL_ROLES),
  /** Documents pulled from the county that failed their schema, kept aside (newest first). */
  'sync.quarantine': handler<QuarantineView[]>()(none, ALL_ROLES),
} as const;
