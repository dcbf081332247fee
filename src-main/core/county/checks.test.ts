// The county's rule check of a batch runs the station's own rules (shared/<domain>/rules.ts) with
// the county's dated policy parameters, and flags each failure on the record's field: records
// written by a station without those rules (an old or tampered version) are put on a real
// PouchDB Server with the admin account, as such a station would have sent them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, stationDb, type ProvisionResult } from '../../../county/provision';
import { placeChildren } from '../../../shared/places/index';
import { Core, type Session } from '../core';
import { QUIET } from '../testing/countyStations';
import { tempDir } from '../testing/fixtures';
import { docId } from '../../../shared/documents/registry';

const COUNTY = '370102';
const [T1] = placeChildren(COUNTY).map((c) => c.code) as [string];
const [A] = placeChildren(T1).map((c) => c.code) as [string];
const ADMIN = { user: 'admin', password: 'county-checks-secret' };

let server: PouchServer;
let provisioned: ProvisionResult;
let admin: Couch;
let core: Core;
const session: Session = { user: null };

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-checks-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  admin = new Couch(server.url, ADMIN);
  provisioned = await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [{ code: T1, villages: [A] }], staff: [{ name: 'county-li', displayName: '李科长' }] });
  core = await Core.open({ dataDir: tempDir('leye-checks-county-'), clock: () => new Date('2026-12-06T02:00:00Z'), syncTiming: QUIET });
  await core.call(session, 'station.setup', { placeCode: COUNTY, clerk: { loginName: 'county-li', displayName: '李科长', password: 'secret-123' } });
  await core.call(session, 'auth.login', { loginName: 'county-li', password: 'secret-123' });
  await core.call(session, 'sync.connect', { setupCode: provisioned.created.find((a) => a.name === 'county-li')!.setupCode });
}, 30_000);

afterAll(async () => {
  await core?.close();
  await server?.stop();
});

const postOf = (code: string) => docId.post(A, code);
const ZHANG = 'resident:zhangsanzhangsanzhangsanzh';
const SESSION = docId.training(A, 'chksessionchkses');
const stamp = (at: string) => ({ schemaVersion: 1, placeCode: A, createdBy: 'clerk', createdAt: at, updatedBy: 'clerk', updatedAt: at });
let batches = 0;

/** Puts the records into A's database with a batch listing them; the county's view of each record's problems. */
async function problemsOf(...docs: (Record<string, unknown> & { _id: string })[]): Promise<Record<string, unknown>> {
  const listed = [];
  for (const doc of docs) listed.push({ id: doc._id, rev: (await admin.putDoc(stationDb(A), doc)).rev });
  const batch = {
    _id: docId.batch(A, '2026-12-06T01:00:00.000Z', `chk${'abcdefgh'[batches++]!.repeat(3)}`),
    type: 'batch', ...stamp('2026-12-06T01:00:00.000Z'), via: 'sync', counts: {}, docs: listed, checksum: 'sha256:0000',
  };
  await admin.putDoc(stationDb(A), batch);
  const detail = await core.call(session, 'county.batch', { batchId: batch._id });
  return Object.fromEntries(detail!.records.map((r) => [r.id, r.problems]));
}

const holder = (name: string, hours: number, payDue: number) => ({
  residentId: `resident:${name === '张三' ? 'zhangsanzhangsanzhangsanzh' : 'lisilisilisilisilisilisili'}`, name,
  presentDays: 10, personalLeaveDays: 0, sickLeaveDays: 0, absentDays: 0, restDays: 0, unmarkedDays: 0,
  hours, payDue, hourlyPay: Math.round((payDue / hours) * 100) / 100, belowMinimum: false,
});

function monthClose(code: string, month: string, holders: ReturnType<typeof holder>[], reason?: string) {
  const at = '2026-12-01T02:00:00.000Z';
  return {
    _id: docId.monthClose(postOf(code), month), type: 'monthClose', ...stamp(at), postId: postOf(code), month, status: 'closed',
    // What the station computed (without a minimum wage in force, it saw no one under it).
    summary: { postId: postOf(code), month, minimumWage: null, holders },
    history: [{ action: 'close', by: 'clerk', at, reason: reason ?? '' }],
    ...(reason ? { belowMinimumReason: reason } : {}),
  };
}

describe("the county's rule check", () => {
  it("checks every record with the station's form rules: a post whose employer credit code is wrong", async () => {
    const post = (code: string, creditCode: string) => ({
      _id: postOf(code), type: 'post', ...stamp('2026-12-01T02:00:00.000Z'), code, name: '村内保洁', kind: 'rural', category: 'ruralCleaning',
      employer: { name: '解放路街道办事处', creditCode }, plannedHoursPerMonth: 40, payPerMonthFen: 100000, startDate: '2026-01-01', endDate: '2026-12-31',
    });
    const problems = await problemsOf(post('CHK-P1', '91350100M000100Y43'), post('CHK-P2', '91350100M000100Y44'));
    expect(problems[postOf('CHK-P1')]).toEqual([]);
    expect(problems[postOf('CHK-P2')]).toEqual([expect.objectContaining({ field: 'employer.creditCode' })]);
  });

  it('flags a month closed with holders under the hourly minimum wage without a reason, by the county’s own dated minimum', async () => {
    // The county's minimum wage from October 2026: 24 yuan an hour (the shipped default is 21).
    await core.call(session, 'policy.save', { kind: 'minimumWage', effectiveFrom: '2026-10-01', values: { countyCode: COUNTY, tier: '一类', monthly: 2400, hourly: 24 } });
    const problems = await problemsOf(
      // 800 yuan for 40 hours: 20 an hour, under both.
      monthClose('CHK-1', '2026-11', [holder('张三', 40, 800), holder('李四', 40, 1000)]),
      // 22.5 an hour: above the shipped default, under the county's minimum in force.
      monthClose('CHK-2', '2026-11', [holder('张三', 40, 900)]),
      // Under it, but closed with the written reason.
      monthClose('CHK-3', '2026-11', [holder('张三', 40, 800)], '本月因雪灾停工，经村委会研究按实际工时发放'),
      // September: the default (21) was in force; 22.5 an hour is above it.
      monthClose('CHK-4', '2026-09', [holder('张三', 40, 900)]),
    );
    expect(problems[docId.monthClose(postOf('CHK-1'), '2026-11')]).toEqual([
      { field: 'belowMinimumReason', messageKey: 'errors.attendance.belowMinimumReason', params: { names: '张三', count: 1 } },
    ]);
    expect(problems[docId.monthClose(postOf('CHK-2'), '2026-11')]).toEqual([
      { field: 'belowMinimumReason', messageKey: 'errors.attendance.belowMinimumReason', params: { names: '张三', count: 1 } },
    ]);
    expect(problems[docId.monthClose(postOf('CHK-3'), '2026-11')]).toEqual([]);
    expect(problems[docId.monthClose(postOf('CHK-4'), '2026-09')]).toEqual([]);
  });

  it('flags attendance marked for a day after it was saved, and a sign-in taken on another day than its class', async () => {
    const problems = await problemsOf(
      {
        _id: docId.attendance(postOf('CHK-1'), ZHANG, '2026-12-20'), type: 'attendance', ...stamp('2026-12-05T02:00:00.000Z'),
        postId: postOf('CHK-1'), residentId: ZHANG, date: '2026-12-20', mark: 'present', hours: 4, history: [],
      },
      {
        _id: docId.attendance(postOf('CHK-1'), ZHANG, '2026-12-04'), type: 'attendance', ...stamp('2026-12-05T02:00:00.000Z'),
        postId: postOf('CHK-1'), residentId: ZHANG, date: '2026-12-04', mark: 'present', hours: 4, history: [],
      },
      {
        _id: docId.signIn(SESSION, '2026-12-01', 'am', ZHANG), type: 'signIn', ...stamp('2026-12-05T01:00:00.000Z'),
        sessionId: SESSION, residentId: ZHANG, date: '2026-12-01', half: 'am',
        in: { at: '2026-12-05T01:00:00.000Z', method: 'idCard', by: 'clerk', machine: 'pc' }, out: null,
      },
      {
        _id: docId.signIn(SESSION, '2026-12-05', 'am', ZHANG), type: 'signIn', ...stamp('2026-12-05T01:00:00.000Z'),
        sessionId: SESSION, residentId: ZHANG, date: '2026-12-05', half: 'am',
        in: { at: '2026-12-05T01:00:00.000Z', method: 'idCard', by: 'clerk', machine: 'pc' }, out: null,
      },
    );
    expect(problems[docId.attendance(postOf('CHK-1'), ZHANG, '2026-12-20')]).toEqual([{ field: 'date', messageKey: 'errors.attendance.future', params: { date: '2026-12-20' } }]);
    expect(problems[docId.attendance(postOf('CHK-1'), ZHANG, '2026-12-04')]).toEqual([]);
    expect(problems[docId.signIn(SESSION, '2026-12-01', 'am', ZHANG)]).toEqual([{ field: 'date', messageKey: 'errors.training.slotPast' }]);
    expect(problems[docId.signIn(SESSION, '2026-12-05', 'am', ZHANG)]).toEqual([]);
  });
});
