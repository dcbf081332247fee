// The monthly 考核 and the pay it decides: a closed month's holders with their current 考核 and
// pay, a new (superseding) entry, the 扣款告知书's fill, and a holder's failed months. Part of the
// one handler map (see ../rpc/handlers.ts).
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';
import type { PrintStation } from '../print/contract';
import type { AssessmentDeduction, HolderPayResult } from './pay';
import type { AssessmentPolicy } from './policy';
import { assessmentMonthSchema, assessmentSaveSchema, deductionNoticeArgs, failedMonthsArgs } from './schema';

export interface AssessmentEntryView {
  id: string;
  scores: Record<string, number>;
  score: number;
  passed: boolean;
  deductions: AssessmentDeduction[];
  note: string;
  /** Display name of the assessor. */
  assessedBy: string;
  assessedAt: string;
  supersedes: string | null;
  policyFrom: string;
}

/** A holder's 扣款告知书: none needed (no deduction), to print, printed. */
export type NoticeState = 'none' | 'pending' | 'printed';

export interface FailedMonthsView {
  assignmentId: string;
  /** The months whose current 考核 failed, oldest first. */
  months: string[];
  /** How many make the holder eligible for a 考核不合格 exit (the parameter in force). */
  required: number;
  eligible: boolean;
}

export interface AssessmentRow {
  residentId: string;
  assignmentId: string;
  name: string;
  hours: number;
  current: AssessmentEntryView | null;
  /** Entries the current one superseded, newest first. */
  earlier: AssessmentEntryView[];
  pay: HolderPayResult;
  notice: NoticeState;
  failed: FailedMonthsView;
}

export interface AssessmentPolicyInForce {
  values: AssessmentPolicy;
  isDefault: boolean;
  effectiveFrom: string;
}

export interface AssessmentMonthView {
  postId: string;
  postName: string;
  month: string;
  /** Assessments are entered only for a closed month. */
  closed: boolean;
  /** The county accepted the month: read-only. */
  countyLockedAt: string | null;
  policy: AssessmentPolicyInForce;
  minimumHourly: number | null;
  rows: AssessmentRow[];
}

/** 扣款告知书 (A4): one holder's deductions of a month, for the holder to sign. */
export interface DeductionNoticeForm {
  station: PrintStation;
  holder: { name: string; idNumberMasked: string };
  post: { name: string; code: string; placeName: string };
  month: string;
  score: number;
  passed: boolean;
  deductions: AssessmentDeduction[];
  pay: HolderPayResult;
  assessedBy: string;
  assessedAt: string;
}

export const assessmentHandlers = {
  'assessment.month': handler<AssessmentMonthView>()(assessmentMonthSchema, ALL_ROLES),
  /** A new entry (a change supersedes the current one); refused before the close and after the county accepted the month. */
  'assessment.save': handler<AssessmentEntryView>()(assessmentSaveSchema, WRITERS),
  'assessment.failedMonths': handler<FailedMonthsView>()(failedMonthsArgs, ALL_ROLES),
  /** The 扣款告知书 of an entry with deductions; the first fill records the print (a deductionNotice document). */
  'print.deductionNotice': handler<DeductionNoticeForm>()(deductionNoticeArgs, WRITERS),
} as const;
