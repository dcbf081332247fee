// Query keys and hooks of employment status: a resident's history, the counts.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const employmentKeys = {
  all: ['employment'] as const,
  history: (residentId: string) => ['employment', 'history', residentId] as const,
  counts: (range: object) => ['employment', 'counts', range] as const,
};

export function useEmploymentHistory(residentId: string) {
  return useQuery({ queryKey: employmentKeys.history(residentId), queryFn: () => leye.call('employment.history', { residentId }) });
}

export function useEmploymentCounts(range: ArgsOf<'employment.counts'>) {
  return useQuery({ queryKey: employmentKeys.counts(range), queryFn: () => leye.call('employment.counts', range) });
}

/** After a write: every history and count shown again from the core. */
export function employmentChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: employmentKeys.all });
}
