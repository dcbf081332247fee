// What a holder is paid for a closed month: the one seam between the payroll and the 考核. The
// 考核's pure pay function (shared/assessment/pay.ts holderPay) decides from the month close's pay
// for the hours, the holder's current 考核 in the village's records, the county's rule and the
// hourly minimum; the payroll never computes pay itself. A deduction whose 扣款告知书 was not
// printed leaves the sheet not final.
import { assessmentResult, currentAssessment, noticeDone } from '../../../shared/assessment/doc';
import { holderPay, type HolderPayArgs } from '../../../shared/assessment/pay';
import type { AssessmentDoc, DeductionNoticeDoc } from '../../../shared/documents/types';
import type { MonthTotals } from '../../../shared/posts/contract';

export interface HolderPay {
  score: number | null;
  payDue: number;
  deductions: number;
  payable: number;
  /** i18n key of the rule (`assessment.rule.*`) and its wording's parameters. */
  rule: string;
  ruleParams: Record<string, string | number | null>;
  /** A deduction whose 扣款告知书 was not printed yet. */
  noticePending: boolean;
}

/** Where the pay came from (the sheet's `payFrom`). */
export const PAY_FROM = 'assessment' as const;

export interface PayInput {
  totals: Pick<MonthTotals, 'payDue' | 'hours'>;
  /** The holder's assignment on the post that month (the 考核 is kept per assignment). */
  assignmentId: string | null;
  month: string;
  hourlyMinimum: number | null;
  rules: HolderPayArgs['rules'];
  /** The village's 考核 entries and printed notices for the post and month. */
  entries: readonly AssessmentDoc[];
  notices: readonly DeductionNoticeDoc[];
}

export function holderPayFor(input: PayInput): HolderPay {
  const entry = input.assignmentId ? currentAssessment(input.entries, input.assignmentId, input.month) : null;
  const pay = holderPay({ hours: input.totals.hours, basePay: input.totals.payDue, hourlyMinimum: input.hourlyMinimum, assessment: assessmentResult(entry), rules: input.rules });
  return {
    score: entry?.score ?? null,
    payDue: pay.payDue,
    deductions: pay.deductions,
    payable: pay.payable,
    rule: `assessment.rule.${pay.rule}`,
    ruleParams: pay.params,
    noticePending: !noticeDone(entry, input.notices),
  };
}
