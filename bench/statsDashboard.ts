// Issue 5's statistics figures, on the big station (100,000 residents plus issue 3's posts,
// attendance, sessions and sign-ins): the first opening of the dashboard, which reads the
// station's posts and training records once, and later openings, each after a new registration
// (residents are counted from the in-memory index, the rest from the changes since).
import type { Core, Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/demo';
import { timed } from './stats';

const SAMPLES = 30;

export async function benchStatsDashboard(core: Core, session: Session) {
  await core.whenIndexed();
  const coldStart = performance.now();
  const first = await core.call(session, 'stats.dashboard', {});
  const coldMs = Math.round(performance.now() - coldStart);
  const fresh = [...fakeResidents(SAMPLES, { placeCode: '370181001001', today: core.today(), seed: 17 })];
  const warm = await timed(
    SAMPLES,
    () => core.call(session, 'stats.dashboard', {}),
    (i) => core.call(session, 'residents.register', fresh[i]),
  );
  const exportStart = performance.now();
  await core.call(session, 'stats.export', {});
  const exportMs = Math.round(performance.now() - exportStart);
  console.log(
    `stats dashboard (${core.residentCount} residents, ${first.total.posts.workDays} marked days, ${first.total.training.trainees} trainees in range): first opening ${coldMs} ms; later openings p50 ${warm.p50} ms, p95 ${warm.p95} ms; export ${exportMs} ms`,
  );
  return { stats_dashboard_cold_ms: coldMs, stats_dashboard_p50_ms: warm.p50, stats_dashboard_100k_ms: warm.p95, stats_export_ms: exportMs };
}
