// Employment status at the core: each rule at its boundary (nothing stored on a refusal), the
// current status by effective date (ties: the later written), corrections as new entries, and
// the writes that go together (a closure as employed, a post assignment): both or neither.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core, Session } from '../core';
import { CLEANING_POST, idNumber, openStation, refusal, registration, villagePost } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (open.length) await open.pop()!.close();
});

async function station() {
  const s = await openStation();
  open.push(s.core);
  return s;
}

const entry = (residentId: string, over: Record<string, unknown> = {}) => ({ residentId, status: 'employee', effectiveDate: '2026-06-01', employer: { name: '济南某机械厂', creditCode: '' }, ...over });

async function entryIds(core: Core): Promise<string[]> {
  return (await core.db.allDocs({ startkey: 'employment:', endkey: 'employment:\ufff0' })).rows.map((r) => r.id);
}

const unemployed = registration({
  idNumber: idNumber('19800101', '456'),
  name: '李四',
  householdType: 'nonAgricultural',
  registration: { kind: 'unemployment', date: '2026-11-01', unemploymentType: 'lostJob', unemployedSince: '2026-10-01' },
});

describe('recording a status', () => {
  it('refuses a date before birth or after today and an end before the start, on the field, storing nothing', async () => {
    const { core, session } = await station();
    const r = await core.call(session, 'residents.register', registration()); // born 1990-05-20, today 2026-11-22
    const cases: [Record<string, unknown>, string, string][] = [
      [{ effectiveDate: '1990-05-19' }, 'effectiveDate', 'errors.employment.beforeBirth'],
      [{ effectiveDate: '2026-11-23' }, 'effectiveDate', 'errors.employment.inFuture'],
      [{ effectiveDate: '2026-06-01', endDate: '2026-05-31' }, 'endDate', 'errors.employment.endBeforeStart'],
      [{ status: 'migrant' }, 'area', 'errors.required'],
      [{ employer: { name: '某厂', creditCode: '91350100M000100Y44' } }, 'employer.creditCode', 'errors.creditCode'],
      [{ status: 'working' }, 'status', 'errors.option'],
    ];
    for (const [over, field, messageKey] of cases) {
      expect(await refusal(core.call(session, 'employment.record', entry(r.id, over))), JSON.stringify(over)).toMatchObject({ code: 'VALIDATION', field, messageKey });
    }
    expect(await entryIds(core)).toEqual([]);
    // The boundaries themselves are accepted: born that day, today, an end on the start day.
    for (const over of [{ effectiveDate: '1990-05-20' }, { effectiveDate: '2026-11-22' }, { effectiveDate: '2026-06-01', endDate: '2026-06-01' }]) {
      await core.call(session, 'employment.record', entry(r.id, over));
    }
    expect(await entryIds(core)).toHaveLength(3);
  });

  it('keeps every entry; the current one is the latest by effective date, of two on one day the later written', async () => {
    const { core, session } = await station();
    const r = await core.call(session, 'residents.register', registration());
    const a = await core.call(session, 'employment.record', entry(r.id, { effectiveDate: '2026-03-01' }));
    const b = await core.call(session, 'employment.record', entry(r.id, { status: 'flexible', employer: null }));
    const c = await core.call(session, 'employment.record', entry(r.id, { status: 'migrant', area: 'outOfProvince', destination: '江苏省苏州市', employer: null }));
    // Written last but effective earliest: history, not the current status.
    const d = await core.call(session, 'employment.record', entry(r.id, { status: 'unemployed', effectiveDate: '2026-01-01', employer: null }));
    const history = await core.call(session, 'employment.history', { residentId: r.id });
    expect(history.current).toMatchObject({ id: c.id, status: 'migrant', area: 'outOfProvince', destination: '江苏省苏州市', recordedBy: '王丽' });
    expect(history.entries.map((e) => e.id)).toEqual([c.id, b.id, a.id, d.id]);

    // A correction is a new entry; the corrected one stays, marked, and no longer counts.
    const e = await core.call(session, 'employment.correct', { ...entry(r.id, { status: 'selfEmployed', employer: null, effectiveDate: '2026-05-15' }), corrects: c.id, reason: '误录为外出务工' });
    const after = await core.call(session, 'employment.history', { residentId: r.id });
    expect(after.current).toMatchObject({ id: b.id, status: 'flexible' });
    expect(after.entries.find((x) => x.id === c.id)).toMatchObject({ correctedBy: e.id });
    expect(after.entries.find((x) => x.id === e.id)).toMatchObject({ corrects: c.id, correctionReason: '误录为外出务工' });
    expect(await refusal(core.call(session, 'employment.correct', { ...entry(r.id), corrects: c.id, reason: '再次更正' }))).toMatchObject({ field: 'corrects', messageKey: 'errors.employment.alreadyCorrected' });
    expect(await refusal(core.call(session, 'employment.correct', { ...entry(r.id), corrects: 'employment:x', reason: '更正' }))).toMatchObject({ field: 'corrects', messageKey: 'errors.employment.unknownEntry' });
    // Never rewritten: the stored entries are all at their first revision.
    const revs = (await core.db.allDocs({ startkey: 'employment:', endkey: 'employment:\ufff0' })).rows.map((row) => row.value.rev);
    expect(revs.every((rev) => rev.startsWith('1-'))).toBe(true);
    expect(revs).toHaveLength(5);
  });
});

describe('closing a registration as employed', () => {
  it('writes the employment entry in the same write, with the status the dialog chose or 单位就业 from the closure date', async () => {
    const { core, session } = await station();
    const r = await core.call(session, 'residents.register', unemployed);
    await core.call(session, 'residents.close', {
      id: r.id, rev: r.rev, reason: 'employed', date: '2026-11-20', note: '',
      employment: { status: 'flexible', area: null, destination: '', employer: null, effectiveDate: '2026-11-18' },
    });
    const history = await core.call(session, 'employment.history', { residentId: r.id });
    expect(history.current).toMatchObject({ status: 'flexible', effectiveDate: '2026-11-18', source: { kind: 'closure', id: r.id } });

    const other = await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.close', { id: other.id, rev: other.rev, reason: 'employed', date: '2026-11-21', note: '' });
    expect((await core.call(session, 'employment.history', { residentId: other.id })).current).toMatchObject({ status: 'employee', effectiveDate: '2026-11-21', employer: null });
    // Another reason writes no entry.
    const third = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19700101', '789'), name: '王五' }));
    await core.call(session, 'residents.close', { id: third.id, rev: third.rev, reason: 'movedAway', date: '2026-11-21', note: '' });
    expect((await core.call(session, 'employment.history', { residentId: third.id })).entries).toEqual([]);
  });

  it('stores neither when the entry is refused or the write fails', async () => {
    const { core, session } = await station();
    const r = await core.call(session, 'residents.register', unemployed);
    const close = (rev: string, over: Record<string, unknown> = {}) =>
      core.call(session, 'residents.close', { id: r.id, rev, reason: 'employed', date: '2026-11-20', note: '', ...over });
    // The entry's own rule: a start after today, named on the dialog's field.
    const future = await refusal(close(r.rev, { employment: { status: 'employee', area: null, destination: '', employer: null, effectiveDate: '2026-11-23' } }));
    expect(future).toMatchObject({ field: 'employment.effectiveDate', messageKey: 'errors.employment.inFuture' });
    // Not an employed status.
    expect(await refusal(close(r.rev, { employment: { status: 'retired', area: null, destination: '', employer: null, effectiveDate: '2026-11-20' } }))).toMatchObject({ field: 'employment.status', messageKey: 'errors.employment.notEmployed' });
    // The disk refuses the one write.
    const original = core.db.bulkDocs.bind(core.db);
    const spy = vi.spyOn(core.db, 'bulkDocs').mockRejectedValueOnce(new Error('injected: disk full'));
    await expect(close(r.rev)).rejects.toThrow();
    // One of the two is refused inside the write (the entry): the record is put back as it was.
    spy.mockImplementationOnce((async (docs: { _id: string }[]) => {
      const [first] = await original([docs[0]!] as never);
      return [first, { id: docs[1]!._id, error: true, status: 500, name: 'injected', message: 'injected' }];
    }) as never);
    await expect(close(r.rev)).rejects.toThrow();
    spy.mockRestore();
    expect((await core.call(session, 'residents.get', { id: r.id }))!).toMatchObject({ status: 'active', closure: null });
    expect(await entryIds(core)).toEqual([]);
    // And it goes through afterwards, both together.
    const now = (await core.call(session, 'residents.get', { id: r.id }))!;
    await close(now.rev);
    expect(await entryIds(core)).toHaveLength(1);
  });
});

describe('a post assignment', () => {
  async function withPost(): Promise<{ core: Core; session: Session; residentId: string }> {
    const { core, session } = await station();
    await core.call(session, 'posts.save', CLEANING_POST);
    const r = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19750101', '321'), name: '赵六', registration: { kind: 'jobSeeking', date: '2026-01-05' } }));
    return { core, session, residentId: r.id };
  }

  it('writes 公益性岗位 for its period in the same write', async () => {
    const { core, session, residentId } = await withPost();
    const a = await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId, startDate: '2026-02-01', endDate: '2027-01-31', contractNo: 'HT-1' });
    const history = await core.call(session, 'employment.history', { residentId });
    expect(history.current).toMatchObject({ status: 'publicWelfare', effectiveDate: '2026-02-01', endDate: '2027-01-31', employer: CLEANING_POST.employer, source: { kind: 'assignment', id: a.id } });
  });

  it('stores neither when the write fails', async () => {
    const { core, session, residentId } = await withPost();
    vi.spyOn(core.db, 'bulkDocs').mockRejectedValueOnce(new Error('injected: disk full'));
    await expect(core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId, startDate: '2026-02-01', endDate: '2026-12-31', contractNo: 'HT-1' })).rejects.toThrow();
    expect((await core.db.allDocs({ startkey: 'assignment:', endkey: 'assignment:\ufff0' })).rows).toEqual([]);
    expect(await entryIds(core)).toEqual([]);
  });
});

describe('the counts at the station', () => {
  it('counts a registered unemployed person of a non-agricultural household closed as employed in the month', async () => {
    const { core, session } = await station();
    const r = await core.call(session, 'residents.register', { ...unemployed, targetGroups: ['graduate', 'veteran'] });
    await core.call(session, 'residents.close', { id: r.id, rev: r.rev, reason: 'employed', date: '2026-11-20', note: '' });
    const counts = await core.call(session, 'employment.counts', { from: '2026-10', to: '2026-11' });
    expect(counts.total).toEqual({ newUrban: 1, reemployed: 1, hardship: 0 });
    expect(counts.byMonth).toEqual([{ month: '2026-11', counts: { newUrban: 1, reemployed: 1, hardship: 0 } }]);
    expect(counts.byGroup.filter((g) => g.counts.newUrban > 0).map((g) => g.group)).toEqual(['graduate', 'veteran']);
    expect(counts.placeNames[counts.byPlace[0]!.place]).toBeTruthy();
  });

  it('counts an entry that arrived by sync (through the changes feed), not only the station’s own writes', async () => {
    const { core, session } = await station();
    const r = await core.call(session, 'residents.register', unemployed);
    const own = await core.call(session, 'employment.record', { residentId: r.id, status: 'unemployed', effectiveDate: '2026-10-01' });
    expect((await core.call(session, 'employment.counts', { from: '2026-10', to: '2026-11' })).total).toEqual({ newUrban: 0, reemployed: 0, hardship: 0 });
    // The same station's entry written on another device (a restored or second PC), as replication stores it.
    const stored = (await core.db.get(own.id)) as unknown as Record<string, unknown>;
    const arrived = { ...stored, _id: own.id.replace(/:2026-10-01:[a-z0-9]+$/, ':2026-11-15:zzzz2345'), _rev: '1-' + 'e'.repeat(32), status: 'employee', effectiveDate: '2026-11-15', employer: { name: '某物流公司', creditCode: '' } };
    await core.db.bulkDocs([arrived], { new_edits: false });
    await core.whenIndexed();
    expect((await core.call(session, 'employment.counts', { from: '2026-10', to: '2026-11' })).total).toEqual({ newUrban: 1, reemployed: 1, hardship: 0 });
  });
});
