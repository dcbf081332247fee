import { describe, expect, it } from 'vitest';
import type { Session } from '../core';
import { docId, legacyId, placeOfId } from '../../../shared/documents/registry';
import { openStation, refusal, clockedStations, tempDir, CLEANING_POST, VILLAGE, villagePost } from '../testing/fixtures';
import { person } from './testPeople';

const station = clockedStations();

const POST = CLEANING_POST;

describe('posts', () => {
  it('saves a post, refuses a taken code, a bad credit code and a place outside the station', async () => {
    const { core, session } = await station();
    const post = await core.call(session, 'posts.save', POST);
    expect(post).toMatchObject({ id: villagePost('XC-001'), payPerMonth: 1000, placeName: '解放桥社区居民委员会', currentHolders: 0 });
    expect(await refusal(core.call(session, 'posts.save', POST))).toMatchObject({ field: 'code', messageKey: 'errors.post.codeTaken' });
    expect(await refusal(core.call(session, 'posts.save', { ...POST, code: 'B', employer: { name: 'x', creditCode: '91350100M000100Y44' } }))).toMatchObject({ field: 'employer.creditCode', messageKey: 'errors.creditCode' });
    expect(await refusal(core.call(session, 'posts.save', { ...POST, code: 'C', placeCode: '370102001003' }))).toMatchObject({ field: 'placeCode', messageKey: 'errors.post.placeOutside' });
    expect(await refusal(core.call(session, 'posts.save', { ...POST, code: 'D', payPerMonth: 1000.001 }))).toMatchObject({ field: 'payPerMonth', messageKey: 'errors.money.cents' });
    const edited = await core.call(session, 'posts.save', { ...POST, rev: post.rev, name: '保洁（东片）' });
    expect(edited.name).toBe('保洁（东片）');
  });

  it("carries its place in its id, which a township may not move; a post made before ids carried places keeps its id and works", async () => {
    const township = await openStation(tempDir(), undefined, '370102001');
    const saved = await township.core.call(township.session, 'posts.save', POST);
    expect(saved.id).toBe(docId.post(POST.placeCode, POST.code));
    expect(placeOfId(saved.id)).toBe(POST.placeCode);
    const moved = await refusal(township.core.call(township.session, 'posts.save', { ...POST, rev: saved.rev, placeCode: '370102001003' }));
    expect(moved).toMatchObject({ field: 'placeCode', messageKey: 'errors.post.placeFixed' });
    // The code stays one post's at the station, whichever place another post would have.
    expect(await refusal(township.core.call(township.session, 'posts.save', { ...POST, placeCode: '370102001003' }))).toMatchObject({ field: 'code', messageKey: 'errors.post.codeTaken' });
    await township.core.close();

    const { core, session } = await station();
    const legacy = legacyId.post('XC-009');
    const stamp = { schemaVersion: 1, placeCode: VILLAGE, createdBy: 'wangli', createdAt: '2025-01-01T00:00:00.000Z', updatedBy: 'wangli', updatedAt: '2025-01-01T00:00:00.000Z' };
    await core.db.put({ _id: legacy, type: 'post', ...stamp, code: 'XC-009', name: '旧岗位', kind: 'rural', category: 'ruralCleaning', employer: { name: '街道', creditCode: '' }, plannedHoursPerMonth: 40, payPerMonthFen: 100_000, startDate: '2020-01-01', endDate: '2030-12-31' });
    for (let i = 0; i < 100 && !(await core.call(session, 'posts.get', { postId: legacy })); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await refusal(core.call(session, 'posts.save', { ...POST, code: 'XC-009' }))).toMatchObject({ field: 'code', messageKey: 'errors.post.codeTaken' });
    const rev = (await core.call(session, 'posts.get', { postId: legacy }))!.post.rev;
    const edited = await core.call(session, 'posts.save', { ...POST, code: 'XC-009', rev, name: '旧岗位（改）' });
    expect(edited).toMatchObject({ id: legacy, name: '旧岗位（改）' });
    const older = await person(core, session, '19800101', '111');
    await core.call(session, 'posts.assign', { postId: legacy, residentId: older, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-9' });
    await core.call(session, 'attendance.set', { postId: legacy, marks: [{ residentId: older, date: '2026-10-05', mark: 'present', hours: 4 }] });
    const ids = (await core.db.allDocs({ startkey: 'a', endkey: 'b' })).rows.map((r) => r.id).filter((id) => id.startsWith('assignment:') || id.startsWith('attendance:'));
    expect(ids.sort()).toEqual([docId.assignment(legacy, older, '2026-01-01'), docId.attendance(legacy, older, '2026-10-05')].sort());
    expect(ids.map(placeOfId)).toEqual([null, null]);
    expect((await core.call(session, 'attendance.month', { postId: legacy, month: '2026-10' })).holders).toHaveLength(1);
  });
});

describe('assigning a resident to a post', () => {
  it('accepts a rural 大龄 person and refuses a younger one outside the target groups, on its field', async () => {
    const { core, session } = await station();
    await core.call(session, 'posts.save', POST);
    const older = await person(core, session, '19800101', '111'); // 46
    const younger = await person(core, session, '19960101', '222'); // 30
    const ok = await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: older, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-1' });
    expect(ok).toMatchObject({ residentId: older, age: 46, override: null });
    const no = await refusal(core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: younger, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-2' }));
    expect(no).toMatchObject({ code: 'NOT_ELIGIBLE', field: 'residentId', messageKey: 'errors.post.group' });
    expect((await core.call(session, 'posts.get', { postId: villagePost('XC-001') }))!.holders).toHaveLength(1);
  });

  it('qualifies 脱贫 and 残疾 people of any working age for rural posts', async () => {
    const { core, session } = await station();
    await core.call(session, 'posts.save', POST);
    const poor = await person(core, session, '19960101', '333', ['povertyAlleviated']);
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: poor, startDate: '2026-01-01', endDate: '2026-06-30', contractNo: 'HT-3' });
  });

  it('takes the rural age band at the start date: 65 is in, 66 is out', async () => {
    const { core, session } = await station();
    await core.call(session, 'posts.save', POST);
    const born = await person(core, session, '19600601', '444');
    // 65 on 2025-06-01, 66 on 2026-06-01.
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: born, startDate: '2026-05-31', endDate: '2026-05-31', contractNo: 'A' });
    const late = await refusal(core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: born, startDate: '2026-06-01', endDate: '2026-06-30', contractNo: 'B' }));
    expect(late.issues?.map((i) => i.messageKey)).toContain('errors.post.age');
  });

  it('refuses an urban post from the day statutory retirement age is reached, in the month it steps up', async () => {
    // Registered on 2025-05-01, while both were still of working age.
    const { core, session } = await station('2025-05-01T10:00:00+08:00');
    await core.call(session, 'posts.save', { ...POST, code: 'CZ-1', kind: 'urban', category: 'epidemicPrevention' });
    // Born 1965-04: retires at 60 years 1 month (2025-05-10). Born 1965-05: 60 years 2 months (2025-07-10).
    const april = await person(core, session, '19650410', '111', ['zeroEmploymentFamily'], '2025-05-01');
    const may = await person(core, session, '19650510', '113', ['zeroEmploymentFamily'], '2025-05-01');
    const args = { postId: villagePost('CZ-1'), startDate: '2025-07-09', endDate: '2025-12-31', contractNo: 'C' };
    await core.call(session, 'posts.assign', { ...args, residentId: may });
    const refused = await refusal(core.call(session, 'posts.assign', { ...args, residentId: april }));
    expect(refused.issues).toEqual([expect.objectContaining({ messageKey: 'errors.post.retirement', params: { retirementDate: '2025-05-10' } })]);
    const onTheDay = await refusal(core.call(session, 'posts.assign', { ...args, residentId: may, startDate: '2026-01-01', endDate: '2026-01-31' }));
    expect(onTheDay.issues?.map((i) => i.messageKey)).toContain('errors.post.retirement');
  });

  it('allows exactly the maximum subsidy (3 years) and refuses one day more, counting earlier posts', async () => {
    const { core, session } = await station();
    await core.call(session, 'posts.save', POST);
    await core.call(session, 'posts.save', { ...POST, code: 'XC-002' });
    const a = await person(core, session, '19700101', '111');
    const b = await person(core, session, '19700202', '222');
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: a, startDate: '2022-01-01', endDate: '2024-12-31', contractNo: '1' });
    const over = await refusal(core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: b, startDate: '2022-01-01', endDate: '2025-01-01', contractNo: '2' }));
    expect(over).toMatchObject({ code: 'NOT_ELIGIBLE', field: 'endDate', messageKey: 'errors.post.maxSubsidy' });
    // Two periods that add up to exactly 36 months are fine; a third day is not.
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: b, startDate: '2022-01-01', endDate: '2023-12-31', contractNo: '3' });
    await core.call(session, 'posts.assign', { postId: villagePost('XC-002'), residentId: b, startDate: '2025-01-01', endDate: '2025-12-31', contractNo: '4' });
    const third = await refusal(core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: b, startDate: '2026-01-01', endDate: '2026-01-01', contractNo: '5' }));
    expect(third.messageKey).toBe('errors.post.maxSubsidy');
  });

  it('refuses someone who already holds a post in the period; an admin override with a reason is recorded', async () => {
    const { core, session } = await station();
    await core.call(session, 'posts.save', POST);
    await core.call(session, 'posts.save', { ...POST, code: 'XC-002' });
    const a = await person(core, session, '19800101', '111');
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: a, startDate: '2026-01-01', endDate: '2026-06-30', contractNo: '1' });
    const args = { postId: villagePost('XC-002'), residentId: a, startDate: '2026-06-30', endDate: '2026-09-30', contractNo: '2' };
    expect(await refusal(core.call(session, 'posts.assign', args))).toMatchObject({ code: 'NOT_ELIGIBLE', field: 'startDate', messageKey: 'errors.post.alreadyHolds' });
    expect(await refusal(core.call(session, 'posts.assign', { ...args, override: { reason: '太短' } }))).toMatchObject({ field: 'override.reason', messageKey: 'errors.override.reasonTooShort' });
    const clerk: Session = { user: { ...session.user!, role: 'clerk' } };
    expect(await refusal(core.call(clerk, 'posts.assign', { ...args, override: { reason: '县人社局批准交叉一天用于交接工作' } }))).toMatchObject({ code: 'FORBIDDEN' });
    const overridden = await core.call(session, 'posts.assign', { ...args, override: { reason: '县人社局批准交叉一天用于交接工作' } });
    expect(overridden.override).toMatchObject({ reason: '县人社局批准交叉一天用于交接工作', by: 'wangli', rules: ['errors.post.alreadyHolds'] });
    const audit = await core.db.allDocs<{ action: string; reason: string }>({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
    expect(audit.rows.map((r) => r.doc)).toEqual([expect.objectContaining({ action: 'override', reason: '县人社局批准交叉一天用于交接工作' })]);
  });
});

describe('post policy parameters', () => {
  it('refuses an age band upside down, and applies an edited band from its date', async () => {
    const { core, session } = await station();
    const values = {
      maxSubsidyMonths: 36,
      rural: { minAge: 70, maxAge: 65, olderFromAge: 45, qualifyingGroups: ['older'] },
      urban: { minAge: 16, qualifyingGroups: ['zeroEmploymentFamily'], olderUnemployedAge: { male: 50, female: 40 } },
    } as const;
    expect(await refusal(core.call(session, 'policy.save', { kind: 'posts', effectiveFrom: '2026-07-01', values }))).toMatchObject({ field: 'values.rural.maxAge', messageKey: 'errors.policy.ageRange' });
    await core.call(session, 'policy.save', { kind: 'posts', effectiveFrom: '2026-07-01', values: { ...values, rural: { ...values.rural, minAge: 16, olderFromAge: 30 } } });
    await core.call(session, 'posts.save', POST);
    const thirty = await person(core, session, '19960101', '222');
    // Before 2026-07-01 the default (大龄 from 45) applies; from then on, 30 is 大龄.
    const before = await refusal(core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: thirty, startDate: '2026-06-01', endDate: '2026-06-30', contractNo: '1' }));
    expect(before.messageKey).toBe('errors.post.group');
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: thirty, startDate: '2026-07-01', endDate: '2026-07-31', contractNo: '2' });
  });
});
