// The counts by their written definitions, on entries and residents chosen so every rule shows,
// with the expectations worked out by hand (see the comments).
import { describe, expect, it } from 'vitest';
import { currentEntry, employmentCounts, type EntryFact, type ResidentFact } from './counts';
import type { EmploymentStatus } from './schema';

const V1 = '370102001001';
const V2 = '370102001002';
let written = 0;
const e = (id: string, residentId: string, status: EmploymentStatus, effectiveDate: string, over: Partial<EntryFact> = {}): EntryFact => ({
  id, residentId, status, effectiveDate, endDate: null, corrects: null, createdAt: `2026-12-01T00:00:${String(written++).padStart(2, '0')}Z`, ...over,
});
const person = (over: Partial<ResidentFact>): ResidentFact => ({
  place: V1, householdType: 'nonAgricultural', targetGroups: [], registration: { kind: 'jobSeeking', date: '2026-01-01' }, hardToEmploy: false, ...over,
});

const residents = new Map<string, ResidentFact>([
  // P1: non-agricultural, registered unemployed 2026-02-10, a graduate, in V1.
  ['P1', person({ targetGroups: ['graduate'], registration: { kind: 'unemployment', date: '2026-02-10' } })],
  // P2: agricultural, hardship registration 2026-01-05, no group, in V2.
  ['P2', person({ place: V2, householdType: 'agricultural', registration: { kind: 'hardship', date: '2026-01-05' } })],
  // P3: non-agricultural job seeker, care category hard to employ, migrant worker and veteran, in V1.
  ['P3', person({ targetGroups: ['migrantWorker', 'veteran'], hardToEmploy: true })],
  // P4: agricultural, registered unemployed only after the entry (2026-04-01), key care, in V2.
  ['P4', person({ place: V2, householdType: 'agricultural', targetGroups: ['keyCare'], registration: { kind: 'unemployment', date: '2026-04-01' } })],
  // P5: non-agricultural job seeker.
  ['P5', person({})],
]);

const entries: EntryFact[] = [
  // P1: unemployed, into employment 03-05 (counts in March), a job change 03-20 (no new count),
  // unemployed again 05-01, self-employed 05-20 (counts in May).
  e('p1a', 'P1', 'unemployed', '2026-02-10'),
  e('p1b', 'P1', 'employee', '2026-03-05'),
  e('p1c', 'P1', 'flexible', '2026-03-20'),
  e('p1d', 'P1', 'unemployed', '2026-05-01'),
  e('p1e', 'P1', 'selfEmployed', '2026-05-20'),
  // P2: a 外出务工 entry corrected into a 公益性岗位 ending 04-30 (counts in March once), then
  // 外出务工 from 06-01, after the post ended (counts in June).
  e('p2x', 'P2', 'migrant', '2026-03-01'),
  e('p2a', 'P2', 'publicWelfare', '2026-03-01', { endDate: '2026-04-30', corrects: 'p2x' }),
  e('p2b', 'P2', 'migrant', '2026-06-01'),
  // P3: two employed entries in March: one count.
  e('p3a', 'P3', 'employee', '2026-03-15'),
  e('p3b', 'P3', 'flexible', '2026-03-25'),
  // P4: employed, but agricultural and not yet registered unemployed: nothing.
  e('p4a', 'P4', 'employee', '2026-03-01'),
  // P5: in July, outside the range.
  e('p5a', 'P5', 'employee', '2026-07-01'),
  // Someone unknown to the station: not counted.
  e('zz', 'P9', 'employee', '2026-03-01'),
];

describe('employmentCounts', () => {
  it('counts by the written definitions, by month, place and group', () => {
    const c = employmentCounts(entries, residents, '2026-03', '2026-06');
    // March: P1 (new urban, re-employed), P2 (hardship), P3 (new urban, hardship). May: P1 (new urban, re-employed). June: P2 (hardship).
    expect(c.byMonth).toEqual([
      { month: '2026-03', counts: { newUrban: 2, reemployed: 1, hardship: 2 } },
      { month: '2026-05', counts: { newUrban: 1, reemployed: 1, hardship: 0 } },
      { month: '2026-06', counts: { newUrban: 0, reemployed: 0, hardship: 1 } },
    ]);
    expect(c.total).toEqual({ newUrban: 3, reemployed: 2, hardship: 3 });
    // V1: P1 and P3; V2: P2 (P4 counts nowhere).
    expect(c.byPlace).toEqual([
      { place: V1, counts: { newUrban: 3, reemployed: 2, hardship: 1 } },
      { place: V2, counts: { newUrban: 0, reemployed: 0, hardship: 2 } },
    ]);
    expect(Object.fromEntries(c.byGroup.map((g) => [g.group, g.counts]))).toEqual({
      graduate: { newUrban: 2, reemployed: 2, hardship: 0 },
      migrantWorker: { newUrban: 1, reemployed: 0, hardship: 1 },
      flexibleEmployment: { newUrban: 0, reemployed: 0, hardship: 0 },
      veteran: { newUrban: 1, reemployed: 0, hardship: 1 },
      keyCare: { newUrban: 0, reemployed: 0, hardship: 0 },
      none: { newUrban: 0, reemployed: 0, hardship: 2 },
    });
  });

  it('counts a month at its edges and the registration on the entry’s own day', () => {
    const one = new Map([['A', person({ registration: { kind: 'unemployment', date: '2026-07-01' } })]]);
    expect(employmentCounts([e('a', 'A', 'employee', '2026-07-01')], one, '2026-07', '2026-07').total).toEqual({ newUrban: 1, reemployed: 1, hardship: 0 });
    expect(employmentCounts([e('a', 'A', 'employee', '2026-07-01')], one, '2026-06', '2026-06').total).toEqual({ newUrban: 0, reemployed: 0, hardship: 0 });
    // Employment ending the day before the next entry is over; ending that day is not.
    const ended = [e('x', 'A', 'publicWelfare', '2026-07-01', { endDate: '2026-07-30' }), e('y', 'A', 'employee', '2026-07-31')];
    expect(employmentCounts(ended, one, '2026-07', '2026-07').total.newUrban).toBe(1);
    const notEnded = [e('x', 'A', 'publicWelfare', '2026-06-01', { endDate: '2026-07-31' }), e('y', 'A', 'employee', '2026-07-31')];
    expect(employmentCounts(notEnded, one, '2026-07', '2026-07').total.newUrban).toBe(0);
  });
});

describe('currentEntry', () => {
  it('is the latest by effective date; of two on one day the later written; corrected entries left out', () => {
    const early = e('a', 'A', 'employee', '2026-05-01');
    const sameDayFirst = e('b', 'A', 'flexible', '2026-06-01');
    const sameDayLater = e('c', 'A', 'migrant', '2026-06-01');
    const writtenLastButOlder = e('d', 'A', 'unemployed', '2026-01-01');
    expect(currentEntry([sameDayLater, early, writtenLastButOlder, sameDayFirst])?.id).toBe('c');
    expect(currentEntry([early, sameDayFirst, sameDayLater, e('f', 'A', 'other', '2026-02-01', { corrects: 'c' })])?.id).toBe('b');
    expect(currentEntry([])).toBeNull();
  });
});
