// Query keys and hooks of the residents screens: one place, so a save refreshes what it changed.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const residentKeys = {
  /** Every search of the residents list (a save or a push refreshes them all). */
  lists: ['residents'] as const,
  search: (args: object) => ['residents', 'search', args] as const,
  /** Every resident fetched by id. */
  all: ['resident'] as const,
  one: (id: string | null) => ['resident', id] as const,
};

/** Active residents whose name or number matches, for the pickers of the posts and training screens. */
export function useResidentPicker(query: string, enabled: boolean) {
  const args = { query, status: 'active', limit: 20 } as const;
  return useQuery({
    queryKey: residentKeys.search(args),
    queryFn: () => leye.call('residents.search', args),
    enabled,
    placeholderData: keepPreviousData,
  });
}
