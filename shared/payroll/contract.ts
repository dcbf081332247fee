// The township payroll: the month's sheet across the township's villages, its print fill and
// .xlsx, and the holders' payment accounts. Part of the one handler map (see ../rpc/handlers.ts).
import { z } from 'zod';
import { docId, type FileView } from '../common/fields';
import { freeText, month, residentId } from '../common/fields';
import type { PrintStation } from '../print/contract';
import { COUNTY_STAFF, WRITERS, handler } from '../rpc/define';
import { payAccountSetSchema, payrollMonthSchema, type PayAccountKind } from './schema';

export interface PayAccountView {
  id: string;
  residentId: string;
  kind: PayAccountKind;
  bankName: string;
  /** Masked (last four digits) unless revealed. */
  accountNo: string;
  masked: boolean;
  effectiveFrom: string;
  placeCode: string;
}

/** Which rule decided a holder's amount (an `assessment.rule.*` key). */
export type PayRule = string;

export interface PayrollRow {
  residentId: string;
  name: string;
  placeCode: string;
  postId: string;
  postName: string;
  days: number;
  hours: number;
  /** The 考核 score; null where none was made. */
  score: number | null;
  /** Yuan. */
  payDue: number;
  deductions: number;
  payable: number;
  /** i18n key of the rule that decided the amount (`assessment.rule.*`) and its wording's parameters. */
  rule: PayRule;
  ruleParams: Record<string, string | number | null>;
  account: PayAccountView | null;
  /** A deduction whose 扣款告知书 was not printed yet. */
  noticePending: boolean;
}

export interface PayrollTotals {
  holders: number;
  days: number;
  hours: number;
  payDue: number;
  deductions: number;
  payable: number;
}

/** A place's name (the county's station directory, else the places table); null when nothing names it: show `placeLabel`. */
export type PlaceName = string | null;

/** The key of "unknown village (code)" / "unknown township (code)" for a place nothing names. */
export const unknownPlaceKey = (code: string) => (code.length === 12 ? 'payroll.unknownVillage' : 'payroll.unknownTownship');

export interface PayrollVillage {
  placeCode: string;
  placeName: PlaceName;
  rows: PayrollRow[];
  totals: PayrollTotals;
}

export type MissingReason = 'notClosed' | 'noData';

export interface PayrollMissing {
  placeCode: string;
  placeName: PlaceName;
  reason: MissingReason;
  /** The posts whose month is not closed (notClosed). */
  posts: string[];
  /** When the village's data last arrived here (its newest batch); null if never. */
  lastReceivedAt: string | null;
}

export interface PayrollSheet {
  month: string;
  placeCode: string;
  placeName: PlaceName;
  villages: PayrollVillage[];
  missing: PayrollMissing[];
  totals: PayrollTotals;
  /** False while a deduction's notice is unprinted (the sheet says so). */
  final: boolean;
  /** Accounts shown in full. */
  full: boolean;
  /** What decided pay: the 考核's pay rule (shared/assessment/pay.ts) over the closed month. */
  payFrom: 'assessment';
  computedAt: string;
}

/** 公益性岗位补贴发放表: the sheet, with who prints it. */
export interface PayrollForm {
  station: PrintStation;
  sheet: PayrollSheet;
}

/** One township's payroll for a month as the county's aggregate shows it. */
export interface TownshipPayrollStatus {
  placeCode: string;
  placeName: PlaceName;
  /** Villages with posts that had holders in the month. */
  villages: number;
  /**
   * complete: every such post closed; missing: some village has a post not closed (or not arrived);
   * noData: a township of the county's station directory of which the aggregate holds no post held that month.
   */
  status: 'complete' | 'missing' | 'noData';
  missing: { placeCode: string; placeName: PlaceName; openPosts: number }[];
  /** Of the closed villages. */
  holders: number;
  payDue: number;
}

export interface CountyPayrollView {
  month: string;
  placeCode: string;
  townships: TownshipPayrollStatus[];
  totals: { holders: number; payDue: number };
  computedAt: string;
}

/** The county's plan of a year against the places created (assignments running that year, from the aggregate). */
export interface PostPlanView {
  year: number;
  /** Null until the county enters its plan. */
  planned: number | null;
  note: string;
  created: number;
  byTownship: { placeCode: string; placeName: PlaceName; created: number }[];
}

const planYear = z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(2020, { error: 'errors.number.range' }).max(2100, { error: 'errors.number.range' });

export const payrollHandlers = {
  'payroll.plan': handler<PostPlanView>()(z.strictObject({ year: planYear }), COUNTY_STAFF),
  'payroll.setPlan': handler<PostPlanView>()(
    z.strictObject({ year: planYear, places: z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(0, { error: 'errors.number.range' }).max(1_000_000, { error: 'errors.number.range' }), note: freeText(200) }),
    COUNTY_STAFF,
  ),
  /** At a county station: every township's payroll status for the month, from the county server's aggregate. */
  'payroll.county': handler<CountyPayrollView>()(z.strictObject({ month }), COUNTY_STAFF),
  /** A township's sheet (refused elsewhere); accounts in full only for `full` (audit-logged). */
  'payroll.month': handler<PayrollSheet>()(payrollMonthSchema, WRITERS),
  'payroll.export': handler<FileView>()(payrollMonthSchema, WRITERS),
  'print.payroll': handler<PayrollForm>()(payrollMonthSchema, WRITERS),
  /** A holder's current account at this station (masked). */
  'payroll.account': handler<PayAccountView | null>()(z.strictObject({ residentId }), WRITERS),
  'payroll.setAccount': handler<PayAccountView>()(payAccountSetSchema, WRITERS),
  /** One account in full; audit-logged (reveal) before it leaves the core. */
  'payroll.revealAccount': handler<{ value: string }>()(z.strictObject({ id: docId }), WRITERS),
} as const;
