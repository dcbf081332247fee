// Statistics above the village, against a PouchDB Server provisioned like a real county: a
// township counts its villages' relay copies village by village, a county station reads the
// `_design/stats` views of the aggregate once the villages synced, an offline county says so,
// and re-running the provisioning brings a changed design document up to date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { AGGREGATE_VIEWS } from '../../../county/designDocs';
import { provisionCounty } from '../../../county/provision';
import type { StatsDashboard } from '../../../shared/stats/contract';
import { refusal } from '../testing/fixtures';
import { expectedRow, seedStation, type SeedStation, type Seeded } from '../testing/statsData';
import { A, ADMIN, AGGREGATE, B, COUNTY, TOWNSHIP, countyHarness, eventually, synced as sync, type CountyHarness } from './countyHarness';

const RANGE = { from: '2025-12', to: '2026-11' };

let harness: CountyHarness;
let server: CountyHarness['server'];
const station = (place: string, account: string, offline = false) => harness.station(place, account, offline);

beforeAll(async () => {
  harness = await countyHarness();
  server = harness.server;
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

const rowOf = (dash: StatsDashboard, place: string) => {
  const row = dash.byPlace.find((r) => r.placeCode === place);
  if (!row) throw new Error(`no row for ${place}`);
  const { placeCode: _p, placeName: _n, ...numbers } = row;
  return numbers;
};

describe('statistics above the village', () => {
  let a: SeedStation;
  let b: SeedStation;
  let seededA: Seeded;
  let seededB: Seeded;
  let seededT: Seeded;

  it('a township counts its own records and each village from the relay copies', async () => {
    a = await station(A, `station-${A}`);
    b = await station(B, `station-${B}`);
    seededA = await seedStation(a, 4, 14, true);
    seededB = await seedStation(b, 5, 9, false);
    await sync(a);
    await sync(b);
    const t = await station(TOWNSHIP, `station-${TOWNSHIP}`);
    // The township registers people itself, and runs a post of village B in its own database;
    // its session has equal half-days (the county counts those from per-trainee totals).
    seededT = await seedStation(t, 6, 5, true, B, [3, 3, 3]);
    await sync(t);
    const dash = await t.core.call(t.session, 'stats.dashboard', RANGE);
    const months = dash.months;
    expect(dash).toMatchObject({ level: 'township', source: 'station' });
    expect(dash.byPlace.map((r) => r.placeCode)).toEqual([TOWNSHIP, A, B]);
    expect(dash.byPlace.every((r) => r.placeName !== r.placeCode)).toBe(true);
    // The township's residents and session are its own; its post belongs to village B.
    const own = { ...seededT, assignments: [], marks: [] };
    const atB = { ...seededT, residents: [], session: null };
    expect(rowOf(dash, TOWNSHIP)).toEqual(expectedRow([own], months));
    expect(rowOf(dash, A)).toEqual(expectedRow([seededA], months));
    expect(rowOf(dash, B)).toEqual(expectedRow([seededB, atB], months));
    expect(dash.total).toEqual(expectedRow([seededA, seededB, seededT], months));
    // A village's row at the township is what the village sees at home.
    expect(rowOf(dash, A)).toEqual((await a.core.call(a.session, 'stats.dashboard', RANGE)).total);
    for (const row of dash.byMonth) expect(row.registrations.total).toBe(expectedRow([seededA, seededB, seededT], [row.month]).registrations.total);
  }, 90_000);

  it('the county reads the same numbers from the aggregate views once the stations synced', async () => {
    const county = await station(COUNTY, 'county-li');
    const want = expectedRow([seededA, seededB, seededT], [...(await county.core.call(county.session, 'stats.dashboard', RANGE)).months]);
    // The aggregate is fed by continuous replication: wait until it holds everything.
    const dash = await eventually(() => county.core.call(county.session, 'stats.dashboard', RANGE), (d) => JSON.stringify(d.total) === JSON.stringify(want));
    expect(dash).toMatchObject({ level: 'county', placeCode: COUNTY, source: 'countyServer' });
    expect(dash.total).toEqual(want);
    const months = dash.months;
    expect(rowOf(dash, A)).toEqual(expectedRow([seededA], months));
    expect(rowOf(dash, TOWNSHIP)).toEqual(expectedRow([{ ...seededT, assignments: [], marks: [] }], months));
    expect(rowOf(dash, B)).toEqual(expectedRow([seededB, { ...seededT, residents: [], session: null }], months));
    for (const row of dash.byMonth) expect(row).toEqual({ month: row.month, ...expectedRow([seededA, seededB, seededT], [row.month]) });
    // And the export works from the same numbers.
    const file = await county.core.call(county.session, 'stats.export', RANGE);
    expect(file.fileName).toMatch(/^统计-.*\.xlsx$/);
  }, 60_000);

  it('an offline county says so and shows no numbers', async () => {
    const county = await station(COUNTY, 'county-li', true);
    expect(await refusal(county.core.call(county.session, 'stats.dashboard', {}))).toMatchObject({ messageKey: 'errors.stats.countyOffline' });
    expect(await refusal(county.core.call(county.session, 'stats.export', {}))).toMatchObject({ messageKey: 'errors.stats.countyOffline' });
  }, 30_000);

  it('re-running the provisioning brings a changed statistics design document up to date', async () => {
    const admin = new Couch(server.url, ADMIN);
    const current = await admin.getDoc<{ _id: string; _rev: string; views: Record<string, unknown> }>(AGGREGATE, '_design/stats');
    // An older county: its design document lacks the dashboard's views.
    await admin.putDoc(AGGREGATE, { ...current!, views: { residents: AGGREGATE_VIEWS.residents } });
    const again = await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [{ code: TOWNSHIP, villages: [A, B] }], staff: [{ name: 'county-li' }] });
    expect(again.changes).toContain(`${AGGREGATE}/_design/stats updated`);
    const updated = await admin.getDoc<{ views: Record<string, unknown> }>(AGGREGATE, '_design/stats');
    expect(updated?.views).toEqual(AGGREGATE_VIEWS);
    // And once up to date, a third run changes nothing there.
    const third = await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [{ code: TOWNSHIP, villages: [A, B] }], staff: [{ name: 'county-li' }] });
    expect(third.changes.filter((c) => c.includes('_design/stats'))).toEqual([]);
  }, 30_000);
});
