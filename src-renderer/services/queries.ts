// Query keys and hooks of service records: the resident's timeline lives under the resident's own
// key, so a push that a resident changed (or a save here) refreshes it with the resident.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { leye } from '../bridge';
import { residentKeys } from '../residents/queries';

export const serviceKeys = {
  timeline: (residentId: string) => [...residentKeys.one(residentId), 'timeline'] as const,
};

export function useTimeline(residentId: string) {
  return useQuery({ queryKey: serviceKeys.timeline(residentId), queryFn: () => leye.call('services.timeline', { residentId }) });
}

/** Records a service, a referral's result or a correction; the timeline is read again after each. */
export function useServiceSave(residentId: string) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: serviceKeys.timeline(residentId) });
  return {
    record: useMutation({ mutationFn: (args: ArgsOf<'services.record'>) => leye.call('services.record', args), onSuccess: done }),
    result: useMutation({ mutationFn: (args: ArgsOf<'services.result'>) => leye.call('services.result', args), onSuccess: done }),
    correct: useMutation({ mutationFn: (args: ArgsOf<'services.correct'>) => leye.call('services.correct', args), onSuccess: done }),
  };
}
