// Memory of the processes the benchmark starts: RSS from /proc (Linux), and the core host's own
// V8 heap through a probe preloaded into it (answers over the IPC channel, after a full GC).
import fs from 'node:fs';
import { IDLE_MS } from '../src-main/host/idleCollector';

/** Resident memory of a process, MB (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/**
 * Of a process's resident memory, the part backed by files, MB (/proc RssFile): the node binary's
 * pages and LevelDB's tables, which it maps to read them (every table a read or a compaction
 * touched stays resident until the system needs the memory back). Page cache, not memory the
 * process allocated (that is RssAnon).
 */
export function rssFileMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/RssFile:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** CPU time a process used so far, in clock ticks (utime + stime of /proc/PID/stat; 100 a second on Linux). */
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * The core host's RSS once it has been idle: no call, and the process quiet (under 5 % of a core:
 * its followers caught up with what the measurements wrote, no compaction) for three idle periods,
 * in which it collected its garbage twice (src-main/host/idleCollector.ts); read 3 s after, the
 * time the freed memory takes to go back to the system. What the clerk's PC holds while the app
 * waits. Gives up waiting after 10 minutes (and says so).
 */
export async function idleRssMb(pid: number): Promise<number> {
  const window = (IDLE_MS * 3) / 1000;
  const samples: number[] = [];
  for (let second = 0; second < 600; second++) {
    samples.push(cpuTicks(pid));
    if (samples.length > window && samples[samples.length - 1]! - samples[samples.length - 1 - window]! <= window * 5) {
      if (second > window) console.log(`core host: quiet after ${second - window} s of background work`);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      return rssMb(pid);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  console.log('core host: still busy after 10 minutes; RSS read anyway');
  return rssMb(pid);
}

/**
 * The process whose command line carries all of `parts` (startPouchServer does not say its
 * child's pid; its command line names the launcher and the port).
 */
export function findPid(parts: string[]): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parts.every((p) => args.includes(p) || args.some((a) => a.endsWith(p)))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/**
 * Node options that preload the probe into a child started with an IPC channel: a message
 * 'memory' is answered with `process.memoryUsage()` after a full GC (what the heap holds, not
 * garbage); a message `{ snapshot: file }` writes a V8 heap snapshot there first and answers the
 * same. The channel is unref'd, so it never keeps the host alive.
 */
export const MEMORY_PROBE_ARGS = [
  '--expose-gc',
  '--import',
  'data:text/javascript,' +
    encodeURIComponent(
      'import v8 from "node:v8";process.on("message",(m)=>{globalThis.gc?.();if(m&&m.snapshot)v8.writeHeapSnapshot(m.snapshot);process.send(process.memoryUsage())});process.channel?.unref();',
    ),
];

export interface ProcessMemory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Memory of C++ objects bound to JS objects (Buffers, LevelDB's own allocations are not here). */
  externalMb: number;
  arrayBuffersMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Asks a child started with MEMORY_PROBE_ARGS and an 'ipc' stdio slot for its memory (and a heap snapshot into `snapshotFile`). */
export function probeMemory(child: import('node:child_process').ChildProcess, snapshotFile?: string): Promise<ProcessMemory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('memory probe did not answer')), 300_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      const usage = m as NodeJS.MemoryUsage;
      resolve({ rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), externalMb: mb(usage.external), arrayBuffersMb: mb(usage.arrayBuffers) });
    });
    child.send(snapshotFile ? { snapshot: snapshotFile } : 'memory');
  });
}
