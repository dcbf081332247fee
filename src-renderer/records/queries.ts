// Records of this station by label and lock state (records.labels), for lists that hold ids: the
// county's returns, its resolved conflicts, a record's own screen (is it locked?).
import { useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const recordKeys = {
  all: ['records'] as const,
  labels: (ids: readonly string[]) => ['records', 'labels', ...ids] as const,
};

/** Labels and lock states of these records; refetched when a sync may have changed them. */
export function useRecordInfo(ids: readonly string[], enabled = true) {
  return useQuery({
    queryKey: recordKeys.labels(ids),
    queryFn: () => leye.call('records.labels', { ids: [...ids] }),
    enabled: enabled && ids.length > 0,
    staleTime: 10_000,
  });
}
