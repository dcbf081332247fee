// An ID number as a clerk types or pastes it (full-width digits from a Chinese input method,
// spaces or dashes from a document) reaches the core unnormalised when the renderer is bypassed:
// the core normalises it before any check, stores the ASCII number and finds the person by it.
import { afterEach, describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import type { Core } from '../core';
import { idNumber, openStation, refusal, registration, tempDir } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function station(start = '2026-11-22T08:00:00+08:00') {
  const now = new Date(start);
  const s = await openStation(tempDir(), () => now);
  open.push(s.core);
  return s;
}

/** Full-width digits and X, as a Chinese input method in full-width mode types them. */
const fullWidth = (id: string) => id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** 370102 1990 0520 123X: the groups a document prints. */
const spaced = (id: string) => `${id.slice(0, 6)} ${id.slice(6, 10)} ${id.slice(10, 14)} ${id.slice(14)}`;

const TRAINING: ArgsOf<'training.save'> = {
  course: { occupation: '养老护理员', level: 'level5' },
  provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' },
  teachers: ['李老师'],
  place: '解放桥社区活动中心',
  startDate: '2026-11-22',
  endDate: '2026-11-22',
  timetable: [{ date: '2026-11-22', half: 'am', start: '08:30', end: '10:30', classHours: 2 }],
  plannedTrainees: 30,
};

describe('ID numbers as typed or pasted', () => {
  it('registers a full-width or spaced/dashed number as the ASCII number, and refuses it again as the same person', async () => {
    const { core, session } = await station();
    const id = idNumber('19900520', '123');
    const view = await core.call(session, 'residents.register', registration({ idNumber: fullWidth(id) }));
    expect(view).toMatchObject({ birthDate: '1990-05-20', sex: 'male' });
    expect((await core.db.get<{ idNumber: string }>(view.id)).idNumber).toBe(id);
    const twice = await refusal(core.call(session, 'residents.register', registration({ idNumber: `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}` })));
    expect(twice).toMatchObject({ field: 'idNumber', code: 'DUPLICATE_RESIDENT', messageKey: 'errors.duplicateResident' });

    const other = idNumber('19850101', '222');
    const second = await core.call(session, 'residents.register', registration({ idNumber: spaced(other).replace(/ /g, '\u3000'), name: '李四' }));
    expect((await core.db.get<{ idNumber: string }>(second.id)).idNumber).toBe(other);
  });

  it('says what is wrong: how many digits were given, which character is not a digit', async () => {
    const { core, session } = await station();
    const short = await refusal(core.call(session, 'residents.register', registration({ idNumber: '370102 1990 0520 12' })));
    expect(short).toMatchObject({ code: 'VALIDATION', field: 'idNumber', messageKey: 'errors.idNumber.length', params: { given: 16 } });
    const letter = await refusal(core.call(session, 'residents.register', registration({ idNumber: '37010219900520l23X' })));
    expect(letter).toMatchObject({ field: 'idNumber', messageKey: 'errors.idNumber.chars', params: { char: 'L' } });
  });

  it('finds a person by a full-width or dashed ID number, or the digits its mask shows (search/idSearch.test.ts)', async () => {
    const { core, session } = await station();
    const id = idNumber('19900520', '123');
    await core.call(session, 'residents.register', registration({ idNumber: id }));
    const byFullWidth = await core.call(session, 'residents.search', { query: fullWidth(id) });
    expect(byFullWidth.items.map((r) => r.name)).toEqual(['张三']);
    const byDashed = await core.call(session, 'residents.search', { query: `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}` });
    expect(byDashed.items.map((r) => r.name)).toEqual(['张三']);
    const byShownDigits = await core.call(session, 'residents.search', { query: fullWidth(id.slice(-4)) });
    expect(byShownDigits.items.map((r) => r.name)).toEqual(['张三']);
  });

  it('enrols and signs in by a spaced or full-width number', async () => {
    const { core, session } = await station('2026-11-22T08:20:00+08:00');
    const id = idNumber('19900520', '123');
    await core.call(session, 'residents.register', registration({ idNumber: id }));
    const { id: sessionId } = await core.call(session, 'training.save', TRAINING);
    expect(await core.call(session, 'training.enrol', { sessionId, idNumber: spaced(id) })).toMatchObject({ name: '张三' });
    const signed = await core.call(session, 'training.signIn', { sessionId, date: '2026-11-22', half: 'am', method: 'typedId', idNumber: spaced(fullWidth(id)) });
    expect(signed).toMatchObject({ name: '张三', already: false });
  });
});
