// The work list's rules at their boundary days, with hand-computed dates (default parameters:
// contact 30 days, referral 14, assignment end 30, limit 60, retirement 60, training 6 months,
// listed 7 days ahead, a quarter 30 days ahead, a notice concluded within 5 days).
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLIST_POLICY as P } from '../policy/defaults';
import { dayReaching, dutyState, noticeDuty, periodMonths, personDuties, quarterOf, standingMark, summarizeServices, summarizeStatuses, type MarkFact, type PersonFacts, type ServiceFact, type StatusFact } from './rules';

const R = 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa';

/** A person with every service and status entry, as the tests write them (the rules read them summarized). */
type Person = Omit<PersonFacts, 'services' | 'statuses'> & { services: ServiceFact[]; statuses: StatusFact[] };

function person(overrides: Partial<Person> = {}): Person {
  return {
    residentId: R,
    placeCode: '370102001002',
    registration: { kind: 'unemployment', date: '2026-10-01' },
    closed: false,
    services: [],
    statuses: [],
    assignments: [],
    courses: [],
    retirementDate: null,
    ...overrides,
  };
}

/** The rows of a person on a day: `rule state dueDate`. */
const facts = (p: Person): PersonFacts => ({ ...p, services: summarizeServices(p.services), statuses: summarizeStatuses(p.statuses) });
const rows = (p: Person, today: string) => personDuties(facts(p), today, P, 36).map((d) => `${d.rule} ${dutyState(d, today)} ${d.dueDate}`);

describe('the day arithmetic', () => {
  it('names quarters and counts subsidy months as the posts do', () => {
    expect(quarterOf('2026-11-22')).toEqual({ name: '2026Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(quarterOf('2027-03-31')).toEqual({ name: '2027Q1', start: '2027-01-01', end: '2027-03-31' });
    expect(periodMonths('2024-01-01', '2025-06-30')).toBe(18);
    expect(dayReaching('2025-07-01', 18)).toBe('2026-12-31');
    expect(periodMonths('2025-07-01', dayReaching('2025-07-01', 18))).toBe(18);
  });
});

describe('registered unemployed not contacted', () => {
  // Registered 2026-10-01, never served: due 2026-10-31, listed from 2026-10-24.
  it('is listed 7 days ahead, due on day 30, overdue the day after', () => {
    const p = person();
    expect(rows(p, '2026-10-23')).toEqual([]);
    expect(rows(p, '2026-10-24')).toEqual(['unemployedNotContacted due 2026-10-31']);
    expect(rows(p, '2026-10-30')).toEqual(['unemployedNotContacted due 2026-10-31']);
    expect(rows(p, '2026-10-31')).toEqual(['unemployedNotContacted due 2026-10-31']);
    expect(rows(p, '2026-11-01')).toEqual(['unemployedNotContacted overdue 2026-10-31']);
    expect(personDuties(facts(p), '2026-11-01', P, 36)[0]!.facts).toEqual({ lastContact: '2026-10-01', daysSinceContact: 31 });
  });

  it('counts from the latest service; a corrected entry no longer counts; closed or job-seeking registrations are not listed', () => {
    const served = person({ services: [{ id: 's1', entry: 'service', date: '2026-10-20', kind: 'careerGuidance' }] });
    expect(rows(served, '2026-11-01')).toEqual([]);
    expect(rows(served, '2026-11-19')).toEqual(['unemployedNotContacted due 2026-11-19']);
    expect(rows(served, '2026-11-20')).toEqual(['unemployedNotContacted overdue 2026-11-19']);
    const corrected = person({ services: [{ id: 's1', entry: 'service', date: '2026-10-20', kind: 'careerGuidance' }, { id: 's2', entry: 'service', date: '2026-10-05', kind: 'careerGuidance', corrects: 's1' }] });
    expect(rows(corrected, '2026-11-04')).toEqual(['unemployedNotContacted due 2026-11-04']);
    expect(rows(person({ closed: true }), '2026-11-01')).toEqual([]);
    expect(rows(person({ registration: { kind: 'jobSeeking', date: '2026-10-01' } }), '2026-11-01')).toEqual([]);
  });
});

describe('就业困难人员 without a service this quarter', () => {
  // Registered 2026-01-15, last served 2026-07-10 (Q3 answered): Q4 listed from 2026-12-01, due 2026-12-31.
  const p = person({ registration: { kind: 'hardship', date: '2026-01-15' }, services: [{ id: 's1', entry: 'service', date: '2026-07-10', kind: 'aidBasic' }] });

  it('is listed 30 days before the quarter ends, due on its last day, overdue in the next quarter', () => {
    expect(rows(p, '2026-11-30')).toEqual([]);
    expect(rows(p, '2026-12-01')).toEqual(['hardshipNoServiceThisQuarter due 2026-12-31']);
    expect(rows(p, '2026-12-31')).toEqual(['hardshipNoServiceThisQuarter due 2026-12-31']);
    expect(rows(p, '2027-01-01')).toEqual(['hardshipNoServiceThisQuarter overdue 2026-12-31']);
    expect(personDuties(facts(p), '2027-01-01', P, 36)[0]!.key).toBe(`hardshipNoServiceThisQuarter|${R}|2026Q4`);
  });

  it('is answered by a service in the quarter, or a late one for last quarter', () => {
    const servedInQ4 = { ...p, services: [...p.services, { id: 's2', entry: 'service' as const, date: '2026-10-02', kind: 'aidBasic' }] };
    expect(rows(servedInQ4, '2026-12-31')).toEqual([]);
    const late = { ...p, services: [...p.services, { id: 's3', entry: 'service' as const, date: '2027-01-05', kind: 'aidBasic' }] };
    expect(rows(late, '2027-01-05')).toEqual([]);
  });
});

describe('a referral without a result', () => {
  // Referred 2026-11-01: due 2026-11-15, listed from 2026-11-08.
  const ref = { id: 'r1', entry: 'service' as const, date: '2026-11-01', kind: 'jobReferral', employer: '历下物业', job: '电工' };
  const p = person({ registration: { kind: 'jobSeeking', date: '2026-10-01' }, services: [ref] });

  it('is listed 7 days ahead, due 14 days after the referral, overdue the day after', () => {
    expect(rows(p, '2026-11-07')).toEqual([]);
    expect(rows(p, '2026-11-08')).toEqual(['referralNoResult due 2026-11-15']);
    expect(rows(p, '2026-11-14')).toEqual(['referralNoResult due 2026-11-15']);
    expect(rows(p, '2026-11-15')).toEqual(['referralNoResult due 2026-11-15']);
    expect(rows(p, '2026-11-16')).toEqual(['referralNoResult overdue 2026-11-15']);
    expect(personDuties(facts(p), '2026-11-16', P, 36)[0]!.target).toEqual({ kind: 'service', serviceId: 'r1', residentId: R });
  });

  it('is answered by a result, for any version of a corrected referral', () => {
    expect(rows({ ...p, services: [ref, { id: 'x1', entry: 'result', date: '2026-11-10', refersTo: 'r1' }] }, '2026-11-16')).toEqual([]);
    const correction = { ...ref, id: 'r2', corrects: 'r1', date: '2026-11-02' };
    expect(rows({ ...p, services: [ref, correction] }, '2026-11-17')).toEqual(['referralNoResult overdue 2026-11-16']);
    expect(rows({ ...p, services: [ref, correction, { id: 'x1', entry: 'result', date: '2026-11-10', refersTo: 'r1' }] }, '2026-11-17')).toEqual([]);
  });
});

describe('post holders', () => {
  const holder = (assignments: PersonFacts['assignments'], retirementDate: string | null = null) =>
    person({ registration: { kind: 'jobSeeking', date: '2020-01-01' }, assignments, retirementDate });
  const a2026 = { id: 'a1', postId: 'post:370102001002:P-1', postName: '保洁', startDate: '2026-01-01', endDate: '2026-12-31' };

  it('an assignment ending: listed 30 days ahead, due on its end, overdue after; answered by a next status or assignment', () => {
    const p = holder([a2026]);
    expect(rows(p, '2026-11-30')).toEqual([]);
    expect(rows(p, '2026-12-01')).toEqual(['assignmentEnding due 2026-12-31']);
    expect(rows(p, '2026-12-31')).toEqual(['assignmentEnding due 2026-12-31']);
    expect(rows(p, '2027-01-01')).toEqual(['assignmentEnding overdue 2026-12-31']);
    // The assignment's own 公益性岗位 entry is not what the person does next.
    expect(rows({ ...p, statuses: [{ effectiveDate: '2026-01-01', recordedOn: '2026-12-05', fromAssignment: true }] }, '2027-01-01')).toHaveLength(1);
    expect(rows({ ...p, statuses: [{ effectiveDate: '2027-01-01', recordedOn: '2026-12-20', fromAssignment: false }] }, '2027-01-01')).toEqual([]);
    expect(rows(holder([a2026, { ...a2026, id: 'a2', startDate: '2027-01-01', endDate: '2027-12-31' }]), '2027-01-01')).toEqual([]);
  });

  it('the subsidy limit: 18 months before, so 36 are reached on 2026-12-31; listed 60 days ahead', () => {
    const p = holder([
      { ...a2026, id: 'a0', startDate: '2024-01-01', endDate: '2025-06-30' },
      { ...a2026, id: 'a1', startDate: '2025-07-01', endDate: '2027-06-30' },
    ]);
    expect(rows(p, '2026-10-31')).toEqual([]);
    expect(rows(p, '2026-11-01')).toEqual(['subsidyLimitNear due 2026-12-31']);
    expect(rows(p, '2026-12-31')).toEqual(['subsidyLimitNear due 2026-12-31']);
    expect(rows(p, '2027-01-01')).toEqual(['subsidyLimitNear overdue 2026-12-31']);
    expect(personDuties(facts(p), '2026-11-01', P, 36)[0]!.facts).toMatchObject({ limitDate: '2026-12-31', maxSubsidyMonths: 36 });
  });

  it('the retirement age within the assignment: listed 60 days ahead, due on the day', () => {
    const p = holder([{ ...a2026, endDate: '2027-12-31' }], '2026-12-15');
    expect(rows(p, '2026-10-15')).toEqual([]);
    expect(rows(p, '2026-10-16')).toEqual(['retirementNear due 2026-12-15']);
    expect(rows(p, '2026-12-15')).toEqual(['retirementNear due 2026-12-15']);
    expect(rows(p, '2026-12-16')).toEqual(['retirementNear overdue 2026-12-15']);
    // Shortened to end before the retirement: it is an assignment ending then.
    expect(rows(holder([{ ...a2026, endDate: '2026-12-14' }], '2026-12-15'), '2026-12-10')).toEqual(['assignmentEnding due 2026-12-14']);
  });
});

describe('a trainee without a status entry since the course', () => {
  // The course ended 2026-05-31: due 2026-11-30, listed from 2026-11-23.
  const p = person({ registration: { kind: 'jobSeeking', date: '2026-01-01' }, courses: [{ sessionId: 'training:370102001002:abcdefghijklmnop', name: '育婴员', endDate: '2026-05-31' }] });

  it('is listed 7 days ahead, due six months after the end, overdue after', () => {
    expect(rows(p, '2026-11-22')).toEqual([]);
    expect(rows(p, '2026-11-23')).toEqual(['trainingNoStatus due 2026-11-30']);
    expect(rows(p, '2026-11-30')).toEqual(['trainingNoStatus due 2026-11-30']);
    expect(rows(p, '2026-12-01')).toEqual(['trainingNoStatus overdue 2026-11-30']);
  });

  it('is answered by a status entry effective or written after the end, not by one before it', () => {
    expect(rows({ ...p, statuses: [{ effectiveDate: '2026-03-01', recordedOn: '2026-05-31', fromAssignment: false }] }, '2026-12-01')).toHaveLength(1);
    expect(rows({ ...p, statuses: [{ effectiveDate: '2026-03-01', recordedOn: '2026-06-01', fromAssignment: false }] }, '2026-12-01')).toEqual([]);
    expect(rows({ ...p, statuses: [{ effectiveDate: '2026-06-01', recordedOn: '2026-05-31', fromAssignment: false }] }, '2026-12-01')).toEqual([]);
  });
});

describe('a 公示 whose period ended', () => {
  // Posted 2026-11-23..2026-11-27: listed from 2026-11-28, due 2026-12-02.
  const n = { id: 'audit:370102001002:2026-11-20T01:00:00.000Z:abcdefgh', placeCode: '370102001002', from: '2026-11-01', to: '2026-11-20', noticeFrom: '2026-11-23', noticeTo: '2026-11-27', applicants: 3 };
  const state = (today: string) => {
    const d = noticeDuty(n, today, P);
    return d && `${dutyState(d, today)} ${d.dueDate}`;
  };

  it('is listed the day after it ends, due within 5 days, overdue after', () => {
    expect(state('2026-11-27')).toBeNull();
    expect(state('2026-11-28')).toBe('due 2026-12-02');
    expect(state('2026-12-02')).toBe('due 2026-12-02');
    expect(state('2026-12-03')).toBe('overdue 2026-12-02');
  });
});

describe('how long a duty stays listed', () => {
  it('a one-off duty up to 365 days past due, a contact until done', () => {
    const ref = { id: 'r1', entry: 'service' as const, date: '2025-11-01', kind: 'jobReferral' };
    // Due 2025-11-15: still listed 365 days later, not 366.
    const p = person({ registration: { kind: 'jobSeeking', date: '2025-10-01' }, services: [ref] });
    expect(rows(p, '2026-11-15')).toEqual(['referralNoResult overdue 2025-11-15']);
    expect(rows(p, '2026-11-16')).toEqual([]);
    expect(rows(person({ registration: { kind: 'unemployment', date: '2024-01-01' } }), '2026-11-16')).toEqual(['unemployedNotContacted overdue 2024-01-31']);
  });
});

describe('marks', () => {
  const mark = (id: string, kind: MarkFact['kind'], at: string, until: string | null = null): MarkFact => ({ id, key: 'k', kind, until, reason: '外出', byName: '王丽', at });

  it('the latest decides; a snooze stands until its day comes; reopened stands for nothing', () => {
    const snooze = mark('m1', 'snoozed', '2026-11-22T02:00:00.000Z', '2026-12-01');
    expect(standingMark([snooze], '2026-11-30')).toBe(snooze);
    expect(standingMark([snooze], '2026-12-01')).toBeNull();
    const na = mark('m2', 'notApplicable', '2026-11-22T03:00:00.000Z');
    expect(standingMark([na, snooze], '2027-06-01')).toBe(na);
    expect(standingMark([snooze, na, mark('m3', 'reopened', '2026-11-22T04:00:00.000Z')], '2026-11-23')).toBeNull();
    expect(standingMark([], '2026-11-23')).toBeNull();
  });
});
