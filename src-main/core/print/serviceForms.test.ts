// The follow-up ledger's printed forms: the 入户走访登记表 of one service record and the 服务记录卡
// of a person, filled from the service records, the employment status history, posts and
// trainings; masked ID numbers, display names, audit-logged like every print.
import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/id/mask';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import type { Core } from '../core';
import type { AuditDoc } from '../store/docs';
import { CLEANING_POST, clockedStations, idNumber, refusal, registration, villagePost } from '../testing/fixtures';

const station = clockedStations();
const ID = idNumber('19800101', '135');

async function audits(core: Core): Promise<AuditDoc[]> {
  const rows = await core.db.allDocs<AuditDoc>({ startkey: 'audit:', endkey: 'audit:\uffff', include_docs: true });
  return rows.rows.map((r) => r.doc!).filter((d) => d.action === 'print');
}

async function withResident() {
  const s = await station();
  const { id } = await s.core.call(
    s.session,
    'residents.register',
    registration({ idNumber: ID, name: '欧阳娜娜', address: '解放桥社区 3 号楼 501 室', registration: { kind: 'hardship', date: '2026-11-01', hardshipCategories: ['olderUnemployed'] } }),
  );
  return { ...s, residentId: id };
}

const visit = (residentId: string, overrides: Partial<ArgsOf<'services.record'>> = {}): ArgsOf<'services.record'> => ({
  residentId,
  date: '2026-11-10',
  channel: 'homeVisit',
  kind: 'careerGuidance',
  content: '入户了解求职意向，建议参加电工培训',
  outcome: '愿意报名',
  ...overrides,
});

const REFERRAL = { employerName: '历下物业服务有限公司', employerCreditCode: '91350100M000100Y43', job: '电工', pay: '月薪 4000 元' };

describe('the 入户走访登记表', () => {
  it('prints one home visit with the person (masked ID number, phone, address, categories), the visitor by display name, and logs the print', async () => {
    const { core, session, residentId } = await withResident();
    const saved = await core.call(session, 'services.record', visit(residentId));
    const form = await core.call(session, 'print.visitRecord', { serviceId: saved.id });
    expect(form.title).toBe('homeVisit');
    expect(form.resident).toMatchObject({
      name: '欧阳娜娜',
      sex: 'male',
      age: 46,
      idNumberMasked: maskIdNumber(ID),
      phone: '13812345678',
      address: '解放桥社区 3 号楼 501 室',
      registration: { kind: 'hardship', date: '2026-11-01', hardshipCategories: ['olderUnemployed'] },
      closure: null,
    });
    expect(form.resident.placePath.at(-1)).toBe('解放桥社区居民委员会');
    expect(form.service).toMatchObject({ id: saved.id, date: '2026-11-10', channel: 'homeVisit', kind: 'careerGuidance', content: visit(residentId).content, outcome: '愿意报名', referral: null, result: null, clerk: '王丽', correctsDate: null, correctedOn: null });
    expect(form.station.clerk).toBe('王丽');
    const text = JSON.stringify(form);
    expect(text).not.toContain(ID);
    // Who recorded it by display name: the login never leaves the core on the form.
    expect(text).not.toContain('wangli');
    expect(await audits(core)).toMatchObject([{ field: 'visitRecord', targetId: saved.id, reason: 'idNumber:masked', createdBy: 'wangli' }]);
  });

  it('titles another channel a 服务记录单; prints a referral with its standing result; says what a correction corrects and that a superseded record was corrected', async () => {
    const { core, session, residentId, at } = await withResident();
    const phone = await core.call(session, 'services.record', visit(residentId, { channel: 'phone', kind: 'policyConsultation', content: '电话咨询失业保险金' }));
    expect((await core.call(session, 'print.visitRecord', { serviceId: phone.id })).title).toBe('service');

    const ref = await core.call(session, 'services.record', visit(residentId, { channel: 'atStation', kind: 'jobReferral', content: '推荐面试', referral: REFERRAL }));
    expect((await core.call(session, 'print.visitRecord', { serviceId: ref.id })).service).toMatchObject({ referral: REFERRAL, result: null });
    const first = await core.call(session, 'services.result', { referralId: ref.id, date: '2026-11-15', result: 'notHired', note: '' });
    await core.call(session, 'services.correct', { entry: 'result', corrects: first.id, date: '2026-11-16', result: 'hired', note: '12 月 1 日上岗' });
    const printed = await core.call(session, 'print.visitRecord', { serviceId: ref.id });
    expect(printed.service.result).toEqual({ date: '2026-11-16', result: 'hired', note: '12 月 1 日上岗', clerk: '王丽' });

    // A corrected referral: its correction carries the result recorded for the first version.
    at('2026-11-22T11:00:00+08:00');
    const { residentId: _r, ...fields } = visit(residentId, { channel: 'atStation', kind: 'jobReferral', content: '推荐面试（更正）', referral: REFERRAL });
    const fixed = await core.call(session, 'services.correct', { entry: 'service', corrects: ref.id, ...fields });
    const corrected = await core.call(session, 'print.visitRecord', { serviceId: fixed.id });
    expect(corrected.service).toMatchObject({ correctsDate: '2026-11-10', correctedOn: null, content: '推荐面试（更正）', result: { result: 'hired' } });
    expect((await core.call(session, 'print.visitRecord', { serviceId: ref.id })).service.correctedOn).toBe('2026-11-22');

    // A result is not a service of its own; an unknown id is not found.
    expect(await refusal(core.call(session, 'print.visitRecord', { serviceId: first.id }))).toMatchObject({ field: 'serviceId', messageKey: 'errors.print.notAService' });
    const missing = phone.id.replace(/:[a-z0-9]+$/, ':zzzzzzzz');
    expect(await refusal(core.call(session, 'print.visitRecord', { serviceId: missing }))).toMatchObject({ code: 'NOT_FOUND', field: 'serviceId' });
    expect(await refusal(core.call(session, 'print.visitRecord', { serviceId: 'resident:x' }))).toMatchObject({ field: 'serviceId', messageKey: 'errors.id' });
  });
});

describe('the 服务记录卡', () => {
  it('lists the standing services oldest first (a superseded one left out, its correction saying so), the status history with the current one, posts and trainings', async () => {
    const { core, session, residentId, at } = await withResident();
    at('2026-11-20T09:00:00+08:00');
    const early = await core.call(session, 'services.record', visit(residentId, { date: '2026-11-05', kind: 'policyConsultation', channel: 'atStation', content: '咨询认定政策' }));
    const later = await core.call(session, 'services.record', visit(residentId, { date: '2026-11-12', content: '第一次入户' }));
    // Recorded after, dated before: the card orders by the service date.
    await core.call(session, 'services.record', visit(residentId, { date: '2026-11-03', channel: 'phone', kind: 'followUp', content: '电话回访' }));
    const { residentId: _r, ...fields } = visit(residentId, { date: '2026-11-12', content: '第一次入户（内容更正）' });
    await core.call(session, 'services.correct', { entry: 'service', corrects: later.id, ...fields });

    at('2026-11-21T09:00:00+08:00');
    const wrong = await core.call(session, 'employment.record', { residentId, status: 'flexible', effectiveDate: '2026-11-15' });
    await core.call(session, 'employment.correct', { residentId, corrects: wrong.id, reason: '录入错误', status: 'employee', employer: { name: '历下物业服务有限公司', creditCode: '' }, effectiveDate: '2026-11-15' });
    await core.call(session, 'posts.save', CLEANING_POST);
    const assignment = await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId, startDate: '2026-11-21', endDate: '2026-12-31', contractNo: 'HT-1' });
    const course = await core.call(session, 'training.save', {
      course: { occupation: '养老护理员', level: 'level5' },
      provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' },
      teachers: ['李老师'],
      place: '解放桥社区活动中心',
      startDate: '2026-11-21',
      endDate: '2026-11-21',
      timetable: [{ date: '2026-11-21', half: 'am', start: '08:30', end: '10:30', classHours: 2 }],
      plannedTrainees: 30,
    });
    await core.call(session, 'training.enrol', { sessionId: course.id, residentId });

    at('2026-11-22T10:00:00+08:00');
    const card = await core.call(session, 'print.serviceCard', { id: residentId });
    expect(card.services.map((s) => [s.date, s.content, s.correctsDate])).toEqual([
      ['2026-11-03', '电话回访', null],
      ['2026-11-05', '咨询认定政策', null],
      ['2026-11-12', '第一次入户（内容更正）', '2026-11-12'],
    ]);
    expect(card.supersededCount).toBe(1);
    expect(card.services.every((s) => s.correctedOn === null && s.clerk === '王丽')).toBe(true);
    expect(card.services[1]!.id).toBe(early.id);
    // Oldest first, the corrected 灵活就业 left out; the assignment's 公益性岗位 is the current one.
    expect(card.statuses.map((s) => [s.effectiveDate, s.status, s.employer, s.correction])).toEqual([
      ['2026-11-15', 'employee', '历下物业服务有限公司', true],
      ['2026-11-21', 'publicWelfare', '解放路街道办事处', false],
    ]);
    expect(card.current).toMatchObject({ status: 'publicWelfare', endDate: '2026-12-31', clerk: '王丽' });
    expect(card.assignments).toEqual([{ post: '解放桥社区保洁', employer: '解放路街道办事处', from: '2026-11-21', to: '2026-12-31', endReason: null }]);
    expect(card.trainings).toEqual([{ occupation: '养老护理员', level: 'level5', provider: '济南市历下区职业培训学校', from: '2026-11-21', to: '2026-11-21', attendedHours: 0, totalClassHours: 2, eligible: false, ended: true }]);
    expect(card.resident.idNumberMasked).toBe(maskIdNumber(ID));
    expect(JSON.stringify(card)).not.toContain(ID);
    expect(JSON.stringify(card)).not.toContain('wangli');
    expect(await audits(core)).toMatchObject([{ field: 'serviceCard', targetId: residentId, reason: 'idNumber:masked' }]);
    // Ended early: the card prints the exit date and its reason, not the agreed end; withdrawn, the agreed end again.
    await core.call(session, 'posts.endAssignment', { assignmentId: assignment.id, date: '2026-11-22', reason: 'employed' });
    const ended = await core.call(session, 'print.serviceCard', { id: residentId });
    expect(ended.assignments).toEqual([{ post: '解放桥社区保洁', employer: '解放路街道办事处', from: '2026-11-21', to: '2026-11-22', endReason: 'employed' }]);
    await core.call(session, 'posts.withdrawExit', { assignmentId: assignment.id, reason: '日期记错' });
    expect((await core.call(session, 'print.serviceCard', { id: residentId })).assignments).toMatchObject([{ to: '2026-12-31', endReason: null }]);
  });

  it('prints an empty card for a person with no services, and a closed registration with its closure', async () => {
    const { core, session, residentId } = await withResident();
    const view = await core.call(session, 'residents.get', { id: residentId });
    await core.call(session, 'residents.close', { id: residentId, rev: view!.rev, reason: 'movedAway', date: '2026-11-21', note: '' });
    const card = await core.call(session, 'print.serviceCard', { id: residentId });
    expect(card).toMatchObject({ services: [], statuses: [], current: null, assignments: [], trainings: [], supersededCount: 0 });
    expect(card.resident.closure).toEqual({ date: '2026-11-21', reason: 'movedAway' });
    expect(await refusal(core.call(session, 'print.serviceCard', { id: 'resident:nope' }))).toMatchObject({ field: 'id', messageKey: 'errors.id' });
  });
});
