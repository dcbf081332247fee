// Query keys and hooks of the posts and attendance screens: one place, so a save can refresh
// what it changed.

import { useQuery, type QueryClient } from '@tanstack/react-query';
import { leye } from '../bridge';

export const postKeys = {
  all: ['posts'] as const,
  list: ['posts', 'list'] as const,
  one: (postId: string) => ['posts', 'get', postId] as const,
};

export const attendanceKeys = {
  /** Everything attendance (a policy change moves every month's minimum). */
  all: ['attendance'] as const,
  grid: (postId: string, month: string) => ['attendance', 'month', postId, month] as const,
  summary: (postId: string, month: string) => ['attendance', 'summary', postId, month] as const,
  history: (postId: string, residentId: string, date: string, updatedAt: string) => ['attendance', 'history', postId, residentId, date, updatedAt] as const,
};

/**
 * After a holder's assignment changed (an exit or its withdrawal): the post, its attendance,
 * the employment counts, the work list and the service ledger (status entries) all moved.
 */
export function refreshHolder(queryClient: QueryClient): void {
  for (const queryKey of [postKeys.all, attendanceKeys.all, ['employment'], ['worklist'], ['services']]) void queryClient.invalidateQueries({ queryKey });
}

/** The station's posts (the posts list, the ledger export's choices). */
export function usePosts() {
  return useQuery({ queryKey: postKeys.list, queryFn: () => leye.call('posts.list', {}) });
}

export function usePost(postId: string) {
  return useQuery({ queryKey: postKeys.one(postId), queryFn: () => leye.call('posts.get', { postId }) });
}

/** A post's month of attendance. The grid holds optimistic cells: a refetch on focus must not race the clerk's typing. */
export function useAttendanceGrid(postId: string, month: string) {
  return useQuery({ queryKey: attendanceKeys.grid(postId, month), queryFn: () => leye.call('attendance.month', { postId, month }), refetchOnWindowFocus: false });
}

/** A month's running totals (a closed month carries its own). */
export function useAttendanceSummary(postId: string, month: string, enabled: boolean) {
  return useQuery({ queryKey: attendanceKeys.summary(postId, month), queryFn: () => leye.call('attendance.summary', { postId, month }), enabled });
}

/** A cell's corrections, fetched only when it has some. */
export function useCellHistory(postId: string, residentId: string, date: string, updatedAt: string, enabled: boolean) {
  return useQuery({
    queryKey: attendanceKeys.history(postId, residentId, date, updatedAt),
    queryFn: () => leye.call('attendance.history', { postId, residentId, date }),
    enabled,
    staleTime: 60_000,
  });
}
