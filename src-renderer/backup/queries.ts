// Query keys and hooks of the backup screen.

import { useQuery } from '@tanstack/react-query';
import { leye } from '../bridge';

export const backupKeys = {
  status: ['backup', 'status'] as const,
  list: ['backup', 'list'] as const,
};

export function useBackupStatus() {
  return useQuery({ queryKey: backupKeys.status, queryFn: () => leye.call('backup.status', {}) });
}

export function useBackupFiles() {
  return useQuery({ queryKey: backupKeys.list, queryFn: () => leye.call('backup.list', {}) });
}
