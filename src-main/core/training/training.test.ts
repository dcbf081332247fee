import { afterEach, describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import type { Core, Session } from '../core';
import { placeOfId } from '../../../shared/documents/registry';
import { idNumber, openStation, registration, tempDir, refusal, VILLAGE } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** The clock can be moved: sign-in times are compared with the timetable. */
async function station(start = '2026-11-22T08:00:00+08:00') {
  let now = new Date(start);
  const s = await openStation(tempDir(), () => now);
  open.push(s.core);
  return { ...s, at: (iso: string) => (now = new Date(iso)) };
}


function session(overrides: Partial<ArgsOf<'training.save'>> = {}): ArgsOf<'training.save'> {
  return {
    course: { occupation: '养老护理员', level: 'level5' },
    provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' },
    teachers: ['李老师'],
    place: '解放桥社区活动中心',
    startDate: '2026-11-20',
    endDate: '2026-11-22',
    // Five half-days of 2 class hours: 10 hours.
    timetable: [
      { date: '2026-11-20', half: 'am', start: '08:30', end: '10:30', classHours: 2 },
      { date: '2026-11-20', half: 'pm', start: '14:00', end: '16:00', classHours: 2 },
      { date: '2026-11-21', half: 'am', start: '08:30', end: '10:30', classHours: 2 },
      { date: '2026-11-21', half: 'pm', start: '14:00', end: '16:00', classHours: 2 },
      { date: '2026-11-22', half: 'am', start: '08:30', end: '10:30', classHours: 2 },
    ],
    plannedTrainees: 30,
    ...overrides,
  };
}

async function trainee(core: Core, s: Session, birth: string, seq: string) {
  return (await core.call(s, 'residents.register', registration({ idNumber: idNumber(birth, seq), name: '学员甲' }))).id;
}

describe('training sessions', () => {
  it('validates the provider credit code and the timetable', async () => {
    const { core, session: s } = await station();
    expect(await refusal(core.call(s, 'training.save', session({ provider: { name: 'x', creditCode: '91350100M000100Y44' } })))).toMatchObject({ field: 'provider.creditCode', messageKey: 'errors.creditCode' });
    const outside = session({ timetable: [{ date: '2026-11-25', half: 'am', start: '08:30', end: '10:30', classHours: 2 }] });
    expect(await refusal(core.call(s, 'training.save', outside))).toMatchObject({ field: 'timetable.0.date', messageKey: 'errors.training.slotOutsideDates' });
    const saved = await core.call(s, 'training.save', session());
    expect(saved).toMatchObject({ totalClassHours: 10, enrolled: 0 });
    expect(saved.id).toMatch(/^training:370102001002:[a-z2-7]{16}$/);
    expect(placeOfId(saved.id)).toBe(VILLAGE);
  });

  it('enrols by resident, by ID number, and registers an unknown person on the way', async () => {
    const { core, session: s } = await station();
    const { id } = await core.call(s, 'training.save', session());
    const known = await trainee(core, s, '19900101', '111');
    await core.call(s, 'training.enrol', { sessionId: id, residentId: known });
    expect(await refusal(core.call(s, 'training.enrol', { sessionId: id, idNumber: idNumber('19900101', '111') }))).toMatchObject({ field: 'idNumber', messageKey: 'errors.training.alreadyEnrolled' });
    expect(await refusal(core.call(s, 'training.enrol', { sessionId: id, idNumber: idNumber('19910101', '222') }))).toMatchObject({ field: 'idNumber', messageKey: 'errors.training.unknownPerson' });
    const badNew = await refusal(core.call(s, 'training.enrol', { sessionId: id, register: registration({ idNumber: idNumber('19910101', '222'), phone: '123' }) }));
    expect(badNew).toMatchObject({ code: 'VALIDATION', field: 'register.phone', messageKey: 'errors.phone' });
    const created = await core.call(s, 'training.enrol', { sessionId: id, register: registration({ idNumber: idNumber('19910101', '222'), name: '新学员' }) });
    expect(created).toMatchObject({ name: '新学员' });
    expect((await core.call(s, 'training.get', { sessionId: id }))!.trainees.map((t) => t.name).sort()).toEqual(['学员甲', '新学员'].sort());
  });

  it('limits subsidised trainings to three a year and never the same occupation and level twice', async () => {
    const { core, session: s } = await station();
    const person = await trainee(core, s, '19900101', '111');
    const ids: string[] = [];
    for (const occupation of ['养老护理员', '电工', '中式面点师', '育婴员']) {
      ids.push((await core.call(s, 'training.save', session({ course: { occupation, level: 'level5' } }))).id);
    }
    for (const id of ids.slice(0, 3)) await core.call(s, 'training.enrol', { sessionId: id, residentId: person });
    const fourth = await refusal(core.call(s, 'training.enrol', { sessionId: ids[3]!, residentId: person }));
    expect(fourth).toMatchObject({ code: 'NOT_ELIGIBLE', messageKey: 'errors.training.yearlyLimit', params: { year: '2026', count: 3, limit: 3 } });
    const other = await trainee(core, s, '19920202', '222');
    const next = await core.call(s, 'training.save', session({ startDate: '2027-01-04', endDate: '2027-01-04', timetable: [{ date: '2027-01-04', half: 'am', start: '08:30', end: '10:30', classHours: 2 }] }));
    await core.call(s, 'training.enrol', { sessionId: ids[0]!, residentId: other });
    const twice = await refusal(core.call(s, 'training.enrol', { sessionId: next.id, residentId: other }));
    expect(twice).toMatchObject({ code: 'NOT_ELIGIBLE', messageKey: 'errors.training.sameCourseTwice' });
  });
});

describe('sign-ins', () => {
  it('records who, how, where and when, once per person and half-day, and derives lateness', async () => {
    const { core, session: s, at } = await station('2026-11-22T08:41:00+08:00');
    const { id } = await core.call(s, 'training.save', session());
    await core.call(s, 'training.enrol', { sessionId: id, residentId: await trainee(core, s, '19900101', '111') });
    const args = { sessionId: id, date: '2026-11-22', half: 'am', method: 'idCard', idNumber: idNumber('19900101', '111') } as const;
    const first = await core.call(s, 'training.signIn', args);
    expect(first).toMatchObject({ name: '学员甲', direction: 'in', already: false, lateMinutes: 11 });
    at('2026-11-22T08:45:00+08:00');
    const again = await core.call(s, 'training.signIn', { ...args, method: 'typedId' });
    expect(again).toMatchObject({ already: true, at: first.at });
    const docs = await core.db.allDocs<{ in: { method: string; by: string; machine: string } }>({ startkey: 'signIn:', endkey: 'signIn:\ufff0', include_docs: true });
    expect(docs.rows).toHaveLength(1);
    expect(docs.rows[0]!.doc!.in).toMatchObject({ method: 'idCard', by: 'wangli', machine: expect.stringMatching(/\([a-z2-7]{8}\)$/) });
    at('2026-11-22T10:00:00+08:00');
    const out = await core.call(s, 'training.signIn', { ...args, direction: 'out' });
    expect(out).toMatchObject({ direction: 'out', earlyLeaveMinutes: 30 });
    const records = await core.call(s, 'training.signIns', { sessionId: id, date: '2026-11-22', half: 'am' });
    expect(records).toEqual([expect.objectContaining({ name: '学员甲', lateMinutes: 11, earlyLeaveMinutes: 30 })]);
  });

  it('refuses people not enrolled, unknown numbers, missing slots and a sign-out before a sign-in', async () => {
    const { core, session: s } = await station();
    const { id } = await core.call(s, 'training.save', session());
    await trainee(core, s, '19900101', '111');
    const base = { sessionId: id, date: '2026-11-22', half: 'am', method: 'typedId' } as const;
    expect(await refusal(core.call(s, 'training.signIn', { ...base, idNumber: idNumber('19900101', '111') }))).toMatchObject({ field: 'idNumber', messageKey: 'errors.training.notEnrolled', params: { name: '学员甲' } });
    expect(await refusal(core.call(s, 'training.signIn', { ...base, idNumber: idNumber('19950505', '333') }))).toMatchObject({ field: 'idNumber', messageKey: 'errors.training.unknownPerson' });
    expect(await refusal(core.call(s, 'training.signIn', { ...base, idNumber: '110105194912310021' }))).toMatchObject({ field: 'idNumber', messageKey: 'errors.idNumber.checksum' });
    expect(await refusal(core.call(s, 'training.signIn', { ...base, half: 'pm', idNumber: idNumber('19900101', '111') }))).toMatchObject({ field: 'half', messageKey: 'errors.training.noSuchSlot' });
    await core.call(s, 'training.enrol', { sessionId: id, idNumber: idNumber('19900101', '111') });
    expect(await refusal(core.call(s, 'training.signIn', { ...base, direction: 'out', idNumber: idNumber('19900101', '111') }))).toMatchObject({ messageKey: 'errors.training.signOutWithoutIn' });
    expect((await core.db.allDocs({ startkey: 'signIn:', endkey: 'signIn:\ufff0' })).rows).toHaveLength(0);
  });

  it('makes exactly 80 % of class hours eligible and less not', async () => {
    const { core, session: s, at } = await station('2026-11-20T08:00:00+08:00');
    const sessionView = await core.call(s, 'training.save', session());
    const four = await trainee(core, s, '19900101', '111');
    const three = await trainee(core, s, '19920202', '222');
    for (const residentId of [four, three]) await core.call(s, 'training.enrol', { sessionId: sessionView.id, residentId });
    const slots = sessionView.timetable;
    for (const [residentId, count] of [[four, 4], [three, 3]] as const) {
      for (const slot of slots.slice(0, count)) {
        at(`${slot.date}T${slot.start}:00+08:00`);
        await core.call(s, 'training.signIn', { sessionId: sessionView.id, date: slot.date, half: slot.half, method: 'list', residentId });
      }
    }
    at('2026-11-20T08:00:00+08:00');
    const past = await refusal(core.call(s, 'training.signIn', { sessionId: sessionView.id, date: '2026-11-21', half: 'am', method: 'list', residentId: three }));
    expect(past).toMatchObject({ field: 'date', messageKey: 'errors.training.slotInFuture' });
    at('2026-11-22T08:00:00+08:00');
    const late = await refusal(core.call(s, 'training.signIn', { sessionId: sessionView.id, date: '2026-11-21', half: 'pm', method: 'list', residentId: three }));
    expect(late).toMatchObject({ field: 'date', messageKey: 'errors.training.slotPast' });
    const rates = await core.call(s, 'training.attendance', { sessionId: sessionView.id });
    expect(rates).toMatchObject({ totalClassHours: 10, threshold: 0.8, thresholdIsDefault: true, eligibleCount: 1, sessionRate: 0.7 });
    const byId = Object.fromEntries(rates.trainees.map((t) => [t.residentId, t]));
    expect(byId[four]).toMatchObject({ attendedHours: 8, rate: 0.8, eligible: true, lateCount: 0 });
    expect(byId[three]).toMatchObject({ attendedHours: 6, rate: 0.6, eligible: false });
  });

  it('is designed not to conflict: the same person and half-day always map to one document id', async () => {
    const { core, session: s } = await station();
    const { id } = await core.call(s, 'training.save', session());
    await core.call(s, 'training.enrol', { sessionId: id, register: registration({ idNumber: idNumber('19900101', '111') }) });
    const args = { sessionId: id, date: '2026-11-22', half: 'am', method: 'typedId', idNumber: idNumber('19900101', '111') } as const;
    // Two windows at once: one writes, the other finds it written.
    const [a, b] = await Promise.all([core.call(s, 'training.signIn', args), core.call(s, 'training.signIn', args)]);
    expect([a.already, b.already].sort()).toEqual([false, true]);
    expect((await core.db.allDocs({ startkey: 'signIn:', endkey: 'signIn:\ufff0' })).rows).toHaveLength(1);
  });
});
