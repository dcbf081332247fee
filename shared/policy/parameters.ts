// Policy parameters are dated reference documents: every calculation takes the value in force on
// the day it is about. The shipped values are defaults (`isDefault`) that the county confirms
// by editing; retirement rules live in ./retirement.ts.

import { z } from 'zod';
import { month, shandongCounty } from '../common/fields';
import type { RetirementRuleSet } from './retirement';
import type { AssessmentPolicy } from '../assessment/policy';

export { assessmentPolicySchema, DEFAULT_ASSESSMENT_POLICY, type AssessmentPolicy } from '../assessment/policy';

export const POLICY_KINDS = ['minimumWage', 'retirement', 'posts', 'training', 'registrationAge', 'worklist', 'assessment', 'recruitment'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** Money crosses the bridge in yuan with at most two decimals and is stored in fen. */
export const yuan = (max: number) =>
  z
    .number({ error: 'errors.number.invalid' })
    .min(0.01, { error: 'errors.money.range' })
    .max(max, { error: 'errors.money.range' })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: 'errors.money.cents' });

export const POST_QUALIFYING_GROUPS = ['povertyAlleviated', 'lowIncome', 'disabled', 'older', 'zeroEmploymentFamily', 'olderUnemployed'] as const;
export type PostQualifyingGroup = (typeof POST_QUALIFYING_GROUPS)[number];

export const minimumWageSchema = z.strictObject({
  countyCode: shandongCounty,
  tier: z.string().trim().min(1, { error: 'errors.required' }).max(20, { error: 'errors.tooLong' }),
  monthly: yuan(100_000),
  hourly: yuan(1_000),
});

const age = z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(16, { error: 'errors.number.range' }).max(80, { error: 'errors.number.range' });

export const postsPolicySchema = z
  .strictObject({
  maxSubsidyMonths: z.number().int().min(1, { error: 'errors.number.range' }).max(120, { error: 'errors.number.range' }),
  rural: z.strictObject({
    minAge: age,
    maxAge: age,
    /** From this age a person qualifies as 大龄 without another target group. */
    olderFromAge: age,
    qualifyingGroups: z.array(z.enum(POST_QUALIFYING_GROUPS, { error: 'errors.option' })).min(1, { error: 'errors.required' }),
  }),
  urban: z.strictObject({
    minAge: age,
    qualifyingGroups: z.array(z.enum(POST_QUALIFYING_GROUPS, { error: 'errors.option' })).min(1, { error: 'errors.required' }),
    /** 大龄失业: unemployed and at least this old. */
    olderUnemployedAge: z.strictObject({ male: age, female: age }),
  }),
  })
  .superRefine((v, ctx) => {
    if (v.rural.minAge > v.rural.maxAge) ctx.addIssue({ code: 'custom', path: ['rural', 'maxAge'], message: 'errors.policy.ageRange' });
    if (v.rural.olderFromAge < v.rural.minAge || v.rural.olderFromAge > v.rural.maxAge) {
      ctx.addIssue({ code: 'custom', path: ['rural', 'olderFromAge'], message: 'errors.policy.olderAgeOutside' });
    }
  });

export const trainingPolicySchema = z.strictObject({
  /** Share of class hours attended for subsidy eligibility (0.8 = 80 %). */
  eligibilityRate: z.number().min(0.01, { error: 'errors.number.range' }).max(1, { error: 'errors.number.range' }),
  yearlyLimit: z.number().int().min(1, { error: 'errors.number.range' }).max(20, { error: 'errors.number.range' }),
  /** A sign-in this many minutes after the start still counts as on time. */
  lateGraceMinutes: z.number().int().min(0, { error: 'errors.number.range' }).max(120, { error: 'errors.number.range' }),
});

const plausibleAge = z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(0, { error: 'errors.number.range' }).max(130, { error: 'errors.number.range' });

/** The ages at the registration date a registration may have; outside them the ID number is likely wrong. */
export const registrationAgeSchema = z
  .strictObject({ minAge: plausibleAge, maxAge: plausibleAge })
  .superRefine((v, ctx) => {
    if (v.minAge > v.maxAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'errors.policy.ageRange' });
  });

const retirementRuleSchema = z.strictObject({
  sex: z.enum(['male', 'female'], { error: 'errors.option' }),
  category: z.enum(['default', 'femaleCadre', 'femaleWorker'], { error: 'errors.option' }),
  baseAge: age,
  firstDelayedBirthMonth: month,
  birthMonthsPerDelayMonth: z.number().int().min(1).max(24),
  maxDelayMonths: z.number().int().min(0).max(120),
});

export const retirementPolicySchema = z.strictObject({
  rules: z.array(retirementRuleSchema).min(1, { error: 'errors.required' }).max(6),
  femaleCategoryForRegistration: z.enum(['default', 'femaleCadre', 'femaleWorker'], { error: 'errors.option' }),
});

const days = (max: number) => z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(1, { error: 'errors.number.range' }).max(max, { error: 'errors.number.range' });
const leadDays = z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(0, { error: 'errors.number.range' }).max(90, { error: 'errors.number.range' });

/** The work list's (待办) periods: when each rule's duty is due, and how many days before it is listed (see shared/worklist/rules.ts). */
export const worklistPolicySchema = z.strictObject({
  /** A registered unemployed person is due a contact this many days after the last one. */
  contactDays: days(365),
  /** A job referral's result is due this many days after the referral. */
  referralResultDays: days(365),
  /** A post holder is listed this many days before the assignment ends. */
  assignmentEndDays: days(365),
  /** …before the subsidy's months run out. */
  limitWarnDays: days(365),
  /** …before the holder reaches the retirement age. */
  retirementWarnDays: days(365),
  /**
   * The last days before the subsidy limit or the retirement age: the post's page and the work list
   * show the holder as a warning (red), not only listed (issue 17: 30 days before).
   */
  exitWarnDays: days(365),
  /** A trainee's status is due this many months after the course ended. */
  trainingFollowUpMonths: days(36),
  /** Contacts, referrals and trainees are listed this many days before they are due. */
  leadDays,
  /** A 就业困难人员 without a service this quarter is listed this many days before the quarter ends. */
  quarterLeadDays: leadDays,
  /** A 公示 is to be concluded within this many days after its period ended. */
  noticeDecisionDays: days(90),
  /**
   * A one-off duty (a post's end, the subsidy limit, a retirement, a course's follow-up, a
   * referral, a notice) is listed at most this many days past its due date; contacts and the
   * quarterly service stay listed until done. Records from before the work list do not flood it.
   */
  keepOverdueDays: days(3650),
});

/** Recruitment (招聘): the order applicants are ranked in, and how long the 拟安置人员公示 is posted. */
export const recruitmentPolicySchema = z.strictObject({
  /** Applicants of the first group listed come first, then the next group's, …; then those of none; then by application date. */
  groupOrder: z.array(z.enum(POST_QUALIFYING_GROUPS, { error: 'errors.option' })).max(POST_QUALIFYING_GROUPS.length),
  /** The 公示 lasts this many days from the day it is printed (that day counted). */
  noticeDays: days(60),
});

export type MinimumWageValues = z.output<typeof minimumWageSchema>;
export type PostsPolicy = z.output<typeof postsPolicySchema>;
export type TrainingPolicy = z.output<typeof trainingPolicySchema>;
export type RetirementPolicyValues = z.output<typeof retirementPolicySchema>;
export type RegistrationAgeRange = z.output<typeof registrationAgeSchema>;
export type WorklistParams = z.output<typeof worklistPolicySchema>;
export type RecruitmentPolicy = z.output<typeof recruitmentPolicySchema>;

export interface PolicyValuesByKind {
  minimumWage: MinimumWageValues;
  retirement: RetirementPolicyValues;
  posts: PostsPolicy;
  training: TrainingPolicy;
  registrationAge: RegistrationAgeRange;
  worklist: WorklistParams;
  assessment: AssessmentPolicy;
  recruitment: RecruitmentPolicy;
}

export function toRetirementRuleSet(effectiveFrom: string, values: RetirementPolicyValues, isDefault: boolean): RetirementRuleSet {
  return { effectiveFrom, isDefault, ...values };
}
