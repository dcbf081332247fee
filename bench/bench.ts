// `npm run bench [-- --docs N]`: seeds N residents into a station and measures, in one run,
// what a clerk feels: saving (acknowledged on disk), searching, opening the list, starting the
// core host, and its memory. The last line is one JSON object (keys in bench/README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core, type Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';
import { durabilityStats } from '../src-main/core/store/durableLeveldown';
import { settledHeapUsed } from '../src-main/core/testing/heap';
import { startBenchHost, timeSearches } from './host';
import { benchLoad } from './load';
import { benchPostsAndTraining } from './postsTraining';
import { benchPrint } from './print';
import { DEFAULT_SCALE_SIZES, benchScale } from './scale';
import { benchSheets } from './sheets';
import { benchStatsDashboard, seedMarks } from './statsDashboard';
import { benchSync, benchTownshipPull } from './sync';
import { benchServices } from './services';
import { benchPayroll } from './payroll';
import { RENDERER_TARGETS, benchRenderer, onlyRenderer } from './renderer';
import { benchMemory, hostMemory, hostMemoryFigures, measureSearchIndex, rssTargetMb, searchIndexMb } from './memoryBreakdown';
import { MEMORY_PROBE_ARGS, idleRssMb, rssFileMb, rssMb } from './memory';
import { percentile, printTargets, timed } from './stats';
import { ISSUE18_TARGETS, seedOtherDomains, timeAuditFirstPage } from './bigStation';

const PLACE = '370102001002';
const args = process.argv.slice(2);
const docsArg = args.indexOf('--docs');
const DOCS = docsArg >= 0 ? Number(args[docsArg + 1]) : 100_000;
const SAMPLES = 200;



function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-'));
}

async function newStation(dataDir: string, durable: boolean): Promise<{ core: Core; session: Session }> {
  // No automatic backup in the middle of a measurement.
  const core = await Core.open({ dataDir, durable, backupSchedule: { firstCheckMs: Infinity } });
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: PLACE, clerk: { loginName: 'bench', displayName: '基准', password: 'bench-password' } });
  await core.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
  return { core, session };
}

/**
 * Seeding a big station (the other domains at 300,000 residents) takes longer than the idle
 * lock (10 minutes by default), and the clerk's session locks as it would at a real station:
 * she types her password again before the next measurement, outside of it.
 */
async function awake(station: { core: Core; session: Session }): Promise<void> {
  await station.core.call(station.session, 'auth.unlock', { password: 'bench-password' });
}

/** How many changes each copy kept in the data folder's `kept/` is behind the database (the host's start reads them). */
function keptLag(dataDir: string, seq: number): string {
  const folder = path.join(dataDir, 'kept');
  if (!fs.existsSync(folder)) return 'none';
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const head = fs.readFileSync(path.join(folder, f), 'utf8').slice(0, 400);
      return `${f.replace(/\.json$/, '')} ${seq - Number(/"seq":(\d+)/.exec(head)?.[1] ?? NaN)} behind`;
    })
    .join(', ');
}

/** Registrations nobody at the station has yet (a different seed and county). */
function* freshRegistrations(seed: number) {
  yield* fakeResidents(SAMPLES, { placeCode: '370181001001', today: new Date().toISOString().slice(0, 10), seed });
}

/** Issue 18's sync bars (issue 4's were 2 / 0.8 / 2): floors, not ceilings. */
const SYNC_FLOORS = { sync_push_vs_plain: 2.5, sync_push_vs_ceiling: 0.9, sync_pull_vs_plain: 2.5 };

/** `--only sync`: just issue 4's figures (push/pull and the township's first pull). */
async function onlySync(): Promise<void> {
  const figures = { ...(await benchSync()), ...(await benchTownshipPull()) };
  printTargets(figures, { township_pull_s: 60 }, SYNC_FLOORS);
  console.log(JSON.stringify(figures));
}

/** `--only sheets`: just issue 5's spreadsheet figures (seeds its own DOCS-resident station). */
async function onlySheets(): Promise<void> {
  console.log(JSON.stringify(await benchSheets(undefined, DOCS)));
}

/** `--only stats`: the big station with issue 3's records, then just issue 5's dashboard figures. */
async function onlyStats(): Promise<void> {
  const dataDir = tempDir();
  const big = await newStation(dataDir, true);
  await big.core.seedResidents(fakeResidents(DOCS, { placeCode: PLACE, today: new Date().toISOString().slice(0, 10), seed: 42 }), big.session.user!);
  await big.core.whenIndexed();
  // A lighter stand-in for issue 3's records (which take minutes to seed): a year of marks.
  await seedMarks(big.core, big.session);
  // Issue 18: the other domains' documents and the audit log too.
  const domains = await seedOtherDomains(big.core, big.session);
  await awake(big);
  const figures = { docs: DOCS, ...domains.figures, ...(await benchStatsDashboard(big.core, big.session)), stats_dashboard_restart_ms: 0, audit_first_page_ms: 0, audit_next_page_ms: 0 };
  await big.core.close();
  // Closed and opened again: the counts kept in the database instead of every record read again.
  const again = await Core.open({ dataDir, backupSchedule: { firstCheckMs: Infinity } });
  const session: Session = { user: null };
  await again.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
  Object.assign(figures, await timeAuditFirstPage((name, a) => again.call(session, name as 'audit.list', a as never)));
  await again.whenIndexed();
  const start = performance.now();
  await again.call(session, 'stats.dashboard', {});
  figures.stats_dashboard_restart_ms = Math.round(performance.now() - start);
  await again.close();
  console.log(`stats dashboard after a restart: first opening ${figures.stats_dashboard_restart_ms} ms`);
  printTargets(figures, ISSUE18_TARGETS);
  console.log(JSON.stringify(figures));
}

/** Issue 16's targets: a resident's timeline, recording a service, the work list (待办). */
const SERVICES_TARGETS = { timeline_p95_ms: 50, service_save_p95_ms: 50, worklist_p95_ms: 100 };

/** `--only services`: DOCS residents, then just issue 16's figures (service records, status entries, the work list). */
async function onlyServices(): Promise<void> {
  const dataDir = tempDir();
  const big = await newStation(dataDir, true);
  const seedStart = performance.now();
  await big.core.seedResidents(fakeResidents(DOCS, { placeCode: PLACE, today: new Date().toISOString().slice(0, 10), seed: 42 }), big.session.user!);
  await big.core.whenIndexed();
  console.log(`seeded ${big.core.residentCount} residents in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const figures = { docs: DOCS, ...(await benchServices(big.core, big.session, DOCS)) };
  await big.core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  printTargets(figures, SERVICES_TARGETS);
  console.log(JSON.stringify(figures));
}

async function main(): Promise<void> {
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'sync') return onlySync();
  // `--only print`: just issue 5's printed form (the 50-holder attendance sheet to PDF).
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'print') return void console.log(JSON.stringify(await benchPrint()));
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'sheets') return onlySheets();
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'stats') return onlyStats();
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'services') return onlyServices();
  // Issue 17: `--only payroll`, a township's payroll of 30 villages × 50 holders (print route and .xlsx).
  // Issue 18: `--only renderer`, the renderer's start in Chromium with the CPU throttled 4×.
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'renderer') return onlyRenderer();
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'payroll') return void console.log(JSON.stringify(await benchPayroll()));
  // Issue 6: `--scale` / `--only scale [--sizes a,b,c]`, and `--only load [--stations N] [--residents N]`.
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  // Issue 18: `--only memory [--records full]`, where the core host's memory goes.
  // Issue 18: `--only start --keep DIR`: the host's cold start, first list page and audit pages on a station kept by `--only memory` (builds side by side).
  if (option('--only') === 'start') return void console.log(JSON.stringify(await benchStart(option('--keep') ?? '')));
  if (option('--only') === 'search-index') return void console.log(JSON.stringify(await measureSearchIndex(option('--keep') ?? '')));
  if (option('--only') === 'memory') return void console.log(JSON.stringify(await benchMemory(DOCS, (option('--records') ?? 'marks') as 'marks' | 'full' | 'all', option('--keep'), option('--host-args')?.split(' ').filter(Boolean))));
  if (args.includes('--scale') || option('--only') === 'scale') return void console.log(JSON.stringify(await benchScale(option('--sizes')?.split(',').map(Number) ?? DEFAULT_SCALE_SIZES)));
  if (option('--only') === 'load') return void console.log(JSON.stringify(await benchLoad(Number(option('--stations') ?? 50), Number(option('--residents') ?? 300))));
  const today = new Date().toISOString().slice(0, 10);
  console.log(`Leye Station benchmark: ${DOCS} residents, ${SAMPLES} samples per figure, node ${process.version}, ${os.cpus().length} cores`);

  // 1. Seed the big station.
  const dataDir = tempDir();
  const big = await newStation(dataDir, true);
  const seedStart = performance.now();
  await big.core.seedResidents(fakeResidents(DOCS, { placeCode: PLACE, today, seed: 42 }), big.session.user!);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // The changes feed indexes bulk writes at PouchDB's pace; measure once it has caught up.
  const catchUpStart = performance.now();
  await big.core.whenIndexed();
  const catchUpSeconds = (performance.now() - catchUpStart) / 1000;
  console.log(`seeded ${big.core.residentCount} residents in ${seedSeconds.toFixed(1)} s (changes feed caught up ${catchUpSeconds.toFixed(1)} s later)`);

  // 2. Register at full size, durable (acknowledged after LevelDB fsynced its log).
  const syncsBefore = durabilityStats.syncedWrites;
  const fresh = [...freshRegistrations(9)];
  const register = await timed(SAMPLES, (i) => big.core.call(big.session, 'residents.register', fresh[i]));
  const syncsPerRegister = (durabilityStats.syncedWrites - syncsBefore) / SAMPLES;
  console.log(`register (durable, ${DOCS} docs): p50 ${register.p50} ms, p95 ${register.p95} ms, ${syncsPerRegister} synced writes each`);

  // 3. What durability costs: two small stations side by side, synced and not, interleaved.
  const synced = await newStation(tempDir(), true);
  const unsynced = await newStation(tempDir(), false);
  const pairs = [...freshRegistrations(11)];
  const syncedTimes: number[] = [];
  const unsyncedTimes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    for (const [station, times] of [[synced, syncedTimes], [unsynced, unsyncedTimes]] as const) {
      const start = performance.now();
      await station.core.call(station.session, 'residents.register', pairs[i]);
      times.push(performance.now() - start);
    }
  }
  const durableCost = {
    syncedP50: percentile(syncedTimes, 50),
    syncedP95: percentile(syncedTimes, 95),
    unsyncedP50: percentile(unsyncedTimes, 50),
    unsyncedP95: percentile(unsyncedTimes, 95),
  };
  console.log(`fsync cost (small station): synced p50 ${durableCost.syncedP50} / p95 ${durableCost.syncedP95} ms vs unsynced p50 ${durableCost.unsyncedP50} / p95 ${durableCost.unsyncedP95} ms (x${(durableCost.syncedP50 / durableCost.unsyncedP50).toFixed(1)} at p50)`);
  await synced.core.close();
  await unsynced.core.close();
  const postsAndTraining = await benchPostsAndTraining(big.core, big.session);
  // Issue 18: every domain's documents on the big station before the statistics and memory figures.
  await awake(big);
  const domains = await seedOtherDomains(big.core, big.session);
  await awake(big);
  const statsDashboard = await benchStatsDashboard(big.core, big.session);
  await awake(big);
  const services = await benchServices(big.core, big.session, DOCS, domains.services);
  const sync = { ...(await benchSync()), ...(await benchTownshipPull()) };
  const print = await benchPrint();
  await awake(big);
  const sheets = await benchSheets(big, DOCS);
  const closedAt = Number((await big.core.db.info()).update_seq);
  await big.core.close();
  console.log(`kept copies at the host's start (database at sequence ${closedAt}): ${keptLag(dataDir, closedAt)}`);

  // 4. Cold start of the core host process on the big station, then everything over its WebSocket.
  const searchIndex = searchIndexMb(dataDir);
  // What the big station's close freed in this process is collected now, not while the host's figures are taken (they are timed here).
  await settledHeapUsed();
  const { child, client, close, coldStartMs, loginAfterStartMs, listFirstMs } = await startBenchHost(dataDir, MEMORY_PROBE_ARGS, ['ignore', 'pipe', 'inherit', 'ipc']);
  console.log(`cold start to first answer: ${coldStartMs} ms (logged in ${loginAfterStartMs} ms after the spawn); first list page after start: ${listFirstMs} ms`);
  const auditFirstPage = await timeAuditFirstPage((name, a) => client.call(name as 'audit.list', a as never));

  const { byInitials, byIdFragment, openList } = await timeSearches(client, SAMPLES);
  const overWs = [...freshRegistrations(13)];
  const registerOverWs = await timed(50, (i) => client.call('residents.register', overWs[i]!));
  const rssBusy = rssMb(child.pid!);
  // Issue 18: the host gives back what the work freed once idle (src-main/host/idleCollector.ts).
  const rss = await idleRssMb(child.pid!);
  const rssFile = rssFileMb(child.pid!);
  // Issue 18: where it goes (the probe collects garbage first; `rss` is read before, as always).
  const memory = hostMemoryFigures(await hostMemory(child), searchIndex);
  console.log(`search by pinyin initials: p50 ${byInitials.p50} ms, p95 ${byInitials.p95} ms`);
  console.log(`search by ID fragment (6 digits): p50 ${byIdFragment.p50} ms, p95 ${byIdFragment.p95} ms`);
  console.log(`open the list (first page of 100, four sorts): p50 ${openList.p50} ms, p95 ${openList.p95} ms`);
  console.log(`register over the WebSocket carrier: p50 ${registerOverWs.p50} ms, p95 ${registerOverWs.p95} ms`);
  console.log(`core host RSS: ${rssBusy} MB right after the calls, ${rss} MB once idle, of which ${rssFile} MB file-backed (after a full GC: heap used ${memory.mem_heap_used_mb} of ${memory.mem_heap_total_mb} MB, external ${memory.mem_external_mb} MB, native rest ${memory.mem_native_mb} MB; the search index alone ${memory.mem_search_index_mb} MB)`);
  close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
  const renderer = await benchRenderer();

  const figures = {
    docs: DOCS,
    seed_seconds: Math.round(seedSeconds * 10) / 10,
    register_p50_ms: register.p50,
    register_p95_ms: register.p95,
    register_ws_p50_ms: registerOverWs.p50,
    register_ws_p95_ms: registerOverWs.p95,
    synced_writes_per_register: syncsPerRegister,
    fsync_register_p50_ms: durableCost.syncedP50,
    fsync_register_p95_ms: durableCost.syncedP95,
    nosync_register_p50_ms: durableCost.unsyncedP50,
    nosync_register_p95_ms: durableCost.unsyncedP95,
    fsync_cost_ratio_p50: Math.round((durableCost.syncedP50 / durableCost.unsyncedP50) * 10) / 10,
    search_initials_p50_ms: byInitials.p50,
    search_initials_p95_ms: byInitials.p95,
    search_id_p50_ms: byIdFragment.p50,
    search_id_p95_ms: byIdFragment.p95,
    list_open_p50_ms: openList.p50,
    list_open_p95_ms: openList.p95,
    list_first_after_start_ms: listFirstMs,
    cold_start_ms: coldStartMs,
    login_after_start_ms: loginAfterStartMs,
    rss_mb: rss,
    rss_file_mb: rssFile,
    rss_busy_mb: rssBusy,
    ...memory,
    ...postsAndTraining,
    ...domains.figures,
    ...statsDashboard,
    ...auditFirstPage,
    ...services,
    ...sync,
    ...print,
    ...sheets,
    ...renderer,
  };
  const targets = {
    register_p95_ms: 50,
    search_initials_p95_ms: 30,
    search_id_p95_ms: 30,
    cold_start_ms: 2000,
    rss_mb: rssTargetMb(DOCS),
    attendance_cell_p95_ms: 50,
    sign_in_p95_ms: 50,
    month_grid_p95_ms: 300,
    month_close_p95_ms: 1000,
    township_pull_s: 60,
    print_attendance_pdf_ms: 2000,
    sheet_import_10k_s: 10,
    sheet_export_100k_s: 10,
    stats_dashboard_100k_ms: 100,
    ...ISSUE18_TARGETS,
  };
  printTargets(figures, { ...targets, ...SERVICES_TARGETS, ...RENDERER_TARGETS }, SYNC_FLOORS);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** The host started on a kept station: its cold start, first list page and the audit log's first pages. */
async function benchStart(dataDir: string) {
  if (!fs.existsSync(path.join(dataDir, 'station'))) throw new Error('--only start needs --keep DIR, a station kept by --only memory');
  const { child, client, close, coldStartMs, loginAfterStartMs, listFirstMs } = await startBenchHost(dataDir);
  try {
    const audit = await timeAuditFirstPage((name, a) => client.call(name as 'audit.list', a as never));
    console.log(`cold start to first answer: ${coldStartMs} ms (logged in ${loginAfterStartMs} ms after the spawn); first list page after start: ${listFirstMs} ms`);
    return { cold_start_ms: coldStartMs, login_after_start_ms: loginAfterStartMs, list_first_after_start_ms: listFirstMs, ...audit };
  } finally {
    close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
