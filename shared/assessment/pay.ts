// What a holder is paid for a month: the month close's pay for the hours, the 考核's score mapped
// to pay by the county's rule (./policy.ts), the hourly minimum wage as a floor, the deductions.
// One pure function, used by the station's 考核 screen, the 扣款告知书 and the township payroll.
// Every amount says which rule decided it (`rule`, worded by `assessment.rule.<rule>` in
// ./texts.ts with `params`). Amounts are yuan; the arithmetic is in fen.
import type { AssessmentPayRule, AssessmentPolicy } from './policy';

/** A deduction of a 考核: why, and how much (yuan). */
export interface AssessmentDeduction {
  reason: string;
  /** Yuan. */
  amount: number;
}

/** What the pay needs of a holder's 考核 for the month (null: none entered). */
export interface AssessmentResult {
  /** The weighted score, 0–100, one decimal. */
  score: number;
  passed: boolean;
  deductions: AssessmentDeduction[];
}

/**
 * Which rule decided the pay due: the 考核's band (`full`, `proportional`, `none`), the hourly
 * minimum wage lifting it (`minimumWage`), or no 考核 entered (`noAssessment`: the month's pay,
 * not under the minimum).
 */
export type PayRule = AssessmentPayRule | 'minimumWage' | 'noAssessment';

export interface HolderPayArgs {
  /** Hours worked in the month (the month close's summary). */
  hours: number;
  /** The month's pay for those hours (yuan): the month close's `payDue`, from the post's pay per month. */
  basePay: number;
  /** The county's hourly minimum wage in force for the month (yuan), or null when none is. */
  hourlyMinimum: number | null;
  assessment: AssessmentResult | null;
  rules: Pick<AssessmentPolicy, 'passMark' | 'fullPayMark' | 'betweenRule' | 'belowPassRule'>;
}

export interface HolderPayResult {
  /** Yuan: the month close's pay for the hours. */
  basePay: number;
  /** Yuan: hourly minimum × hours (0 when no minimum is in force). */
  minimumPay: number;
  /** Yuan: what the month earns after the 考核's rule and the minimum-wage floor. */
  payDue: number;
  /** Yuan: the deductions' total. */
  deductions: number;
  /** Yuan: pay due less deductions, never below 0. */
  payable: number;
  rule: PayRule;
  /** The parameters of the rule's wording (`assessment.rule.<rule>`). */
  params: { score: number | null; passMark: number; fullPayMark: number; hours: number; hourlyMinimum: number | null; basePay: number; minimumPay: number; percent: number };
}

const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (f: number) => f / 100;

/** The band a score falls in: at or above the full-pay mark, at or above the pass mark, under it. */
export function scoreRule(score: number, rules: HolderPayArgs['rules']): AssessmentPayRule {
  if (score >= rules.fullPayMark) return 'full';
  if (score >= rules.passMark) return rules.betweenRule;
  return rules.belowPassRule;
}

export function holderPay(args: HolderPayArgs): HolderPayResult {
  const { hours, hourlyMinimum, assessment, rules } = args;
  const baseFen = fen(args.basePay);
  const minimumFen = hourlyMinimum === null || !(hours > 0) ? 0 : Math.round(fen(hourlyMinimum) * hours);
  let rule: PayRule;
  let dueFen: number;
  let percent = 100;
  if (assessment === null) {
    rule = 'noAssessment';
    dueFen = baseFen;
  } else {
    rule = scoreRule(assessment.score, rules);
    if (rule === 'full') dueFen = baseFen;
    else if (rule === 'none') dueFen = 0;
    else {
      const ratio = rules.fullPayMark > 0 ? Math.min(1, assessment.score / rules.fullPayMark) : 1;
      percent = Math.round(ratio * 1000) / 10;
      dueFen = Math.round(baseFen * ratio);
    }
    if (rule === 'none') percent = 0;
  }
  // The minimum wage is a floor unless a failed 考核 says otherwise.
  const floorApplies = assessment === null || assessment.passed;
  if (floorApplies && dueFen < minimumFen) {
    rule = 'minimumWage';
    dueFen = minimumFen;
  }
  const deductionsFen = (assessment?.deductions ?? []).reduce((sum, d) => sum + fen(d.amount), 0);
  const payableFen = Math.max(0, dueFen - deductionsFen);
  return {
    basePay: yuan(baseFen),
    minimumPay: yuan(minimumFen),
    payDue: yuan(dueFen),
    deductions: yuan(deductionsFen),
    payable: yuan(payableFen),
    rule,
    params: {
      score: assessment?.score ?? null,
      passMark: rules.passMark,
      fullPayMark: rules.fullPayMark,
      hours,
      hourlyMinimum,
      basePay: yuan(baseFen),
      minimumPay: yuan(minimumFen),
      percent,
    },
  };
}

/** The weighted score of item scores (0–100 each): Σ score × weight ÷ 100, rounded to one decimal. */
export function weightedScore(scores: Record<string, number>, items: AssessmentPolicy['items']): number {
  const total = items.reduce((sum, item) => sum + (scores[item.key] ?? 0) * item.weight, 0);
  return Math.round(total / 10) / 10;
}

/** Whether a weighted score passes. */
export function passes(score: number, rules: Pick<AssessmentPolicy, 'passMark'>): boolean {
  return score >= rules.passMark;
}
