// The employment counts above the village, against a PouchDB Server provisioned like a real
// county: a township counts its villages' relay entries under each village, the county folds the
// aggregate's views with the same function and gets what the stations count themselves, the
// export writes the 就业统计 sheet, and a person registered by two villages (a conflict in the
// aggregate) counts at the county only once the conflict is resolved. Expectations by hand.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmploymentCountsView } from '../../../shared/employment/contract';
import type { EmploymentCounts } from '../../../shared/employment/counts';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import { A, B, COUNTY, TOWNSHIP, countyHarness, eventually, synced, type CountyHarness } from '../stats/countyHarness';
import { idNumber, registration } from '../testing/fixtures';
import type { SeedStation } from '../testing/statsData';

const RANGE = { from: '2026-03', to: '2026-06' };
const c = (newUrban: number, reemployed: number, hardship: number): EmploymentCounts => ({ newUrban, reemployed, hardship });
const byPlace = (v: EmploymentCountsView) => Object.fromEntries(v.byPlace.map((p) => [p.place, p.counts]));
const byGroup = (v: EmploymentCountsView) => Object.fromEntries(v.byGroup.map((g) => [g.group, g.counts]));
const byMonth = (v: EmploymentCountsView) => Object.fromEntries(v.byMonth.map((m) => [m.month, m.counts]));

let harness: CountyHarness;
beforeAll(async () => {
  harness = await countyHarness();
}, 30_000);
afterAll(async () => {
  await harness?.close();
});

type Entry = Omit<ArgsOf<'employment.record'>, 'residentId'>;
async function person(st: SeedStation, reg: Partial<ArgsOf<'residents.register'>>, entries: Entry[]): Promise<{ id: string; entries: string[] }> {
  const r = await st.core.call(st.session, 'residents.register', registration(reg));
  const ids: string[] = [];
  for (const e of entries) ids.push((await st.core.call(st.session, 'employment.record', { residentId: r.id, ...e })).id);
  return { id: r.id, entries: ids };
}

describe('employment counts above the village', () => {
  let a: SeedStation;
  let b: SeedStation;
  let township: EmploymentCountsView;
  let ownA: EmploymentCountsView;
  let ownB: EmploymentCountsView;
  const P1 = idNumber('19850310', '111');

  it('a township counts its own entries and its villages’ relay entries, each under the village', async () => {
    a = await harness.station(A, `station-${A}`);
    b = await harness.station(B, `station-${B}`);
    const t = await harness.station(TOWNSHIP, `station-${TOWNSHIP}`);
    // Village A. P1: non-agricultural, registered unemployed 02-10, a graduate: into employment 03-05
    // (March: new urban, re-employed), a job change 03-20 (nothing new).
    await person(a, { idNumber: P1, name: '甲一', householdType: 'nonAgricultural', targetGroups: ['graduate'], registration: { kind: 'unemployment', date: '2026-02-10', unemploymentType: 'lostJob', unemployedSince: '2026-02-01' } }, [
      { status: 'employee', effectiveDate: '2026-03-05', employer: { name: '济南某机械厂', creditCode: '' } },
      { status: 'flexible', effectiveDate: '2026-03-20' },
    ]);
    // P2: agricultural, hardship registration 01-05, no group: 外出务工 03-01 corrected into a
    // 公益性岗位 ending 04-30 (March: hardship, once), 外出务工 again 06-01 (June: hardship).
    const p2 = await person(a, { idNumber: idNumber('19800402', '222'), name: '甲二', householdType: 'agricultural', targetGroups: [], registration: { kind: 'hardship', date: '2026-01-05', hardshipCategories: ['povertyAlleviated'] } }, [
      { status: 'migrant', area: 'outOfProvince', effectiveDate: '2026-03-01' },
    ]);
    await a.core.call(a.session, 'employment.correct', { residentId: p2.id, corrects: p2.entries[0]!, reason: '误录', status: 'publicWelfare', effectiveDate: '2026-03-01', endDate: '2026-04-30' });
    await a.core.call(a.session, 'employment.record', { residentId: p2.id, status: 'migrant', area: 'inProvince', effectiveDate: '2026-06-01' });
    // Village B. P3: non-agricultural job seeker, care category hard to employ, migrant worker,
    // veteran and key care: employed 03-15 and 03-25 (March: new urban, hardship, once). P5: employed in July (outside).
    await person(b, { idNumber: idNumber('19780515', '333'), name: '乙三', householdType: 'nonAgricultural', targetGroups: ['migrantWorker', 'veteran', 'keyCare'], careCategories: ['hardToEmploy'], registration: { kind: 'jobSeeking', date: '2026-01-20' } }, [
      { status: 'employee', effectiveDate: '2026-03-15' },
      { status: 'flexible', effectiveDate: '2026-03-25' },
    ]);
    await person(b, { idNumber: idNumber('19920101', '555'), name: '乙五', householdType: 'nonAgricultural', registration: { kind: 'jobSeeking', date: '2026-01-20' } }, [{ status: 'employee', effectiveDate: '2026-07-01' }]);
    // The township itself. P4: non-agricultural, registered unemployed 04-01, key care (women): employed 05-10 (May: new urban, re-employed).
    await person(t, { idNumber: idNumber('19880808', '444'), name: '镇四', householdType: 'nonAgricultural', targetGroups: ['keyCare'], careCategories: ['women'], registration: { kind: 'unemployment', date: '2026-04-01', unemploymentType: 'lostJob', unemployedSince: '2026-03-20' } }, [
      { status: 'employee', effectiveDate: '2026-05-10' },
    ]);
    for (const st of [a, b, t]) await synced(st);
    await synced(t); // the villages' copies come down on the township's sync

    township = await t.core.call(t.session, 'employment.counts', RANGE);
    expect(byMonth(township)).toEqual({ '2026-03': c(2, 1, 2), '2026-05': c(1, 1, 0), '2026-06': c(0, 0, 1) });
    expect(township.total).toEqual(c(3, 2, 3));
    // Under each village: A has P1 and P2, B has P3, the township its own P4.
    expect(byPlace(township)).toEqual({ [TOWNSHIP]: c(1, 1, 0), [A]: c(1, 1, 2), [B]: c(1, 0, 1) });
    expect(byGroup(township)).toEqual({ graduate: c(1, 1, 0), migrantWorker: c(1, 0, 1), flexibleEmployment: c(0, 0, 0), veteran: c(1, 0, 1), keyCare: c(2, 1, 1), none: c(0, 0, 2) });
    expect(township.placeNames[A]).not.toBe(A);
    // A village's row at the township is what the village counts at home.
    ownA = await a.core.call(a.session, 'employment.counts', RANGE);
    ownB = await b.core.call(b.session, 'employment.counts', RANGE);
    expect(byPlace(township)[A]).toEqual(ownA.total);
    expect(byPlace(township)[B]).toEqual(ownB.total);

    // The export's 就业统计 sheet: the same figures by month, place and group, and the definitions in both languages.
    const file = await t.core.call(t.session, 'stats.export', RANGE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const ws = book.getWorksheet('就业统计')!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(String(ws.getCell('A1').value)).toContain('就业统计（2026-03 至 2026-06）');
    expect(row(4)).toEqual(['按月']);
    expect(row(5)).toEqual(['月份', '城镇新增就业', '失业人员再就业', '就业困难人员实现就业']);
    expect([6, 7, 8, 9, 10].map(row)).toEqual([
      ['2026-03', 2, 1, 2],
      ['2026-04', 0, 0, 0],
      ['2026-05', 1, 1, 0],
      ['2026-06', 0, 0, 1],
      ['合计', 3, 2, 3],
    ]);
    expect(row(12)).toEqual(['按村（社区）']);
    expect(row(13)).toEqual(['村（社区）', '城镇新增就业', '失业人员再就业', '就业困难人员实现就业', '区划代码']);
    expect([14, 15, 16, 17].map((n) => row(n).slice(1))).toEqual([
      [1, 1, 0, TOWNSHIP],
      [1, 1, 2, A],
      [1, 0, 1, B],
      [3, 2, 3],
    ]);
    expect(row(15)[0]).toBe(township.placeNames[A]);
    expect(row(19)).toEqual(['按重点群体']);
    expect([21, 22, 23, 24, 25, 26].map(row)).toEqual([
      ['高校毕业生', 1, 1, 0],
      ['农村务工人员', 1, 0, 1],
      ['灵活就业人员', 0, 0, 0],
      ['退役军人', 1, 0, 1],
      ['重点关爱人群', 2, 1, 1],
      ['未标注群体', 0, 0, 2],
    ]);
    expect(row(28)).toEqual(['统计口径']);
    expect(String(ws.getCell('A30').value)).toMatch(/^城镇新增就业：/);
    expect(String(ws.getCell('A34').value)).toMatch(/^乡镇（街道）的数字/);
    expect(row(36)).toEqual(['Definitions (English)']);
    expect(String(ws.getCell('A38').value)).toMatch(/^New urban employment:/);
    expect(String(ws.getCell('A42').value)).toMatch(/^A township’s figures|^A township's figures/);
  }, 120_000);

  it('the county counts the same from the aggregate views', async () => {
    const county = await harness.station(COUNTY, 'county-li');
    const counts = await eventually(() => county.core.call(county.session, 'employment.counts', RANGE), (v) => JSON.stringify(v.total) === JSON.stringify(township.total));
    expect(counts.placeCode).toBe(COUNTY);
    expect(counts.total).toEqual(township.total);
    expect(counts.byMonth).toEqual(township.byMonth);
    expect(counts.byPlace).toEqual(township.byPlace);
    expect(counts.byGroup).toEqual(township.byGroup);
    // The stations' own figures, place by place.
    expect(byPlace(counts)[A]).toEqual(ownA.total);
    expect(byPlace(counts)[B]).toEqual(ownB.total);
    // Named, the townships too (the card groups villages under them).
    expect(counts.placeNames[TOWNSHIP]).not.toBe(TOWNSHIP);
    // The export at the county carries the sheet too.
    const file = await county.core.call(county.session, 'stats.export', RANGE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    expect((book.getWorksheet('就业统计')!.getRow(10).values as unknown[]).slice(1)).toEqual(['合计', 3, 2, 3]);

    // Village B registers P1 too: the one resident record meets A's as a conflict in the
    // aggregate, and P1's entries count at the county for no one until the county resolves it.
    await b.core.call(b.session, 'residents.register', registration({ idNumber: P1, name: '甲一', householdType: 'nonAgricultural', targetGroups: [], registration: { kind: 'jobSeeking', date: '2026-02-11' } }));
    await synced(b);
    const after = await eventually(() => county.core.call(county.session, 'employment.counts', RANGE), (v) => v.total.newUrban === 2);
    expect(after.total).toEqual(c(2, 1, 3));
    expect(byPlace(after)[A]).toEqual(c(0, 0, 2));
    // The village itself still counts its own.
    expect((await a.core.call(a.session, 'employment.counts', RANGE)).total).toEqual(ownA.total);
  }, 120_000);
});
