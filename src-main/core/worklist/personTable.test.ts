// The work list's people in columns (issue 18): what goes in comes out, a person's resident and
// entries live and go apart, slots are given back, and the columns hold far less than objects.
import { describe, expect, it } from 'vitest';
import { heapGrowth, settledHeapUsed } from '../testing/heap';
import { PersonTable, type Kept, type PersonEntry } from './personTable';

const resident = (n: number, overrides: Partial<PersonEntry> = {}): PersonEntry => ({
  id: `resident:370102001002:${String(n).padStart(26, 'a')}`,
  place: '370102001002',
  name: `居民${n}`,
  sex: n % 2 ? 'female' : 'male',
  birthDate: '1990-05-20',
  kind: 'jobSeeking',
  registeredOn: '2026-11-01',
  closed: n % 3 === 0,
  ...overrides,
});

const entries = (overrides: Partial<Kept> = {}): Kept => ({ places: '370102001002', lastService: '2026-10-20', open: null, awaited: null, last: null, lastOwn: '2026-08-05', ...overrides });

const put = (t: PersonTable, r: PersonEntry) => t.setResident(r.id, r);

describe('the work list’s people in columns', () => {
  it('answers each resident and each person’s entries as they were kept, odd days included', () => {
    const t = new PersonTable();
    // Days are kept in two bytes from 1900; any other text is kept aside as it came.
    const odd = resident(2, { birthDate: '', registeredOn: '2026-02-30', kind: 'hardship', place: '370102001003' });
    const edges = resident(3, { birthDate: '1900-01-01', registeredOn: '2079-06-04' });
    const outside = resident(4, { birthDate: '1899-12-31', registeredOn: '2079-06-05' });
    for (const r of [resident(1), odd, edges, outside]) put(t, r);
    for (const r of [resident(1), odd, edges, outside]) expect(t.resident(r.id)).toEqual(r);
    expect(t.resident('resident:nobody')).toBeUndefined();
    expect(t.residentsSize).toBe(4);

    const referral = { id: 'service:x', entry: 'service' as const, date: '2026-10-25', kind: 'jobReferral' };
    t.setEntries(resident(1).id, entries({ open: [referral], awaited: ['service:y'], last: '0999-01-02' }));
    expect(t.entries(resident(1).id)).toEqual(entries({ open: [referral], awaited: ['service:y'], last: '0999-01-02' }));
    const second = { ...referral, id: 'service:z', date: '2026-10-26' };
    t.setEntries(edges.id, entries({ open: [referral, second] }));
    expect(t.entries(edges.id)!.open).toEqual([referral, second]);
    // Entries may come before their resident (replication brings them in any order).
    t.setEntries('resident:later', entries({ places: '', lastService: null }));
    expect(t.entries('resident:later')).toEqual(entries({ places: '', lastService: null }));
    expect(t.resident('resident:later')).toBeUndefined();
    expect([...t.residentIds()]).toEqual([resident(1).id, odd.id, edges.id, outside.id]);
    expect([...t.eachEntries()].map(([id]) => id)).toEqual([resident(1).id, edges.id, 'resident:later']);
  });

  it('keeps a person’s resident and entries apart: one goes, the other stays; a slot empty of both is used again', () => {
    const t = new PersonTable();
    const a = resident(1);
    put(t, a);
    t.setEntries(a.id, entries());
    t.deleteResident(a.id);
    expect(t.resident(a.id)).toBeUndefined();
    expect(t.entries(a.id)).toEqual(entries());
    expect(t.residentsSize).toBe(0);
    put(t, a);
    t.clearEntries();
    expect(t.entries(a.id)).toBeUndefined();
    expect(t.resident(a.id)).toEqual(a);
    // A new revision replaces the resident whole (closed, then reopened).
    put(t, { ...a, closed: true, name: '改名' });
    expect(t.resident(a.id)).toMatchObject({ closed: true, name: '改名' });
    put(t, { ...a, closed: false });
    expect(t.resident(a.id)).toMatchObject({ closed: false, name: a.name });
    // Gone from both: its slot is taken by the next person, who finds nothing of the last one's.
    t.deleteResident(a.id);
    const b = resident(2, { birthDate: '1985-01-01' });
    put(t, b);
    expect(t.resident(b.id)).toEqual(b);
    expect(t.entries(b.id)).toBeUndefined();
    expect(t.resident(a.id)).toBeUndefined();
    expect([...t.residentIds()]).toEqual([b.id]);
  });

  it('takes a resident document missing fields (one from elsewhere) without failing the whole list', () => {
    const t = new PersonTable();
    const r = { ...resident(9), place: undefined, birthDate: undefined, kind: undefined } as unknown as PersonEntry;
    put(t, r);
    expect(t.resident(r.id)).toMatchObject({ place: '', birthDate: '', kind: '', name: r.name });
  });

  it('keeps 20,000 residents and their entries in a fraction of an object each', async () => {
    const people = Array.from({ length: 20_000 }, (_, n) => resident(n, { name: `居民${n}`.normalize() }));
    const held: unknown[] = [];
    const grows = async (fill: () => unknown): Promise<number> => {
      const before = await settledHeapUsed();
      const buffersBefore = process.memoryUsage().arrayBuffers;
      held.push(fill());
      return (await settledHeapUsed()) - before + (process.memoryUsage().arrayBuffers - buffersBefore);
    };
    // What they were before: an object per resident and another per person's entries, by id.
    const asObjects = await grows(() => {
      const residents = new Map<string, PersonEntry>();
      const kept = new Map<string, Kept>();
      for (const r of people) residents.set(r.id, { ...r, birthDate: `${r.birthDate}`, registeredOn: `${r.registeredOn}` });
      for (const r of people) kept.set(r.id, entries({ lastService: `${r.registeredOn}` }));
      return [residents, kept];
    });
    const inColumns = await grows(() => {
      const t = new PersonTable();
      for (const r of people) put(t, r);
      for (const r of people) t.setEntries(r.id, entries({ lastService: `${r.registeredOn}` }));
      return t;
    });
    // Measured: 0.34 (1.9 against 5.5 MB, the columns' room to grow included; the ids and names are kept either way).
    expect(inColumns).toBeLessThan(asObjects * 0.5);
    expect(held).toHaveLength(2);
  });

  it('keeps each id as the string the search index holds, not a copy of its own', async () => {
    const ids = Array.from({ length: 20_000 }, (_, n) => resident(n).id);
    const index = new Map(ids.map((id) => [id, id]));
    const { grows } = heapGrowth();
    // Each id comes as a new string, as it does from every document parsed.
    const fill = (t: PersonTable) => {
      for (let n = 0; n < ids.length; n++) t.setResident(JSON.parse(`"${ids[n]}"`) as string, resident(n));
      return t;
    };
    await grows(() => fill(new PersonTable())); // the first fill also compiles the code
    const shared = await grows(() => fill(new PersonTable((id) => index.get(id) ?? id)));
    const own = await grows(() => fill(new PersonTable()));
    // Measured: 3.1–3.2 MB more kept with copies of their own; 0.2 MB apart when both keep copies.
    expect(own - shared).toBeGreaterThan(ids.length * 40);
  });
});
