// Query keys and hooks of the 待办 screen: the list (the station's, or a village's at a township),
// the overview (per village at a township) and the marks. Any record a clerk saves may answer a
// row, so a push that records changed (here or by a sync) reads the list again.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const worklistKeys = {
  all: ['worklist'] as const,
  list: (placeCode: string | undefined) => ['worklist', 'list', placeCode ?? null] as const,
  overview: ['worklist', 'overview'] as const,
};

/** Reads the lists again whenever records change here or a sync brings some. */
export function useWorklistLive() {
  const client = useQueryClient();
  useEffect(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: worklistKeys.all });
    const offResidents = leye.subscribe('residents.changed', refresh);
    const offSync = leye.subscribe('sync.changed', refresh);
    return () => {
      offResidents();
      offSync();
    };
  }, [client]);
}

export function useWorklist(placeCode?: string, enabled = true) {
  return useQuery({
    queryKey: worklistKeys.list(placeCode),
    queryFn: () => leye.call('worklist.list', placeCode ? { placeCode } : {}),
    enabled,
  });
}

export function useWorklistOverview(enabled: boolean) {
  return useQuery({ queryKey: worklistKeys.overview, queryFn: () => leye.call('worklist.overview', {}), enabled });
}

/** Snoozes a row, marks it not applicable, or reopens it; every list is read again after. */
export function useWorklistMark() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: ArgsOf<'worklist.mark'>) => leye.call('worklist.mark', args),
    onSuccess: () => client.invalidateQueries({ queryKey: worklistKeys.all }),
  });
}
