// The monthly 考核 at a station: only after the month close, refused once the county accepted
// the month, a change supersedes (entries append-only), the pay of each holder by the rule, the
// minimum-wage floor, deductions, and the 扣款告知书's print recorded as a fact.
import { describe, expect, it } from 'vitest';
import type { Core, Session } from '../core';
import { docId } from '../../../shared/documents/registry';
import { idNumber, registration, refusal, clockedStations, CLEANING_POST, villagePost } from '../testing/fixtures';

const station = clockedStations();
const POST = villagePost('XC-001');
const MONTH = '2026-10';

async function person(core: Core, session: Session, seq: string) {
  return (await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', seq), name: `考核${'甲乙丙'[Number(seq[0]) - 1]}`, registration: { kind: 'jobSeeking', date: '2026-01-05' } }))).id;
}

/** A post with two holders; `a` works 40 h (1,000 yuan), `b` 20 h (500 yuan); the month is closed unless `close` is false. */
async function closedMonth(close = true) {
  const s = await station();
  const { core, session } = s;
  await core.call(session, 'posts.save', CLEANING_POST);
  const a = await person(core, session, '111');
  const b = await person(core, session, '222');
  for (const [r, n] of [[a, 'HT-1'], [b, 'HT-2']] as const) await core.call(session, 'posts.assign', { postId: POST, residentId: r, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: n });
  const fill = (residentId: string, days: number) =>
    core.call(session, 'attendance.set', { postId: POST, marks: Array.from({ length: days }, (_, i) => ({ residentId, date: `${MONTH}-${String(i + 1).padStart(2, '0')}`, mark: 'present' as const, hours: 4 })) });
  await fill(a, 10);
  await fill(b, 5);
  if (close) await core.call(session, 'attendance.closeMonth', { postId: POST, month: MONTH });
  return { ...s, a, b };
}

const scores = (village: number, township: number, democratic: number) => ({ village, township, democratic });
const save = (core: Core, session: Session, residentId: string, over: Record<string, unknown> = {}) =>
  core.call(session, 'assessment.save', { postId: POST, month: MONTH, residentId, scores: scores(90, 90, 90), deductions: [], note: '', supersedes: null, ...over });

describe('the monthly 考核', () => {
  it('is refused before the month close, on the month, and stores nothing', async () => {
    const { core, session, a } = await closedMonth(false);
    expect(await refusal(save(core, session, a))).toMatchObject({ code: 'VALIDATION', field: 'month', messageKey: 'errors.assessment.monthNotClosed', params: { month: MONTH } });
    expect((await core.db.allDocs({ startkey: 'assessment:', endkey: 'assessment:\ufff0' })).rows).toHaveLength(0);
    expect(await core.call(session, 'assessment.month', { postId: POST, month: MONTH })).toMatchObject({ closed: false, rows: [] });
  });

  it('weighs the items, maps the score to pay by the rule and keeps the minimum-wage floor for a passed month', async () => {
    const { core, session, a, b } = await closedMonth();
    // 100×0.3 + 70×0.5 + 50×0.2 = 75: proportional, 75 / 80 of 1,000 = 937.50.
    const saved = await save(core, session, a, { scores: scores(100, 70, 50) });
    expect(saved).toMatchObject({ score: 75, passed: true, assessedBy: '王丽', supersedes: null });
    // 60 exactly passes: 60 / 80 of 500 = 375, under the floor 21 × 20 h = 420: the minimum wage decides.
    await save(core, session, b, { scores: scores(60, 60, 60) });
    const view = await core.call(session, 'assessment.month', { postId: POST, month: MONTH });
    expect(view).toMatchObject({ closed: true, countyLockedAt: null, policy: { isDefault: true, values: { passMark: 60, fullPayMark: 80 } }, minimumHourly: 21 });
    const row = (id: string) => view.rows.find((r) => r.residentId === id)!;
    expect(row(a).pay).toMatchObject({ rule: 'proportional', basePay: 1000, payDue: 937.5, payable: 937.5 });
    expect(row(b).pay).toMatchObject({ rule: 'minimumWage', basePay: 500, payDue: 420, minimumPay: 420 });
  });

  it('pays nothing under the pass mark (no floor: the 考核 says so) and counts the failed months for an exit', async () => {
    const { core, session, b } = await closedMonth();
    // 59.5: 50×0.3 + 60×0.5 + 72.5… → use 55, 60, 65 = 16.5 + 30 + 13 = 59.5.
    const failed = await save(core, session, b, { scores: scores(55, 60, 65) });
    expect(failed).toMatchObject({ score: 59.5, passed: false });
    const view = await core.call(session, 'assessment.month', { postId: POST, month: MONTH });
    const row = view.rows.find((r) => r.residentId === b)!;
    expect(row.pay).toMatchObject({ rule: 'none', payDue: 0, payable: 0 });
    expect(row.failed).toMatchObject({ months: [MONTH], required: 2, eligible: false });
    expect(await core.call(session, 'assessment.failedMonths', { assignmentId: row.assignmentId })).toMatchObject({ months: [MONTH], eligible: false });
  });

  it('refuses a missing or unknown item score on its field, and a change without a reason', async () => {
    const { core, session, a } = await closedMonth();
    expect(await refusal(save(core, session, a, { scores: { village: 80, township: 80 } }))).toMatchObject({ field: 'scores.democratic', messageKey: 'errors.assessment.scoreMissing', params: { item: '民主评议' } });
    expect(await refusal(save(core, session, a, { scores: { ...scores(80, 80, 80), extra: 5 } }))).toMatchObject({ field: 'scores.extra', messageKey: 'errors.assessment.unknownItem' });
    expect(await refusal(save(core, session, a, { scores: scores(80, 101, 80) }))).toMatchObject({ field: 'scores.township', messageKey: 'errors.number.range' });
    expect(await refusal(save(core, session, a, { deductions: [{ reason: '', amount: 10 }] }))).toMatchObject({ field: 'deductions.0.reason', messageKey: 'errors.required' });
    expect(await refusal(save(core, session, a, { deductions: [{ reason: '迟到', amount: 10.001 }] }))).toMatchObject({ field: 'deductions.0.amount', messageKey: 'errors.money.cents' });
    const other = await person(core, session, '333');
    expect(await refusal(save(core, session, other))).toMatchObject({ field: 'residentId', messageKey: 'errors.assessment.notHolder' });
    const first = await save(core, session, a);
    expect(await refusal(save(core, session, a, { supersedes: first.id }))).toMatchObject({ field: 'note', messageKey: 'errors.assessment.changeReason' });
    expect(await refusal(save(core, session, a, { note: '更正' }))).toMatchObject({ code: 'CONFLICT', field: 'supersedes' });
    expect((await core.db.allDocs({ startkey: 'assessment:', endkey: 'assessment:\ufff0' })).rows).toHaveLength(1);
  });

  it('supersedes with a new dated entry: the earlier one is kept, the latest is current', async () => {
    const { core, session, a, at } = await closedMonth();
    const first = await save(core, session, a, { deductions: [{ reason: '无故缺勤一天', amount: 50 }] });
    at('2026-11-23T09:00:00+08:00');
    const second = await save(core, session, a, { scores: scores(80, 80, 80), deductions: [], note: '复核后取消扣款', supersedes: first.id });
    expect(second).toMatchObject({ supersedes: first.id, score: 80 });
    expect(second.id).not.toBe(first.id);
    const row = (await core.call(session, 'assessment.month', { postId: POST, month: MONTH })).rows.find((r) => r.residentId === a)!;
    expect(row.current?.id).toBe(second.id);
    expect(row.earlier.map((e) => e.id)).toEqual([first.id]);
    expect(row).toMatchObject({ notice: 'none', pay: { rule: 'full', payDue: 1000, deductions: 0 } });
    expect((await core.db.get<{ deductions: unknown[] }>(first.id)).deductions).toHaveLength(1);
  });

  it('takes deductions from the pay and records the 扣款告知书 print the payroll waits for', async () => {
    const { core, session, a, at } = await closedMonth();
    const saved = await save(core, session, a, { deductions: [{ reason: '无故缺勤一天', amount: 50 }, { reason: '工具遗失', amount: 12.5 }] });
    let row = (await core.call(session, 'assessment.month', { postId: POST, month: MONTH })).rows.find((r) => r.residentId === a)!;
    expect(row).toMatchObject({ notice: 'pending', pay: { rule: 'full', payDue: 1000, deductions: 62.5, payable: 937.5 } });
    const form = await core.call(session, 'print.deductionNotice', { assessmentId: saved.id });
    expect(form).toMatchObject({ holder: { name: '考核甲' }, post: { name: CLEANING_POST.name }, month: MONTH, deductions: [{ reason: '无故缺勤一天', amount: 50 }, { reason: '工具遗失', amount: 12.5 }], pay: { payDue: 1000, payable: 937.5 } });
    expect(form.holder.idNumberMasked).toMatch(/\*{6}/);
    row = (await core.call(session, 'assessment.month', { postId: POST, month: MONTH })).rows.find((r) => r.residentId === a)!;
    expect(row.notice).toBe('printed');
    // Printed again: still one fact.
    await core.call(session, 'print.deductionNotice', { assessmentId: saved.id });
    expect((await core.db.allDocs({ startkey: 'deductionNotice:', endkey: 'deductionNotice:\ufff0' })).rows).toHaveLength(1);
    // A second entry in the same instant is refused as a conflict (ids carry the time); a later one is kept.
    expect(await refusal(save(core, session, a, { note: '复核', supersedes: saved.id }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.assessment.notCurrent' });
    at('2026-11-23T09:00:00+08:00');
    const plain = await save(core, session, a, { note: '复核', supersedes: saved.id });
    expect(await refusal(core.call(session, 'print.deductionNotice', { assessmentId: plain.id }))).toMatchObject({ field: 'assessmentId', messageKey: 'errors.assessment.noDeductions' });
  });

  it('is refused once the county accepted the month', async () => {
    const { core, session, a } = await closedMonth();
    const closeDoc = await core.db.get<{ _rev: string }>(docId.monthClose(POST, MONTH));
    const county = { schemaVersion: 1, placeCode: '370102001002', createdBy: 'county-li', updatedBy: 'county-li', createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z' };
    await core.db.put({ _id: 'review:batch:m', type: 'review', ...county, batchId: 'batch:m', decision: 'accepted', records: [{ id: docId.monthClose(POST, MONTH), rev: closeDoc._rev, decision: 'accepted', reason: '' }] });
    await core.whenIndexed();
    expect(await refusal(save(core, session, a))).toMatchObject({ code: 'LOCKED', field: 'month', messageKey: 'errors.assessment.countyAccepted' });
    expect((await core.call(session, 'assessment.month', { postId: POST, month: MONTH })).countyLockedAt).toBe('2026-11-22T01:00:00Z');
  });

  it('makes a holder eligible for a 考核不合格 exit after the parameter\'s failed months', async () => {
    const { core, session, b } = await closedMonth();
    await core.call(session, 'attendance.set', { postId: POST, marks: [{ residentId: b, date: '2026-09-01', mark: 'present', hours: 4 }] });
    await core.call(session, 'attendance.closeMonth', { postId: POST, month: '2026-09' });
    await core.call(session, 'assessment.save', { postId: POST, month: '2026-09', residentId: b, scores: scores(50, 50, 50), deductions: [], note: '', supersedes: null });
    await save(core, session, b, { scores: scores(40, 40, 40) });
    const row = (await core.call(session, 'assessment.month', { postId: POST, month: MONTH })).rows.find((r) => r.residentId === b)!;
    expect(row.failed).toMatchObject({ months: ['2026-09', MONTH], required: 2, eligible: true });
  });
});
