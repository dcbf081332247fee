// The county's 考核 parameter (policy kind `assessment`): the items and their weights, the pass
// mark, the rule that maps a score to pay, and how many failed months make a holder eligible for
// a 考核不合格 exit. Data, not code: the pay function (./pay.ts) reads it; the county edits it.
import { z } from 'zod';

export const ASSESSMENT_PAY_RULES = ['full', 'proportional', 'none'] as const;
/** What a score in a band pays: the month's pay, that pay × score ÷ the full mark, or nothing. */
export type AssessmentPayRule = (typeof ASSESSMENT_PAY_RULES)[number];

const mark = z.number({ error: 'errors.number.invalid' }).min(0, { error: 'errors.number.range' }).max(100, { error: 'errors.number.range' });
const itemKey = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9]{0,30}$/, { error: 'errors.assessment.itemKey' });

export const assessmentPolicySchema = z
  .strictObject({
    /** The items scored 0–100 each; the weighted score is Σ score × weight ÷ 100. */
    items: z
      .array(
        z.strictObject({
          key: itemKey,
          /** The item's name as the county words it (zh-CN, English). */
          label: z.strictObject({ zh: z.string().trim().min(1, { error: 'errors.required' }).max(30, { error: 'errors.tooLong' }), en: z.string().trim().min(1, { error: 'errors.required' }).max(60, { error: 'errors.tooLong' }) }),
          weight: z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(1, { error: 'errors.number.range' }).max(100, { error: 'errors.number.range' }),
        }),
      )
      .min(1, { error: 'errors.required' })
      .max(8, { error: 'errors.number.range' }),
    /** A score at or above it passes. */
    passMark: mark,
    /** A score at or above it earns the full month's pay. */
    fullPayMark: mark,
    /** What a passing score under the full-pay mark pays. */
    betweenRule: z.enum(ASSESSMENT_PAY_RULES, { error: 'errors.option' }),
    /** What a score under the pass mark pays. */
    belowPassRule: z.enum(ASSESSMENT_PAY_RULES, { error: 'errors.option' }),
    /** This many failed months make the holder eligible for a 考核不合格 exit. */
    failedMonthsForExit: z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(1, { error: 'errors.number.range' }).max(12, { error: 'errors.number.range' }),
  })
  .superRefine((v, ctx) => {
    const sum = v.items.reduce((s, i) => s + i.weight, 0);
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['items'], message: 'errors.assessment.weightsSum', params: { sum } });
    if (v.passMark > v.fullPayMark) ctx.addIssue({ code: 'custom', path: ['fullPayMark'], message: 'errors.assessment.marksOrder' });
    const keys = new Set<string>();
    v.items.forEach((item, i) => {
      if (keys.has(item.key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'key'], message: 'errors.assessment.itemDuplicate' });
      keys.add(item.key);
    });
  });

export type AssessmentPolicy = z.output<typeof assessmentPolicySchema>;

/** Shipped defaults (to be confirmed by the county): 村考勤 30, 乡镇考核 50, 民主评议 20; pass 60, full pay from 80, two failed months. */
export const DEFAULT_ASSESSMENT_POLICY: AssessmentPolicy = {
  items: [
    { key: 'village', label: { zh: '村考勤', en: 'Village attendance' }, weight: 30 },
    { key: 'township', label: { zh: '乡镇考核', en: 'Township assessment' }, weight: 50 },
    { key: 'democratic', label: { zh: '民主评议', en: 'Democratic review' }, weight: 20 },
  ],
  passMark: 60,
  fullPayMark: 80,
  betweenRule: 'proportional',
  belowPassRule: 'none',
  failedMonthsForExit: 2,
};
