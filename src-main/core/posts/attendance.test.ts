// Daily attendance (./attendance.ts) and the month close (./monthClose.ts).
import { describe, expect, it } from 'vitest';
import { docId } from '../../../shared/documents/registry';
import { refusal, clockedStations, CLEANING_POST, villagePost } from '../testing/fixtures';
import { person } from './testPeople';

const station = clockedStations();

const POST = CLEANING_POST;

describe('attendance', () => {
  async function withHolders(now?: string) {
    const s = await station(now);
    await s.core.call(s.session, 'posts.save', POST);
    const a = await person(s.core, s.session, '19800101', '111');
    const b = await person(s.core, s.session, '19800202', '222');
    for (const [residentId, contractNo] of [[a, '1'], [b, '2']] as const) {
      await s.core.call(s.session, 'posts.assign', { postId: villagePost('XC-001'), residentId, startDate: '2026-01-01', endDate: '2026-12-31', contractNo });
    }
    return { ...s, a, b };
  }

  it('keeps one document per post, person and day: a second entry is a new revision with history', async () => {
    const { core, session, a } = await withHolders();
    await core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks: [{ residentId: a, date: '2026-10-05', mark: 'present', hours: 8 }] });
    await core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks: [{ residentId: a, date: '2026-10-05', mark: 'sickLeave' }] });
    const docs = await core.db.allDocs({ startkey: 'attendance:', endkey: 'attendance:\ufff0' });
    expect(docs.rows).toHaveLength(1);
    expect(docs.rows[0]!.id).toBe(docId.attendance(villagePost('XC-001'), a, '2026-10-05'));
    expect(await core.call(session, 'attendance.history', { postId: villagePost('XC-001'), residentId: a, date: '2026-10-05' })).toEqual([
      expect.objectContaining({ mark: 'present', hours: 8, by: 'wangli' }),
      expect.objectContaining({ mark: 'sickLeave', hours: 0 }),
    ]);
    const grid = await core.call(session, 'attendance.month', { postId: villagePost('XC-001'), month: '2026-10' });
    expect(grid.cells[a]!['2026-10-05']).toMatchObject({ mark: 'sickLeave', corrections: 1 });
    expect(grid.days.find((d) => d.date === '2026-10-03')).toMatchObject({ weekend: true });
    expect(grid.holders).toHaveLength(2);
  });

  it('stores a batch whole or not at all, refusing days off the post, in the future or without hours', async () => {
    const { core, session, a, b } = await withHolders();
    const good = { residentId: a, date: '2026-10-06', mark: 'present', hours: 8 } as const;
    const cases: [object, string, string][] = [
      [{ residentId: b, date: '2025-12-31', mark: 'present', hours: 8 }, 'marks.1.date', 'errors.attendance.notHolder'],
      [{ residentId: b, date: '2026-11-23', mark: 'present', hours: 8 }, 'marks.1.date', 'errors.attendance.future'],
      [{ residentId: b, date: '2026-10-06', mark: 'present' }, 'marks.1.hours', 'errors.attendance.hoursRequired'],
      [{ residentId: b, date: '2026-10-06', mark: 'absent', hours: 3 }, 'marks.1.hours', 'errors.attendance.hoursOnlyPresent'],
      [{ residentId: b, date: '2026-10-06', mark: 'present', hours: 7.3 }, 'marks.1.hours', 'errors.attendance.hours'],
    ];
    for (const [bad, field, messageKey] of cases) {
      expect(await refusal(core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks: [good, bad] }))).toMatchObject({ field, messageKey });
    }
    expect((await core.db.allDocs({ startkey: 'attendance:', endkey: 'attendance:\ufff0' })).rows).toHaveLength(0);
  });

  it('closes a month with totals and flags holders under the hourly minimum wage in force that month', async () => {
    const { core, session, a, b } = await withHolders();
    // A new minimum wage from 2026-10-01: 25 yuan an hour.
    await core.call(session, 'policy.save', { kind: 'minimumWage', effectiveFrom: '2026-10-01', values: { countyCode: '370102', tier: '一类', monthly: 2500, hourly: 25 } });
    const fill = async (month: string, residentId: string, days: number, hours: number) => {
      const marks = Array.from({ length: days }, (_, i) => ({ residentId, date: `${month}-${String(i + 1).padStart(2, '0')}`, mark: 'present' as const, hours }));
      await core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks });
    };
    for (const month of ['2026-09', '2026-10']) {
      await fill(month, a, 10, 4); // 40 h: pay 1000, 25/h
      await fill(month, b, 11, 4); // 44 h: pay capped at 1000, 22.73/h
    }
    const september = await core.call(session, 'attendance.summary', { postId: villagePost('XC-001'), month: '2026-09' });
    expect(september.minimumWage).toMatchObject({ hourly: 21, effectiveFrom: '2021-10-01', isDefault: true });
    expect(september.holders.map((h) => h.belowMinimum)).toEqual([false, false]);
    const october = await core.call(session, 'attendance.closeMonth', { postId: villagePost('XC-001'), month: '2026-10', belowMinimumReason: '本月含培训工时，已报县人社局' });
    expect(october.minimumWage).toMatchObject({ hourly: 25, effectiveFrom: '2026-10-01', isDefault: false });
    const byId = Object.fromEntries(october.holders.map((h) => [h.residentId, h]));
    expect(byId[a]).toMatchObject({ presentDays: 10, hours: 40, payDue: 1000, hourlyPay: 25, belowMinimum: false, unmarkedDays: 21 });
    expect(byId[b]).toMatchObject({ presentDays: 11, hours: 44, payDue: 1000, hourlyPay: 22.73, belowMinimum: true });
    expect(october).toMatchObject({ status: 'closed', closedBy: 'wangli' });

    // Closed means locked, until a recorded reopening.
    const locked = await refusal(core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks: [{ residentId: a, date: '2026-10-20', mark: 'rest' }] }));
    expect(locked).toMatchObject({ code: 'LOCKED', messageKey: 'errors.attendance.monthClosed' });
    const reopened = await core.call(session, 'attendance.reopenMonth', { postId: villagePost('XC-001'), month: '2026-10', reason: '补录 10 月 20 日休息' });
    expect(reopened.history.map((h) => h.action)).toEqual(['close', 'reopen']);
    await core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks: [{ residentId: a, date: '2026-10-20', mark: 'rest' }] });
    expect((await core.call(session, 'attendance.month', { postId: villagePost('XC-001'), month: '2026-10' })).locked).toBe(false);
  });

  it('reads a month the county accepted as locked by the county before anyone types, until the county unlocks it', async () => {
    const { core, session, a } = await withHolders();
    await core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks: [{ residentId: a, date: '2026-10-05', mark: 'present', hours: 4 }] });
    await core.call(session, 'attendance.closeMonth', { postId: villagePost('XC-001'), month: '2026-10' });
    const closeDoc = await core.db.get<{ _rev: string }>(docId.monthClose(villagePost('XC-001'), '2026-10'));
    const county = { schemaVersion: 1, placeCode: '370102001002', createdBy: 'county-li', updatedBy: 'county-li' };
    expect((await core.call(session, 'attendance.month', { postId: villagePost('XC-001'), month: '2026-10' })).countyLockedAt).toBeNull();
    // The pull brings the county's review accepting the close.
    await core.db.put({
      _id: 'review:batch:m', type: 'review', ...county, createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z',
      batchId: 'batch:m', decision: 'accepted', records: [{ id: docId.monthClose(villagePost('XC-001'), '2026-10'), rev: closeDoc._rev, decision: 'accepted', reason: '' }],
    });
    await core.whenIndexed();
    const month = await core.call(session, 'attendance.month', { postId: villagePost('XC-001'), month: '2026-10' });
    expect(month).toMatchObject({ locked: true, countyLockedAt: '2026-11-22T01:00:00Z' });
    // Reopening is the county's unlock now, not the station's.
    expect(await refusal(core.call(session, 'attendance.reopenMonth', { postId: villagePost('XC-001'), month: '2026-10', reason: '补录 10 月 20 日休息' }))).toMatchObject({ code: 'LOCKED' });
    await core.db.put({
      _id: 'unlock:monthClose:XC-001:2026-10:2026-11-23T01:00:00Z', type: 'unlock', ...county, createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
      targetId: docId.monthClose(villagePost('XC-001'), '2026-10'), reason: '工时更正',
    });
    await core.whenIndexed();
    expect(await core.call(session, 'attendance.month', { postId: villagePost('XC-001'), month: '2026-10' })).toMatchObject({ locked: true, countyLockedAt: null, close: { status: 'closed' } });
  });
});

describe('month close under the minimum wage', () => {
  async function twoHolders() {
    const s = await station();
    await s.core.call(s.session, 'posts.save', POST);
    const a = await person(s.core, s.session, '19800101', '111');
    const b = await person(s.core, s.session, '19800202', '222');
    for (const [residentId, contractNo] of [[a, '1'], [b, '2']] as const) {
      await s.core.call(s.session, 'posts.assign', { postId: villagePost('XC-001'), residentId, startDate: '2026-01-01', endDate: '2026-12-31', contractNo });
    }
    // From 2026-10-01 the minimum is 25 yuan an hour; before, the default 21.
    await s.core.call(s.session, 'policy.save', { kind: 'minimumWage', effectiveFrom: '2026-10-01', values: { countyCode: '370102', tier: '一类', monthly: 2500, hourly: 25 } });
    for (const month of ['2026-09', '2026-10']) {
      for (const [residentId, days] of [[a, 10], [b, 11]] as const) {
        const marks = Array.from({ length: days }, (_, i) => ({ residentId, date: `${month}-${String(i + 1).padStart(2, '0')}`, mark: 'present' as const, hours: 4 }));
        await s.core.call(s.session, 'attendance.set', { postId: villagePost('XC-001'), marks });
      }
    }
    return { ...s, a, b };
  }

  it('refuses the close without a written reason, naming the holders under the minimum, and stores the reason given', async () => {
    const { core, session } = await twoHolders();
    const args = { postId: villagePost('XC-001'), month: '2026-10' };
    for (const reason of [undefined, '   ']) {
      const refused = await refusal(core.call(session, 'attendance.closeMonth', reason === undefined ? args : { ...args, belowMinimumReason: reason }));
      expect(refused).toMatchObject({ field: 'belowMinimumReason', messageKey: 'errors.attendance.belowMinimumReason', params: { names: '测试二二二', count: 1 } });
    }
    expect(await refusal(core.call(session, 'attendance.closeMonth', { ...args, belowMinimumReason: '长'.repeat(201) }))).toMatchObject({ field: 'belowMinimumReason', messageKey: 'errors.tooLong' });
    expect(await core.db.get(docId.monthClose(villagePost('XC-001'), '2026-10')).catch(() => null)).toBeNull();

    const closed = await core.call(session, 'attendance.closeMonth', { ...args, belowMinimumReason: ' 本月含培训工时，已报县人社局 ' });
    expect(closed).toMatchObject({ status: 'closed', belowMinimumReason: '本月含培训工时，已报县人社局' });
    expect(await core.db.get(docId.monthClose(villagePost('XC-001'), '2026-10'))).toMatchObject({ status: 'closed', belowMinimumReason: '本月含培训工时，已报县人社局' });
    expect((await core.call(session, 'attendance.month', args)).close).toMatchObject({ belowMinimumReason: '本月含培训工时，已报县人社局' });
  });

  it('closes a month with everyone above the minimum in one click, with no reason stored', async () => {
    const { core, session } = await twoHolders();
    const closed = await core.call(session, 'attendance.closeMonth', { postId: villagePost('XC-001'), month: '2026-09' });
    expect(closed.holders.map((h) => h.belowMinimum)).toEqual([false, false]);
    expect(closed.status).toBe('closed');
    expect(closed).not.toHaveProperty('belowMinimumReason');
    expect(await core.db.get(docId.monthClose(villagePost('XC-001'), '2026-09'))).not.toHaveProperty('belowMinimumReason');
  });
});
