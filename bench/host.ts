// The core host process as the preview starts it, for the benchmark's cold-start figures: spawned
// on a data folder, timed to its first answer, then the first list page after logging in.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { prng } from '../src-main/core/station/demo';
import { HOST_MALLOC_ENV } from '../src-main/host/memoryFlags';
import { connectSocket } from '../src-main/host/socketClient';
import { timed } from './stats';

const HOST = path.resolve(__dirname, '../host/node-host.cjs');

/** What a spawned core host prints once it answers (its `LEYE_HOST_READY` line): the port, the session token and the preview's URL. */
export function hostReady(child: ChildProcess): Promise<{ port: number; token: string; url: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('LEYE_HOST_READY '));
      if (line) resolve(JSON.parse(line.slice(16)) as { port: number; token: string; url: string });
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
}

export interface BenchHost {
  child: ChildProcess;
  client: Awaited<ReturnType<typeof connectSocket>>['client'];
  close: () => void;
  coldStartMs: number;
  /** From the spawn until `auth.login` answered: the search index loaded (every call but the login screen's waits for it). */
  loginAfterStartMs: number;
  listFirstMs: number;
}

export async function startBenchHost(dataDir: string, nodeArgs: string[] = [], stdio: StdioOptions = ['ignore', 'pipe', 'inherit']): Promise<BenchHost> {
  const spawnedAt = performance.now();
  // Started as the preview should start it (issue 18: its malloc settings); LEYE_BENCH_HOST_PLAIN=1 leaves them out, for before/after figures.
  const env = process.env.LEYE_BENCH_HOST_PLAIN === '1' ? process.env : { ...process.env, ...HOST_MALLOC_ENV };
  const child = spawn(process.execPath, [...nodeArgs, HOST, '--data-dir', dataDir, '--port', '0'], { stdio, env });
  const ready = await hostReady(child);
  const { client, close } = await connectSocket(ready.port, ready.token);
  await client.call('app.ping', {});
  const coldStartMs = Math.round(performance.now() - spawnedAt);
  await client.call('auth.login', { loginName: 'bench', password: 'bench-password' });
  const loginAfterStartMs = Math.round(performance.now() - spawnedAt);
  const listStart = performance.now();
  await client.call('residents.search', { query: '', sort: 'updatedAt', order: 'desc', offset: 0, limit: 100 });
  const listFirstMs = Math.round((performance.now() - listStart) * 100) / 100;
  return { child, client, close, coldStartMs, loginAfterStartMs, listFirstMs };
}

const INITIALS = ['zs', 'wl', 'lm', 'zxm', 'wj', 'lj', 'cy', 'zw', 'hm', 'lq', 'sx', 'zy', 'wf', 'xm', 'yl'];
const SORTS = ['name', 'registeredOn', 'age', 'updatedAt'] as const;

/** What a clerk's searches cost over the host's WebSocket: by pinyin initials, by the last 4 digits of an ID number, and opening the list. */
export async function timeSearches(client: BenchHost['client'], samples: number) {
  const random = prng(5);
  const byInitials = await timed(samples, (i) => client.call('residents.search', { query: INITIALS[i % INITIALS.length]!, limit: 100 }));
  // The mask shows the first and last 4 digits: a fragment matches only those (issue 15).
  const byIdFragment = await timed(samples, () => client.call('residents.search', { query: String(Math.floor(random() * 1e4)).padStart(4, '0'), limit: 100 }));
  const openList = await timed(samples, (i) => client.call('residents.search', { query: '', sort: SORTS[i % 4]!, order: i % 2 ? 'asc' : 'desc', offset: 0, limit: 100 }));
  return { byInitials, byIdFragment, openList };
}
