// The station status (set up? who is logged in?) decides which screen shows. It lives in the
// query cache so every answer that returns a new status (setup, login, logout, the
// 'station.changed' push) just replaces it.

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { earlyAnswer, takeEarlyStatus } from './earlyStatus';

export const STATUS_KEY = ['station', 'status'] as const;

/**
 * Before the first render: the status asked for at start (./earlyStatus.ts), in the cache if it
 * has come (the first screen is then the right one at once); if not, the first read awaits it.
 */
export function primeStatus(client: QueryClient): void {
  const answer = earlyAnswer();
  if (!answer) return;
  takeEarlyStatus();
  client.setQueryData(STATUS_KEY, answer);
}

/** The status query's options: its first read takes the call made at start. */
export const statusQuery = () => ({ queryKey: STATUS_KEY, queryFn: () => takeEarlyStatus() ?? leye.call('station.status', {}), staleTime: Infinity });

export function useStationStatus() {
  return useQuery(statusQuery());
}

export function useSetStatus() {
  const client = useQueryClient();
  return useCallback((status: StationStatus) => client.setQueryData(STATUS_KEY, status), [client]);
}

/** Who is logged in, with which role, at which station. */
export function useSession() {
  const status = useStationStatus().data;
  return { role: status?.user?.role ?? null, user: status?.user ?? null, station: status?.station ?? null };
}

/**
 * Forgets what a user loaded (lists, records, the audit log) once their session ends, however it
 * ends: the logout button, or the core ending it (a restore logs every window out). The station
 * status stays. Nothing a user loaded is shown to the next one, even within the client's
 * staleTime (the residents list is asked for ahead, shell/Session.tsx).
 */
export function useForgetEndedSession(loginName: string | null): void {
  const client = useQueryClient();
  const previous = useRef(loginName);
  useEffect(() => {
    if (previous.current !== null && previous.current !== loginName) client.removeQueries({ predicate: (query) => query.queryKey[0] !== STATUS_KEY[0] });
    previous.current = loginName;
  }, [client, loginName]);
}
