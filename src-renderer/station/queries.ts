// The station status (set up? who is logged in?) decides which screen shows. It lives in the
// query cache so every answer that returns a new status (setup, login, logout, the
// 'station.changed' push) just replaces it.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const STATUS_KEY = ['station', 'status'] as const;

export function useStationStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => leye.call('station.status', {}), staleTime: Infinity });
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
