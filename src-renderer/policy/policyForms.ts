// The policy-parameter editor's form values per kind, their starting values (the entry being
// edited, else the newest entry of that kind, else the shipped default), and the 'policy.save'
// argument they become. The training rate is edited in per cent and stored as a share.

import type { TFunction } from 'i18next';
import { DEFAULT_ASSESSMENT_POLICY, type MinimumWageValues, type PolicyKind, type PostsPolicy, type RecruitmentPolicy, type RegistrationAgeRange, type RetirementPolicyValues, type TrainingPolicy, type WorklistParams, type AssessmentPolicy } from '../../shared/policy/parameters';
import { DEFAULT_POSTS_POLICY, DEFAULT_RECRUITMENT_POLICY, DEFAULT_REGISTRATION_AGE, DEFAULT_RETIREMENT_VALUES, DEFAULT_TRAINING_POLICY, DEFAULT_WORKLIST_POLICY, SHANDONG_2021_MINIMUM_WAGE } from '../../shared/policy/defaults';
import type { ArgsOf, PolicyEntryView } from '../../shared/rpc/handlers';

export interface MinimumWageForm {
  effectiveFrom: string;
  values: { countyCode: string; tier: string; monthly: number | null; hourly: number | null };
}
export interface PostsForm {
  effectiveFrom: string;
  values: PostsPolicy;
}
export interface TrainingForm {
  effectiveFrom: string;
  values: { eligibilityPercent: number | null; yearlyLimit: number | null; lateGraceMinutes: number | null };
}
export interface RetirementForm {
  effectiveFrom: string;
  values: RetirementPolicyValues;
}

export interface RegistrationAgeForm {
  effectiveFrom: string;
  values: { minAge: number | null; maxAge: number | null };
}

/** The work list's periods, edited as they are stored (whole days, months for the trainees). */
export interface WorklistForm {
  effectiveFrom: string;
  values: { [K in keyof WorklistParams]: number | null };
}

/** The work list's fields in the order the editor shows them, with their bounds. */
export const WORKLIST_FIELDS: readonly { name: keyof WorklistParams; min: number; max: number }[] = [
  { name: 'contactDays', min: 1, max: 365 },
  { name: 'referralResultDays', min: 1, max: 365 },
  { name: 'assignmentEndDays', min: 1, max: 365 },
  { name: 'limitWarnDays', min: 1, max: 365 },
  { name: 'retirementWarnDays', min: 1, max: 365 },
  { name: 'exitWarnDays', min: 1, max: 365 },
  { name: 'trainingFollowUpMonths', min: 1, max: 36 },
  { name: 'leadDays', min: 0, max: 90 },
  { name: 'quarterLeadDays', min: 0, max: 90 },
  { name: 'noticeDecisionDays', min: 1, max: 90 },
  { name: 'keepOverdueDays', min: 1, max: 3650 },
];

/** The 考核 parameter, edited as it is stored (items with weights, marks, rules). */
export interface AssessmentForm {
  effectiveFrom: string;
  values: AssessmentPolicy;
}

/** Recruitment: the group order as chosen (the first chosen ranks first) and the 公示 days. */
export interface RecruitmentForm {
  effectiveFrom: string;
  values: { groupOrder: RecruitmentPolicy['groupOrder']; noticeDays: number | null };
}

export interface FormsByKind {
  minimumWage: MinimumWageForm;
  posts: PostsForm;
  training: TrainingForm;
  retirement: RetirementForm;
  registrationAge: RegistrationAgeForm;
  worklist: WorklistForm;
  assessment: AssessmentForm;
  recruitment: RecruitmentForm;
}

export type PolicySaveArgs = ArgsOf<'policy.save'>;

export function entriesOf<K extends PolicyKind>(list: readonly PolicyEntryView[], kind: K): PolicyEntryView<K>[] {
  return list
    .filter((e) => e.kind === kind)
    .map((e) => e as PolicyEntryView<K>)
    .sort((a, b) => {
      if (kind === 'minimumWage') {
        const ca = (a.values as MinimumWageValues).countyCode;
        const cb = (b.values as MinimumWageValues).countyCode;
        if (ca !== cb) return ca.localeCompare(cb);
      }
      return b.effectiveFrom.localeCompare(a.effectiveFrom);
    });
}

/** The entries in force on `day`: per county for minimum wages, else the one latest entry not after the day. */
export function inForceIds(list: readonly PolicyEntryView[], day: string): Set<string> {
  const best = new Map<string, PolicyEntryView>();
  for (const e of list) {
    if (e.effectiveFrom > day) continue;
    const group = e.kind === 'minimumWage' ? `${e.kind}:${(e.values as MinimumWageValues).countyCode}` : e.kind;
    const current = best.get(group);
    if (!current || e.effectiveFrom > current.effectiveFrom) best.set(group, e);
  }
  return new Set([...best.values()].map((e) => e.id));
}

export function toPercent(rate: number): number {
  return Math.round(rate * 10_000) / 100;
}

export function fromPercent(percent: number): number {
  return Math.round(percent * 100) / 10_000;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Starting form values: the edited entry's, else a copy of the newest entry's (dated today), else the defaults. */
export function startValues<K extends PolicyKind>(kind: K, base: PolicyEntryView<K> | undefined, editing: boolean, today: string, countyCode: string): FormsByKind[K] {
  const effectiveFrom = editing && base ? base.effectiveFrom : today;
  switch (kind) {
    case 'minimumWage': {
      const v = base?.values as MinimumWageValues | undefined;
      const form: MinimumWageForm = {
        effectiveFrom,
        values: v
          ? { countyCode: editing ? v.countyCode : countyCode || v.countyCode, tier: v.tier, monthly: v.monthly, hourly: v.hourly }
          : { countyCode, tier: SHANDONG_2021_MINIMUM_WAGE.tier, monthly: SHANDONG_2021_MINIMUM_WAGE.monthly, hourly: SHANDONG_2021_MINIMUM_WAGE.hourly },
      };
      return form as FormsByKind[K];
    }
    case 'posts':
      return { effectiveFrom, values: clone((base?.values as PostsPolicy | undefined) ?? DEFAULT_POSTS_POLICY) } as FormsByKind[K];
    case 'training': {
      const v = (base?.values as TrainingPolicy | undefined) ?? DEFAULT_TRAINING_POLICY;
      const form: TrainingForm = { effectiveFrom, values: { eligibilityPercent: toPercent(v.eligibilityRate), yearlyLimit: v.yearlyLimit, lateGraceMinutes: v.lateGraceMinutes } };
      return form as FormsByKind[K];
    }
    case 'registrationAge': {
      const v = (base?.values as RegistrationAgeRange | undefined) ?? DEFAULT_REGISTRATION_AGE;
      const form: RegistrationAgeForm = { effectiveFrom, values: { minAge: v.minAge, maxAge: v.maxAge } };
      return form as FormsByKind[K];
    }
    case 'worklist':
      // A value recorded before a period was added starts that period from its default.
      return { effectiveFrom, values: clone({ ...DEFAULT_WORKLIST_POLICY, ...(base?.values as Partial<WorklistParams> | undefined) }) } as FormsByKind[K];
    case 'assessment':
      return { effectiveFrom, values: clone((base?.values as AssessmentPolicy | undefined) ?? DEFAULT_ASSESSMENT_POLICY) } as FormsByKind[K];
    case 'recruitment':
      return { effectiveFrom, values: clone((base?.values as RecruitmentPolicy | undefined) ?? DEFAULT_RECRUITMENT_POLICY) } as FormsByKind[K];
    default:
      return { effectiveFrom, values: clone((base?.values as RetirementPolicyValues | undefined) ?? DEFAULT_RETIREMENT_VALUES) } as FormsByKind[K];
  }
}

/** An empty number goes as undefined, so the schema says "required". */
const num = (value: number | null | undefined) => (value ?? undefined) as number;

export function toPolicyArgs<K extends PolicyKind>(kind: K, form: FormsByKind[K], rev?: string): PolicySaveArgs {
  const common = { effectiveFrom: form.effectiveFrom, ...(rev ? { rev } : {}) };
  switch (kind) {
    case 'minimumWage': {
      const v = (form as MinimumWageForm).values;
      return { kind: 'minimumWage', ...common, values: { countyCode: v.countyCode.trim(), tier: v.tier, monthly: num(v.monthly), hourly: num(v.hourly) } };
    }
    case 'posts':
      return { kind: 'posts', ...common, values: (form as PostsForm).values };
    case 'training': {
      const v = (form as TrainingForm).values;
      return {
        kind: 'training',
        ...common,
        values: { eligibilityRate: v.eligibilityPercent === null ? num(null) : fromPercent(v.eligibilityPercent), yearlyLimit: num(v.yearlyLimit), lateGraceMinutes: num(v.lateGraceMinutes) },
      };
    }
    case 'registrationAge': {
      const v = (form as RegistrationAgeForm).values;
      return { kind: 'registrationAge', ...common, values: { minAge: num(v.minAge), maxAge: num(v.maxAge) } };
    }
    case 'worklist': {
      const v = (form as WorklistForm).values;
      return { kind: 'worklist', ...common, values: Object.fromEntries(WORKLIST_FIELDS.map((f) => [f.name, num(v[f.name])])) as WorklistParams };
    }
    case 'assessment':
      return { kind: 'assessment', ...common, values: (form as AssessmentForm).values };
    case 'recruitment': {
      const v = (form as RecruitmentForm).values;
      return { kind: 'recruitment', ...common, values: { groupOrder: v.groupOrder, noticeDays: num(v.noticeDays) } };
    }
    default:
      return { kind: 'retirement', ...common, values: (form as RetirementForm).values };
  }
}

/** The form field an argument path of 'policy.save' belongs to. */
export function policyFieldOf(kind: PolicyKind, path: string): string | null {
  if (path === 'effectiveFrom') return path;
  if (!path.startsWith('values.')) return null;
  if (kind === 'training' && path === 'values.eligibilityRate') return 'values.eligibilityPercent';
  return path;
}

/** Label keys of the policy argument paths (numeric segments dropped). */
export const POLICY_LABELS: Record<string, string> = {
  effectiveFrom: 'policy.effectiveFrom',
  'values.countyCode': 'policy.minimumWage.countyCode',
  'values.tier': 'policy.minimumWage.tier',
  'values.monthly': 'policy.minimumWage.monthly',
  'values.hourly': 'policy.minimumWage.hourly',
  'values.maxSubsidyMonths': 'policy.posts.maxSubsidyMonths',
  'values.rural.minAge': 'policy.posts.minAge',
  'values.rural.maxAge': 'policy.posts.maxAge',
  'values.rural.olderFromAge': 'policy.posts.olderFromAge',
  'values.rural.qualifyingGroups': 'policy.posts.qualifyingGroups',
  'values.urban.minAge': 'policy.posts.minAge',
  'values.urban.qualifyingGroups': 'policy.posts.qualifyingGroups',
  'values.urban.olderUnemployedAge.male': 'policy.posts.olderUnemployedMale',
  'values.urban.olderUnemployedAge.female': 'policy.posts.olderUnemployedFemale',
  'values.eligibilityRate': 'policy.training.eligibilityRate',
  'values.eligibilityPercent': 'policy.training.eligibilityRate',
  'values.yearlyLimit': 'policy.training.yearlyLimit',
  'values.lateGraceMinutes': 'policy.training.lateGraceMinutes',
  'values.rules.baseAge': 'policy.retirement.baseAge',
  'values.rules.firstDelayedBirthMonth': 'policy.retirement.firstDelayedBirthMonth',
  'values.rules.birthMonthsPerDelayMonth': 'policy.retirement.birthMonthsPerDelayMonth',
  'values.rules.maxDelayMonths': 'policy.retirement.maxDelayMonths',
  'values.femaleCategoryForRegistration': 'policy.retirement.femaleCategoryForRegistration',
  'values.minAge': 'policy.registrationAge.minAge',
  'values.maxAge': 'policy.registrationAge.maxAge',
  ...Object.fromEntries(WORKLIST_FIELDS.map((f) => [`values.${f.name}`, `policy.worklist.${f.name}`])),
  'values.items': 'assessment.policy.items',
  'values.items.weight': 'assessment.policy.weight',
  'values.items.key': 'assessment.policy.key',
  'values.items.label.zh': 'assessment.policy.labelZh',
  'values.items.label.en': 'assessment.policy.labelEn',
  'values.passMark': 'assessment.policy.passMark',
  'values.fullPayMark': 'assessment.policy.fullPayMark',
  'values.betweenRule': 'assessment.policy.betweenRule',
  'values.belowPassRule': 'assessment.policy.belowPassRule',
  'values.failedMonthsForExit': 'assessment.policy.failedMonthsForExit',
};

/**
 * Rules across fields that the shared schema does not check (yet): the rural age band must not
 * be empty and the 大龄 age must lie inside it. Each as a form field and the i18n key of its text.
 */
export function crossFieldIssues(kind: PolicyKind, form: unknown): { field: string; key: string }[] {
  if (kind !== 'posts') return [];
  const rural = (form as PostsForm).values.rural;
  const issues: { field: string; key: string }[] = [];
  if (rural.minAge > rural.maxAge) issues.push({ field: 'values.rural.maxAge', key: 'policy.posts.maxBelowMin' });
  else if (rural.olderFromAge < rural.minAge || rural.olderFromAge > rural.maxAge) issues.push({ field: 'values.rural.olderFromAge', key: 'policy.posts.olderOutside' });
  return issues;
}

/** A list of target groups in words. */
export function groupsText(t: TFunction, groups: readonly string[]): string {
  return groups.map((g) => t(`posts.assign.groups.${g}`)).join(t('posts.separator'));
}

/** A retirement category in words. */
export function categoryText(t: TFunction, category: string): string {
  return t(`policy.retirement.categories.${category}`);
}
