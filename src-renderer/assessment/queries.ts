// Query keys and hooks of the 考核 screen.
import { useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const assessmentKeys = {
  all: ['assessment'] as const,
  month: (postId: string, month: string) => ['assessment', 'month', postId, month] as const,
};

/**
 * A closed month's holders with their current 考核 and the pay it decides. A 扣款告知书 is
 * printed from another window (Electron's hidden print window) or route: read again on return,
 * and every few seconds while a notice waits to be printed.
 */
export function useAssessmentMonth(postId: string, month: string) {
  return useQuery({
    queryKey: assessmentKeys.month(postId, month),
    queryFn: () => leye.call('assessment.month', { postId, month }),
    staleTime: 0,
    refetchOnMount: 'always',
    refetchInterval: (query) => (query.state.data?.rows.some((r) => r.notice === 'pending') ? 3_000 : false),
  });
}
