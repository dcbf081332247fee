// Query keys of the county screens, and a refetch of the county's data whenever a sync brings
// something new.

import { useQueryClient } from '@tanstack/react-query';
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
