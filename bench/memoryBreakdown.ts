// `npm run bench -- --only memory [--docs N] [--records full|all] [--keep DIR]`: where the core host's memory goes.
// Seeds a station (N residents and a year of attendance; `--records full` adds issue 3's posts and
// training as the full benchmark does, `all` every domain's documents of the full run's big station), starts the core host as section 4 does, and reports its
// RSS split into V8 heap, external memory and the rest (LevelDB, code, malloc), the search index
// measured alone, and a heap snapshot's biggest retainers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core, type Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';
import { ResidentIndex } from '../src-main/core/search/residentIndex';
import { readSnapshot } from '../src-main/core/search/snapshot';
import { settledHeapUsed } from '../src-main/core/testing/heap';
import { summariseHeapSnapshot, type HeapSummary } from './heapSummary';
import { startBenchHost, timeSearches } from './host';
import { MEMORY_PROBE_ARGS, idleRssMb, probeMemory, rssFileMb, rssMb, type ProcessMemory } from './memory';
import { benchPostsAndTraining } from './postsTraining';
import { printTargets } from './stats';
import { seedMarks } from './statsDashboard';
import { seedOtherDomains, timeAuditFirstPage } from './bigStation';

const PLACE = '370102001002';

/** What the heap and the array buffers hold after full collections (V8's own, exposed here: the benchmark does not run with --expose-gc). */
async function settled(): Promise<number> {
  return (await settledHeapUsed()) + process.memoryUsage().arrayBuffers;
}

/**
 * The search index alone: its snapshot loaded into a fresh index, heap used and array buffers
 * before and after (after full collections), in a process of its own (`--only search-index`). In
 * the benchmark's own process, which has just closed the big station, what that station's close
 * frees meanwhile made the difference negative (-18 MB in one 100,000 run).
 */
export function searchIndexMb(dataDir: string): number {
  const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, '--only', 'search-index', '--keep', dataDir], { encoding: 'utf8' });
  const figure = /"mem_search_index_mb":(-?\d+)/.exec(child.stdout)?.[1];
  if (child.status !== 0 || figure === undefined) throw new Error(`measuring the search index failed: ${child.stderr}`);
  return Number(figure);
}

/** `--only search-index --keep DIR`: what `searchIndexMb` runs in its own process. */
export async function measureSearchIndex(dataDir: string): Promise<{ mem_search_index_mb: number }> {
  const before = await settled();
  const snapshot = await readSnapshot(path.join(dataDir, 'search-index.json'));
  if (!snapshot) return { mem_search_index_mb: 0 };
  const index = new ResidentIndex();
  index.load(snapshot.columns);
  // What a search and the four sorts build (text blobs, sort orders) counts too.
  for (const sort of ['name', 'registeredOn', 'age', 'updatedAt'] as const) index.search({ query: '', sort, order: 'asc', offset: 0, limit: 1 }, '2026-01-01');
  for (const query of ['zs', '1234', '张']) index.search({ query, sort: 'name', order: 'asc', offset: 0, limit: 1 }, '2026-01-01');
  snapshot.columns = null as never;
  const after = await settled();
  if (index.size < 0) throw new Error('unreachable: keeps the index alive until measured');
  return { mem_search_index_mb: Math.round((after - before) / 1048576) };
}

/** Issue 18's RSS target: 200 MB at 100,000 residents, at most twice that at 300,000. */
export function rssTargetMb(docs: number): number {
  return docs > 100_000 ? 400 : 200;
}

export interface HostMemory extends ProcessMemory {
  /** RSS outside the V8 heap and external memory: LevelDB's caches and write buffers, code, malloc arenas, stacks. */
  nativeMb: number;
}

export function hostMemoryFigures(m: HostMemory, searchIndex: number) {
  return {
    mem_heap_used_mb: m.heapUsedMb,
    mem_heap_total_mb: m.heapTotalMb,
    mem_external_mb: m.externalMb,
    mem_array_buffers_mb: m.arrayBuffersMb,
    mem_native_mb: m.nativeMb,
    mem_search_index_mb: searchIndex,
  };
}

/** The host's memory as the probe reports it, with the native remainder. */
export async function hostMemory(child: import('node:child_process').ChildProcess, snapshotFile?: string): Promise<HostMemory> {
  const m = await probeMemory(child, snapshotFile);
  return { ...m, nativeMb: Math.max(0, m.rssMb - m.heapTotalMb - m.externalMb) };
}

export function printHeapSummary(summary: HeapSummary): void {
  console.log(`heap snapshot: ${summary.totalMb} MB of objects; by kind (self size):`);
  for (const k of summary.byKind) console.log(`  ${k.mb.toFixed(1).padStart(7)} MB  ${String(k.count).padStart(9)}  ${k.kind}`);
  console.log('biggest retainers (retained size):');
  for (const r of summary.retainers) console.log(`  ${r.mb.toFixed(1).padStart(7)} MB  ${r.what}`);
}

/** `dataDir`: a folder to keep the seeded station in and reuse (flags and options compared on one station). */
export async function benchMemory(docs: number, records: 'marks' | 'full' | 'all', keepDir?: string, hostArgs: string[] = []) {
  if (keepDir && fs.existsSync(path.join(keepDir, 'station'))) return measureHost(keepDir, docs, hostArgs, false);
  const dataDir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-'));
  const core = await Core.open({ dataDir, durable: false, backupSchedule: { firstCheckMs: Infinity } });
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: PLACE, clerk: { loginName: 'bench', displayName: '基准', password: 'bench-password' } });
  await core.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
  await core.seedResidents(fakeResidents(docs, { placeCode: PLACE, today: new Date().toISOString().slice(0, 10), seed: 42 }), session.user!);
  await core.whenIndexed();
  if (records === 'marks') await seedMarks(core, session);
  else await benchPostsAndTraining(core, session);
  if (records === 'all') {
    // The full run's big station: every domain's documents, the work list and the statistics opened once.
    await seedOtherDomains(core, session);
    await core.call(session, 'auth.login', { loginName: 'bench', password: 'bench-password' });
    await core.dispatch(session, 'worklist.list', {});
    await core.call(session, 'stats.dashboard', {});
  }
  await core.close();
  return measureHost(dataDir, docs, hostArgs, !keepDir);
}

async function measureHost(dataDir: string, docs: number, hostArgs: string[], remove: boolean) {
  const searchIndex = searchIndexMb(dataDir);
  // What the station's close freed in this process is collected now, not while the host's figures are taken.
  await settled();
  const { child, client, close } = await startBenchHost(dataDir, [...MEMORY_PROBE_ARGS, ...hostArgs], ['ignore', 'pipe', 'inherit', 'ipc']);
  try {
    // The clerk's landing screen first: the work list (its facts, the waiting set, loaded in the host).
    await client.call('worklist.list', {});
    await timeSearches(client, 50);
    // Then what the full run's host does (section 4): the audit log's first pages, 50 registrations
    // (of people new at each run: a kept station has the earlier runs').
    await timeAuditFirstPage((name, a) => client.call(name as 'audit.list', a as never));
    const seed = 13 + (Math.floor(Date.now() / 1000) % 1_000_000);
    for (const r of fakeResidents(50, { placeCode: '370181001001', today: new Date().toISOString().slice(0, 10), seed })) await client.call('residents.register', r);
    const rssBusy = rssMb(child.pid!);
    const rss = await idleRssMb(child.pid!);
    const rssFile = rssFileMb(child.pid!);
    const snapshotFile = path.join(dataDir, 'host.heapsnapshot');
    const m = await hostMemory(child);
    // The snapshot itself costs the host memory: taken after the figures.
    await probeMemory(child, snapshotFile);
    console.log(`core host (${docs} residents): RSS ${rssBusy} MB right after the searches, ${rss} MB once idle (the host's own collection; ${rssFile} MB of it file-backed), before the probe's GC; ${m.rssMb} MB after; heap used ${m.heapUsedMb} of ${m.heapTotalMb} MB, external ${m.externalMb} MB (array buffers ${m.arrayBuffersMb}), native rest ${m.nativeMb} MB; search index alone ${searchIndex} MB`);
    printHeapSummary(summariseHeapSnapshot(snapshotFile));
    close();
    const figures = { docs, mem_rss_mb: rss, mem_rss_file_mb: rssFile, mem_rss_busy_mb: rssBusy, ...hostMemoryFigures(m, searchIndex) };
    printTargets(figures, { mem_rss_mb: rssTargetMb(docs) });
    return figures;
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    fs.rmSync(path.join(dataDir, 'host.heapsnapshot'), { force: true });
    if (remove) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
