// Query keys and hooks of the 待办 screen: the list (the station's, or a village's at a township:
// the first page of every rule with the totals, and a rule's later pages per section and offset),
// the overview (per village at a township) and the marks. Any record a clerk saves may answer a
// row, so a push that records changed (here or by a sync) reads the list again.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { WORKLIST_PAGE_SIZE } from '../../shared/worklist/paging';
import type { WorklistRule, WorklistSection } from '../../shared/worklist/contract';
import { leye } from '../bridge';

export const worklistKeys = {
  all: ['worklist'] as const,
  /** The first page of every rule, with the totals (the screen's and the nav badge's call). */
  list: (placeCode: string | undefined) => ['worklist', 'list', placeCode ?? null] as const,
  /** A later page of one rule's section. */
  page: (placeCode: string | undefined, rule: WorklistRule, section: WorklistSection, offset: number) => ['worklist', 'page', placeCode ?? null, rule, section, offset] as const,
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

/** A rule's page of the open or marked section; offset 0 is in the first call's answer, so only later pages are read here. */
export function useWorklistPage(placeCode: string | undefined, rule: WorklistRule, section: WorklistSection, offset: number) {
  return useQuery({
    queryKey: worklistKeys.page(placeCode, rule, section, offset),
    queryFn: () => leye.call('worklist.list', { ...(placeCode ? { placeCode } : {}), rule, section, offset, limit: WORKLIST_PAGE_SIZE }),
    enabled: offset > 0,
    placeholderData: keepPreviousData,
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
