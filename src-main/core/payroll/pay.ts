// What a holder is paid for a closed month: the one seam between the payroll and the 考核.
// Until the monthly 考核 decides pay (shared/assessment/pay.ts), the month close's pay due is
// paid whole, with no score and no deduction; the sheet says which rule decided.
import type { MonthTotals } from '../../../shared/posts/contract';

export interface HolderPay {
  score: number | null;
  payDue: number;
  deductions: number;
  payable: number;
  /** i18n key of the rule (`payroll.rules.*`). */
  rule: string;
  /** A deduction whose 扣款告知书 was not printed yet. */
  noticePending: boolean;
}

/** Where the pay came from (the sheet's `payFrom`). */
export const PAY_FROM = 'monthClose' as const;

/** A holder's pay for the month from the closed month's totals (swapped for the 考核's rule once it exists). */
export function holderPayFor(totals: Pick<MonthTotals, 'payDue'>): HolderPay {
  return { score: null, payDue: totals.payDue, deductions: 0, payable: totals.payDue, rule: 'payroll.rules.monthClose', noticePending: false };
}
