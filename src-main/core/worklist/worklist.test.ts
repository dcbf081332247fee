// The work list at a station: rows appear by the rules and go when the record that answers them
// is written (a service, a result, a status entry); marks put a row apart (snooze until a day,
// not applicable) or back (reopened), each a new record, nothing deleted; refusals on the field.
import { describe, expect, it, vi } from 'vitest';
import { placeName } from '../../../shared/places';
import type { WorklistView } from '../../../shared/worklist/contract';
import type { Core, Session } from '../core';
import { CLEANING_POST, clockedStations, idNumber, openStation, refusal, registration, serviceVisit, tempDir, villagePost } from '../testing/fixtures';
import { readSavedCopy, writeSavedCopy } from '../testing/savedCopies';
import { SAVED_FACTS } from './facts';

// Today is 2026-11-22 at the station (default parameters: contact every 30 days, a referral's
// result within 14, a post's end warned 30 days ahead, listed 7 days ahead).
const station = clockedStations();

const list = (core: Core, session: Session) => core.call(session, 'worklist.list', {});
const rules = (view: WorklistView) => view.items.map((i) => `${i.rule} ${i.state} ${i.dueDate}`);

async function unemployed(core: Core, session: Session, date = '2026-10-01') {
  const reg = registration({ idNumber: idNumber('19800101', '456'), name: '李四', registration: { kind: 'unemployment', date, unemploymentType: 'lostJob', unemployedSince: '2026-09-01' } });
  return (await core.call(session, 'residents.register', reg)).id;
}

const visit = serviceVisit;

async function markDocs(core: Core): Promise<number> {
  return (await core.db.allDocs({ startkey: 'worklistMark:', endkey: 'worklistMark:\ufff0' })).rows.length;
}

describe('rows done by the record that answers them', () => {
  it('a registered unemployed person not contacted for 30 days, until a service is recorded', async () => {
    const { core, session } = await station();
    const id = await unemployed(core, session);
    const before = await list(core, session);
    // The core names the village (the renderer shows the list without the place tree).
    const village = placeName('370102001002');
    expect(village).toBeTruthy();
    expect(before).toMatchObject({ placeCode: '370102001002', placeName: village, today: '2026-11-22', readOnly: false, counts: { due: 0, overdue: 1 }, params: { contactDays: 30, referralResultDays: 14, maxSubsidyMonths: 36 } });
    expect(before.items).toEqual([
      expect.objectContaining({ rule: 'unemployedNotContacted', state: 'overdue', dueDate: '2026-10-31', residentId: id, residentName: '李四', placeName: village, target: { kind: 'resident', residentId: id }, facts: { lastContact: '2026-10-01', daysSinceContact: 52 }, mark: null }),
    ]);
    const served = await core.call(session, 'services.record', visit(id, '2026-11-21'));
    expect(await list(core, session)).toMatchObject({ items: [], marked: [], counts: { due: 0, overdue: 0 } });
    // Corrected to an earlier day: the last contact is the corrected one's (the visit on 2026-11-21 no longer counts).
    const { residentId: _r, ...fields } = visit(id, '2026-10-05');
    await core.call(session, 'services.correct', { entry: 'service', corrects: served.id, ...fields });
    expect((await list(core, session)).items).toEqual([expect.objectContaining({ rule: 'unemployedNotContacted', state: 'overdue', dueDate: '2026-11-04', facts: { lastContact: '2026-10-05', daysSinceContact: 48 } })]);
  });

  it('a referral without a result after 14 days, until its result is recorded', async () => {
    const { core, session } = await station();
    const { id } = await core.call(session, 'residents.register', registration());
    const referral = await core.call(session, 'services.record', visit(id, '2026-11-08', 'jobReferral'));
    // Due 2026-11-22 (today): due, not yet overdue.
    expect(rules(await list(core, session))).toEqual(['referralNoResult due 2026-11-22']);
    expect((await list(core, session)).items[0]).toMatchObject({ target: { kind: 'service', serviceId: referral.id, residentId: id }, facts: { referralDate: '2026-11-08', employer: '历下物业服务有限公司', job: '电工' } });
    await core.call(session, 'services.result', { referralId: referral.id, date: '2026-11-22', result: 'notHired', note: '' });
    expect(rules(await list(core, session))).toEqual([]);
  });

  it('a post holder whose assignment ends within 30 days, until what the person does next is recorded', async () => {
    const { core, session } = await station();
    await core.call(session, 'posts.save', CLEANING_POST);
    const reg = registration({ idNumber: idNumber('19750101', '333'), registration: { kind: 'hardship', date: '2026-11-20', hardshipCategories: ['povertyAlleviated'] } });
    const { id } = await core.call(session, 'residents.register', reg);
    await core.call(session, 'posts.assign', { postId: villagePost('XC-001'), residentId: id, startDate: '2026-01-01', endDate: '2026-12-15', contractNo: 'HT-1' });
    // The assignment's own 公益性岗位 entry does not answer it.
    expect(rules(await list(core, session))).toEqual(['assignmentEnding due 2026-12-15']);
    expect((await list(core, session)).items[0]!.facts).toMatchObject({ post: CLEANING_POST.name, endDate: '2026-12-15' });
    await core.call(session, 'employment.record', { residentId: id, status: 'employee', effectiveDate: '2026-11-22', employer: { name: '济南某机械厂', creditCode: '' } });
    expect(rules(await list(core, session))).toEqual([]);
  });

  it('a printed 公示 is listed once its period ended', async () => {
    const { core, session } = await station();
    await core.call(session, 'print.hardshipNotice', { from: '2026-11-01', to: '2026-11-10', noticeFrom: '2026-11-13', noticeTo: '2026-11-19', phone: '0531-86001234' });
    const view = await list(core, session);
    expect(rules(view)).toEqual(['noticeEnded due 2026-11-24']);
    expect(view.items[0]).toMatchObject({ residentId: null, residentName: null, target: { kind: 'notice' }, facts: { noticeFrom: '2026-11-13', noticeTo: '2026-11-19', applicants: 0 } });
  });
});

describe('the county’s dated parameters', () => {
  it('drive the list: contacts every 60 days from 2026-11-01 put the row off', async () => {
    const { core, session } = await station();
    await unemployed(core, session);
    expect(rules(await list(core, session))).toEqual(['unemployedNotContacted overdue 2026-10-31']);
    const values = { contactDays: 60, referralResultDays: 14, assignmentEndDays: 30, limitWarnDays: 60, retirementWarnDays: 60, exitWarnDays: 30, trainingFollowUpMonths: 6, leadDays: 7, quarterLeadDays: 30, noticeDecisionDays: 5, keepOverdueDays: 365 };
    // Not yet in force today: nothing changes.
    await core.call(session, 'policy.save', { kind: 'worklist', effectiveFrom: '2026-11-23', values });
    expect(rules(await list(core, session))).toEqual(['unemployedNotContacted overdue 2026-10-31']);
    // In force today: due 2026-11-30, listed from 2026-11-23.
    await core.call(session, 'policy.save', { kind: 'worklist', effectiveFrom: '2026-11-01', values });
    expect(await list(core, session)).toMatchObject({ items: [], params: { contactDays: 60 } });
  });
});

describe('marks', () => {
  it('a snooze hides the row until its day, not applicable hides it, reopened shows it; each a new record', async () => {
    const { core, session, at } = await station();
    const id = await unemployed(core, session);
    const [row] = (await list(core, session)).items;
    const key = row!.key;
    const snoozed = await core.call(session, 'worklist.mark', { key, kind: 'snoozed', until: '2026-11-30', reason: '外出务工，月底回来' });
    expect(snoozed.mark).toMatchObject({ kind: 'snoozed', until: '2026-11-30', reason: '外出务工，月底回来', byName: '王丽' });
    let view = await list(core, session);
    expect(view.items).toEqual([]);
    expect(view.counts).toEqual({ due: 0, overdue: 0 });
    expect(view.marked.map((i) => [i.key, i.mark?.kind])).toEqual([[key, 'snoozed']]);
    // The day before it comes back it is still apart; on the day it is listed again.
    at('2026-11-29T10:00:00+08:00');
    expect((await list(core, session)).items).toEqual([]);
    at('2026-11-30T10:00:00+08:00');
    view = await list(core, session);
    expect(view.items.map((i) => [i.key, i.state, i.mark])).toEqual([[key, 'overdue', null]]);
    await core.call(session, 'worklist.mark', { key, kind: 'notApplicable', reason: '已随子女外迁' });
    view = await list(core, session);
    expect(view.items).toEqual([]);
    expect(view.marked[0]?.mark).toMatchObject({ kind: 'notApplicable', until: null, reason: '已随子女外迁' });
    await core.call(session, 'worklist.mark', { key, kind: 'reopened', reason: '又回到本村' });
    expect((await list(core, session)).items.map((i) => i.key)).toEqual([key]);
    expect(await markDocs(core)).toBe(3);
    // A contact answers it, marks or not.
    await core.call(session, 'services.record', visit(id, '2026-11-30'));
    expect(await list(core, session)).toMatchObject({ items: [], marked: [] });
  });

  it('refuses on the field: a snooze not after today, no reason, an unknown row, a reopening with nothing to undo; storing nothing', async () => {
    const { core, session } = await station();
    await unemployed(core, session);
    const key = (await list(core, session)).items[0]!.key;
    expect(await refusal(core.call(session, 'worklist.mark', { key, kind: 'snoozed', until: '2026-11-22', reason: '外出' }))).toMatchObject({ code: 'VALIDATION', field: 'until', messageKey: 'errors.worklist.untilNotAfterToday' });
    expect(await refusal(core.call(session, 'worklist.mark', { key, kind: 'snoozed', reason: '外出' }))).toMatchObject({ field: 'until', messageKey: 'errors.required' });
    expect(await refusal(core.call(session, 'worklist.mark', { key, kind: 'notApplicable', reason: '' }))).toMatchObject({ field: 'reason', messageKey: 'errors.required' });
    expect(await refusal(core.call(session, 'worklist.mark', { key: `${key}x`, kind: 'notApplicable', reason: '不适用' }))).toMatchObject({ field: 'key', messageKey: 'errors.worklist.noSuchRow' });
    expect(await refusal(core.call(session, 'worklist.mark', { key, kind: 'reopened', reason: '恢复' }))).toMatchObject({ field: 'kind', messageKey: 'errors.worklist.nothingToReopen' });
    expect(await markDocs(core)).toBe(0);
    // The boundary: tomorrow is accepted.
    await core.call(session, 'worklist.mark', { key, kind: 'snoozed', until: '2026-11-23', reason: '外出' });
    expect(await markDocs(core)).toBe(1);
  });
});

describe('a village station', () => {
  it('may not open another place’s list, and has no overview', async () => {
    const { core, session } = await station();
    expect(await refusal(core.call(session, 'worklist.list', { placeCode: '370102001003' }))).toMatchObject({ code: 'VALIDATION', field: 'placeCode', messageKey: 'errors.worklist.notYourVillage' });
    expect((await core.call(session, 'worklist.list', { placeCode: '370102001002' })).readOnly).toBe(false);
    expect(await core.call(session, 'worklist.overview', {})).toEqual([]);
  });
});

describe('between starts', () => {
  it('the station’s facts are saved in its database and read back, with the changes since', async () => {
    const dataDir = tempDir();
    const first = await openStation(dataDir);
    const id = await unemployed(first.core, first.session);
    expect(rules(await list(first.core, first.session))).toEqual(['unemployedNotContacted overdue 2026-10-31']);
    // Saved after the first reading (a moment later: the save does not hold the list up).
    type Saved = { residents: { id: string; name: string }[] };
    const saved = await vi.waitUntil(() => readSavedCopy<Saved>(first.core.db, SAVED_FACTS), { timeout: 2_000 });
    expect(saved.residents.map((r) => r.id)).toEqual([id]);
    // A file beside the search index's snapshot, not a document of the database.
    expect(await first.core.db.get(SAVED_FACTS).catch((e: { status: number }) => e.status)).toBe(404);
    await first.core.close();
    // Marked so that a list from the saved copy is told apart from one read from the records.
    writeSavedCopy(first.core.db, SAVED_FACTS, { ...saved, residents: saved.residents.map((r) => ({ ...r, name: '（已保存）' })) });
    const again = await openStation(dataDir);
    try {
      const other = (await again.core.call(again.session, 'residents.register', registration({ idNumber: idNumber('19810101', '458'), name: '王五', registration: { kind: 'unemployment', date: '2026-10-02', unemploymentType: 'lostJob', unemployedSince: '2026-09-01' } }))).id;
      const view = await list(again.core, again.session);
      expect(view.items.map((i) => [i.residentId, i.residentName])).toEqual([
        [id, '（已保存）'],
        [other, '王五'],
      ]);
    } finally {
      await again.core.close();
    }
  });
});
