// The sync status in the query cache: polled every 30 s and replaced by every 'sync.changed'
// push and every answer of sync.now / sync.connect. The station's batches are refetched with
// every 'sync.changed' push and after sync.now.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { recordKeys } from '../records/queries';

export const syncKeys = {
  status: ['sync', 'status'] as const,
  batches: ['sync', 'batches'] as const,
  /** Conflicts the county resolved that involved this station (see ResolutionList). */
  resolutions: ['sync', 'resolutions'] as const,
  /** Pulled documents kept aside for failing their schema (see QuarantineList). */
  quarantine: ['sync', 'quarantine'] as const,
};
const POLL_MS = 30_000;

export function useSyncStatus() {
  const client = useQueryClient();
  useEffect(
    () =>
      leye.subscribe('sync.changed', (status) => {
        client.setQueryData(syncKeys.status, status);
        void client.invalidateQueries({ queryKey: syncKeys.batches });
        // A pull may bring the county's decisions: what is locked or returned changes with them.
        void client.invalidateQueries({ queryKey: recordKeys.all });
      }),
    [client],
  );
  return useQuery({ queryKey: syncKeys.status, queryFn: () => leye.call('sync.status', {}), refetchInterval: POLL_MS });
}

export function useSetSyncStatus() {
  const client = useQueryClient();
  return useCallback((status: SyncStatus) => client.setQueryData(syncKeys.status, status), [client]);
}

/** The station's batches, newest first; fetched only while `enabled` (the drawer is open). */
export function useSyncBatches(enabled: boolean) {
  return useQuery({ queryKey: syncKeys.batches, queryFn: () => leye.call('sync.batches', {}), enabled });
}

export function useResolutions(enabled: boolean) {
  return useQuery({ queryKey: syncKeys.resolutions, queryFn: () => leye.call('sync.resolutions', {}), enabled });
}

export function useQuarantine(enabled: boolean) {
  return useQuery({ queryKey: syncKeys.quarantine, queryFn: () => leye.call('sync.quarantine', {}), enabled });
}

/** Marks the batches stale, refetching them if shown (after sync.now). */
export function useRefreshBatches() {
  const client = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: syncKeys.batches }),
        client.invalidateQueries({ queryKey: syncKeys.resolutions }),
        client.invalidateQueries({ queryKey: syncKeys.quarantine }),
      ]),
    [client],
  );
}

/** The current time, ticking so "5 minutes ago" stays true. */
export function useNow(everyMs = POLL_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
