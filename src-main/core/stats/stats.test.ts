// The statistics of one station: numbers against records created here (expected values computed
// from the inputs), kept current after changes, bad month ranges refused on their field, and the
// spreadsheet export carrying the same numbers.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core';
import { ID_PREFIX, type AuditDoc } from '../store/docs';
import { monthRange } from './facts';
import { readSavedCopy } from '../testing/savedCopies';
import { SAVED_TALLY } from './tally';
import { followedTally } from './follow';
import { prefixRange } from '../store/db';
import { idNumber, openStation, refusal, registration, tempDir, villagePost } from '../testing/fixtures';
import { expectedRow, seedStation, type SeedStation } from '../testing/statsData';
import { shownRate } from '../../../shared/stats/percent';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function station(): Promise<SeedStation> {
  let now = new Date('2026-11-22T10:00:00+08:00');
  const s = await openStation(tempDir(), () => now);
  open.push(s.core);
  return { core: s.core, session: s.session, placeCode: '370102001002', at: (iso) => (now = new Date(iso)) };
}

describe('the station dashboard', () => {
  it('counts registrations by kind and group, post holders and attendance, training and eligibility, month by month', async () => {
    const st = await station();
    const seeded = await seedStation(st, 1, 16, true);
    const dash = await st.core.call(st.session, 'stats.dashboard', {});
    // Default: the last 12 months up to the current one.
    expect(dash).toMatchObject({ level: 'village', placeCode: '370102001002', from: '2025-12', to: '2026-11', source: 'station' });
    expect(dash.months).toEqual(monthRange('2025-12', '2026-11'));
    for (const row of dash.byMonth) expect(row).toEqual({ month: row.month, ...expectedRow([seeded], [row.month]) });
    const all = expectedRow([seeded], dash.months);
    expect(dash.total).toEqual(all);
    expect(dash.byPlace).toEqual([{ placeCode: '370102001002', placeName: '解放桥社区居民委员会', ...all }]);
    // The seeded data is not trivial: every kind, a group overlap, an eligible and an ineligible trainee.
    expect(all.registrations.kinds).toMatchObject({ jobSeeking: expect.any(Number), unemployment: expect.any(Number), hardship: expect.any(Number) });
    expect(Object.values(all.registrations.kinds).every((n) => n > 0)).toBe(true);
    expect(Object.values(all.registrations.groups).reduce((a, b) => a + b, 0)).toBeGreaterThan(all.registrations.total);
    expect(all.posts).toMatchObject({ holders: 2, attendanceRate: expect.any(Number) });
    // The session's last half-day is this morning: it is still running, so nobody is eligible or not yet.
    expect(all.training).toEqual({ sessions: 1, trainees: 3, eligible: 0, finishedTrainees: 0, runningSessions: 1, eligibilityRate: null });
    // The day after it ended, its eligibility counts.
    st.at('2026-11-23T09:00:00+08:00');
    const ended = await st.core.call(st.session, 'stats.dashboard', { from: '2025-12', to: '2026-11' });
    expect(ended.total.training).toEqual({ sessions: 1, trainees: 3, eligible: 1, finishedTrainees: 3, runningSessions: 0, eligibilityRate: 0.3333 });
    expect(ended.total).toEqual(expectedRow([seeded], dash.months, '2026-11-23'));
    st.at('2026-11-22T10:00:00+08:00');

    // An explicit range that includes the June 2025 registrations.
    const longer = await st.core.call(st.session, 'stats.dashboard', { from: '2025-01', to: '2026-12' });
    expect(longer.months).toHaveLength(24);
    expect(longer.total).toEqual(expectedRow([seeded], longer.months));
    expect(longer.total.registrations.total).toBe(16);
  });

  it('follows new records without re-reading the station', async () => {
    const st = await station();
    const seeded = await seedStation(st, 2, 6, true);
    const before = await st.core.call(st.session, 'stats.dashboard', { from: '2026-11', to: '2026-11' });
    expect(before.total).toEqual(expectedRow([seeded], ['2026-11']));
    const r = await st.core.call(st.session, 'residents.register', registration({ idNumber: idNumber('19750505', '901'), targetGroups: ['veteran'], registration: { kind: 'jobSeeking', date: '2026-11-21' } }));
    seeded.residents.push({ kind: 'jobSeeking', date: '2026-11-21', groups: ['veteran'], id: r.id });
    // A corrected mark: absent on 11-02 replaces present (a new revision of the same day).
    await st.core.call(st.session, 'attendance.set', { postId: villagePost('P-2'), marks: [{ residentId: seeded.assignments[0]!.residentId, date: '2026-11-02', mark: 'absent', hours: 0 }] });
    seeded.marks = seeded.marks.map((m) => (m.date === '2026-11-02' ? { ...m, mark: 'absent' } : m));
    const after = await st.core.call(st.session, 'stats.dashboard', { from: '2026-11', to: '2026-11' });
    expect(after.total).toEqual(expectedRow([seeded], ['2026-11']));
    expect(after.total.registrations.groups.veteran).toBe(before.total.registrations.groups.veteran + 1);
    expect(after.total.posts.presentDays).toBe(before.total.posts.presentDays - 1);
  });

  it('opens after a restart from the counts it kept, without reading the records again, and follows what changed since', async () => {
    const dataDir = tempDir();
    let now = new Date('2026-11-22T10:00:00+08:00');
    const first = await openStation(dataDir, () => now);
    const st: SeedStation = { core: first.core, session: first.session, placeCode: '370102001002', at: (iso) => (now = new Date(iso)) };
    const seeded = await seedStation(st, 1, 16, true);
    const before = await first.core.call(first.session, 'stats.dashboard', { from: '2025-01', to: '2026-12' });
    // The counts are saved beside the records once they are all read (without holding up the answer).
    await expect.poll(() => readSavedCopy<{ seq: number }>(first.core.db, SAVED_TALLY)?.seq ?? -1).toBeGreaterThan(0);
    await first.core.close();

    const again = await openStation(dataDir, () => now);
    open.push(again.core);
    const reads = vi.spyOn(again.core.db, 'allDocs');
    const after = await again.core.call(again.session, 'stats.dashboard', { from: '2025-01', to: '2026-12' });
    expect(after.total).toEqual(before.total);
    expect(after.byMonth).toEqual(before.byMonth);
    // No record is read: every mark and sign-in is the tally's, and the posts' and training's own
    // sets (assignments, month closes, exits, sessions, enrolments) are not loaded for it either
    // (at 50,000 residents they made the first opening after a start 1.9 s).
    expect(reads.mock.calls.map(([options]) => (options as { startkey?: unknown } | undefined)?.startkey)).toEqual([]);

    // A mark corrected after the restart is counted: the kept tally catches up from the changes.
    await again.core.call(again.session, 'attendance.set', { postId: villagePost('P-1'), marks: [{ residentId: seeded.assignments[0]!.residentId, date: '2026-11-02', mark: 'absent', hours: 0 }] });
    seeded.marks = seeded.marks.map((m) => (m.date === '2026-11-02' ? { ...m, mark: 'absent' } : m));
    const changed = await again.core.call(again.session, 'stats.dashboard', { from: '2026-11', to: '2026-11' });
    expect(changed.total).toEqual(expectedRow([seeded], ['2026-11']));
  });

  it('keeps its tally current from the changes feed, before any dashboard call', async () => {
    const st = await station();
    const seeded = await seedStation(st, 1, 8, true);
    await st.core.whenIndexed();
    const tally = followedTally(st.core.db)!;
    // Nobody opened the statistics: the tally followed the records as they were written.
    await expect.poll(() => tally.attendance.size, { timeout: 5_000 }).toBe(seeded.marks.length);
    expect(tally.assignments.size).toBe(seeded.assignments.length);
    // Marks arriving as replication brings them (one bulk write) are taken in too.
    const mark = (await st.core.db.allDocs({ include_docs: true, ...prefixRange(ID_PREFIX.attendance), limit: 1 })).rows[0]!.doc as unknown as Record<string, unknown> & { _id: string; date: string };
    const copies = Array.from({ length: 30 }, (_, i) => ({ ...mark, _id: `${mark._id}x${i}`, _rev: undefined, date: '2026-10-01' }));
    await st.core.db.bulkDocs(copies);
    await expect.poll(() => tally.attendance.size, { timeout: 5_000 }).toBe(seeded.marks.length + 30);
    const seq = Number((await st.core.db.info()).update_seq);
    expect(tally.seq).toBe(seq);
    // The first opening reads no record at all: neither the tally's types nor the posts' and
    // training's own sets (the tally holds what it counts; 1.9 s at 50,000 residents when the
    // dashboard loaded the station's assignments, closes and enrolments first).
    const reads = vi.spyOn(st.core.db, 'allDocs');
    const changes = vi.spyOn(st.core.db, 'changes');
    const dash = await st.core.call(st.session, 'stats.dashboard', { from: '2026-11', to: '2026-11' });
    expect(dash.total).toEqual(expectedRow([seeded], ['2026-11']));
    expect(reads.mock.calls.map(([o]) => (o as { startkey?: unknown } | undefined)?.startkey)).toEqual([]);
    expect(changes).not.toHaveBeenCalled();
  });

  it('refuses bad month ranges, naming the field', async () => {
    const { core, session } = await station();
    expect(await refusal(core.call(session, 'stats.dashboard', { from: '2026-13' }))).toMatchObject({ code: 'VALIDATION', field: 'from', messageKey: 'errors.month' });
    expect(await refusal(core.call(session, 'stats.dashboard', { to: '26-01' }))).toMatchObject({ field: 'to', messageKey: 'errors.month' });
    expect(await refusal(core.call(session, 'stats.dashboard', { from: '2026-05', to: '2026-04' }))).toMatchObject({ field: 'to', messageKey: 'errors.stats.toBeforeFrom' });
    expect(await refusal(core.call(session, 'stats.dashboard', { from: '2010-01', to: '2026-04' }))).toMatchObject({ field: 'from', messageKey: 'errors.stats.rangeTooLong' });
    expect(await refusal(core.call(session, 'stats.export', { from: 202601 }))).toMatchObject({ field: 'from' });
    // One end alone is checked against the defaulted other end.
    expect(await refusal(core.call(session, 'stats.dashboard', { from: '2000-01' }))).toMatchObject({ field: 'from', messageKey: 'errors.stats.rangeTooLong' });
    expect(await refusal(core.call(session, 'stats.dashboard', { place: '370102' }))).toMatchObject({ field: 'place', messageKey: 'errors.unknownField' });
    // A county dashboard needs the county server; this village station is not one, but an unconnected county is refused clearly.
    const county = await openStation(tempDir(), undefined, '370102');
    open.push(county.core);
    expect(await refusal(county.core.call(county.session, 'stats.dashboard', {}))).toMatchObject({ messageKey: 'errors.stats.countyNotConnected' });
  });

  it('exports the tables as an .xlsx with the same numbers, and logs the export', async () => {
    const st = await station();
    await seedStation(st, 3, 10, true);
    const dash = await st.core.call(st.session, 'stats.dashboard', { from: '2026-01', to: '2026-11' });
    const file = await st.core.call(st.session, 'stats.export', { from: '2026-01', to: '2026-11' });
    expect(file.fileName).toBe('统计-解放桥社区居民委员会-2026-01至2026-11.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const byMonth = book.getWorksheet('按月')!;
    const header = (byMonth.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['月份', '登记人数', '求职登记', '失业登记', '就业困难人员认定申请']);
    const col = (name: string) => header.indexOf(name) + 1;
    dash.byMonth.forEach((row, i) => {
      const cells = byMonth.getRow(4 + i);
      expect(cells.getCell(1).value).toBe(row.month);
      expect(cells.getCell(col('登记人数')).value).toBe(row.registrations.total);
      expect(cells.getCell(col('退役军人')).value).toBe(row.registrations.groups.veteran);
      expect(cells.getCell(col('在岗人数')).value).toBe(row.posts.holders);
      // As the screen shows it (rounded down to 0.1 %), so Excel's 0.0% shows the same digits.
      expect(cells.getCell(col('出勤率')).value).toBe(row.posts.attendanceRate === null ? null : shownRate(row.posts.attendanceRate));
      expect(cells.getCell(col('合格人数')).value).toBe(row.training.eligible);
    });
    const totalRow = byMonth.getRow(4 + dash.byMonth.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(col('登记人数')).value).toBe(dash.total.registrations.total);
    expect(totalRow.getCell(col('培训人数')).value).toBe(dash.total.training.trainees);
    const byPlace = book.getWorksheet('按村（社区）')!;
    expect(byPlace.getRow(4).getCell(2).value).toBe('370102001002');
    const audits = await st.core.db.allDocs<AuditDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.audit) });
    expect(audits.rows.map((r) => r.doc).find((d) => d?.action === 'export')).toMatchObject({ targetId: 'stats:370102001002', field: 'statistics', reason: '2026-01..2026-11', createdBy: 'wangli' });
  });
});
