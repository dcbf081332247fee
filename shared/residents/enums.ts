// The resident record's closed lists (target groups, registration kinds and statuses, …) and
// their types, without the form's schemas (./schema.ts, which re-exports them): a screen that
// only draws them does not run the schemas (issue 18).

export const TARGET_GROUPS = ['graduate', 'migrantWorker', 'flexibleEmployment', 'veteran', 'keyCare'] as const;
export const CARE_CATEGORIES = ['disabled', 'women', 'elderly', 'hardToEmploy'] as const;
export const HOUSEHOLD_TYPES = ['agricultural', 'nonAgricultural'] as const;
export const EDUCATION_LEVELS = [
  'none', 'primary', 'juniorHigh', 'seniorHigh', 'secondaryVocational', 'juniorCollege', 'bachelor', 'master', 'doctor',
] as const;
export const REGISTRATION_KINDS = ['jobSeeking', 'unemployment', 'hardship'] as const;
export const REGISTRATION_STATUSES = ['active', 'closed'] as const;
export const UNEMPLOYMENT_TYPES = [
  'graduateUnemployed', 'lostJob', 'landLossFarmer', 'veteranUnemployed', 'other',
] as const;
export const HARDSHIP_CATEGORIES = [
  'olderUnemployed', 'disabled', 'zeroEmploymentFamily', 'minimumLivingAllowance', 'longTermUnemployed',
  'povertyAlleviated', 'landLossFarmer', 'other',
] as const;
export const CLOSE_REASONS = ['employed', 'retired', 'movedAway', 'deceased', 'enlisted', 'studying', 'requested', 'dataEntryError', 'other'] as const;

export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type CareCategory = (typeof CARE_CATEGORIES)[number];
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type CloseReason = (typeof CLOSE_REASONS)[number];
