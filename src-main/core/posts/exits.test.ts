// Ending an assignment early: each reason's status entries, the exit day as the last day held
// (attendance, the grid, the month's sums, eligibility's months), the refusals on the field (a
// closed or county-accepted month, 考核不合格 before the failed months), the all-or-nothing write,
// and the work list's post rows and the holder row's warnings answered by the exit.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core, Session } from '../core';
import { docId } from '../../../shared/documents/registry';
import { CLEANING_POST, clockedStations, idNumber, refusal, registration, villagePost } from '../testing/fixtures';
import { PolicyStore } from '../policy/policy';
import { assessmentReader } from './exits';

const station = clockedStations();
afterEach(() => vi.restoreAllMocks());

const POST = villagePost('XC-001');

/** A 脱贫 person (rural posts qualify them) born on `birth`, on the cleaning post for the period. */
async function holder(core: Core, session: Session, seq: string, from = '2026-01-01', to = '2026-12-31', birth = '19750101') {
  const reg = registration({ idNumber: idNumber(birth, seq), name: `测试${[...seq].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}`, registration: { kind: 'hardship', date: '2026-01-01', hardshipCategories: ['povertyAlleviated'] } });
  const { id } = await core.call(session, 'residents.register', reg);
  const a = await core.call(session, 'posts.assign', { postId: POST, residentId: id, startDate: from, endDate: to, contractNo: `HT-${seq}` });
  return { residentId: id, assignmentId: a.id };
}

async function withPost() {
  const s = await station();
  await s.core.call(s.session, 'posts.save', CLEANING_POST);
  return s;
}

const end = (core: Core, session: Session, assignmentId: string, over: Record<string, unknown> = {}) =>
  core.call(session, 'posts.endAssignment', { assignmentId, date: '2026-11-10', reason: 'ownRequest', ...over });

async function standing(core: Core, session: Session, residentId: string) {
  const history = await core.call(session, 'employment.history', { residentId });
  return history.entries.filter((e) => !e.correctedBy).map((e) => `${e.status} ${e.effectiveDate}…${e.endDate ?? ''}`);
}

describe('ending an assignment early', () => {
  it('ends the 公益性岗位 entry on the exit date and writes the status each reason leads to, from the next day', async () => {
    const { core, session } = await withPost();
    const cases: [string, Record<string, unknown>, string | null][] = [
      ['111', { reason: 'employed' }, 'employee'],
      ['113', { reason: 'employed', next: { status: 'flexible', employer: null } }, 'flexible'],
      ['115', { reason: 'retirementAge' }, 'retired'],
      ['117', { reason: 'death' }, null],
      ['119', { reason: 'misconduct' }, 'unemployed'],
      ['131', { reason: 'ownRequest' }, 'unemployed'],
      ['133', { reason: 'movedAway', next: { status: 'migrant', area: 'outOfProvince', destination: '江苏省苏州市' } }, 'migrant'],
    ];
    // An exit reads the holder's status entries, not every entry of the station (300,000 residents' at a big one).
    const reads = vi.spyOn(core.db, 'allDocs');
    const everyEntry = () => reads.mock.calls.filter(([options]) => (options as { startkey?: string } | undefined)?.startkey === 'employment:');
    for (const [seq, over, status] of cases) {
      const { residentId, assignmentId } = await holder(core, session, seq);
      const row = await end(core, session, assignmentId, over);
      expect(everyEntry(), seq).toEqual([]);
      expect(row.exit, seq).toMatchObject({ date: '2026-11-10', reason: over.reason, nextStatus: status, byName: '王丽' });
      const expected = ['publicWelfare 2026-01-01…2026-11-10', ...(status ? [`${status} 2026-11-11…`] : [])];
      expect((await standing(core, session, residentId)).sort(), seq).toEqual(expected.sort());
      const history = await core.call(session, 'employment.history', { residentId });
      expect(history.current?.status, seq).toBe(status ?? 'publicWelfare');
      // The assignment's own entry stays, corrected by the one that ends it (entries are never rewritten).
      expect(history.entries.find((e) => e.correctedBy)?.endDate, seq).toBe('2026-12-31');
      expect(history.entries.find((e) => e.corrects)).toMatchObject({ source: { kind: 'assignment', id: assignmentId }, correctionReason: expect.stringContaining('提前结束') });
    }
    // A status that does not fit the reason is refused on its field, storing nothing.
    const { assignmentId } = await holder(core, session, '135');
    expect(await refusal(end(core, session, assignmentId, { reason: 'death', next: { status: 'unemployed' } }))).toMatchObject({ field: 'next.status', messageKey: 'errors.exit.noStatusAfterDeath' });
    expect(await refusal(end(core, session, assignmentId, { reason: 'employed', next: { status: 'unemployed' } }))).toMatchObject({ field: 'next.status', messageKey: 'errors.employment.notEmployed' });
    // Once ended, it stays ended: one exit per assignment.
    await end(core, session, assignmentId);
    expect(await refusal(end(core, session, assignmentId, { date: '2026-11-12' }))).toMatchObject({ field: 'date', messageKey: 'errors.exit.alreadyEnded', params: { date: '2026-11-10' } });
  });

  it('keeps the exit date as the last day held: attendance on it, none after, the grid and the sums end there', async () => {
    const { core, session } = await withPost();
    const { residentId, assignmentId } = await holder(core, session, '111');
    await core.call(session, 'attendance.set', { postId: POST, marks: [{ residentId, date: '2026-11-12', mark: 'present', hours: 4 }] });
    await end(core, session, assignmentId);
    await core.call(session, 'attendance.set', { postId: POST, marks: [{ residentId, date: '2026-11-10', mark: 'present', hours: 4 }] });
    const after = await refusal(core.call(session, 'attendance.set', { postId: POST, marks: [{ residentId, date: '2026-11-11', mark: 'present', hours: 4 }] }));
    expect(after).toMatchObject({ field: 'marks.0.date', messageKey: 'errors.attendance.notHolder' });
    const grid = await core.call(session, 'attendance.month', { postId: POST, month: '2026-11' });
    expect(grid.holders).toEqual([expect.objectContaining({ residentId, from: '2026-11-01', to: '2026-11-10' })]);
    // A mark made before the exit on a later day no longer counts.
    const summary = await core.call(session, 'attendance.summary', { postId: POST, month: '2026-11' });
    expect(summary.holders[0]).toMatchObject({ presentDays: 1, hours: 4, unmarkedDays: 9 });
    expect((await core.call(session, 'attendance.month', { postId: POST, month: '2026-12' })).holders).toEqual([]);
    const got = (await core.call(session, 'posts.get', { postId: POST }))!;
    expect(got.post.currentHolders).toBe(0);
    expect(got.holders[0]).toMatchObject({ endDate: '2026-12-31', exit: { date: '2026-11-10', reason: 'ownRequest' } });
    // Dates outside the assignment or after today are refused on the field.
    const { assignmentId: other } = await holder(core, session, '113', '2026-03-01', '2026-12-31');
    expect(await refusal(end(core, session, other, { date: '2026-02-28' }))).toMatchObject({ field: 'date', messageKey: 'errors.exit.beforeStart' });
    expect(await refusal(end(core, session, other, { date: '2026-11-23' }))).toMatchObject({ field: 'date', messageKey: 'errors.exit.inFuture' });
  });

  it('counts the months actually held towards the subsidy limit', async () => {
    const { core, session } = await withPost();
    await core.call(session, 'posts.save', { ...CLEANING_POST, code: 'XC-002' });
    const { residentId, assignmentId } = await holder(core, session, '111', '2024-01-01', '2026-12-31');
    const next = { postId: villagePost('XC-002'), residentId, startDate: '2026-07-01', endDate: '2026-12-31', contractNo: 'HT-2' };
    expect(await refusal(core.call(session, 'posts.assign', next))).toMatchObject({ code: 'NOT_ELIGIBLE' });
    // 30 months held (2024-01 … 2026-06) and 6 more: the 36 the limit allows.
    await end(core, session, assignmentId, { date: '2026-06-30', reason: 'employed' });
    await core.call(session, 'posts.assign', next);
  });

  it('is refused on the date when a month it shortens is closed here or accepted by the county', async () => {
    const { core, session } = await withPost();
    const { residentId, assignmentId } = await holder(core, session, '111');
    await core.call(session, 'attendance.set', { postId: POST, marks: [{ residentId, date: '2026-09-05', mark: 'present', hours: 4 }] });
    await core.call(session, 'attendance.closeMonth', { postId: POST, month: '2026-10' });
    expect(await refusal(end(core, session, assignmentId, { date: '2026-10-15' }))).toMatchObject({ code: 'LOCKED', field: 'date', messageKey: 'errors.exit.monthClosed', params: { month: '2026-10' } });
    // The county accepted a day of September.
    const day = await core.db.get<{ _rev: string }>(docId.attendance(POST, residentId, '2026-09-05'));
    const county = { schemaVersion: 1, placeCode: '370102001002', createdBy: 'county-li', updatedBy: 'county-li', createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z' };
    await core.db.put({ _id: 'review:batch:m', type: 'review', ...county, batchId: 'batch:m', decision: 'accepted', records: [{ id: day._id, rev: day._rev, decision: 'accepted', reason: '' }] });
    await core.whenIndexed();
    expect(await refusal(end(core, session, assignmentId, { date: '2026-09-01' }))).toMatchObject({ code: 'LOCKED', field: 'date', messageKey: 'errors.exit.countyLocked', params: { month: '2026-09', at: '2026-11-22' } });
    expect((await core.db.allDocs({ startkey: 'assignmentExit:', endkey: 'assignmentExit:\ufff0' })).rows).toEqual([]);
    // The months it leaves as they were may be closed or accepted: the last day of October.
    await end(core, session, assignmentId, { date: '2026-10-31' });
  });

  it('ends for 考核不合格 only after the failed months the county sets (default 2)', async () => {
    const { core, session } = await withPost();
    const { residentId, assignmentId } = await holder(core, session, '111');
    const fail = async (month: string) => {
      await core.call(session, 'attendance.closeMonth', { postId: POST, month });
      await core.call(session, 'assessment.save', { postId: POST, month, residentId, scores: { village: 50, township: 50, democratic: 50 }, deductions: [], note: '', supersedes: null });
    };
    await fail('2026-09');
    expect(await refusal(end(core, session, assignmentId, { reason: 'failedAssessment' }))).toMatchObject({ field: 'reason', messageKey: 'errors.exit.failedMonths', params: { needed: 2, failed: 1 } });
    await fail('2026-10');
    expect((await end(core, session, assignmentId, { reason: 'failedAssessment' })).exit).toMatchObject({ reason: 'failedAssessment', nextStatus: 'unemployed' });
  });

  it('counts only the failed months before the day after the exit (the reader behind the refusal)', async () => {
    const { core, session } = await withPost();
    const { residentId, assignmentId } = await holder(core, session, '111');
    for (const month of ['2026-09', '2026-10']) {
      await core.call(session, 'attendance.closeMonth', { postId: POST, month });
      await core.call(session, 'assessment.save', { postId: POST, month, residentId, scores: { village: 50, township: 50, democratic: 50 }, deductions: [], note: '', supersedes: null });
    }
    const reader = assessmentReader({ db: core.db, policies: new PolicyStore(core.db) });
    expect(await reader.failedMonths(assignmentId, '2026-10-01')).toBe(1);
    expect(await reader.failedMonths(assignmentId, '2026-10-02')).toBe(2);
    expect(reader.failedMonthsForExit('2026-11-22')).toBe(2);
  });

  it('stores nothing when the write fails, or one of its documents is refused inside it', async () => {
    const { core, session } = await withPost();
    const { residentId, assignmentId } = await holder(core, session, '111');
    const ids = async () => (await core.db.allDocs({ startkey: 'a', endkey: 'f' })).rows.map((r) => r.id).filter((id) => id.startsWith('assignmentExit:') || id.startsWith('employment:'));
    const before = await ids();
    const original = core.db.bulkDocs.bind(core.db);
    const spy = vi.spyOn(core.db, 'bulkDocs').mockRejectedValueOnce(new Error('injected: disk full'));
    await expect(end(core, session, assignmentId, { reason: 'employed' })).rejects.toThrow();
    spy.mockImplementationOnce((async (docs: { _id: string }[]) => {
      const results = await original(docs.slice(0, -1) as never);
      return [...results, { id: docs[docs.length - 1]!._id, error: true, status: 500, name: 'injected', message: 'injected' }];
    }) as never);
    await expect(end(core, session, assignmentId, { reason: 'employed' })).rejects.toThrow();
    spy.mockRestore();
    await core.whenIndexed();
    expect(await ids()).toEqual(before);
    expect((await core.call(session, 'posts.get', { postId: POST }))!.holders[0]!.exit).toBeNull();
    expect(await standing(core, session, residentId)).toEqual(['publicWelfare 2026-01-01…2026-12-31']);
    // And it goes through afterwards, all together.
    await end(core, session, assignmentId, { reason: 'employed' });
    expect(await standing(core, session, residentId)).toHaveLength(2);
  });

  it('answers the work list’s post rows and the holder row’s warnings', async () => {
    const { core, session } = await withPost();
    const ending = await holder(core, session, '111', '2026-01-01', '2026-12-15');
    // Retires on 2026-12-10, within the assignment.
    const retiring = await holder(core, session, '113', '2026-01-01', '2026-12-31', '19660710');
    const rows = async () => (await core.call(session, 'worklist.list', {})).items.filter((i) => i.target.kind === 'post').map((i) => `${i.rule} ${i.dueDate}`).sort();
    expect(await rows()).toEqual(['assignmentEnding 2026-12-15', 'retirementNear 2026-12-10']);
    // The work list's row warns from 30 days before the retirement age (the `exitWarnDays` default).
    const row = (await core.call(session, 'worklist.list', {})).items.find((i) => i.rule === 'retirementNear');
    expect(row?.facts['warnFrom']).toBe('2026-11-10');
    const warnings = async () => Object.fromEntries((await core.call(session, 'posts.get', { postId: POST }))!.holders.map((h) => [h.residentId, h.warnings]));
    expect(await warnings()).toEqual({ [ending.residentId]: [], [retiring.residentId]: [{ kind: 'retirement', date: '2026-12-10', from: '2026-10-11', urgent: true }] });
    await end(core, session, ending.assignmentId, { reason: 'death' });
    await end(core, session, retiring.assignmentId, { reason: 'retirementAge', date: '2026-11-20' });
    expect(await rows()).toEqual([]);
    expect(await warnings()).toEqual({ [ending.residentId]: [], [retiring.residentId]: [] });
    // A withdrawn exit answers nothing: the row and the warning are back; a new exit (numbered) answers them again.
    await core.call(session, 'posts.withdrawExit', { assignmentId: retiring.assignmentId, reason: '结束错了人' });
    expect(await rows()).toEqual(['retirementNear 2026-12-10']);
    expect((await warnings())[retiring.residentId]).toEqual([{ kind: 'retirement', date: '2026-12-10', from: '2026-10-11', urgent: true }]);
    await end(core, session, retiring.assignmentId, { reason: 'retirementAge', date: '2026-11-19' });
    expect(await rows()).toEqual([]);
  });
});
