// The sync status in the query cache: polled every 30 s and replaced by every 'sync.changed'
// push and every answer of sync.now / sync.connect. The station's batches are refetched with
// every 'sync.changed' push and after sync.now.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const SYNC_KEY = ['sync', 'status'] as const;
export const BATCHES_KEY = ['sync', 'batches'] as const;
const POLL_MS = 30_000;

export function useSyncStatus() {
  const client = useQueryClient();
  useEffect(
    () =>
      leye.subscribe('sync.changed', (status) => {
        client.setQueryData(SYNC_KEY, status);
        void client.invalidateQueries({ queryKey: BATCHES_KEY });
      }),
    [client],
  );
  return useQuery({ queryKey: SYNC_KEY, queryFn: () => leye.call('sync.status', {}), refetchInterval: POLL_MS });
}

export function useSetSyncStatus() {
  const client = useQueryClient();
  return useCallback((status: SyncStatus) => client.setQueryData(SYNC_KEY, status), [client]);
}

/** The station's batches, newest first; fetched only while `enabled` (the drawer is open). */
/** Conflicts the county resolved that involved this station (see ResolutionList). */
export const RESOLUTIONS_KEY = ['sync', 'resolutions'] as const;
/** Pulled documents kept aside for failing their schema (see QuarantineList). */
export const QUARANTINE_KEY = ['sync', 'quarantine'] as const;

export function useSyncBatches(enabled: boolean) {
  return useQuery({ queryKey: BATCHES_KEY, queryFn: () => leye.call('sync.batches', {}), enabled });
}

/** Marks the batches stale, refetching them if shown (after sync.now). */
export function useRefreshBatches() {
  const client = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: BATCHES_KEY }),
        client.invalidateQueries({ queryKey: RESOLUTIONS_KEY }),
        client.invalidateQueries({ queryKey: QUARANTINE_KEY }),
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
