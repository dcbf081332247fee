// Query keys and hooks of the 考核 screen.
import { useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const assessmentKeys = {
  all: ['assessment'] as const,
  month: (postId: string, month: string) => ['assessment', 'month', postId, month] as const,
};

/** A closed month's holders with their current 考核 and the pay it decides. */
export function useAssessmentMonth(postId: string, month: string) {
  return useQuery({ queryKey: assessmentKeys.month(postId, month), queryFn: () => leye.call('assessment.month', { postId, month }) });
}
