// Issue 6's scale figures: the station figures of the earlier issues at several sizes (10,000,
// 100,000 and 300,000 residents by default), each in a fresh data folder, and how each cost
// grows from one size to the next. Saves, the dashboard, the ledger export and the sync push are
// in-process `Core.call`s; searching, listing, the cold start and the memory are the core host
// process's (`dist/host/node-host.cjs`, over its WebSocket), as the browser preview runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionCounty } from '../county/provision';
import { createServerAdmin, startPouchServer } from '../county/pouchServer';
import { Core, type Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';
import { startBenchHost, timeSearches } from './host';
import { MEMORY_PROBE_ARGS, probeMemory } from './memory';
import { timed } from './stats';
import { benchStatsDashboard } from './statsDashboard';
import { docId } from '../shared/documents/registry';

const PLACE = '370102001002';
const SAMPLES = 200;
const ADMIN = { user: 'bench-admin', password: 'bench-secret' };
const NEVER = { debounceMs: 3_600_000, intervalMs: 3_600_000, backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000, requestTimeoutMs: 300_000 };
export const DEFAULT_SCALE_SIZES = [10_000, 100_000, 300_000];

/** The figures measured at each size, in the order of the table; `unit` as printed. */
const FIGURES = [
  ['seed_seconds', 'seed', 's'],
  ['register_p50_ms', 'save p50 (acknowledged on disk)', 'ms'],
  ['register_p95_ms', 'save p95 (acknowledged on disk)', 'ms'],
  ['search_initials_p50_ms', 'search by initials p50', 'ms'],
  ['search_initials_p95_ms', 'search by initials p95', 'ms'],
  ['search_id_p50_ms', 'search by ID fragment p50', 'ms'],
  ['search_id_p95_ms', 'search by ID fragment p95', 'ms'],
  ['list_open_p50_ms', 'open the list p50', 'ms'],
  ['list_open_p95_ms', 'open the list p95', 'ms'],
  ['list_first_after_start_ms', 'first list page after start', 'ms'],
  ['cold_start_ms', 'core host start', 'ms'],
  ['host_rss_loaded_mb', 'host RSS after load', 'MB'],
  ['host_heap_loaded_mb', 'host heap after load', 'MB'],
  ['host_rss_mb', 'host RSS after the operations', 'MB'],
  ['host_heap_mb', 'host heap after the operations', 'MB'],
  ['snapshot_mb', 'search index snapshot', 'MB'],
  ['database_mb', 'station database on disk', 'MB'],
  ['ledger_export_s', 'ledger export', 's'],
  ['stats_dashboard_cold_ms', 'stats dashboard, first opening', 'ms'],
  ['stats_dashboard_p50_ms', 'stats dashboard, later p50', 'ms'],
  ['stats_dashboard_p95_ms', 'stats dashboard, later p95', 'ms'],
  ['sync_push_docs', 'documents pushed', ''],
  ['sync_push_s', 'sync push to a fresh county database', 's'],
  ['sync_push_docs_per_s', 'sync push rate', 'docs/s'],
] as const;

type FigureKey = (typeof FIGURES)[number][0];
type SizeFigures = Record<FigureKey, number>;

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function folderMb(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return round(bytes / 1048576, 1);
}

/**
 * The server's first thousands of documents are slower (its JIT, caches): without this the push
 * at the smallest size would measure the warm-up (as issue 4's figures, 3,000 documents into a
 * database with the station's validation).
 */
async function warmUp(serverUrl: string): Promise<void> {
  const authorization = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
  const request = async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${serverUrl}${pathname}`, { method, headers: { authorization, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!response.ok) throw new Error(`warm-up ${method} ${pathname}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const { _rev: _ignored, ...design } = await request('GET', `/station_${PLACE}/_design/leye`);
  await request('PUT', '/warm_up');
  await request('PUT', '/warm_up/_design/leye', design);
  const at = new Date().toISOString();
  const docs = [...fakeResidents(3000, { placeCode: PLACE, today: at.slice(0, 10), seed: 9 })].map((p, i) => ({
    _id: docId.resident(`warmup${String(i).padStart(6, '0')}`),
    _rev: `1-${String(i).padStart(32, '0')}`,
    type: 'resident',
    schemaVersion: 1,
    placeCode: PLACE,
    createdBy: 'bench',
    createdAt: at,
    updatedBy: 'bench',
    updatedAt: at,
    ...(p as object),
  }));
  for (let i = 0; i < docs.length; i += 1000) await request('POST', '/warm_up/_bulk_docs', { docs: docs.slice(i, i + 1000), new_edits: false });
}

/** One size: a fresh station connected to a fresh county server, seeded, measured, then started as a host. */
async function measureSize(docs: number): Promise<SizeFigures> {
  const today = new Date().toISOString().slice(0, 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-scale-'));
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-scale-county-'));
  const server = await startPouchServer({ dir: serverDir });
  const figures = {} as SizeFigures;
  try {
    await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
    // Replication into the aggregate is left out, as in issue 4's figures: the push meets an idle server.
    const provisioned = await provisionCounty(server.url, ADMIN, { county: PLACE.slice(0, 6), townships: [{ code: PLACE.slice(0, 9), villages: [PLACE] }], aggregateReplication: false });
    await warmUp(server.url);
    const core = await Core.open({ dataDir, durable: true, syncTiming: NEVER });
    const session: Session = { user: null };
    await core.call(session, 'station.setup', { placeCode: PLACE, clerk: { loginName: 'bench', displayName: '基准', password: 'bench-password' } });
    await core.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
    // Connected first, as a station set up with its setup code is: the residents carry county ids.
    await core.call(session, 'sync.connect', { setupCode: provisioned.created.find((a) => a.place === PLACE)!.setupCode });

    const seedStart = performance.now();
    await core.seedResidents(fakeResidents(docs, { placeCode: PLACE, today, seed: 42 }), session.user!);
    if (!(await core.whenIndexed(1_800_000))) throw new Error(`the index did not catch up with ${docs} residents in 30 minutes`);
    figures.seed_seconds = round((performance.now() - seedStart) / 1000, 1);

    // Registrations nobody at the station has yet (a different seed and county).
    const fresh = [...fakeResidents(SAMPLES, { placeCode: '370181001001', today, seed: 9 })];
    const register = await timed(SAMPLES, (i) => core.call(session, 'residents.register', fresh[i]));
    figures.register_p50_ms = register.p50;
    figures.register_p95_ms = register.p95;

    const stats = await benchStatsDashboard(core, session);
    figures.stats_dashboard_cold_ms = stats.stats_dashboard_cold_ms;
    figures.stats_dashboard_p50_ms = stats.stats_dashboard_p50_ms;
    figures.stats_dashboard_p95_ms = stats.stats_dashboard_100k_ms;

    const exportStart = performance.now();
    await core.call(session, 'sheets.exportLedger', {});
    figures.ledger_export_s = round((performance.now() - exportStart) / 1000);

    const waiting = (await core.call(session, 'sync.status', {})).waiting;
    const pushStart = performance.now();
    const pushed = await core.call(session, 'sync.now', {});
    const pushMs = performance.now() - pushStart;
    if (pushed.state !== 'idle' || pushed.waiting !== 0) throw new Error(`scale sync push failed: ${JSON.stringify(pushed.failure)}`);
    figures.sync_push_docs = waiting;
    figures.sync_push_s = round(pushMs / 1000, 1);
    figures.sync_push_docs_per_s = Math.round((waiting / pushMs) * 1000);
    await core.close();
    figures.snapshot_mb = round(fs.statSync(path.join(dataDir, 'search-index.json')).size / 1048576, 1);
    figures.database_mb = folderMb(path.join(dataDir, 'station'));
  } finally {
    // The host below would otherwise sync with it on its own timers, into the measurements.
    await server.stop();
    fs.rmSync(serverDir, { recursive: true, force: true });
  }

  // The core host process: cold start, then everything over its WebSocket.
  const { child, client, close, coldStartMs, listFirstMs } = await startBenchHost(dataDir, MEMORY_PROBE_ARGS, ['ignore', 'pipe', 'inherit', 'ipc']);
  try {
    figures.cold_start_ms = coldStartMs;
    figures.list_first_after_start_ms = listFirstMs;
    const loaded = await probeMemory(child);
    figures.host_rss_loaded_mb = loaded.rssMb;
    figures.host_heap_loaded_mb = loaded.heapUsedMb;

    const { byInitials, byIdFragment, openList } = await timeSearches(client, SAMPLES);
    Object.assign(figures, {
      search_initials_p50_ms: byInitials.p50,
      search_initials_p95_ms: byInitials.p95,
      search_id_p50_ms: byIdFragment.p50,
      search_id_p95_ms: byIdFragment.p95,
      list_open_p50_ms: openList.p50,
      list_open_p95_ms: openList.p95,
    });
    const after = await probeMemory(child);
    figures.host_rss_mb = after.rssMb;
    figures.host_heap_mb = after.heapUsedMb;
    close();
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

const show = (value: number, unit: string) => `${value}${unit ? ` ${unit}` : ''}`;

/** `--scale` / `--only scale [--sizes 10000,100000,300000]`. */
export async function benchScale(sizes: number[] = DEFAULT_SCALE_SIZES) {
  const measured: SizeFigures[] = [];
  for (const size of sizes) {
    console.log(`scale: ${size} residents …`);
    measured.push(await measureSize(size));
    console.log(`scale: ${size} residents: ${JSON.stringify(measured.at(-1))}`);
  }
  const growth = (key: FigureKey) =>
    measured.slice(1).map((m, i) => (measured[i]![key] > 0 ? round(m[key] / measured[i]![key]) : null));
  console.log(`\nhow each cost grows: ${sizes.join(' → ')} residents`);
  for (const [key, label, unit] of FIGURES) {
    const ratios = growth(key);
    const cells = measured.map((m, i) => `${show(m[key], unit)}${i > 0 ? ` (×${ratios[i - 1] ?? '–'})` : ''}`);
    console.log(`  ${label}: ${cells.join(' → ')}`);
  }
  return {
    scale_sizes: sizes,
    ...Object.fromEntries(FIGURES.map(([key]) => [`scale_${key}`, measured.map((m) => m[key])])),
    scale_growth: Object.fromEntries(FIGURES.map(([key]) => [key, growth(key)])),
  };
}
