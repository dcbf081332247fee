// The county's view of the townships' payrolls, against a PouchDB Server provisioned like a real
// county: village A closed its month, village B did not; the county station reads the status
// and the totals from the aggregate's `payrollPosts` view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeName } from '../../../shared/places';
import { refusal } from '../testing/fixtures';
import { A, B, COUNTY, TOWNSHIP, countyHarness, eventually, synced, type CountyHarness } from '../stats/countyHarness';
import { MONTH, seedPost } from './testVillages';

let harness: CountyHarness;

beforeAll(async () => {
  harness = await countyHarness();
}, 30_000);

afterAll(async () => {
  await harness?.close();
});

describe('the townships’ payrolls at the county', () => {
  it('shows a township missing a village until it closes its month, with the closed villages’ totals', async () => {
    const a = await harness.station(A, `station-${A}`);
    const b = await harness.station(B, `station-${B}`);
    await seedPost(a, A, 'A-1', ['张一', '张二'], [10, 5], true);
    const open = await seedPost(b, B, 'B-1', ['李一'], [8], false);
    await synced(a);
    await synced(b);
    const county = await harness.station(COUNTY, 'county-li');
    const missing = await eventually(
      () => county.core.call(county.session, 'payroll.county', { month: MONTH }),
      (v) => v.townships[0]?.villages === 2,
    );
    expect(missing.townships).toEqual([
      { placeCode: TOWNSHIP, placeName: '解放路街道', villages: 2, status: 'missing', missing: [{ placeCode: B, placeName: placeName(B), openPosts: 1 }], holders: 2, payDue: 1500 },
    ]);
    expect(missing.totals).toEqual({ holders: 2, payDue: 1500 });

    await b.core.call(b.session, 'attendance.closeMonth', { postId: open.postId, month: MONTH });
    await synced(b);
    const complete = await eventually(
      () => county.core.call(county.session, 'payroll.county', { month: MONTH }),
      (v) => v.townships[0]?.status === 'complete',
    );
    expect(complete.townships[0]).toMatchObject({ status: 'complete', missing: [], holders: 3, payDue: 2300 });
    // The county's plan of the year against the places created (the three assignments run in 2026).
    expect(await county.core.call(county.session, 'payroll.plan', { year: 2026 })).toMatchObject({ year: 2026, planned: null, created: 3 });
    const plan = await county.core.call(county.session, 'payroll.setPlan', { year: 2026, places: 120, note: '鲁人社规〔2024〕1号' });
    expect(plan).toEqual({ year: 2026, planned: 120, note: '鲁人社规〔2024〕1号', created: 3, byTownship: [{ placeCode: TOWNSHIP, placeName: '解放路街道', created: 3 }] });
    expect((await county.core.call(county.session, 'payroll.setPlan', { year: 2026, places: 150, note: '' })).planned).toBe(150);
    expect((await county.core.call(county.session, 'payroll.plan', { year: 2027 })).planned).toBeNull();
    // Another month: nothing held; every township of the county's directory is still listed, as sending nothing.
    const none = await county.core.call(county.session, 'payroll.county', { month: '2025-10' });
    expect(none.townships.map((t) => [t.placeCode, t.status, t.villages, t.holders])).toContainEqual([TOWNSHIP, 'noData', 0, 0]);
    expect(none.townships.every((t) => t.status === 'noData')).toBe(true);
    expect(none.totals).toEqual({ holders: 0, payDue: 0 });
    // Not at a village station (its first account is an administrator, who may call it at a county station).
    expect(await refusal(a.core.call(a.session, 'payroll.county', { month: MONTH }))).toMatchObject({ messageKey: 'errors.payroll.countyOnly' });
  }, 90_000);
});
