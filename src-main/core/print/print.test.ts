import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/id/mask';
import type { Core, Session } from '../core';
import type { AuditDoc } from '../store/docs';
import { idNumber, registration, refusal, VILLAGE, clockedStations, CLEANING_POST, villagePost } from '../testing/fixtures';

const station = clockedStations();

async function audits(core: Core): Promise<AuditDoc[]> {
  const rows = await core.db.allDocs<AuditDoc>({ startkey: 'audit:', endkey: 'audit:\uffff', include_docs: true });
  return rows.rows.map((r) => r.doc!).filter((d) => d.action === 'print');
}

const POST = CLEANING_POST;

describe('printed forms: registration and 认定申请', () => {
  it('fills the registration with the full ID number, the station and its place, and logs the print', async () => {
    const { core, session } = await station();
    const id = idNumber('19900520', '135');
    const { id: rid } = await core.call(session, 'residents.register', registration({ idNumber: id, name: '欧阳娜娜', registration: { kind: 'unemployment', date: '2026-11-20', unemploymentType: 'lostJob', unemployedSince: '2026-10-01' } }));
    const form = await core.call(session, 'print.registration', { id: rid });
    expect(form.title).toBe('unemployment');
    expect(form.resident).toMatchObject({ name: '欧阳娜娜', idNumber: id, phone: '13812345678', sex: 'male', age: 36 });
    expect(form.station).toMatchObject({ placeCode: VILLAGE, clerk: '王丽', printedOn: '2026-11-22' });
    expect(form.station.placePath).toEqual(['山东省', '济南市', '历下区', '解放路街道', '解放桥社区居民委员会']);
    const logged = await audits(core);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ targetId: rid, field: 'registration', createdBy: 'wangli' });
    // The audit names the form, never the number.
    expect(JSON.stringify(logged[0])).not.toContain(id);
  });

  it('fills the 认定申请表 with family members and categories, and refuses it for a job seeker on the id field', async () => {
    const { core, session } = await station();
    const { id: hardship } = await core.call(
      session,
      'residents.register',
      registration({
        idNumber: idNumber('19740101', '246'),
        name: '李桂兰',
        registration: {
          kind: 'hardship',
          date: '2026-11-18',
          hardshipCategories: ['olderUnemployed', 'zeroEmploymentFamily'],
          familyMembers: [{ name: '李建国', relation: '配偶', workStatus: '务农' }],
          reason: '家庭无人就业',
        },
      }),
    );
    const form = await core.call(session, 'print.hardshipApplication', { id: hardship });
    expect(form.registration.hardshipCategories).toEqual(['olderUnemployed', 'zeroEmploymentFamily']);
    expect(form.familyMembers).toEqual([{ name: '李建国', relation: '配偶', workStatus: '务农' }]);
    expect(form.resident.idNumber).toBe(idNumber('19740101', '246'));

    const { id: seeker } = await core.call(session, 'residents.register', registration());
    expect(await refusal(core.call(session, 'print.hardshipApplication', { id: seeker }))).toMatchObject({ field: 'id', messageKey: 'errors.print.notHardship' });
    expect(await refusal(core.call(session, 'print.registration', { id: 'resident:nope' }))).toMatchObject({ field: 'id', messageKey: 'errors.id' });
    expect((await audits(core)).map((a) => a.field)).toEqual(['hardshipApplication']);
  });
});

describe('printed forms: the 公示', () => {
  it('lists active hardship applicants of the period with no ID number, address or phone of theirs', async () => {
    const { core, session } = await station();
    const reg = (date: string, name: string, seq: string, categories: ['disabled'] | ['longTermUnemployed']) =>
      core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', seq), name, address: '秘密路 1 号', registration: { kind: 'hardship', date, hardshipCategories: categories } }));
    await reg('2026-11-02', '赵甲', '111', ['disabled']);
    await reg('2026-11-10', '钱乙', '222', ['longTermUnemployed']);
    await reg('2026-10-30', '孙丙', '333', ['disabled']); // before the period
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', '444'), name: '李丁', registration: { kind: 'jobSeeking', date: '2026-11-05' } }));
    const args = { from: '2026-11-01', to: '2026-11-20', noticeFrom: '2026-11-23', noticeTo: '2026-11-27', phone: '0531-86001234' };
    const form = await core.call(session, 'print.hardshipNotice', args);
    expect(form.applicants.map((a) => a.name)).toEqual(['赵甲', '钱乙']);
    expect(form.applicants[1]).toEqual({ name: '钱乙', sex: 'female', age: 46, categories: ['longTermUnemployed'], appliedOn: '2026-11-10' });
    const text = JSON.stringify(form);
    expect(text).not.toContain('秘密路');
    expect(text).not.toContain(idNumber('19800101', '111'));
    expect(text).not.toContain('13812345678');
    expect(await refusal(core.call(session, 'print.hardshipNotice', { ...args, to: '2026-10-01' }))).toMatchObject({ field: 'to', messageKey: 'errors.endBeforeStart' });
    expect(await refusal(core.call(session, 'print.hardshipNotice', { ...args, phone: '12345' }))).toMatchObject({ field: 'phone', messageKey: 'errors.print.phone' });
    expect((await audits(core)).map((a) => a.reason)).toEqual(['applicants:2']);
  });
});

describe('printed forms: the month attendance sheet', () => {
  it('gives every holder marks by day, masked ID numbers, hours and pay, and totals in whole fen', async () => {
    const { core, session } = await station();
    await core.call(session, 'posts.save', POST);
    const ids: string[] = [];
    for (const [i, seq] of ['111', '222', '333'].entries()) {
      const { id } = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19700101', seq), name: ['王大山', '赵小梅', '欧阳建华'][i]! }));
      ids.push(id);
      // The third holder starts on the 16th: the first half of the month is outside the assignment.
      await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: id, startDate: i === 2 ? '2026-10-16' : '2026-01-01', endDate: '2026-12-31', contractNo: `HT-${i}` });
    }
    const marks = [
      ...[1, 2, 3].map((d) => ({ residentId: ids[0]!, date: `2026-10-0${d}`, mark: 'present' as const, hours: 3.5 })),
      { residentId: ids[1]!, date: '2026-10-01', mark: 'present' as const, hours: 2 },
      { residentId: ids[1]!, date: '2026-10-02', mark: 'sickLeave' as const },
      { residentId: ids[1]!, date: '2026-10-05', mark: 'absent' as const },
      { residentId: ids[2]!, date: '2026-10-20', mark: 'present' as const, hours: 1 },
    ];
    await core.call(session, 'attendance.set', { postId: villagePost('XC-001'), marks });
    const form = await core.call(session, 'print.attendance', { postId: villagePost('XC-001'), month: '2026-10' });
    const summary = await core.call(session, 'attendance.summary', { postId: villagePost('XC-001'), month: '2026-10' });
    expect(form.days).toHaveLength(31);
    expect(form.holders.map((h) => h.name)).toEqual(['王大山', '赵小梅', '欧阳建华']);
    const [a, b, c] = form.holders;
    expect(a!.marks.slice(0, 4)).toEqual(['present', 'present', 'present', null]);
    expect(b!.marks.slice(0, 5)).toEqual(['present', 'sickLeave', null, null, 'absent']);
    expect(c!.marks[14]).toBe('outside');
    expect(c!.marks[19]).toBe('present');
    expect(a).toMatchObject({ presentDays: 3, hours: 10.5, idNumberMasked: maskIdNumber(idNumber('19700101', '111')) });
    expect(b).toMatchObject({ presentDays: 1, leaveDays: 1, absentDays: 1, hours: 2 });
    for (const h of form.holders) expect(h.payDue).toBe(summary.holders.find((s) => s.residentId === h.residentId)!.payDue);
    expect(form.totals.hours).toBe(13.5);
    expect(form.totals.payDue).toBe(Math.round(summary.holders.reduce((s, h) => s + h.payDue * 100, 0)) / 100);
    expect(JSON.stringify(form)).not.toContain(idNumber('19700101', '111'));
    expect(await audits(core)).toMatchObject([{ field: 'attendance', targetId: `${villagePost('XC-001')}:2026-10`, reason: 'idNumber:masked' }]);
    expect(await refusal(core.call(session, 'print.attendance', { postId: villagePost('XC-001'), month: '2026-13' }))).toMatchObject({ field: 'month', messageKey: 'errors.month' });
    expect(await refusal(core.call(session, 'print.attendance', { postId: villagePost('NOPE'), month: '2026-10' }))).toMatchObject({ code: 'NOT_FOUND', field: 'postId' });
  });
});

describe('printed forms: training sign-in sheet and summary', () => {
  it('lists every enrolled trainee for the half-day with masked ID numbers and times, and the summary with rates', async () => {
    const { core, session: s, at } = await station('2026-11-20T08:00:00+08:00');
    const saved = await core.call(s, 'training.save', {
      course: { occupation: '养老护理员', level: 'level5' },
      provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' },
      teachers: ['李老师'],
      place: '解放桥社区活动中心',
      startDate: '2026-11-20',
      endDate: '2026-11-20',
      timetable: [
        { date: '2026-11-20', half: 'am', start: '08:30', end: '10:30', classHours: 2 },
        { date: '2026-11-20', half: 'pm', start: '14:00', end: '16:00', classHours: 2 },
      ],
      plannedTrainees: 30,
    });
    const people = [idNumber('19900101', '111'), idNumber('19910101', '222')];
    for (const [i, n] of people.entries()) {
      // The sheet lists trainees in enrolment order.
      at(`2026-11-20T08:0${i}:00+08:00`);
      await core.call(s, 'residents.register', registration({ idNumber: n, name: i ? '钱二' : '赵一' }));
      await core.call(s, 'training.enrol', { sessionId: saved.id, idNumber: n });
    }
    at('2026-11-20T08:25:00+08:00');
    await core.call(s, 'training.signIn', { sessionId: saved.id, date: '2026-11-20', half: 'am', method: 'typedId', idNumber: people[0] });
    at('2026-11-20T10:31:00+08:00');
    await core.call(s, 'training.signIn', { sessionId: saved.id, date: '2026-11-20', half: 'am', direction: 'out', method: 'typedId', idNumber: people[0] });

    const sheet = await core.call(s, 'print.signInSheet', { sessionId: saved.id, date: '2026-11-20', half: 'am' });
    expect(sheet.rows).toEqual([
      { name: '赵一', sex: 'male', idNumberMasked: maskIdNumber(people[0]!), timeIn: '08:25', timeOut: '10:31' },
      { name: '钱二', sex: 'female', idNumberMasked: maskIdNumber(people[1]!), timeIn: null, timeOut: null },
    ]);
    expect(sheet.signedIn).toBe(1);
    expect(sheet.slot).toMatchObject({ start: '08:30', end: '10:30' });
    expect(JSON.stringify(sheet)).not.toContain(people[0]);

    const summary = await core.call(s, 'print.trainingSummary', { sessionId: saved.id });
    expect(summary.rows.map((r) => [r.name, r.attendedHours, r.rate])).toEqual([['赵一', 2, 0.5], ['钱二', 0, 0]]);
    expect(summary.session).toMatchObject({ slots: 2, totalClassHours: 4 });
    expect((await audits(core)).map((a) => a.field).sort()).toEqual(['signInSheet', 'trainingSummary']);
    expect(await refusal(core.call(s, 'print.signInSheet', { sessionId: saved.id, date: '2026-11-21', half: 'am' }))).toMatchObject({ field: 'half', messageKey: 'errors.training.noSuchSlot' });
    expect(await refusal(core.call(s, 'print.signInSheet', { sessionId: saved.id, date: '2026-11-20', half: 'evening' }))).toMatchObject({ field: 'half', messageKey: 'errors.option' });
  });

  it('refuses every form to a caller who is not logged in', async () => {
    const { core } = await station();
    const anonymous: Session = { user: null };
    expect(await refusal(core.call(anonymous, 'print.attendance', { postId: villagePost('XC-001'), month: '2026-10' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
