// Recruitment: an opening, applications checked at once against the assignment's rules, the
// ranking by the county's dated order, the 公示 and its objections, and the gate posts.assign
// passes through for a candidate: each rule at its boundary, refusals on the field, nothing
// written on a refusal.
import { describe, expect, it } from 'vitest';
import { placeOfId } from '../../../shared/documents/registry';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import type { Core, Session } from '../core';
import { CLEANING_POST, clockedStations, idNumber, refusal, registration, VILLAGE, villagePost } from '../testing/fixtures';

// The station's day is 2026-11-22 unless a test moves its clock.
const station = clockedStations();
const POST_ID = villagePost('XC-001');

async function person(core: Core, session: Session, birth: string, seq: string, hardship?: string[], date = '2026-11-20') {
  const reg = hardship ? { kind: 'hardship' as const, date, hardshipCategories: hardship as ['povertyAlleviated'] } : { kind: 'jobSeeking' as const, date };
  const name = `测试${seq.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!)}`;
  return (await core.call(session, 'residents.register', registration({ idNumber: idNumber(birth, seq), name, registration: reg }))).id;
}

const OPENING = { postId: POST_ID, places: 2, conditions: '本村户籍，身体健康，能胜任保洁工作', windowFrom: '2026-11-10', windowTo: '2026-11-30', contact: '王丽 0531-86000000' };

async function withOpening(clock?: string) {
  const s = await station(clock);
  await s.core.call(s.session, 'posts.save', CLEANING_POST);
  const opening = await s.core.call(s.session, 'recruitment.save', OPENING);
  return { ...s, openingId: opening.id, opening };
}

const entries = async (core: Core) => (await core.db.allDocs({ startkey: 'recruitEntry:', endkey: 'recruitEntry:\uffff' })).rows.length;

describe('an opening (岗位公告)', () => {
  it('is a record of the post’s place, its id built from the post; the window is checked on its field', async () => {
    const { core, session, opening } = await withOpening();
    expect(opening.id).toMatch(/^opening:370102001002:XC-001:[a-z0-9]{8}$/);
    expect(placeOfId(opening.id)).toBe(VILLAGE);
    expect(opening).toMatchObject({ places: 2, status: 'open', applicants: 0, postName: CLEANING_POST.name });
    expect(await refusal(core.call(session, 'recruitment.save', { ...OPENING, windowTo: '2026-11-09' }))).toMatchObject({ field: 'windowTo', messageKey: 'errors.recruitment.windowOrder' });
    expect(await refusal(core.call(session, 'recruitment.save', { ...OPENING, windowTo: '2031-01-01' }))).toMatchObject({ field: 'windowTo', messageKey: 'errors.recruitment.windowOutsidePost' });
    expect(await core.call(session, 'recruitment.list', { postId: POST_ID })).toHaveLength(1);
    const edited = await core.call(session, 'recruitment.save', { ...OPENING, id: opening.id, rev: opening.rev, places: 3 });
    expect(edited).toMatchObject({ id: opening.id, places: 3 });
  });
});

describe('applications (报名)', () => {
  it('are checked at once: an ineligible one is recorded with its reasons and not ranked', async () => {
    const { core, session, openingId } = await withOpening();
    const younger = await person(core, session, '19960101', '222'); // 30, no target group
    const detail = await core.call(session, 'recruitment.apply', { openingId, residentId: younger, date: '2026-11-21' });
    expect(detail.applications).toEqual([expect.objectContaining({ residentId: younger, rank: null, reasons: [expect.objectContaining({ field: 'residentId', messageKey: 'errors.post.group' })] })]);
    // Nobody ineligible becomes a candidate.
    expect(await refusal(core.call(session, 'recruitment.publish', { openingId, candidates: [younger], objectionsTo: '乡镇人社所' }))).toMatchObject({ field: 'candidates', messageKey: 'errors.recruitment.candidateNotEligible', params: { name: '测试二二二' } });
  });

  it('are dated inside the window and not after today, once per person, refused on the field with nothing written', async () => {
    const { core, session, openingId } = await withOpening();
    const a = await person(core, session, '19800101', '111');
    expect(await refusal(core.call(session, 'recruitment.apply', { openingId, residentId: a, date: '2026-11-23' }))).toMatchObject({ code: 'VALIDATION', field: 'date', messageKey: 'errors.recruitment.futureDate' });
    expect(await refusal(core.call(session, 'recruitment.apply', { openingId, residentId: a, date: '2026-11-09' }))).toMatchObject({ field: 'date', messageKey: 'errors.recruitment.outsideWindow' });
    expect(await entries(core)).toBe(0);
    await core.call(session, 'recruitment.apply', { openingId, residentId: a, date: '2026-11-10' });
    expect(await refusal(core.call(session, 'recruitment.apply', { openingId, residentId: a, date: '2026-11-22' }))).toMatchObject({ field: 'residentId', messageKey: 'errors.recruitment.alreadyApplied', params: { date: '2026-11-10' } });
    expect(await entries(core)).toBe(1);
  });

  it('are ranked by the dated group order (脱贫 / 低收入 / 残疾 / 大龄 by default), then by date; a new order ranks anew', async () => {
    const { core, session, openingId } = await withOpening();
    const older = await person(core, session, '19800101', '111'); // 大龄
    const poor = await person(core, session, '19960101', '333', ['povertyAlleviated']);
    const older2 = await person(core, session, '19790101', '444');
    await core.call(session, 'recruitment.apply', { openingId, residentId: older, date: '2026-11-12' });
    await core.call(session, 'recruitment.apply', { openingId, residentId: older2, date: '2026-11-11' });
    const byDefault = await core.call(session, 'recruitment.apply', { openingId, residentId: poor, date: '2026-11-20' });
    expect(byDefault.policy).toEqual({ groupOrder: ['povertyAlleviated', 'lowIncome', 'disabled', 'older'], noticeDays: 3 });
    expect(byDefault.applications.map((a) => [a.residentId, a.rank])).toEqual([[poor, 1], [older2, 2], [older, 3]]);
    await core.call(session, 'policy.save', { kind: 'recruitment', effectiveFrom: '2026-11-01', values: { groupOrder: ['older'], noticeDays: 5 } });
    const reordered = await core.call(session, 'recruitment.get', { openingId });
    expect(reordered.applications.map((a) => a.residentId)).toEqual([older2, older, poor]);
  });

  it('a withdrawal is a new dated entry: the application stays, unranked, and the person may apply again', async () => {
    const { core, session, openingId } = await withOpening();
    const a = await person(core, session, '19800101', '111');
    const applied = await core.call(session, 'recruitment.apply', { openingId, residentId: a, date: '2026-11-12' });
    const applicationId = applied.applications[0]!.id;
    const after = await core.call(session, 'recruitment.withdraw', { applicationId, date: '2026-11-20', reason: '外出务工' });
    expect(after.applications[0]).toMatchObject({ id: applicationId, rank: null, withdrawn: { date: '2026-11-20', reason: '外出务工' } });
    expect(after.applicants).toBe(0);
    expect(await refusal(core.call(session, 'recruitment.withdraw', { applicationId, date: '2026-11-21', reason: '再次' }))).toMatchObject({ field: 'applicationId', messageKey: 'errors.recruitment.alreadyWithdrawn' });
    expect(await entries(core)).toBe(2);
    expect((await core.call(session, 'recruitment.apply', { openingId, residentId: a, date: '2026-11-21' })).applicants).toBe(1);
  });
});

describe('the 公示 and the assignment gate', () => {
  async function published() {
    const s = await withOpening();
    const a = await person(s.core, s.session, '19800101', '111');
    const b = await person(s.core, s.session, '19790101', '444');
    await s.core.call(s.session, 'recruitment.apply', { openingId: s.openingId, residentId: a, date: '2026-11-12' });
    await s.core.call(s.session, 'recruitment.apply', { openingId: s.openingId, residentId: b, date: '2026-11-13' });
    const detail = await s.core.call(s.session, 'recruitment.publish', { openingId: s.openingId, candidates: [a], objectionsTo: '解放路街道人社所 0531-86000001' });
    const assign = (residentId: string, extra: Partial<ArgsOf<'posts.assign'>> = {}): ArgsOf<'posts.assign'> => ({ postId: POST_ID, residentId, startDate: '2026-12-01', endDate: '2027-11-30', contractNo: 'HT-1', ...extra });
    return { ...s, a, b, detail, publicityId: detail.publicity!.id, assign };
  }

  it('runs noticeDays from the print day; the candidate is refused on its last day, placed the day after', async () => {
    const { core, session, a, detail, at, assign } = await published();
    expect(detail.publicity).toMatchObject({ noticeFrom: '2026-11-22', noticeTo: '2026-11-24', noticeDays: 3, gate: 'running', candidates: [{ residentId: a, name: '测试一一一', assigned: false }] });
    expect(detail.status).toBe('noticeRunning');
    at('2026-11-24T23:00:00+08:00');
    expect(await refusal(core.call(session, 'posts.assign', assign(a)))).toMatchObject({ code: 'NOT_ELIGIBLE', field: 'residentId', messageKey: 'errors.recruitment.noticeRunning', params: { to: '2026-11-24', from: '2026-11-25' } });
    expect((await core.call(session, 'posts.get', { postId: POST_ID }))!.holders).toHaveLength(0);
    at('2026-11-25T08:00:00+08:00');
    expect((await core.call(session, 'recruitment.get', { openingId: detail.id })).publicity!.gate).toBe('ready');
    expect(await core.call(session, 'posts.assign', assign(a))).toMatchObject({ residentId: a, override: null });
    expect((await core.call(session, 'recruitment.get', { openingId: detail.id })).publicity!.candidates[0]!.assigned).toBe(true);
  });

  it('uses the noticeDays in force on the print day', async () => {
    const s = await withOpening();
    await s.core.call(s.session, 'policy.save', { kind: 'recruitment', effectiveFrom: '2026-11-22', values: { groupOrder: [], noticeDays: 7 } });
    const a = await person(s.core, s.session, '19800101', '111');
    await s.core.call(s.session, 'recruitment.apply', { openingId: s.openingId, residentId: a, date: '2026-11-12' });
    const d = await s.core.call(s.session, 'recruitment.publish', { openingId: s.openingId, candidates: [a], objectionsTo: '乡镇人社所' });
    expect(d.publicity).toMatchObject({ noticeFrom: '2026-11-22', noticeTo: '2026-11-28', noticeDays: 7 });
  });

  it('an open objection blocks until decided; an upheld one blocks after the period; an override passes with its reason', async () => {
    const { core, session, a, publicityId, detail, at, assign } = await published();
    at('2026-11-23T09:00:00+08:00');
    const objected = await core.call(session, 'recruitment.object', { publicityId, date: '2026-11-23', by: '村民李某', content: '反映其家庭有经营性收入' });
    const objectionId = objected.publicity!.objections[0]!.id;
    at('2026-11-26T09:00:00+08:00');
    expect(await refusal(core.call(session, 'posts.assign', assign(a)))).toMatchObject({ field: 'residentId', messageKey: 'errors.recruitment.objectionOpen' });
    const decided = await core.call(session, 'recruitment.decide', { objectionId, upheld: true, reason: '经核实情况属实', date: '2026-11-26' });
    expect(decided.publicity).toMatchObject({ gate: 'upheld', objections: [{ by: '村民李某', decision: { upheld: true, reason: '经核实情况属实', date: '2026-11-26' } }] });
    expect(await refusal(core.call(session, 'recruitment.decide', { objectionId, upheld: false, reason: '改判', date: '2026-11-26' }))).toMatchObject({ field: 'objectionId', messageKey: 'errors.recruitment.alreadyDecided' });
    expect(await refusal(core.call(session, 'posts.assign', assign(a)))).toMatchObject({ code: 'NOT_ELIGIBLE', field: 'residentId', messageKey: 'errors.recruitment.objectionUpheld', params: { to: '2026-11-24' } });
    const clerk: Session = { user: { ...session.user!, role: 'clerk' } };
    const reason = '县人社局复核后同意安置';
    expect(await refusal(core.call(clerk, 'posts.assign', assign(a, { override: { reason } })))).toMatchObject({ code: 'FORBIDDEN' });
    const overridden = await core.call(session, 'posts.assign', assign(a, { override: { reason } }));
    expect(overridden.override).toMatchObject({ reason, rules: ['errors.recruitment.objectionUpheld'] });
    expect(detail.id).toBeTruthy();
  });

  it('an objection not upheld lets the candidate be placed after the period; objections are dated within the 公示', async () => {
    const { core, session, a, publicityId, at, assign } = await published();
    expect(await refusal(core.call(session, 'recruitment.object', { publicityId, date: '2026-11-21', by: '村民', content: '有异议' }))).toMatchObject({ field: 'date', messageKey: 'errors.recruitment.beforePublicity' });
    const o = await core.call(session, 'recruitment.object', { publicityId, date: '2026-11-22', by: '村民', content: '有异议' });
    await core.call(session, 'recruitment.decide', { objectionId: o.publicity!.objections[0]!.id, upheld: false, reason: '经核实不属实', date: '2026-11-22' });
    at('2026-11-25T08:00:00+08:00');
    expect(await core.call(session, 'posts.assign', assign(a))).toMatchObject({ override: null });
  });

  it('leaves people who are not candidates, and posts without an opening, to the assignment’s own rules', async () => {
    const { core, session, b, assign } = await published();
    expect(await core.call(session, 'posts.assign', assign(b))).toMatchObject({ residentId: b, override: null });
  });

  it('refuses more candidates than places and non-applicants, writing nothing', async () => {
    const { core, session, openingId, a, b } = await published();
    const c = await person(core, session, '19780101', '555');
    const before = await entries(core);
    expect(await refusal(core.call(session, 'recruitment.publish', { openingId, candidates: [a, b, c], objectionsTo: 'x' }))).toMatchObject({ field: 'candidates', messageKey: 'errors.recruitment.tooManyCandidates', params: { count: 3, places: 2 } });
    expect(await refusal(core.call(session, 'recruitment.publish', { openingId, candidates: [c], objectionsTo: 'x' }))).toMatchObject({ field: 'candidates', messageKey: 'errors.recruitment.notAnApplicant' });
    expect(await entries(core)).toBe(before);
    // Once posted, the opening's places and window no longer change.
    const o = (await core.call(session, 'recruitment.list', { postId: POST_ID }))[0]!;
    expect(await refusal(core.call(session, 'recruitment.save', { ...OPENING, id: o.id, rev: o.rev, places: 5 }))).toMatchObject({ field: 'places', messageKey: 'errors.recruitment.openingChanged' });
  });

  it('prints the 公示 with its period and no ID number or address', async () => {
    const { core, session, publicityId } = await published();
    const form = await core.call(session, 'print.recruitPublicity', { publicityId });
    expect(form).toMatchObject({ noticeFrom: '2026-11-22', noticeTo: '2026-11-24', noticeDays: 3, objectionsTo: '解放路街道人社所 0531-86000001', rows: [{ name: '测试一一一', sex: 'male', age: 46, villageName: '解放桥社区居民委员会', postName: CLEANING_POST.name }] });
    const text = JSON.stringify(form);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toContain('解放桥东街');
  });
});
