// Query keys of the county screens, and a refetch of the county's data whenever a sync brings
// something new.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CountyBatchStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const countyKeys = {
  all: ['county'] as const,
  batches: (filter: { placeCode?: string; status?: CountyBatchStatus }) => ['county', 'batches', filter] as const,
  batchesAll: ['county', 'batches'] as const,
  stationsAll: ['county', 'stations'] as const,
  stations: (staleDays: number) => ['county', 'stations', staleDays] as const,
  batch: (batchId: string) => ['county', 'batch', batchId] as const,
  conflicts: ['county', 'conflicts'] as const,
};

/** Refetches what the county screens show after every sync push (new batches may have arrived). */
export function useCountyLive() {
  const client = useQueryClient();
  useEffect(() => leye.subscribe('sync.changed', () => void client.invalidateQueries({ queryKey: countyKeys.all })), [client]);
}

export function useCountyBatches(filter: { placeCode?: string; status?: CountyBatchStatus }) {
  return useQuery({ queryKey: countyKeys.batches(filter), queryFn: () => leye.call('county.batches', filter) });
}

export function useCountyStations(staleDays: number) {
  return useQuery({ queryKey: countyKeys.stations(staleDays), queryFn: () => leye.call('county.stations', { staleDays }) });
}

/** A batch with its records; not refetched on focus, so decisions being made stay put. */
export function useCountyBatch(batchId: string) {
  return useQuery({ queryKey: countyKeys.batch(batchId), queryFn: () => leye.call('county.batch', { batchId }), refetchOnWindowFocus: false });
}

export function useCountyConflicts() {
  return useQuery({ queryKey: countyKeys.conflicts, queryFn: () => leye.call('county.conflicts', {}) });
}
