// Query keys and hooks of the residents screens: one place, so a save refreshes what it changed.

import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ArgsOf, ResidentView } from '../../shared/rpc/handlers';
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

/** A resident by id (null: none); `editing` keeps the form's own copy, a push must not reset what the clerk is typing. */
export function useResident(id: string | null, editing = false) {
  return useQuery({
    queryKey: residentKeys.one(id),
    queryFn: () => leye.call('residents.get', { id: id! }),
    enabled: id !== null,
    ...(editing ? { staleTime: Infinity } : {}),
  });
}

type ListArgs = Omit<ArgsOf<'residents.search'>, 'offset' | 'limit'>;

/** Residents a page of the list holds. */
const RESIDENT_PAGE = 100;
/** The list as it opens: no search, no filter, the most recently changed first. */
export const RESIDENT_LIST_OPENING = { query: '', sort: 'updatedAt', order: 'desc' } as const satisfies ListArgs;

/** A search of the list, loaded page by page. */
function residentSearchOptions(args: ListArgs) {
  return infiniteQueryOptions({
    queryKey: residentKeys.search(args),
    queryFn: ({ pageParam }) => leye.call('residents.search', { ...args, offset: pageParam, limit: RESIDENT_PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
  });
}

/** The residents list: a search loaded page by page, the previous result shown while a new one runs (no flicker as the clerk types). */
export function useResidentSearch(args: ListArgs) {
  return useInfiniteQuery({ ...residentSearchOptions(args), placeholderData: keepPreviousData });
}

/**
 * Asks for the list's first page as it opens, for a clerk who has not opened it yet (issue 18): the
 * residents list is the screen a village opens most, and with its rows in hand it is drawn with
 * them at once, not empty and then again when the answer comes. A fresh answer (the client's
 * staleTime) is not asked again.
 */
export function prefetchResidentList(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchInfiniteQuery(residentSearchOptions(RESIDENT_LIST_OPENING));
}

/** Reopens a closed registration; the resident shown and every list are refreshed with the answer. */
export async function reopenResident(queryClient: QueryClient, args: ArgsOf<'residents.reopen'>): Promise<ResidentView> {
  const reopened = await leye.call('residents.reopen', args);
  queryClient.setQueryData(residentKeys.one(args.id), reopened);
  void queryClient.invalidateQueries({ queryKey: residentKeys.lists });
  return reopened;
}
