// Query keys and hooks of the township payroll and the holders' payment accounts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

export const payrollKeys = {
  all: ['payroll'] as const,
  month: (month: string) => ['payroll', 'month', month] as const,
  account: (residentId: string) => ['payroll', 'account', residentId] as const,
};

/** The month's sheet, accounts masked. */
export function usePayroll(month: string) {
  return useQuery({ queryKey: payrollKeys.month(month), queryFn: () => leye.call('payroll.month', { month }), retry: false });
}

export function usePayAccount(residentId: string) {
  return useQuery({ queryKey: payrollKeys.account(residentId), queryFn: () => leye.call('payroll.account', { residentId }) });
}

export function useSetPayAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: ArgsOf<'payroll.setAccount'>) => leye.call('payroll.setAccount', args),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: payrollKeys.all }),
  });
}
