// The work list's recruitment rule: an opening's 拟安置人员公示 whose period has ended while a
// candidate is still to place is listed from the day after its last day, due within the county's
// noticeDecisionDays (5 by default), and leaves when every candidate is placed, withdraws, or an
// upheld objection stops the placement. It counts in the station's totals (the heartbeat's).
import { describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import type { WorklistView } from '../../../shared/worklist/contract';
import type { Core, Session } from '../core';
import { DEFAULT_WORKLIST_POLICY } from '../../../shared/policy/defaults';
import { DEFAULT_RETIREMENT_RULES } from '../../../shared/policy/retirement';
import type { StationDb } from '../store/db';
import { WorklistFacts } from './facts';
import { computeList } from './worklist';
import { CLEANING_POST, clockedStations, idNumber, registration, villagePost } from '../testing/fixtures';

// The station's day is 2026-11-22; a 公示 printed today runs to 2026-11-24 (3 days by default).
const station = clockedStations();
const POST_ID = villagePost('XC-001');
const OPENING = { postId: POST_ID, places: 2, conditions: '本村户籍，身体健康，能胜任保洁工作', windowFrom: '2026-11-10', windowTo: '2026-11-30', contact: '王丽 0531-86000000' };

const list = (core: Core, session: Session) => core.call(session, 'worklist.list', {});
const recruitRows = (view: WorklistView) => view.items.filter((i) => i.rule === 'recruitNoticeEnded').map((i) => `${i.state} ${i.dueDate}`);

async function person(core: Core, session: Session, birth: string, seq: string, name: string) {
  return (await core.call(session, 'residents.register', registration({ idNumber: idNumber(birth, seq), name, registration: { kind: 'jobSeeking', date: '2026-11-20' } }))).id;
}

/** An opening with two 大龄 applicants posted as candidates today (2026-11-22 to 2026-11-24). */
async function posted(candidates: 1 | 2 = 2) {
  const s = await station();
  await s.core.call(s.session, 'posts.save', CLEANING_POST);
  const opening = await s.core.call(s.session, 'recruitment.save', OPENING);
  const a = await person(s.core, s.session, '19800101', '111', '张一');
  const b = await person(s.core, s.session, '19790101', '444', '张二');
  await s.core.call(s.session, 'recruitment.apply', { openingId: opening.id, residentId: a, date: '2026-11-12' });
  await s.core.call(s.session, 'recruitment.apply', { openingId: opening.id, residentId: b, date: '2026-11-13' });
  const detail = await s.core.call(s.session, 'recruitment.publish', { openingId: opening.id, candidates: candidates === 2 ? [a, b] : [a], objectionsTo: '解放路街道人社所' });
  const assign = (residentId: string): ArgsOf<'posts.assign'> => ({ postId: POST_ID, residentId, startDate: '2026-12-01', endDate: '2027-11-30', contractNo: `HT-${residentId.slice(-4)}` });
  return { ...s, openingId: opening.id, a, b, detail, publicityId: detail.publicity!.id, assign };
}

describe('an ended 拟安置人员公示 in 待办', () => {
  it('is absent on the 公示’s last day, due from the next day (within noticeDecisionDays), overdue after', async () => {
    const { core, session, at, openingId } = await posted();
    at('2026-11-24T23:00:00+08:00');
    expect(recruitRows(await list(core, session))).toEqual([]);
    at('2026-11-25T08:00:00+08:00');
    const view = await list(core, session);
    expect(recruitRows(view)).toEqual(['due 2026-11-29']);
    expect(view.counts).toMatchObject({ due: 1 });
    expect(view.items.find((i) => i.rule === 'recruitNoticeEnded')).toMatchObject({
      residentId: null,
      residentName: null,
      placeCode: '370102001002',
      target: { kind: 'opening', postId: POST_ID, openingId },
      facts: { post: CLEANING_POST.name, windowFrom: '2026-11-10', windowTo: '2026-11-30', noticeFrom: '2026-11-22', noticeTo: '2026-11-24', candidates: 2, waiting: 2 },
    });
    at('2026-11-30T08:00:00+08:00');
    expect(recruitRows(await list(core, session))).toEqual(['overdue 2026-11-29']);
  });

  it('leaves once every candidate is placed (one placed: still listed, with one waiting)', async () => {
    const { core, session, at, a, b, assign } = await posted();
    at('2026-11-25T08:00:00+08:00');
    await core.call(session, 'posts.assign', assign(a));
    const one = await list(core, session);
    expect(recruitRows(one)).toEqual(['due 2026-11-29']);
    expect(one.items.find((i) => i.rule === 'recruitNoticeEnded')!.facts).toMatchObject({ candidates: 2, waiting: 1 });
    await core.call(session, 'posts.assign', assign(b));
    expect(recruitRows(await list(core, session))).toEqual([]);
  });

  it('leaves when the only candidate left withdraws', async () => {
    const { core, session, at, a, b, assign, detail } = await posted();
    at('2026-11-25T08:00:00+08:00');
    await core.call(session, 'posts.assign', assign(a));
    expect(recruitRows(await list(core, session))).toEqual(['due 2026-11-29']);
    const application = detail.applications.find((x) => x.residentId === b)!;
    await core.call(session, 'recruitment.withdraw', { applicationId: application.id, date: '2026-11-25', reason: '已外出务工' });
    expect(recruitRows(await list(core, session))).toEqual([]);
  });

  it('leaves when an objection on the only candidate left is upheld (the placement is stopped); an open one keeps it listed', async () => {
    const { core, session, at, publicityId } = await posted(1);
    at('2026-11-23T09:00:00+08:00');
    const objected = await core.call(session, 'recruitment.object', { publicityId, date: '2026-11-23', by: '村民李某', content: '反映其家庭有经营性收入' });
    at('2026-11-25T08:00:00+08:00');
    expect(recruitRows(await list(core, session))).toEqual(['due 2026-11-29']);
    await core.call(session, 'recruitment.decide', { objectionId: objected.publicity!.objections[0]!.id, upheld: true, reason: '经核实情况属实', date: '2026-11-25' });
    expect(recruitRows(await list(core, session))).toEqual([]);
  });

  it('counts in the station’s totals (what the heartbeat reports)', async () => {
    const { core, session, at } = await posted(1);
    at('2026-11-25T08:00:00+08:00');
    expect((await list(core, session)).totals.find((r) => r.rule === 'recruitNoticeEnded')).toMatchObject({ due: 1, overdue: 0, marked: 0 });
  });

  it('reads the same from a copy of the database (a township’s relay copy of the village)', async () => {
    const { core, session, at } = await posted(1);
    at('2026-11-25T08:00:00+08:00');
    const home = (await list(core, session)).items.filter((i) => i.rule === 'recruitNoticeEnded');
    const copy = new WorklistFacts();
    await copy.refresh(core.db as unknown as StationDb);
    const policy = { params: DEFAULT_WORKLIST_POLICY, maxSubsidyMonths: 36, retirement: DEFAULT_RETIREMENT_RULES };
    const computed = computeList(copy, '2026-11-25', policy);
    const rows = computed.rules.get('recruitNoticeEnded')!.open.map((r) => computed.item(r));
    expect(rows).toEqual(home);
    expect(rows).toHaveLength(1);
  });
});
