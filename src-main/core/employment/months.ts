// The month range of the counts when not given: the last 12 months up to the current one (as the statistics dashboard's).
import { monthsBetween, STATS_MAX_MONTHS } from '../../../shared/stats/contract';
import { fail } from '../context';
import { fieldError } from '../validation';

function shift(month: string, by: number): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export function defaultMonths(today: string, args: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const current = today.slice(0, 7);
  const to = args.to ?? (args.from && args.from > current ? args.from : current);
  const from = args.from ?? shift(to, -11);
  if (to < from) fail(fieldError('to', 'errors.stats.toBeforeFrom'));
  if (monthsBetween(from, to) > STATS_MAX_MONTHS) fail(fieldError('from', 'errors.stats.rangeTooLong'));
  return { from, to };
}
