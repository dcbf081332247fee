// Query keys and hooks of the statistics dashboard.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { leye } from '../bridge';

export const statsKeys = {
  all: ['stats.dashboard'] as const,
  dashboard: (range: { from: string; to: string } | null) => ['stats.dashboard', range?.from ?? null, range?.to ?? null] as const,
};

/** The dashboard for a range (null: the default), refetched when residents change. */
export function useDashboard(range: { from: string; to: string } | null) {
  const queryClient = useQueryClient();
  // New registrations (here or pulled from villages) change the numbers.
  useEffect(() => leye.subscribe('residents.changed', () => void queryClient.invalidateQueries({ queryKey: statsKeys.all })), [queryClient]);
  return useQuery({ queryKey: statsKeys.dashboard(range), queryFn: () => leye.call('stats.dashboard', range ?? {}), retry: false });
}
