// Withdrawing a mistaken exit (撤销离岗, ./exits.ts withdraw): the assignment is held again, the
// status entries corrected back, the withdrawn exit kept; refused while a month it gives days back
// to is closed or the county accepted the exit; all or nothing; a new exit may follow.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core, Session } from '../core';
import { docId } from '../../../shared/documents/registry';
import { CLEANING_POST, clockedStations, idNumber, refusal, registration, villagePost } from '../testing/fixtures';

const station = clockedStations();
afterEach(() => vi.restoreAllMocks());

const POST = villagePost('XC-001');

async function withHolder() {
  const s = await station();
  await s.core.call(s.session, 'posts.save', CLEANING_POST);
  const reg = registration({ idNumber: idNumber('19750101', '111'), name: '测试一', registration: { kind: 'hardship', date: '2026-01-01', hardshipCategories: ['povertyAlleviated'] } });
  const { id: residentId } = await s.core.call(s.session, 'residents.register', reg);
  const a = await s.core.call(s.session, 'posts.assign', { postId: POST, residentId, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-1' });
  return { ...s, residentId, assignmentId: a.id };
}

const end = (core: Core, session: Session, assignmentId: string, over: Record<string, unknown> = {}) =>
  core.call(session, 'posts.endAssignment', { assignmentId, date: '2026-11-10', reason: 'employed', ...over });
const withdraw = (core: Core, session: Session, assignmentId: string, reason = '结束错了人') => core.call(session, 'posts.withdrawExit', { assignmentId, reason });

async function standing(core: Core, session: Session, residentId: string) {
  const history = await core.call(session, 'employment.history', { residentId });
  return history.entries
    .filter((e) => !e.correctedBy)
    .map((e) => `${e.status} ${e.effectiveDate}…${e.endDate ?? ''}`)
    .sort();
}

const ids = async (core: Core, prefix: string) => (await core.db.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0` })).rows.map((r) => r.id);

describe('withdrawing an exit', () => {
  it('makes the assignment current again, corrects the status entries, keeps the exit struck through, and lets a new exit follow', async () => {
    const { core, session, residentId, assignmentId } = await withHolder();
    await end(core, session, assignmentId);
    const row = await withdraw(core, session, assignmentId);
    expect(row.exit).toBeNull();
    expect(row.withdrawnExits).toEqual([
      expect.objectContaining({ date: '2026-11-10', reason: 'employed', byName: '王丽', withdrawal: expect.objectContaining({ reason: '结束错了人', byName: '王丽' }) }),
    ]);
    // Held again: the day after the withdrawn exit takes attendance, the grid runs to the month's end.
    await core.call(session, 'attendance.set', { postId: POST, marks: [{ residentId, date: '2026-11-11', mark: 'present', hours: 4 }] });
    const grid = await core.call(session, 'attendance.month', { postId: POST, month: '2026-11' });
    expect(grid.holders).toEqual([expect.objectContaining({ residentId, from: '2026-11-01', to: '2026-11-30' })]);
    expect((await core.call(session, 'posts.get', { postId: POST }))!.post.currentHolders).toBe(1);
    // The ledger: 公益性岗位 throughout again (the exit's entries corrected, never rewritten), current 公益性岗位.
    expect(await standing(core, session, residentId)).toEqual(['publicWelfare 2026-01-01…2026-12-31', 'publicWelfare 2026-11-11…2026-12-31']);
    const history = await core.call(session, 'employment.history', { residentId });
    expect(history.current?.status).toBe('publicWelfare');
    expect(history.entries.filter((e) => e.correctionReason.includes('结束错了人'))).toHaveLength(2);
    // The withdrawal is a fact of its own, its id the exit's; and it is audited.
    expect(await ids(core, 'exitWithdrawal:')).toEqual([docId.exitWithdrawal(docId.assignmentExit(assignmentId))]);
    const audit = await core.db.allDocs<{ action?: string; reason?: string }>({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
    expect(audit.rows.map((r) => r.doc).filter((d) => d?.action === 'withdrawExit')).toEqual([expect.objectContaining({ reason: '结束错了人' })]);
    // Nothing left to withdraw.
    expect(await refusal(withdraw(core, session, assignmentId))).toMatchObject({ field: 'assignmentId', messageKey: 'errors.exit.notEnded' });
    // A new exit with the right (earlier) date: a numbered exit; the restored entries end and the next status starts after it.
    const again = await end(core, session, assignmentId, { date: '2026-11-05' });
    expect(again.exit).toMatchObject({ date: '2026-11-05', reason: 'employed' });
    expect(again.withdrawnExits).toHaveLength(1);
    expect(await ids(core, 'assignmentExit:')).toEqual([docId.assignmentExit(assignmentId), docId.assignmentExit(assignmentId, 2)]);
    expect(await standing(core, session, residentId)).toEqual(['employee 2026-11-06…', 'publicWelfare 2026-01-01…2026-11-05']);
    expect(await refusal(core.call(session, 'attendance.set', { postId: POST, marks: [{ residentId, date: '2026-11-06', mark: 'present', hours: 4 }] }))).toMatchObject({ messageKey: 'errors.attendance.notHolder' });
    // That one may be withdrawn too, and a later date recorded.
    await withdraw(core, session, assignmentId, '日期又记错');
    const third = await end(core, session, assignmentId, { date: '2026-11-15', reason: 'ownRequest' });
    expect(third.withdrawnExits.map((e) => e.date)).toEqual(['2026-11-10', '2026-11-05']);
    expect((await core.call(session, 'employment.history', { residentId })).current?.status).toBe('unemployed');
  });

  it('is refused while a month after the exit date is closed (the exit’s own month, ended on its last day, aside) or the county accepted the exit', async () => {
    const { core, session, assignmentId } = await withHolder();
    await end(core, session, assignmentId, { date: '2026-09-30' });
    await core.call(session, 'attendance.closeMonth', { postId: POST, month: '2026-09', belowMinimumReason: '离岗' });
    await core.call(session, 'attendance.closeMonth', { postId: POST, month: '2026-10' });
    expect(await refusal(withdraw(core, session, assignmentId))).toMatchObject({ code: 'LOCKED', field: 'exitDate', messageKey: 'errors.exit.withdrawMonthClosed', params: { month: '2026-10' } });
    await core.call(session, 'attendance.reopenMonth', { postId: POST, month: '2026-10', reason: '撤销提前结束' });
    // The county accepted the exit: locked until the county unlocks it.
    const exit = await core.db.get<{ _rev: string }>(docId.assignmentExit(assignmentId));
    const county = { schemaVersion: 1, placeCode: '370102001002', createdBy: 'county-li', updatedBy: 'county-li', createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z' };
    await core.db.put({ _id: 'review:batch:x', type: 'review', ...county, batchId: 'batch:x', decision: 'accepted', records: [{ id: exit._id, rev: exit._rev, decision: 'accepted', reason: '' }] });
    await core.whenIndexed();
    expect(await refusal(withdraw(core, session, assignmentId))).toMatchObject({ code: 'LOCKED', field: 'exitDate', messageKey: 'errors.exit.exitCountyLocked', params: { at: '2026-11-22' } });
    expect(await ids(core, 'exitWithdrawal:')).toEqual([]);
    await core.db.put({ _id: `unlock:${exit._id}:2026-11-22T02:00:00Z`, type: 'unlock', ...county, createdAt: '2026-11-22T02:00:00Z', updatedAt: '2026-11-22T02:00:00Z', targetId: exit._id, reason: '撤销提前结束' });
    await core.whenIndexed();
    // September (closed, the exit on its last day) keeps its days as they were: the withdrawal goes through.
    expect((await withdraw(core, session, assignmentId)).exit).toBeNull();
  });

  it('stores nothing when the write fails, or one of its documents is refused inside it', async () => {
    const { core, session, residentId, assignmentId } = await withHolder();
    await end(core, session, assignmentId);
    const before = [...(await ids(core, 'employment:')), ...(await ids(core, 'exitWithdrawal:'))];
    const original = core.db.bulkDocs.bind(core.db);
    const spy = vi.spyOn(core.db, 'bulkDocs').mockRejectedValueOnce(new Error('injected: disk full'));
    await expect(withdraw(core, session, assignmentId)).rejects.toThrow();
    spy.mockImplementationOnce((async (docs: { _id: string }[]) => {
      const results = await original(docs.slice(0, -1) as never);
      return [...results, { id: docs[docs.length - 1]!._id, error: true, status: 500, name: 'injected', message: 'injected' }];
    }) as never);
    await expect(withdraw(core, session, assignmentId)).rejects.toThrow();
    spy.mockRestore();
    await core.whenIndexed();
    expect([...(await ids(core, 'employment:')), ...(await ids(core, 'exitWithdrawal:'))]).toEqual(before);
    expect((await core.call(session, 'posts.get', { postId: POST }))!.holders[0]!.exit).toMatchObject({ date: '2026-11-10' });
    expect(await standing(core, session, residentId)).toEqual(['employee 2026-11-11…', 'publicWelfare 2026-01-01…2026-11-10']);
    await withdraw(core, session, assignmentId);
    expect(await standing(core, session, residentId)).toEqual(['publicWelfare 2026-01-01…2026-12-31', 'publicWelfare 2026-11-11…2026-12-31']);
  });
});
