// Query keys and hooks of the posts and attendance screens: one place, so a save can refresh
// what it changed.

import { useQuery } from '@tanstack/react-query';
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

/** The station's posts (the posts list, the ledger export's choices). */
export function usePosts() {
  return useQuery({ queryKey: postKeys.list, queryFn: () => leye.call('posts.list', {}) });
}

export function usePost(postId: string) {
  return useQuery({ queryKey: postKeys.one(postId), queryFn: () => leye.call('posts.get', { postId }) });
}
