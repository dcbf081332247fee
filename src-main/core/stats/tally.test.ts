// The tally's memory (issue 18): a year of daily marks and sign-ins repeats the same places,
// months, sessions and residents in every record; the tally keeps each text once.
import { describe, expect, it } from 'vitest';
import { heapGrowth } from '../testing/heap';
import { Tally } from './tally';
import { emptyFacts } from './facts';

/** Each record as the changes feed or a saved copy gives it: its own strings, parsed from JSON. */
const parsed = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T;

function day(i: number): string {
  return new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

function* records(): Generator<[string, Record<string, unknown>]> {
  for (let holder = 0; holder < 80; holder++) {
    for (let d = 0; d < 365; d++) {
      yield [`attendance:370102001002-P-${holder % 20}:resident-0000000000${holder}:${day(d)}`, parsed({ placeCode: '370102001002', date: day(d), mark: d % 9 ? 'present' : 'leave' })];
    }
  }
  for (let session = 0; session < 20; session++) {
    for (let trainee = 0; trainee < 40; trainee++) {
      const residentId = `resident-000000000${session * 40 + trainee}`;
      yield [`enrolment:training-${session}:${residentId}`, parsed({ sessionId: `training:370102001002-${session}`, residentId })];
      for (let d = 0; d < 20; d++) {
        yield [`signIn:training-${session}:${day(d)}:am:${residentId}`, parsed({ sessionId: `training:370102001002-${session}`, residentId, date: day(d), half: 'am', in: true })];
      }
    }
  }
}

describe('the statistics tally', () => {
  it('holds a year of marks and sign-ins in less than a map of their ids to numbers would (no copies of their ids or texts)', async () => {
    const { kept, grows } = heapGrowth();
    // Each id its own string, as the changes feed and a saved copy give them.
    const numbers = await grows(() => new Map([...records()].map(([id], i) => [id, i * 3])));
    const tally = await grows(() => {
      const t = new Tally(false);
      for (const [id, doc] of records()) t.apply(id, doc, false);
      return t;
    });
    expect((kept[1] as Tally).attendance.size).toBe(80 * 365);
    // Measured: 0.23 of it; 0.53 keeping the ids as strings; 1.08 keeping objects of strings.
    expect(tally).toBeLessThan(numbers * 0.35);
  });

  it('gives back the same ids in its saved copy, and forgets a record deleted', () => {
    const tally = new Tally(false);
    const ids: string[] = [];
    for (const [id, doc] of records()) {
      ids.push(id);
      tally.apply(id, doc, false);
    }
    tally.apply(ids[0]!, undefined, true);
    // An id never seen changes nothing.
    tally.apply('attendance:370102001002:P-9:2025-01:resident-x:01', undefined, true);
    const saved = (tally as unknown as { save(db: unknown): void; saved: { save(db: unknown, doc: unknown): void } });
    let doc: { attendance: [string, unknown][]; signIns: [string, unknown][]; enrolments: [string, unknown][] } | null = null;
    saved.saved.save = (_db, d) => (doc = d as typeof doc);
    saved.save(null);
    expect([...doc!.attendance, ...doc!.enrolments, ...doc!.signIns].map(([id]) => id).sort()).toEqual(ids.slice(1).sort());
    expect(doc!.signIns[0]![1]).toEqual({ sessionId: 'training:370102001002-0', residentId: 'resident-0000000000', slot: `${day(0)}:am` });
  });

  it('counts the same after the compact form: marks by month, place and mark, hours by trainee', () => {
    const tally = new Tally(false);
    for (const [id, doc] of records()) tally.apply(id, doc, false);
    // One mark changed and one sign-in withdrawn by later revisions.
    tally.apply('attendance:370102001002-P-0:resident-00000000000:2025-01-02', { placeCode: '370102001002', date: '2025-01-02', mark: 'absent' }, false);
    tally.apply(`signIn:training-0:${day(0)}:am:resident-0000000000`, undefined, true);
    tally.sessions.set('training:370102001002-0', { place: '370102001002', startDate: day(0), slots: new Map(Array.from({ length: 20 }, (_, d) => [`${day(d)}:am`, 4])) });
    const facts = emptyFacts();
    tally.collect(facts, '2025-01', '2025-12', () => 0.96, '2026-06-01');
    expect(facts.marks.get('2025-01|370102001002|present')).toBe(80 * 27 - 1);
    expect(facts.marks.get('2025-01|370102001002|leave')).toBe(80 * 4);
    expect(facts.marks.get('2025-01|370102001002|absent')).toBe(1);
    // The first trainee lost one half-day of 20: 76 of 80 hours (95 %), below the 96 % asked.
    expect(facts.sessions).toEqual([{ id: 'training:370102001002-0', place: '370102001002', month: '2025-01', trainees: 40, eligible: 39, finished: true }]);
  });
});
