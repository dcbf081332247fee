// Service records: each rule at its boundary, nothing stored on refusal, referral results and
// corrections as new entries (never a rewrite), and the resident's timeline.
import { describe, expect, it, vi } from 'vitest';
import { placeOfId } from '../../../shared/documents/registry';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import type { TimelineEntry } from '../../../shared/services/contract';
import type { Core, Session } from '../core';
import { followedTally } from '../stats/follow';
import type { CoreContext } from '../context';
import { cleaningPost, clockedStations, idNumber, refusal, registration, VILLAGE } from '../testing/fixtures';

// Today is 2026-11-22 at the station; the resident was born 1990-05-20.
const station = clockedStations();
const TODAY = '2026-11-22';
const BIRTH = '1990-05-20';

async function withResident(birth = '19900520', clock?: string) {
  const s = await station(clock);
  const { id } = await s.core.call(s.session, 'residents.register', registration({ idNumber: idNumber(birth, '111') }));
  return { ...s, residentId: id };
}

const visit = (residentId: string, overrides: Partial<ArgsOf<'services.record'>> = {}): ArgsOf<'services.record'> => ({
  residentId,
  date: '2026-11-21',
  channel: 'homeVisit',
  kind: 'careerGuidance',
  content: '入户了解求职意向，建议参加电工培训',
  outcome: '愿意报名',
  ...overrides,
});

const referral = (residentId: string, overrides: Partial<ArgsOf<'services.record'>> = {}): ArgsOf<'services.record'> =>
  visit(residentId, { kind: 'jobReferral', channel: 'atStation', content: '推荐到物业公司面试', referral: { employerName: '历下物业服务有限公司', employerCreditCode: '91350100M000100Y43', job: '电工', pay: '月薪 4000 元' }, ...overrides });

const count = async (core: Core, s: Session, residentId: string) => (await core.call(s, 'services.list', { residentId })).length;

describe('recording a service', () => {
  it('stores a visit under the station’s place, by the clerk, as an append-only record', async () => {
    const { core, session, residentId } = await withResident();
    const saved = await core.call(session, 'services.record', visit(residentId));
    expect(saved).toMatchObject({ entry: 'service', date: '2026-11-21', channel: 'homeVisit', kind: 'careerGuidance', by: 'wangli', correctedBy: null });
    expect(saved.id).toMatch(/^service:370102001002:[a-z2-7]{26}:/);
    expect(placeOfId(saved.id)).toBe(VILLAGE);
    expect(await core.call(session, 'services.list', { residentId })).toEqual([saved]);
  });

  it('refuses a date in the future and one before birth, at the boundary day, storing nothing', async () => {
    const { core, session, residentId } = await withResident();
    expect(await refusal(core.call(session, 'services.record', visit(residentId, { date: '2026-11-23' })))).toMatchObject({ code: 'VALIDATION', field: 'date', messageKey: 'errors.services.dateFuture', params: { today: TODAY } });
    expect(await refusal(core.call(session, 'services.record', visit(residentId, { date: '1990-05-19' })))).toMatchObject({ field: 'date', messageKey: 'errors.services.dateBeforeBirth', params: { birthDate: BIRTH } });
    expect(await count(core, session, residentId)).toBe(0);
    await core.call(session, 'services.record', visit(residentId, { date: TODAY }));
    await core.call(session, 'services.record', visit(residentId, { date: BIRTH }));
    expect(await count(core, session, residentId)).toBe(2);
  });

  it('checks a referral: employer and job required, the credit code when given; no employer on other kinds', async () => {
    const { core, session, residentId } = await withResident();
    const { referral: _none, ...bare } = referral(residentId);
    expect(await refusal(core.call(session, 'services.record', bare))).toMatchObject({ field: 'referral.employerName', messageKey: 'errors.required' });
    const badCode = referral(residentId, { referral: { employerName: '某公司', employerCreditCode: '91350100M000100Y44', job: '电工', pay: '' } });
    expect(await refusal(core.call(session, 'services.record', badCode))).toMatchObject({ field: 'referral.employerCreditCode', messageKey: 'errors.creditCode' });
    const onVisit = visit(residentId, { referral: { employerName: '某公司', employerCreditCode: '', job: '电工', pay: '' } });
    expect(await refusal(core.call(session, 'services.record', onVisit))).toMatchObject({ field: 'referral', messageKey: 'errors.services.referralOnlyForReferrals' });
    expect(await count(core, session, residentId)).toBe(0);
    const noCode = await core.call(session, 'services.record', referral(residentId, { referral: { employerName: '某公司', employerCreditCode: '', job: '电工', pay: '' } }));
    expect(noCode.referral).toEqual({ employerName: '某公司', employerCreditCode: '', job: '电工', pay: '' });
  });

  it('allows only a follow-up (回访) for a person whose registration is closed', async () => {
    const { core, session, residentId } = await withResident();
    const view = await core.call(session, 'residents.get', { id: residentId });
    await core.call(session, 'residents.close', { id: residentId, rev: view!.rev, reason: 'employed', date: '2026-11-21', note: '' });
    expect(await refusal(core.call(session, 'services.record', visit(residentId)))).toMatchObject({ field: 'kind', messageKey: 'errors.services.closedOnlyFollowUp' });
    expect(await count(core, session, residentId)).toBe(0);
    const followUp = await core.call(session, 'services.record', visit(residentId, { kind: 'followUp', channel: 'phone', content: '电话回访：已在物业公司上班' }));
    expect(followUp.kind).toBe('followUp');
  });

  it('refuses an unknown resident', async () => {
    const { core, session } = await withResident();
    expect(await refusal(core.call(session, 'services.record', visit(`resident:${'a'.repeat(26)}`)))).toMatchObject({ code: 'NOT_FOUND', field: 'residentId' });
  });
});

describe("a referral's result", () => {
  it('is recorded once, for an existing referral, not before it, as a follow-up entry', async () => {
    const { core, session, residentId } = await withResident();
    const other = await core.call(session, 'services.record', visit(residentId));
    const ref = await core.call(session, 'services.record', referral(residentId, { date: '2026-11-18' }));
    // Not a referral, or no such entry.
    expect(await refusal(core.call(session, 'services.result', { referralId: other.id, date: TODAY, result: 'hired', note: '' }))).toMatchObject({ field: 'referralId', messageKey: 'errors.services.noReferral' });
    const missing = ref.id.replace(/:[a-z0-9]+$/, ':zzzzzzzz');
    expect(await refusal(core.call(session, 'services.result', { referralId: missing, date: TODAY, result: 'hired', note: '' }))).toMatchObject({ field: 'referralId', messageKey: 'errors.services.noReferral' });
    // Before the referral, in the future.
    expect(await refusal(core.call(session, 'services.result', { referralId: ref.id, date: '2026-11-17', result: 'hired', note: '' }))).toMatchObject({ field: 'date', messageKey: 'errors.services.resultBeforeReferral', params: { referralDate: '2026-11-18' } });
    expect(await refusal(core.call(session, 'services.result', { referralId: ref.id, date: '2026-11-23', result: 'hired', note: '' }))).toMatchObject({ field: 'date', messageKey: 'errors.services.dateFuture' });
    expect(await count(core, session, residentId)).toBe(2);
    const result = await core.call(session, 'services.result', { referralId: ref.id, date: '2026-11-18', result: 'hired', note: '12 月 1 日上岗' });
    expect(result).toMatchObject({ entry: 'result', refersTo: ref.id, result: 'hired', date: '2026-11-18' });
    // Twice: refused.
    expect(await refusal(core.call(session, 'services.result', { referralId: ref.id, date: TODAY, result: 'notHired', note: '' }))).toMatchObject({ field: 'referralId', messageKey: 'errors.services.resultTwice' });
    expect(await count(core, session, residentId)).toBe(3);
    // The referral itself is unchanged (no edit).
    expect((await core.call(session, 'services.list', { residentId })).find((v) => v.id === ref.id)).toEqual(ref);
  });
});

describe('corrections', () => {
  it('are new entries pointing at the one they correct, in a chain; the corrected one is superseded', async () => {
    const { core, session, residentId } = await withResident();
    const first = await core.call(session, 'services.record', visit(residentId, { date: '2026-11-20' }));
    const { residentId: _r, ...fields } = visit(residentId, { date: '2026-11-19', content: '入户走访（日期更正）' });
    const second = await core.call(session, 'services.correct', { entry: 'service', corrects: first.id, ...fields });
    expect(second).toMatchObject({ corrects: first.id, correctsDate: '2026-11-20', date: '2026-11-19', correctedBy: null });
    // The first stays as it was, marked superseded.
    const list = await core.call(session, 'services.list', { residentId });
    expect(list.find((v) => v.id === first.id)).toMatchObject({ ...first, correctedBy: second.id });
    // Once: the next correction corrects the latest.
    expect(await refusal(core.call(session, 'services.correct', { entry: 'service', corrects: first.id, ...fields }))).toMatchObject({ field: 'corrects', messageKey: 'errors.services.alreadyCorrected' });
    const third = await core.call(session, 'services.correct', { entry: 'service', corrects: second.id, ...fields, content: '入户走访' });
    expect(third.corrects).toBe(second.id);
    // A correction keeps the rules: not in the future.
    expect(await refusal(core.call(session, 'services.correct', { entry: 'service', corrects: third.id, ...fields, date: '2026-11-23' }))).toMatchObject({ field: 'date', messageKey: 'errors.services.dateFuture' });
    // A result is corrected by a result, not by a service.
    const ref = await core.call(session, 'services.record', referral(residentId));
    const result = await core.call(session, 'services.result', { referralId: ref.id, date: TODAY, result: 'notHired', note: '' });
    expect(await refusal(core.call(session, 'services.correct', { entry: 'service', corrects: result.id, ...fields }))).toMatchObject({ field: 'corrects', messageKey: 'errors.services.noSuchEntry' });
    const fixed = await core.call(session, 'services.correct', { entry: 'result', corrects: result.id, date: TODAY, result: 'hired', note: '已录用' });
    expect(fixed).toMatchObject({ entry: 'result', refersTo: ref.id, result: 'hired', corrects: result.id });
    expect(await count(core, session, residentId)).toBe(6);

    const timeline = await core.call(session, 'services.timeline', { residentId });
    const services = timeline.filter((e): e is Extract<TimelineEntry, { type: 'service' }> => e.type === 'service').map((e) => e.service);
    expect(services.filter((s) => s.correctedBy !== null).map((s) => s.id).sort()).toEqual([first.id, second.id].sort());
    const referralItem = services.find((s) => s.id === ref.id)!;
    expect(referralItem.results.map((r) => [r.result, r.correctedBy === null])).toEqual([['notHired', false], ['hired', true]]);
    expect(referralItem.awaitingResult).toBe(false);
  });

  it('of a service for a closed registration keep their kind', async () => {
    const { core, session, residentId } = await withResident();
    const first = await core.call(session, 'services.record', visit(residentId));
    const view = await core.call(session, 'residents.get', { id: residentId });
    await core.call(session, 'residents.close', { id: residentId, rev: view!.rev, reason: 'employed', date: TODAY, note: '' });
    const { residentId: _r, ...fields } = visit(residentId);
    expect(await core.call(session, 'services.correct', { entry: 'service', corrects: first.id, ...fields, content: '更正内容' })).toMatchObject({ kind: 'careerGuidance' });
  });
});

describe('append-only', () => {
  it('the core never rewrites a service record', async () => {
    const { core, session, residentId } = await withResident();
    const saved = await core.call(session, 'services.record', visit(residentId));
    const ctx = (core as unknown as { ctx: CoreContext }).ctx;
    const doc = await core.db.get(saved.id);
    await expect(ctx.write({ ...doc, content: '改写' })).rejects.toThrow(/never rewritten/);
    expect(await core.db.get(saved.id)).toEqual(doc);
  });

  it('a county account may read but not record', async () => {
    const { core, session, residentId } = await withResident();
    await core.call(session, 'users.create', { loginName: 'county-li', displayName: '李科长', role: 'county', password: 'secret-456' });
    const county: Session = { user: null };
    await core.call(county, 'auth.login', { loginName: 'county-li', password: 'secret-456' });
    expect(await refusal(core.call(county, 'services.record', visit(residentId)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.call(county, 'services.timeline', { residentId })).toHaveLength(1);
  });
});

describe("the resident's timeline", () => {
  it('orders registration, services with their results, post assignments and trainings newest first', async () => {
    // 46 years old: eligible for a rural post. The clock stands in the morning class of 2026-11-22.
    const { core, session, residentId, at } = await withResident('19800101', '2026-11-22T08:40:00+08:00');
    await core.call(session, 'posts.save', cleaningPost('XC-001', 2026));
    const course = await core.call(session, 'training.save', {
      course: { occupation: '养老护理员', level: 'level5' }, provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' }, teachers: ['李老师'], place: '社区活动中心',
      startDate: '2026-11-22', endDate: '2026-11-23', plannedTrainees: 30,
      timetable: [{ date: '2026-11-22', half: 'am', start: '08:30', end: '10:30', classHours: 2 }, { date: '2026-11-23', half: 'am', start: '08:30', end: '10:30', classHours: 2 }],
    });
    await core.call(session, 'training.enrol', { sessionId: course.id, residentId });
    at('2026-11-22T08:45:00+08:00');
    await core.call(session, 'training.signIn', { sessionId: course.id, date: '2026-11-22', half: 'am', method: 'list', residentId });
    at('2026-11-22T10:00:00+08:00');
    const postId = (await core.call(session, 'posts.list', {}))[0]!.id;
    const held = await core.call(session, 'posts.assign', { postId, residentId, startDate: '2026-11-22', endDate: '2026-12-31', contractNo: 'HT-1' });
    const ref = await core.call(session, 'services.record', referral(residentId, { date: '2026-11-21' }));
    await core.call(session, 'services.result', { referralId: ref.id, date: '2026-11-22', result: 'refusedWithoutReason', note: '' });
    at('2026-11-22T11:00:00+08:00');
    await core.call(session, 'services.record', visit(residentId, { date: '2026-11-21', kind: 'policyConsultation', channel: 'wechat' }));

    const timeline = await core.call(session, 'services.timeline', { residentId });
    expect(timeline.map((e) => `${e.date} ${e.type}`)).toEqual([
      '2026-11-22 assignment',
      '2026-11-22 employment',
      '2026-11-22 signIns',
      '2026-11-22 enrolment',
      '2026-11-21 service',
      '2026-11-21 service',
      '2026-11-20 registered',
    ]);
    const [assignment, status, signIns, enrolment, later, referralEntry, registered] = timeline;
    // The assignment's employment status entry (公益性岗位 for its period) is on the timeline too.
    expect(status).toMatchObject({ type: 'employment', status: 'publicWelfare', endDate: '2026-12-31', corrected: false });
    expect(signIns).toMatchObject({ type: 'signIns', halfDays: 1, from: '2026-11-22', to: '2026-11-22', session: { occupation: '养老护理员', level: 'level5' } });
    expect(enrolment).toMatchObject({ type: 'enrolment', by: 'wangli', session: { occupation: '养老护理员' } });
    expect(assignment).toMatchObject({ type: 'assignment', post: '解放桥社区保洁', from: '2026-11-22', to: '2026-12-31', endReason: null, by: 'wangli' });
    expect(later).toMatchObject({ type: 'service', service: { kind: 'policyConsultation' } });
    expect(referralEntry).toMatchObject({ type: 'service', service: { id: ref.id, awaitingResult: false, results: [{ result: 'refusedWithoutReason' }] } });
    expect(registered).toMatchObject({ type: 'registered', kind: 'jobSeeking', by: 'wangli' });
    // The result is folded into its referral, not an entry of its own.
    expect(timeline.filter((e) => e.type === 'service')).toHaveLength(2);
    // Ended early, the assignment shows its real end and why, not the agreed end.
    await core.call(session, 'posts.endAssignment', { assignmentId: held.id, date: '2026-11-22', reason: 'ownRequest' });
    const ended = (await core.call(session, 'services.timeline', { residentId })).find((e) => e.type === 'assignment');
    expect(ended).toMatchObject({ from: '2026-11-22', to: '2026-11-22', endReason: 'ownRequest' });
  });

  it("reads only the resident's own sign-ins of a session, never every trainee's", async () => {
    const { core, session, residentId, at } = await withResident('19800101', '2026-11-22T08:40:00+08:00');
    const course = await core.call(session, 'training.save', {
      course: { occupation: '养老护理员', level: 'level5' }, provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' }, teachers: ['李老师'], place: '社区活动中心',
      startDate: '2026-11-22', endDate: '2026-11-23', plannedTrainees: 30,
      timetable: [{ date: '2026-11-22', half: 'am', start: '08:30', end: '10:30', classHours: 2 }, { date: '2026-11-23', half: 'am', start: '08:30', end: '10:30', classHours: 2 }],
    });
    const others = [];
    for (const seq of ['113', '115', '117', '119', '131']) others.push((await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850303', seq) }))).id);
    at('2026-11-22T08:45:00+08:00');
    for (const id of [residentId, ...others]) {
      await core.call(session, 'training.enrol', { sessionId: course.id, residentId: id });
      await core.call(session, 'training.signIn', { sessionId: course.id, date: '2026-11-22', half: 'am', method: 'list', residentId: id });
    }
    // The statistics' tally reads every sign-in once in the background after the start (and only
    // the changes afterwards): that first read is let finish, so what is counted is the timeline's.
    await vi.waitFor(() => expect(followedTally(core.db)?.seq).toBeGreaterThanOrEqual(0), { timeout: 10_000 });
    // Every sign-in document the timeline reads with its body.
    const read: string[] = [];
    const allDocs = core.db.allDocs.bind(core.db);
    core.db.allDocs = (async (options: Parameters<typeof allDocs>[0]) => {
      const result = await allDocs(options);
      if (options?.include_docs) for (const row of result.rows) if ('doc' in row && row.doc && row.id.startsWith('signIn:')) read.push(row.id);
      return result;
    }) as typeof core.db.allDocs;
    const timeline = await core.call(session, 'services.timeline', { residentId });
    expect(timeline.find((e) => e.type === 'signIns')).toMatchObject({ halfDays: 1, from: '2026-11-22', to: '2026-11-22', lastHalf: 'am' });
    expect(read).toHaveLength(1);
    expect(read[0]).toMatch(new RegExp(`:${residentId.slice('resident:'.length)}$`));
  });

  it('shows closures and reopenings from the resident’s record', async () => {
    const { core, session, residentId, at } = await withResident();
    let view = await core.call(session, 'residents.get', { id: residentId });
    await core.call(session, 'residents.close', { id: residentId, rev: view!.rev, reason: 'movedAway', date: '2026-11-21', note: '' });
    at('2026-11-22T12:00:00+08:00');
    view = await core.call(session, 'residents.get', { id: residentId });
    await core.call(session, 'residents.reopen', { id: residentId, rev: view!.rev, reason: '误操作' });
    const timeline = await core.call(session, 'services.timeline', { residentId });
    expect(timeline.map((e) => e.type)).toEqual(['reopened', 'closed', 'registered']);
    expect(timeline[0]).toMatchObject({ type: 'reopened', reason: '误操作', closeReason: 'movedAway', closeDate: '2026-11-21' });
  });
});
