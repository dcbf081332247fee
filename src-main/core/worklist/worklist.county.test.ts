// The work list above the village, against a PouchDB Server provisioned like a real county: a
// township counts each village's rows from its relay copy and opens a village's list read-only
// (nothing can be marked there); the county reads each station's counts from its heartbeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, type ProvisionResult } from '../../../county/provision';
import { accountOf, connectedStation, eventually, syncOk, type ClockedStation } from '../testing/countyStations';
import { idNumber, refusal, registration, tempDir } from '../testing/fixtures';

const COUNTY = '370102';
const TOWNSHIP = '370102001';
const A = '370102001002';
const B = '370102001003';
const ADMIN = { user: 'admin', password: 'worklist-test-secret' };
// 2026-11-22 10:00 in Shandong.
const NOW = Date.parse('2026-11-22T10:00:00+08:00');

let server: PouchServer;
let provisioned: ProvisionResult;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-worklist-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, {
    county: COUNTY,
    townships: [{ code: TOWNSHIP, villages: [A, B] }],
    staff: [{ name: 'county-li', displayName: '李科长' }],
  });
}, 30_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server?.stop();
});

const connect = (place: string, account: string) => connectedStation(place, accountOf(provisioned, account).setupCode, { at: NOW, cleanups, dirPrefix: 'leye-worklist-station-' });

/** Registers unemployed people registered on `date` (due 30 days later): each one row. */
async function unemployed(st: ClockedStation, seqs: string[], date: string): Promise<void> {
  for (const seq of seqs) {
    const reg = registration({ idNumber: idNumber('19800101', seq), name: '李四', registration: { kind: 'unemployment', date, unemploymentType: 'lostJob', unemployedSince: '2026-09-01' } });
    await st.core.call(st.session, 'residents.register', reg);
  }
}

describe('the work list above the village', () => {
  let a: ClockedStation;
  let b: ClockedStation;
  let township: ClockedStation;

  it('a township counts each village from its relay copy and reads a village’s list read-only', async () => {
    [a, b] = await Promise.all([connect(A, `station-${A}`), connect(B, `station-${B}`)]);
    // A: two overdue (registered 2026-10-01: due 2026-10-31); B: one due (registered 2026-10-26: listed from 2026-11-18, due 2026-11-25).
    await unemployed(a, ['411', '413'], '2026-10-01');
    await unemployed(b, ['415'], '2026-10-26');
    await syncOk(a);
    await syncOk(b);
    township = await connect(TOWNSHIP, `station-${TOWNSHIP}`);
    await syncOk(township);
    const overview = await township.core.call(township.session, 'worklist.overview', {});
    expect(overview).toEqual([
      { placeCode: A, name: expect.not.stringMatching(/^\d+$/), due: 0, overdue: 2, asOf: '2026-11-22' },
      { placeCode: B, name: expect.not.stringMatching(/^\d+$/), due: 1, overdue: 0, asOf: '2026-11-22' },
    ]);
    const atA = await township.core.call(township.session, 'worklist.list', { placeCode: A });
    expect(atA).toMatchObject({ placeCode: A, readOnly: true, counts: { due: 0, overdue: 2 } });
    // What the village sees at home.
    const home = await a.core.call(a.session, 'worklist.list', {});
    expect(atA.items).toEqual(home.items);
    // Nothing can be marked from the township's copy: not as the village's, and the key is no row of its own.
    const key = atA.items[0]!.key;
    expect(await refusal(township.core.call(township.session, 'worklist.mark', { key, kind: 'notApplicable', reason: '不适用', placeCode: A }))).toMatchObject({ field: 'placeCode', messageKey: 'errors.worklist.readOnly' });
    expect(await refusal(township.core.call(township.session, 'worklist.mark', { key, kind: 'notApplicable', reason: '不适用' }))).toMatchObject({ field: 'key', messageKey: 'errors.worklist.noSuchRow' });
    // Another township's village is not its to open.
    expect(await refusal(township.core.call(township.session, 'worklist.list', { placeCode: '370102002001' }))).toMatchObject({ field: 'placeCode', messageKey: 'errors.worklist.notYourVillage' });
    // Its own list is its own (no residents here).
    expect(await township.core.call(township.session, 'worklist.list', {})).toMatchObject({ placeCode: TOWNSHIP, readOnly: false, items: [] });
  }, 90_000);

  it('a village’s mark reaches the township’s copy: the row is set apart there too', async () => {
    const key = (await a.core.call(a.session, 'worklist.list', {})).items[0]!.key;
    await a.core.call(a.session, 'worklist.mark', { key, kind: 'snoozed', until: '2026-12-01', reason: '外出务工' });
    await syncOk(a);
    await syncOk(township);
    const atA = await township.core.call(township.session, 'worklist.list', { placeCode: A });
    expect(atA.counts).toEqual({ due: 0, overdue: 1 });
    expect(atA.marked.map((i) => [i.key, i.mark?.kind, i.mark?.byName])).toEqual([[key, 'snoozed', '王丽']]);
  }, 60_000);

  it('the county reads each station’s counts from its heartbeat', async () => {
    const county = await connect(COUNTY, 'county-li');
    const rows = await eventually(
      () => county.core.call(county.session, 'worklist.overview', {}),
      (list) => list.some((r) => r.placeCode === A && r.overdue === 1) && list.some((r) => r.placeCode === B && r.due === 1),
    );
    expect(rows.find((r) => r.placeCode === A)).toMatchObject({ due: 0, overdue: 1, asOf: '2026-11-22' });
    expect(rows.find((r) => r.placeCode === B)).toMatchObject({ due: 1, overdue: 0, asOf: '2026-11-22' });
    expect(rows.find((r) => r.placeCode === TOWNSHIP)).toMatchObject({ due: 0, overdue: 0, asOf: '2026-11-22' });
    const stations = await county.core.call(county.session, 'county.stations', { staleDays: 7 });
    expect(stations.find((s) => s.placeCode === B)?.worklist).toEqual({ due: 1, overdue: 0, asOf: '2026-11-22' });
  }, 60_000);
});
