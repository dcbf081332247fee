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
 * The core host's RSS once it has been idle: it collects its garbage after IDLE_MS without a call
 * and once more IDLE_MS later (src-main/host/idleCollector.ts, checked every half period); read
 * after those and the moment the freed memory takes to go back to the system. What the clerk's PC
 * holds while the app waits.
 */
export async function idleRssMb(pid: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 3 + 3_000));
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
