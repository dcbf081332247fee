// The query of a printed form's fill.

import { useQuery } from '@tanstack/react-query';

export const printKeys = {
  fill: (key: unknown[]) => ['print', ...key] as const,
};

/** Fetches a form's fill; every call is one audit entry in the core, so it is not refetched on its own. */
export function useFill<T>(key: unknown[], fetch: () => Promise<T>) {
  return useQuery({ queryKey: printKeys.fill(key), queryFn: fetch, staleTime: Infinity, gcTime: 0, refetchOnMount: 'always' });
}
