// Issue 6's multi-station load: village stations of one county write hundreds of records each
// (registrations, a post, its holders and their daily attendance), then all sync at once against
// one PouchDB Server on 127.0.0.1, provisioned like a real county (validation in every station
// database, continuous replication of each into the county aggregate). The stations are Core
// instances in this process, each with its own LevelDB folder, as many as the county has
// villages syncing. It measures how long until every station reports nothing waiting and until
// the aggregate holds everything, and checks that nothing was lost on the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionCounty } from '../county/provision';
import { createServerAdmin, startPouchServer } from '../county/pouchServer';
import { placeChildren } from '../shared/places';
import type { SyncStatus } from '../shared/rpc/handlers';
import { Core, type Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';
import type { SyncTiming } from '../src-main/core/sync/sync';
import { findPid, rssMb } from './memory';
import { PREFIX } from '../shared/documents/registry';

const COUNTY = '370102';
const ADMIN = { user: 'load-admin', password: 'load-secret' };
const AUTH = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
// The load decides when stations sync (all at once); live sync's timers stay out of the way.
const QUIET: SyncTiming = { debounceMs: 3_600_000, intervalMs: 3_600_000, backoffBaseMs: 3_600_000, backoffMaxMs: 3_600_000, requestTimeoutMs: 60_000 };
/** The records the load writes: what must reach the county. */
const WRITTEN_PREFIXES = [PREFIX.resident, PREFIX.post, PREFIX.assignment, PREFIX.attendance];
/** Between a station's failed sync and its next attempt (live sync would back off longer). */
const RETRY_MS = 1_000;

export interface LoadOptions {
  stations: number;
  residentsPerStation: number;
  /** Holders of the station's one post; each gets `daysPerHolder` daily marks last month. */
  holdersPerStation: number;
  daysPerHolder: number;
  /** Stations still waiting, or an aggregate still missing documents, after this are reported as such. */
  deadlineMs?: number;
  log?: (line: string) => void;
}

export interface LoadReport {
  stations: number;
  /** Records written at the stations (residents, posts, assignments, attendance). */
  recordsWritten: number;
  /** Documents in the station databases on the server (records plus batch manifests, audit entries, …). */
  serverDocs: number;
  /** Distinct documents the aggregate should hold: every station database's, design documents aside. */
  aggregateExpectedDocs: number;
  aggregateDocs: number;
  /** From the moment all stations started syncing until the last one reported nothing waiting. */
  drainMs: number | null;
  /** Each station's time until it reported nothing waiting (null: it never did before the deadline). */
  stationDrainMs: (number | null)[];
  /** Until the aggregate held every revision of every station database (null: not before the deadline). */
  aggregateDrainMs: number | null;
  /** Records written at a station whose revision is not in its database on the server (`id rev`). */
  missingOnServer: string[];
  /** Revisions in a station database that the aggregate does not hold. */
  missingInAggregate: string[];
  stillWaiting: { place: string; waiting: number; state: SyncStatus['state'] }[];
  syncErrors: number;
  syncRetries: number;
  /** Why the failed attempts failed (reason, or the error's message), as counted. */
  failureReasons: Record<string, number>;
  setupMs: number;
  writeMs: number;
  serverRssPeakMb: number;
  serverRssMb: number;
  /** This process, holding every station's core. */
  stationsRssMb: number;
}

interface Station {
  place: string;
  core: Core;
  session: Session;
  dir: string;
  /** id → revision of every record written here. */
  written: Map<string, string>;
}

/** `count` villages of the county, township by township. */
export function loadVillages(count: number, county = COUNTY): string[] {
  const villages = placeChildren(county).flatMap((t) => placeChildren(t.code).map((v) => v.code));
  if (villages.length < count) throw new Error(`county ${county} has only ${villages.length} villages`);
  return villages.slice(0, count);
}

async function admin<T>(serverUrl: string, method: string, pathname: string, body?: unknown): Promise<T> {
  const response = await fetch(`${serverUrl}${pathname}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The `id rev` pairs of `revs` that database `db` does not hold (CouchDB `_revs_diff`, 2,000 ids a request). */
async function missingRevisions(serverUrl: string, db: string, revs: Map<string, string>): Promise<string[]> {
  const entries = [...revs];
  const missing: string[] = [];
  for (let i = 0; i < entries.length; i += 2000) {
    const ask = Object.fromEntries(entries.slice(i, i + 2000).map(([id, rev]) => [id, [rev]]));
    const answer = await admin<Record<string, { missing: string[] }>>(serverUrl, 'POST', `/${db}/_revs_diff`, ask);
    for (const [id, diff] of Object.entries(answer)) for (const rev of diff.missing) missing.push(`${id} ${rev}`);
  }
  return missing;
}

/** Every document of a database on the server (winning revision), design documents aside. */
async function serverDocs(serverUrl: string, db: string): Promise<Map<string, string>> {
  const all = await admin<{ rows: { id: string; value: { rev: string } }[] }>(serverUrl, 'GET', `/${db}/_all_docs`);
  return new Map(all.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.value.rev]));
}

function lastMonth(today: string): { first: string; month: string } {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  const month = d.toISOString().slice(0, 7);
  return { first: `${month}-01`, month };
}

/** A village station set up and connected with its setup code, its records written while offline from the county. */
async function openStation(place: string, setupCode: string): Promise<Station> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-load-station-'));
  const core = await Core.open({ dataDir: dir, syncTiming: QUIET });
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: place, clerk: { loginName: 'clerk', displayName: '村专员', password: 'load-password' } });
  await core.call(session, 'auth.login', { loginName: 'clerk', password: 'load-password' });
  // Connected first, as a station set up with its setup code is: the residents carry county ids.
  await core.call(session, 'sync.connect', { setupCode });
  return { place, core, session, dir, written: new Map() };
}

async function writeRecords(station: Station, residents: unknown[], options: LoadOptions): Promise<void> {
  const { core, session, place } = station;
  await core.seedResidents(residents, session.user!);
  await core.whenIndexed();
  if (options.holdersPerStation > 0) {
    const today = core.today();
    const { first, month } = lastMonth(today);
    const code = `LOAD-${place}`;
    const post = await core.call(session, 'posts.save', {
      code,
      name: '村庄保洁',
      kind: 'rural',
      category: 'ruralCleaning',
      placeCode: place,
      employer: { name: '街道办事处', creditCode: '91350100M000100Y43' },
      plannedHoursPerMonth: 80,
      payPerMonth: 1600,
      startDate: first,
      endDate: `${today.slice(0, 4)}-12-31`,
    });
    const holders = (await core.call(session, 'residents.search', { query: '', sort: 'name', order: 'asc', offset: 0, limit: options.holdersPerStation })).items;
    for (const [h, holder] of holders.entries()) {
      // The fake residents are of any working age: the station's admin overrides the post's age band.
      await core.call(session, 'posts.assign', {
        postId: post.id,
        residentId: holder.id,
        startDate: first,
        endDate: post.endDate,
        contractNo: `HT-${h + 1}`,
        override: { reason: '多站同步负载测试：按县里批准安排上岗' },
      });
    }
    const marks = holders.flatMap((holder) =>
      Array.from({ length: options.daysPerHolder }, (_, d) => ({ residentId: holder.id, date: `${month}-${String(d + 1).padStart(2, '0')}`, mark: 'present' as const, hours: 4 })),
    );
    for (let i = 0; i < marks.length; i += 2000) await core.call(session, 'attendance.set', { postId: post.id, marks: marks.slice(i, i + 2000) });
  }
  const all = await core.db.allDocs();
  for (const row of all.rows) if (WRITTEN_PREFIXES.some((p) => row.id.startsWith(p))) station.written.set(row.id, row.value.rev);
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => undefined);
  const deadlineMs = options.deadlineMs ?? 600_000;
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-load-county-'));
  const server = await startPouchServer({ dir: serverDir });
  const stations: Station[] = [];
  try {
    const serverPid = findPid(['pouchServerMain.mjs', String(server.port)]);
    await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
    const villages = loadVillages(options.stations);
    const townships = new Map<string, string[]>();
    for (const v of villages) townships.set(v.slice(0, 9), [...(townships.get(v.slice(0, 9)) ?? []), v]);
    const setupStart = performance.now();
    const provisioned = await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [...townships].map(([code, vs]) => ({ code, villages: vs })) });
    if (provisioned.replication !== 'replicator') throw new Error('the county server runs no replication into the aggregate');
    // One generator for every station: distinct people (two villages registering one person
    // is the conflict case, tested elsewhere).
    const people = [...fakeResidents(options.stations * options.residentsPerStation, { placeCode: `${COUNTY}000000`, today: new Date().toISOString().slice(0, 10), seed: 606 })];
    const slices = villages.map((_, i) => people.slice(i * options.residentsPerStation, (i + 1) * options.residentsPerStation));
    stations.push(
      ...(await Promise.all(villages.map((v) => openStation(v, provisioned.created.find((a) => a.place === v)!.setupCode)))),
    );
    const setupMs = performance.now() - setupStart;
    log(`load: ${stations.length} stations provisioned, set up and connected in ${(setupMs / 1000).toFixed(1)} s`);

    const writeStart = performance.now();
    await Promise.all(stations.map((s, i) => writeRecords(s, slices[i]!, options)));
    const writeMs = performance.now() - writeStart;
    const recordsWritten = stations.reduce((n, s) => n + s.written.size, 0);
    const stationsRss = rssMb(process.pid);
    log(`load: ${recordsWritten} records written (${Math.round(recordsWritten / stations.length)} a station) in ${(writeMs / 1000).toFixed(1)} s; this process ${stationsRss} MB`);

    // All at once: every station syncs until it reports nothing waiting, retrying a failed sync.
    let serverRssPeak = serverPid ? rssMb(serverPid) : 0;
    const sampler = setInterval(() => (serverRssPeak = Math.max(serverRssPeak, serverPid ? rssMb(serverPid) : 0)), 250);
    let syncErrors = 0;
    let syncRetries = 0;
    const failureReasons: Record<string, number> = {};
    const failed = (reason: string) => {
      syncErrors += 1;
      failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
    };
    const started = performance.now();
    const stationDrainMs = await Promise.all(
      stations.map(async (s) => {
        for (;;) {
          try {
            const status = await s.core.call(s.session, 'sync.now', {});
            if (status.failure) failed(status.failure.reason);
            else if (status.waiting === 0 && status.state === 'idle') return performance.now() - started;
          } catch (error) {
            failed(error instanceof Error ? error.message.slice(0, 80) : String(error));
          }
          if (performance.now() - started > deadlineMs) return null;
          syncRetries += 1;
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }),
    );
    const drainMs = stationDrainMs.every((ms) => ms !== null) ? Math.max(...(stationDrainMs as number[])) : null;
    log(`load: ${drainMs === null ? 'NOT every station drained' : `every station reports nothing waiting after ${(drainMs / 1000).toFixed(1)} s`} (${syncErrors} failed attempts, ${syncRetries} retries)`);

    // The county side: the aggregate is fed by continuous replication of each station database.
    const onServer = new Map<string, Map<string, string>>();
    for (const s of stations) onServer.set(s.place, await serverDocs(server.url, `station_${s.place}`));
    const expected = new Map<string, string[]>();
    for (const docs of onServer.values()) for (const [id, rev] of docs) expected.set(id, [...(expected.get(id) ?? []), rev]);
    const aggregate = `county_${COUNTY}_aggregate`;
    const aggregateMissing = async () => {
      const missing: string[] = [];
      for (const docs of onServer.values()) missing.push(...(await missingRevisions(server.url, aggregate, docs)));
      return missing;
    };
    let missingInAggregate = await aggregateMissing();
    while (missingInAggregate.length > 0 && performance.now() - started < deadlineMs) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      missingInAggregate = await aggregateMissing();
    }
    const aggregateDrainMs = missingInAggregate.length === 0 ? performance.now() - started : null;
    clearInterval(sampler);
    const aggregateDocs = (await serverDocs(server.url, aggregate)).size;
    log(
      `load: aggregate ${aggregateDrainMs === null ? `still misses ${missingInAggregate.length} revisions` : `complete after ${(aggregateDrainMs / 1000).toFixed(1)} s`}: ` +
        `${aggregateDocs} documents (expected ${expected.size})`,
    );

    const missingOnServer: string[] = [];
    for (const s of stations) missingOnServer.push(...(await missingRevisions(server.url, `station_${s.place}`, s.written)));
    const stillWaiting: LoadReport['stillWaiting'] = [];
    for (const s of stations) {
      const status = await s.core.call(s.session, 'sync.status', {});
      if (status.waiting > 0 || status.state !== 'idle') stillWaiting.push({ place: s.place, waiting: status.waiting, state: status.state });
    }
    return {
      stations: stations.length,
      recordsWritten,
      serverDocs: [...onServer.values()].reduce((n, docs) => n + docs.size, 0),
      aggregateExpectedDocs: expected.size,
      aggregateDocs,
      drainMs,
      stationDrainMs,
      aggregateDrainMs,
      missingOnServer,
      missingInAggregate,
      stillWaiting,
      syncErrors,
      syncRetries,
      failureReasons,
      setupMs,
      writeMs,
      serverRssPeakMb: serverRssPeak,
      serverRssMb: serverPid ? rssMb(serverPid) : 0,
      stationsRssMb: stationsRss,
    };
  } finally {
    await Promise.all(stations.map((s) => s.core.close().catch(() => undefined)));
    await server.stop();
    for (const s of stations) fs.rmSync(s.dir, { recursive: true, force: true });
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- --only load [--stations N] [--records N]`: the figures for the issue notes. */
export async function benchLoad(stations = 50, residentsPerStation = 300) {
  const report = await runLoad({ stations, residentsPerStation, holdersPerStation: 5, daysPerHolder: 20, log: console.log });
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
  const drained = report.stationDrainMs.filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  const lost = report.missingOnServer.length + report.missingInAggregate.length;
  console.log(`load: nothing lost: ${lost === 0 ? 'yes' : `NO: ${report.missingOnServer.length} missing on the server, ${report.missingInAggregate.length} missing in the aggregate`}`);
  if (Object.keys(report.failureReasons).length) console.log(`load: failed attempts by reason: ${JSON.stringify(report.failureReasons)}`);
  console.log(`load: county server RSS ${report.serverRssMb} MB (peak ${report.serverRssPeakMb} MB while draining)`);
  return {
    load_stations: report.stations,
    load_records_written: report.recordsWritten,
    load_server_docs: report.serverDocs,
    load_aggregate_docs: report.aggregateDocs,
    load_aggregate_expected_docs: report.aggregateExpectedDocs,
    load_missing_on_server: report.missingOnServer.length,
    load_missing_in_aggregate: report.missingInAggregate.length,
    load_stations_still_waiting: report.stillWaiting.length,
    load_drain_s: seconds(report.drainMs),
    load_station_drain_p50_s: drained.length ? seconds(drained[Math.floor(drained.length / 2)]!) : null,
    load_aggregate_drain_s: seconds(report.aggregateDrainMs),
    load_docs_per_s: report.drainMs === null ? null : Math.round((report.serverDocs / report.drainMs) * 1000),
    load_sync_errors: report.syncErrors,
    load_sync_retries: report.syncRetries,
    load_server_rss_mb: report.serverRssMb,
    load_server_rss_peak_mb: report.serverRssPeakMb,
    load_stations_rss_mb: report.stationsRssMb,
    load_write_s: seconds(report.writeMs),
  };
}
