// Issue 5's statistics figures, on the big station (100,000 residents plus issue 3's posts,
// attendance, sessions and sign-ins): the first opening of the dashboard, which reads the
// station's posts and training records once, and later openings, each after a new registration
// (residents are counted from the in-memory index, the rest from the changes since).
import type { Core, Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';
import { timed } from './stats';
import { docId } from '../shared/documents/registry';
import { followedTally } from '../src-main/core/stats/follow';

const SAMPLES = 30;

/**
 * `--only stats`: 100 posts, each with one holder and a year of daily marks (36,500 attendance
 * documents), written straight to the database as replication would bring them.
 */
export async function seedMarks(core: Core, session: Session, waitForIndex = true): Promise<number> {
  const user = session.user!.loginName;
  const at = core.now();
  const stamp = { schemaVersion: 1, placeCode: '370102001002', createdBy: user, createdAt: at, updatedBy: user, updatedAt: at };
  const holders = (await core.call(session, 'residents.search', { query: '', sort: 'name', order: 'asc', offset: 0, limit: 100 })).items;
  const today = core.today();
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - 364);
  const first = start.toISOString().slice(0, 10);
  const marks = ['present', 'present', 'present', 'present', 'rest', 'absent', 'sickLeave'] as const;
  let written = 0;
  for (const [p, holder] of holders.entries()) {
    const code = `BS-${String(p).padStart(3, '0')}`;
        const docs: ({ _id: string } & Record<string, unknown>)[] = [
      { _id: docId.post(stamp.placeCode, code), type: 'post', ...stamp, code, name: '保洁', kind: 'rural', category: 'ruralCleaning', employer: { name: '街道', creditCode: '' }, plannedHoursPerMonth: 40, payPerMonthFen: 100_000, startDate: first, endDate: today },
      { _id: docId.assignment(docId.post(stamp.placeCode, code), holder.id, first), type: 'assignment', ...stamp, postId: docId.post(stamp.placeCode, code), residentId: holder.id, startDate: first, endDate: today, contractNo: code, override: null },
    ];
    for (let d = 0; d < 365; d++) {
      const date = new Date(start);
      date.setUTCDate(date.getUTCDate() + d);
      const iso = date.toISOString().slice(0, 10);
      const mark = marks[(d + p) % marks.length]!;
      docs.push({ _id: docId.attendance(docId.post(stamp.placeCode, code), holder.id, iso), type: 'attendance', ...stamp, postId: docId.post(stamp.placeCode, code), residentId: holder.id, date: iso, mark, hours: mark === 'present' ? 4 : 0, history: [] });
    }
    await core.db.bulkDocs(docs);
    written += docs.length;
  }
  // The core's changes feed takes in attendance marks at PouchDB's pace (minutes for a year of them).
  if (waitForIndex) await core.whenIndexed();
  return written;
}

/**
 * Waits until the statistics' tally, following the changes feed in the background, holds every
 * change the database had when called; answers how long that took (ms).
 */
export async function tallyCaughtUp(core: Core): Promise<number> {
  const start = performance.now();
  const target = Number((await core.db.info()).update_seq);
  let waited = 0;
  while ((followedTally(core.db)?.seq ?? -1) < target) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (++waited % 250 === 0) console.log(`stats tally: at ${followedTally(core.db)?.seq ?? 'none'} of ${target}`);
  }
  return Math.round(performance.now() - start);
}

export async function benchStatsDashboard(core: Core, session: Session) {
  await core.whenIndexed();
  // The tally follows the feed in the background: the first opening comes once it has caught up.
  const caughtUpMs = await tallyCaughtUp(core);
  console.log(`stats tally: caught up with the seeded records ${caughtUpMs} ms after the changes feed (in the background, while seeding)`);
  const coldStart = performance.now();
  const first = await core.call(session, 'stats.dashboard', {});
  const coldMs = Math.round(performance.now() - coldStart);
  console.log(`stats dashboard: first opening ${coldMs} ms`);
  const fresh = [...fakeResidents(SAMPLES, { placeCode: '370181001001', today: core.today(), seed: 17 })];
  const warm = await timed(
    SAMPLES,
    () => core.call(session, 'stats.dashboard', {}),
    (i) => core.call(session, 'residents.register', fresh[i]),
  );
  console.log(`stats dashboard: later openings p50 ${warm.p50} ms, p95 ${warm.p95} ms; now the export`);
  const exportStart = performance.now();
  await core.call(session, 'stats.export', {});
  const exportMs = Math.round(performance.now() - exportStart);
  console.log(
    `stats dashboard (${core.residentCount} residents, ${first.total.posts.workDays} marked days, ${first.total.training.trainees} trainees in range): first opening ${coldMs} ms; later openings p50 ${warm.p50} ms, p95 ${warm.p95} ms; export ${exportMs} ms`,
  );
  return { stats_tally_catch_up_ms: caughtUpMs, stats_dashboard_cold_ms: coldMs, stats_dashboard_p50_ms: warm.p50, stats_dashboard_100k_ms: warm.p95, stats_export_ms: exportMs };
}
