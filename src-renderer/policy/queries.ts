// Query keys and hooks of the policy parameters and the county's course catalogue.

import { useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const policyKeys = {
  list: ['policy', 'list'] as const,
};

export const courseKeys = {
  list: ['courses', 'list'] as const,
};

export function usePolicyList() {
  return useQuery({ queryKey: policyKeys.list, queryFn: () => leye.call('policy.list', {}) });
}

export function useCourses() {
  return useQuery({ queryKey: courseKeys.list, queryFn: () => leye.call('courses.list', {}) });
}
