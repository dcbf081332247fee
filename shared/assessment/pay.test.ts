// The score-to-pay mapping at each mark, the minimum-wage floor and the deductions.
import { describe, expect, it } from 'vitest';
import { holderPay, weightedScore, type AssessmentResult } from './pay';
import { assessmentPolicySchema, DEFAULT_ASSESSMENT_POLICY as RULES } from './policy';
import { assessmentResult, currentAssessment, noticeDone } from './doc';

const passed = (score: number, deductions: AssessmentResult['deductions'] = []): AssessmentResult => ({ score, passed: score >= RULES.passMark, deductions });
/** 1,000 yuan for 100 hours; minimum 5 yuan an hour (500 yuan floor). */
const pay = (assessment: AssessmentResult | null, over: Partial<Parameters<typeof holderPay>[0]> = {}) =>
  holderPay({ hours: 100, basePay: 1000, hourlyMinimum: 5, assessment, rules: RULES, ...over });

describe('score to pay', () => {
  it('pays in full at and above the full-pay mark, proportionally under it', () => {
    expect(pay(passed(80))).toMatchObject({ rule: 'full', payDue: 1000, payable: 1000 });
    expect(pay(passed(80.5))).toMatchObject({ rule: 'full', payDue: 1000 });
    expect(pay(passed(79.5))).toMatchObject({ rule: 'proportional', payDue: 993.75 });
    expect(pay(passed(79.5)).params.percent).toBe(99.4);
  });

  it('pays proportionally at the pass mark and above it, nothing under it (pass mark −0.5 / 0 / +0.5)', () => {
    expect(pay(passed(60.5))).toMatchObject({ rule: 'proportional', payDue: 756.25 });
    expect(pay(passed(60))).toMatchObject({ rule: 'proportional', payDue: 750 });
    expect(pay(passed(59.5))).toMatchObject({ rule: 'none', payDue: 0, payable: 0 });
  });

  it('follows the rule as data: a county that pays a failed month proportionally', () => {
    const rules = { ...RULES, belowPassRule: 'proportional' as const };
    expect(pay(passed(40), { rules })).toMatchObject({ rule: 'proportional', payDue: 500 });
    expect(pay(passed(70), { rules: { ...RULES, betweenRule: 'full' } })).toMatchObject({ rule: 'full', payDue: 1000 });
  });
});

describe('the minimum-wage floor', () => {
  it('lifts a passed month to hourly minimum × hours and says so', () => {
    const r = pay(passed(60), { hourlyMinimum: 8 });
    expect(r).toMatchObject({ rule: 'minimumWage', payDue: 800, minimumPay: 800 });
    expect(pay(null, { basePay: 300 })).toMatchObject({ rule: 'minimumWage', payDue: 500 });
  });

  it('does not lift a failed month: the 考核 says otherwise', () => {
    expect(pay(passed(50), { hourlyMinimum: 8 })).toMatchObject({ rule: 'none', payDue: 0 });
    expect(pay(passed(50), { rules: { ...RULES, belowPassRule: 'proportional' }, hourlyMinimum: 8 })).toMatchObject({ rule: 'proportional', payDue: 625 });
  });

  it('keeps the month pay without a 考核 or a minimum in force', () => {
    expect(pay(null)).toMatchObject({ rule: 'noAssessment', payDue: 1000, payable: 1000 });
    expect(pay(passed(90), { hourlyMinimum: null })).toMatchObject({ rule: 'full', minimumPay: 0 });
    expect(pay(passed(90), { hours: 0, basePay: 0 })).toMatchObject({ rule: 'full', payDue: 0, minimumPay: 0 });
  });
});

describe('deductions', () => {
  it('are taken from the pay due in fen, never below nothing', () => {
    expect(pay(passed(85, [{ reason: '迟到', amount: 50.1 }, { reason: '缺勤', amount: 0.2 }]))).toMatchObject({ payDue: 1000, deductions: 50.3, payable: 949.7 });
    expect(pay(passed(59, [{ reason: '违纪', amount: 100 }]))).toMatchObject({ payDue: 0, deductions: 100, payable: 0 });
  });
});

describe('weights and the parameter', () => {
  it('weighs the item scores by the county weights', () => {
    expect(weightedScore({ village: 100, township: 60, democratic: 50 }, RULES.items)).toBe(70);
    expect(weightedScore({ village: 59, township: 60, democratic: 60 }, RULES.items)).toBe(59.7);
  });

  it('refuses weights that do not sum to 100 and marks out of order, on the field', () => {
    const bad = assessmentPolicySchema.safeParse({ ...RULES, items: RULES.items.map((i) => ({ ...i, weight: 30 })), passMark: 90 });
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(expect.arrayContaining([['items', 'errors.assessment.weightsSum'], ['fullPayMark', 'errors.assessment.marksOrder']]));
    expect(assessmentPolicySchema.safeParse(RULES).success).toBe(true);
  });
});

describe('reading a holder\'s 考核', () => {
  const entry = (id: string, at: string, deductions: { reason: string; amountFen: number }[] = []) => ({ _id: id, assignmentId: 'a1', month: '2026-11', score: 70, passed: true, deductions, assessedAt: at });
  it('takes the latest entry of the holder and month (a change supersedes)', () => {
    const entries = [entry('x1', '2026-12-01T00:00:00.000Z'), entry('x2', '2026-12-02T00:00:00.000Z', [{ reason: '迟到', amountFen: 5000 }]), { ...entry('y', '2026-12-03T00:00:00.000Z'), month: '2026-10' }];
    const current = currentAssessment(entries, 'a1', '2026-11');
    expect(current?._id).toBe('x2');
    expect(assessmentResult(current)?.deductions).toEqual([{ reason: '迟到', amount: 50 }]);
    expect(currentAssessment(entries, 'a2', '2026-11')).toBeNull();
    expect(noticeDone(current, [])).toBe(false);
    expect(noticeDone(current, [{ assessmentId: 'x2' }])).toBe(true);
    expect(noticeDone(entries[0]!, [])).toBe(true);
  });
});
