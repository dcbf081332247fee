// Query keys and hooks of the accounts and audit-log screens.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const accessKeys = {
  users: ['users', 'list'] as const,
  settings: ['users', 'settings'] as const,
  audit: (args: object, page: number) => ['audit', 'list', args, page] as const,
};

export function useUsers() {
  return useQuery({ queryKey: accessKeys.users, queryFn: () => leye.call('users.list', {}) });
}

export function useAccessSettings() {
  return useQuery({ queryKey: accessKeys.settings, queryFn: () => leye.call('users.settings', {}) });
}

/** One page of the audit log for a filter. */
export function useAuditPage(args: Omit<ArgsOf<'audit.list'>, 'offset' | 'limit'>, page: number, pageSize: number) {
  return useQuery({
    queryKey: accessKeys.audit(args, page),
    queryFn: () => leye.call('audit.list', { ...args, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
