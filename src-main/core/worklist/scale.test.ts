// The work list at scale: 100,000 residents with 300,000 service entries and 150,000 status
// entries, held by WorklistFacts, listed in well under 100 ms (no document is read per call).
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETIREMENT_RULES } from '../../../shared/policy/retirement';
import { DEFAULT_WORKLIST_POLICY } from '../../../shared/policy/defaults';
import { heapGrowth } from '../testing/heap';
import { WorklistFacts } from './facts';
import { WORKLIST_PAGE_SIZE, WORKLIST_RULES } from '../../../shared/worklist/contract';
import { pageOf } from './page';
import { computeList } from './worklist';

const PLACE = '370102001002';
const KINDS = ['jobSeeking', 'unemployment', 'hardship'] as const;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const key = (i: number) => i.toString(32).padStart(26, 'a').replace(/[01]/g, 'z');

function seed(residents: number): WorklistFacts {
  const facts = new WorklistFacts();
  const stamp = { schemaVersion: 1, placeCode: PLACE, createdBy: 'clerk', updatedBy: 'clerk' };
  for (let i = 0; i < residents; i++) {
    const id = `resident:${key(i)}`;
    const registered = day(i % 300);
    facts.apply(id, { _id: id, type: 'resident', ...stamp, name: `居民${i}`, sex: i % 2 ? 'male' : 'female', birthDate: '1980-01-01', registration: { kind: KINDS[i % 3], date: registered }, closure: i % 10 === 0 ? { reason: 'employed', date: '2026-06-01' } : null }, false);
    for (let s = 0; s < 3; s++) {
      const sid = `service:${PLACE}:${key(i)}:2026-01-01T00:00:0${s}.000Z:abcdefgh`;
      const referral = s === 2 && i % 7 === 0;
      facts.apply(sid, { _id: sid, type: 'service', ...stamp, createdAt: '2026-01-01T00:00:00.000Z', residentId: id, entry: 'service', date: day((i + s * 40) % 320), kind: referral ? 'jobReferral' : 'careerGuidance', ...(referral ? { referral: { employerName: '某公司', job: '电工' } } : {}) }, false);
    }
    if (i % 2 === 0) {
      for (let e = 0; e < 3; e++) {
        const eid = `employment:${PLACE}:${key(i)}:${day(e * 50)}:abcd${e}fgh`;
        facts.apply(eid, { _id: eid, type: 'employment', ...stamp, createdAt: `${day(e * 50)}T00:00:00.000Z`, residentId: id, status: 'employee', effectiveDate: day(e * 50), source: null }, false);
      }
    }
    if (i % 50 === 0) {
      const aid = `assignment:P-1:${key(i)}:2026-01-01`;
      facts.apply(aid, { _id: aid, type: 'assignment', ...stamp, postId: 'post:P-1', residentId: id, startDate: '2026-01-01', endDate: day(330 + (i % 60)) }, false);
    }
  }
  return facts;
}

describe('the work list at scale', () => {
  it('lists 100,000 residents with 300,000 service entries in well under 100 ms', () => {
    const facts = seed(100_000);
    const policy = { params: DEFAULT_WORKLIST_POLICY, maxSubsidyMonths: 36, retirement: DEFAULT_RETIREMENT_RULES };
    const cold = performance.now();
    computeList(facts, '2026-11-22', policy);
    const coldMs = performance.now() - cold;
    const times: number[] = [];
    let counts = { due: 0, overdue: 0 };
    for (let run = 0; run < 7; run++) {
      // A service recorded between two calls: its resident's rows are computed again, and the list merged.
      const sid = `service:${PLACE}:${key(run * 3 + 1)}:2026-11-22T00:00:00.000Z:abcdefgh`;
      facts.apply(sid, { _id: sid, type: 'service', schemaVersion: 1, placeCode: PLACE, createdBy: 'clerk', createdAt: '2026-11-22T00:00:00.000Z', residentId: `resident:${key(run * 3 + 1)}`, entry: 'service', date: '2026-11-22', kind: 'careerGuidance' }, false);
      const started = performance.now();
      counts = computeList(facts, '2026-11-22', policy).counts;
      times.push(performance.now() - started);
    }
    times.sort((x, y) => x - y);
    console.log(`worklist at 100,000 residents: first ${coldMs.toFixed(0)} ms, then median ${times[3]!.toFixed(1)} ms, max ${times[6]!.toFixed(1)} ms, ${counts.due} due, ${counts.overdue} overdue`);
    expect(counts.overdue).toBeGreaterThan(1000);
    // The median leaves room for a loaded machine; the bench reports the p95 itself.
    expect(times[3]).toBeLessThan(100);
    // What the screen's first call carries: the first page of every rule, not the 40,000 rows.
    const list = computeList(facts, '2026-11-22', policy);
    const first = pageOf(list, {});
    const kb = Buffer.byteLength(JSON.stringify(first)) / 1024;
    console.log(`first page of every rule: ${first.items.length + first.marked.length} rows, ${kb.toFixed(0)} KB`);
    expect(first.items.length).toBeLessThanOrEqual(WORKLIST_RULES.length * WORKLIST_PAGE_SIZE);
    expect(kb).toBeLessThan(150);
    // A later page of the biggest rule: the slice it asks for, no more.
    const biggest = first.totals.reduce((a, b) => (b.due + b.overdue > a.due + a.overdue ? b : a));
    const later = pageOf(list, { rule: biggest.rule, offset: 3000, limit: 30 });
    expect(later.items).toHaveLength(30);
    expect(later.items[0]).toEqual(list.item(list.rules.get(biggest.rule)!.open[3000]!));
  }, 120_000);

  it('keeps each row as what orders and finds it, made whole only for a page', async () => {
    const facts = seed(50_000);
    const policy = { params: DEFAULT_WORKLIST_POLICY, maxSubsidyMonths: 36, retirement: DEFAULT_RETIREMENT_RULES };
    const { kept, grows } = heapGrowth();
    const list = await grows(() => computeList(facts, '2026-11-22', policy));
    const computed = kept[0] as ReturnType<typeof computeList>;
    const rows = [...computed.rules.values()].flatMap((g) => [...g.open, ...g.marked]);
    expect(rows.length).toBeGreaterThan(5000);
    const whole = await grows(() => rows.map((r) => computed.item(r)));
    // Measured: 0.64-0.66 (180-196 bytes a row against 280-296 whole); the list kept the whole rows, and more, before.
    expect(list).toBeLessThan(whole * 0.85);
  }, 60_000);

  it('leaves out of a page a row the facts no longer make (a catch-up beside the call took in its answer), without failing', () => {
    const facts = seed(300);
    const policy = { params: DEFAULT_WORKLIST_POLICY, maxSubsidyMonths: 36, retirement: DEFAULT_RETIREMENT_RULES };
    const list = computeList(facts, '2026-11-22', policy);
    const first = pageOf(list, { rule: 'unemployedNotContacted' });
    expect(first.items.length).toBeGreaterThan(2);
    const answered = first.items[0]!;
    const sid = `service:${PLACE}:${answered.residentId!.slice('resident:'.length)}:2026-11-22T01:00:00.000Z:abcdefgh`;
    facts.apply(sid, { _id: sid, type: 'service', schemaVersion: 1, placeCode: PLACE, createdBy: 'clerk', createdAt: '2026-11-22T01:00:00.000Z', residentId: answered.residentId, entry: 'service', date: '2026-11-22', kind: 'careerGuidance' }, false);
    const again = pageOf(list, { rule: 'unemployedNotContacted' });
    expect(again.items.map((i) => i.key)).toEqual(first.items.slice(1).map((i) => i.key));
    expect(list.find(answered.key)).toBeUndefined();
  });
});
