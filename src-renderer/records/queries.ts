// Records of this station by label and lock state (records.labels), for lists that hold ids: the
// county's returns, its resolved conflicts, a record's own screen (is it locked?).
import { useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const recordKeys = {
  all: ['records'] as const,
  labels: (ids: readonly string[]) => ['records', 'labels', ...ids] as const,
};

const LABELS_PER_CALL = 500;

/** Labels and lock states of these records; refetched when a sync may have changed them. */
export function useRecordInfo(ids: readonly string[], enabled = true) {
  return useQuery({
    queryKey: recordKeys.labels(ids),
    queryFn: async () => {
      // records.labels takes 500 ids a call (a batch may return more).
      const out = [];
      for (let i = 0; i < ids.length; i += LABELS_PER_CALL) out.push(...(await leye.call('records.labels', { ids: ids.slice(i, i + LABELS_PER_CALL) })));
      return out;
    },
    enabled: enabled && ids.length > 0,
    staleTime: 10_000,
  });
}
