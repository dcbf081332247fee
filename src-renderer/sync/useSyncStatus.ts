// The sync status in the query cache: polled every 30 s and replaced by every 'sync.changed'
// push and every answer of sync.now / sync.connect.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const SYNC_KEY = ['sync', 'status'] as const;
const POLL_MS = 30_000;

export function useSyncStatus() {
  const client = useQueryClient();
  useEffect(() => leye.subscribe('sync.changed', (status) => client.setQueryData(SYNC_KEY, status)), [client]);
  return useQuery({ queryKey: SYNC_KEY, queryFn: () => leye.call('sync.status', {}), refetchInterval: POLL_MS });
}

export function useSetSyncStatus() {
  const client = useQueryClient();
  return useCallback((status: SyncStatus) => client.setQueryData(SYNC_KEY, status), [client]);
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
