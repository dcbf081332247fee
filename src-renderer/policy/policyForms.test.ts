import { describe, expect, it } from 'vitest';
import { DEFAULT_POSTS_POLICY, DEFAULT_TRAINING_POLICY, DEFAULT_WORKLIST_POLICY } from '../../shared/policy/defaults';
import { policySaveSchema, type PolicyEntryView } from '../../shared/rpc/handlers';
import { POLICY_LABELS, crossFieldIssues, entriesOf, fromPercent, inForceIds, policyFieldOf, startValues, toPercent, toPolicyArgs, type TrainingForm } from './policyForms';

function entry(kind: PolicyEntryView['kind'], id: string, effectiveFrom: string, values: unknown): PolicyEntryView {
  return { id, rev: '1-a', kind, effectiveFrom, isDefault: true, values: values as PolicyEntryView['values'], updatedBy: 'system', updatedAt: '2025-01-01T00:00:00Z' };
}

const wage = (county: string, hourly: number) => ({ countyCode: county, tier: '一类', monthly: hourly * 100, hourly });

describe('policy entries', () => {
  const list = [
    entry('minimumWage', 'w1', '2021-10-01', wage('370102', 21)),
    entry('minimumWage', 'w2', '2025-10-01', wage('370102', 23)),
    entry('minimumWage', 'w3', '2021-10-01', wage('370200', 19)),
    entry('posts', 'p1', '2020-01-01', DEFAULT_POSTS_POLICY),
    entry('posts', 'p2', '2030-01-01', DEFAULT_POSTS_POLICY),
  ];

  it('lists a kind newest first, minimum wages grouped by county', () => {
    expect(entriesOf(list, 'minimumWage').map((e) => e.id)).toEqual(['w2', 'w1', 'w3']);
    expect(entriesOf(list, 'posts').map((e) => e.id)).toEqual(['p2', 'p1']);
  });

  it('knows the entry in force on a day, per county for minimum wages, including the day a value changes', () => {
    expect([...inForceIds(list, '2025-09-30')].sort()).toEqual(['p1', 'w1', 'w3']);
    expect([...inForceIds(list, '2025-10-01')].sort()).toEqual(['p1', 'w2', 'w3']);
  });
});

describe('policy form values', () => {
  it('starts a new minimum wage from the newest entry, in the station county, dated today', () => {
    const base = entry('minimumWage', 'w3', '2021-10-01', wage('370200', 19)) as PolicyEntryView<'minimumWage'>;
    const form = startValues('minimumWage', base, false, '2025-06-01', '370102');
    expect(form).toEqual({ effectiveFrom: '2025-06-01', values: { countyCode: '370102', tier: '一类', monthly: 1900, hourly: 19 } });
    const edited = startValues('minimumWage', base, true, '2025-06-01', '370102');
    expect(edited.effectiveFrom).toBe('2021-10-01');
    expect(edited.values.countyCode).toBe('370200');
  });

  it('falls back to the shipped defaults', () => {
    expect(startValues('minimumWage', undefined, false, '2025-06-01', '370102').values).toEqual({ countyCode: '370102', tier: '一类', monthly: 2100, hourly: 21 });
    expect(startValues('posts', undefined, false, '2025-06-01', '').values).toEqual(DEFAULT_POSTS_POLICY);
    expect(startValues('posts', undefined, false, '2025-06-01', '').values).not.toBe(DEFAULT_POSTS_POLICY);
    expect(startValues('training', undefined, false, '2025-06-01', '').values.eligibilityPercent).toBe(80);
  });

  it('edits the training rate in per cent and saves it as a share the schema accepts', () => {
    expect(toPercent(0.8)).toBe(80);
    expect(toPercent(0.07)).toBe(7);
    expect(fromPercent(80)).toBe(0.8);
    expect(fromPercent(66.67)).toBe(0.6667);
    const form: TrainingForm = { effectiveFrom: '2025-06-01', values: { eligibilityPercent: 75, yearlyLimit: 3, lateGraceMinutes: 5 } };
    const args = toPolicyArgs('training', form, '2-b');
    expect(args).toEqual({ kind: 'training', effectiveFrom: '2025-06-01', rev: '2-b', values: { ...DEFAULT_TRAINING_POLICY, eligibilityRate: 0.75, lateGraceMinutes: 5 } });
    expect(policySaveSchema.safeParse(args).success).toBe(true);
  });

  it('edits the registration age range from the shipped 16–100 and saves it as the schema expects', () => {
    const form = startValues('registrationAge', undefined, false, '2026-11-01', '');
    expect(form).toEqual({ effectiveFrom: '2026-11-01', values: { minAge: 16, maxAge: 100 } });
    const args = toPolicyArgs('registrationAge', { ...form, values: { minAge: 16, maxAge: 90 } });
    expect(args).toEqual({ kind: 'registrationAge', effectiveFrom: '2026-11-01', values: { minAge: 16, maxAge: 90 } });
    expect(policySaveSchema.safeParse(args).success).toBe(true);
    const upsideDown = policySaveSchema.safeParse(toPolicyArgs('registrationAge', { ...form, values: { minAge: 60, maxAge: 50 } }));
    expect(upsideDown.error?.issues).toEqual([expect.objectContaining({ path: ['values', 'maxAge'], message: 'errors.policy.ageRange' })]);
  });

  it('sends an empty number as missing, so the schema reports it', () => {
    const args = toPolicyArgs('minimumWage', { effectiveFrom: '2025-06-01', values: { countyCode: '370102', tier: '一类', monthly: null, hourly: 21 } });
    const result = policySaveSchema.safeParse(args);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['values.monthly']);
  });

  it('maps argument paths to form fields', () => {
    expect(policyFieldOf('training', 'values.eligibilityRate')).toBe('values.eligibilityPercent');
    expect(policyFieldOf('posts', 'values.rural.minAge')).toBe('values.rural.minAge');
    expect(policyFieldOf('posts', 'effectiveFrom')).toBe('effectiveFrom');
    expect(policyFieldOf('posts', 'rev')).toBeNull();
  });
});

describe('rules across policy fields', () => {
  const posts = (rural: Partial<typeof DEFAULT_POSTS_POLICY.rural>) => ({ effectiveFrom: '2025-06-01', values: { ...DEFAULT_POSTS_POLICY, rural: { ...DEFAULT_POSTS_POLICY.rural, ...rural } } });

  it('refuses an empty rural age band and a 大龄 age outside it, accepting the edges', () => {
    expect(crossFieldIssues('posts', posts({}))).toEqual([]);
    expect(crossFieldIssues('posts', posts({ minAge: 70 }))).toEqual([{ field: 'values.rural.maxAge', key: 'policy.posts.maxBelowMin' }]);
    expect(crossFieldIssues('posts', posts({ olderFromAge: 66 }))).toEqual([{ field: 'values.rural.olderFromAge', key: 'policy.posts.olderOutside' }]);
    expect(crossFieldIssues('posts', posts({ minAge: 45, olderFromAge: 45, maxAge: 45 }))).toEqual([]);
    expect(crossFieldIssues('training', {})).toEqual([]);
  });
});

describe('the work list periods', () => {
  it('start from the shipped defaults, go to policy.save whole, and an emptied field is required on its own label', () => {
    const form = startValues('worklist', undefined, false, '2026-11-22', '370102');
    expect(form).toEqual({ effectiveFrom: '2026-11-22', values: DEFAULT_WORKLIST_POLICY });
    const args = toPolicyArgs('worklist', form);
    expect(policySaveSchema.safeParse(args).success).toBe(true);
    expect(args).toEqual({ kind: 'worklist', effectiveFrom: '2026-11-22', values: { contactDays: 30, referralResultDays: 14, assignmentEndDays: 30, limitWarnDays: 60, retirementWarnDays: 60, exitWarnDays: 30, trainingFollowUpMonths: 6, leadDays: 7, quarterLeadDays: 30, noticeDecisionDays: 5, keepOverdueDays: 365 } });
    const emptied = toPolicyArgs('worklist', { ...form, values: { ...form.values, contactDays: null } });
    const parsed = policySaveSchema.safeParse(emptied);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['values', 'contactDays'] });
    expect(POLICY_LABELS['values.contactDays']).toBe('policy.worklist.contactDays');
  });
});
