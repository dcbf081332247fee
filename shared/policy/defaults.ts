// The policy parameters' shipped defaults (labelled, to be confirmed by the county), without the
// parameters' schemas (./parameters.ts, which re-exports them): a screen that words a rule with
// them does not run the schemas (issue 18).

import { DEFAULT_RETIREMENT_RULES } from './retirement';
import type { PostsPolicy, RecruitmentPolicy, RegistrationAgeRange, RetirementPolicyValues, TrainingPolicy, WorklistParams } from './parameters';

export const DEFAULT_POSTS_POLICY: PostsPolicy = {
  maxSubsidyMonths: 36,
  rural: { minAge: 16, maxAge: 65, olderFromAge: 45, qualifyingGroups: ['povertyAlleviated', 'lowIncome', 'disabled', 'older'] },
  urban: { minAge: 16, qualifyingGroups: ['zeroEmploymentFamily', 'olderUnemployed'], olderUnemployedAge: { male: 50, female: 40 } },
};

/** Shipped default (to be confirmed by the county): 16 to 100 years old on the registration date. */
export const DEFAULT_REGISTRATION_AGE: RegistrationAgeRange = { minAge: 16, maxAge: 100 };

/** Shipped defaults (to be confirmed by the county): issue 16's 30 / 14 / 30 / 60 / 60 days and 6 months; issue 17's warning 30 days before the limit or the retirement age. */
export const DEFAULT_WORKLIST_POLICY: WorklistParams = {
  contactDays: 30,
  referralResultDays: 14,
  assignmentEndDays: 30,
  limitWarnDays: 60,
  retirementWarnDays: 60,
  exitWarnDays: 30,
  trainingFollowUpMonths: 6,
  leadDays: 7,
  quarterLeadDays: 30,
  noticeDecisionDays: 5,
  keepOverdueDays: 365,
};

/** Shipped default (to be confirmed by the county): 脱贫 / 低收入 / 残疾 / 大龄 first, then the application date; 公示 3 days (张榜公告 3 days). */
export const DEFAULT_RECRUITMENT_POLICY: RecruitmentPolicy = { groupOrder: ['povertyAlleviated', 'lowIncome', 'disabled', 'older'], noticeDays: 3 };

export const DEFAULT_TRAINING_POLICY: TrainingPolicy = { eligibilityRate: 0.8, yearlyLimit: 3, lateGraceMinutes: 0 };

/** Shandong's 2021 tiers (a known past value): 2100 / 1900 / 1700 yuan a month, 21 / 19 / 17 an hour. */
export const SHANDONG_2021_MINIMUM_WAGE = { effectiveFrom: '2021-10-01', tier: '一类', monthly: 2100, hourly: 21 } as const;

export const DEFAULT_RETIREMENT_VALUES: RetirementPolicyValues = {
  rules: DEFAULT_RETIREMENT_RULES.rules,
  femaleCategoryForRegistration: DEFAULT_RETIREMENT_RULES.femaleCategoryForRegistration,
};
