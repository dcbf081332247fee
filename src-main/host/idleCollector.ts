// The core host gives back the memory its work freed once the clerk has stopped asking (issue 18).
//
// V8 collects its old generation when it grows, not when the program falls quiet: after loading
// the search index and the kept facts at start, after an export or a sync, the garbage and the
// native buffers it holds stay in the host's RSS until enough is allocated again. Measured on a
// 100,000-resident station with every domain's documents (bench --only memory --records all):
// RSS 300-308 MB after the start and 150 searches, even after 15 s idle; 217 MB once one full
// collection ran. Browsers collect in idle time; Node has no idle callback, so the host watches
// its calls and its CPU time: once no call has been in flight and the process has been quiet
// (its followers caught up, no sync, no compaction) for IDLE_MS, and the heap grew since the last
// collection, it collects.
import v8 from 'node:v8';
import vm from 'node:vm';

/** No call in flight for this long: the host is idle. */
export const IDLE_MS = 5_000;
/** The heap must have grown this much since the last collection (a few searches allocate far less). */
export const GROWN_BYTES = 8 * 1048576;
/** A check period is quiet when the process used less CPU time than this share of it (the collections' own aside). */
export const QUIET_SHARE = 0.1;

/** What a carrier tells the collector: a call began, a call was answered. */
export interface Activity {
  begin(): void;
  end(): void;
}

export interface IdleCollectorOptions {
  idleMs?: number;
  grownBytes?: number;
  /** A full garbage collection (V8's `gc`, exposed for this). */
  collect?: () => void;
  heapUsed?: () => number;
  now?: () => number;
  /** CPU time the process used so far, ms (all its threads: LevelDB's compaction and libuv's too). */
  cpuMs?: () => number;
}

export class IdleCollector implements Activity {
  private inFlight = 0;
  /** When a call last ended or a check last found the process busy. */
  private lastBusy: number;
  private lastCheck: number;
  private lastCpu: number;
  /** CPU time the collections themselves took since the last check. */
  private ownCpu = 0;
  private base: number;
  private timer: NodeJS.Timeout | null = null;
  /** A collection ran at this time; one more follows an idle period later. */
  private settlingSince: number | null = null;
  private readonly idleMs: number;
  private readonly grownBytes: number;
  private readonly collect: () => void;
  private readonly heapUsed: () => number;
  private readonly now: () => number;
  private readonly cpuMs: () => number;
  /** Collections run so far. */
  collections = 0;

  constructor(options: IdleCollectorOptions = {}) {
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.grownBytes = options.grownBytes ?? GROWN_BYTES;
    this.collect = options.collect ?? exposedGc();
    this.heapUsed = options.heapUsed ?? (() => v8.getHeapStatistics().used_heap_size);
    this.now = options.now ?? Date.now;
    this.cpuMs = options.cpuMs ?? processCpuMs;
    this.lastBusy = this.lastCheck = this.now();
    this.lastCpu = this.cpuMs();
    this.base = this.heapUsed();
  }

  begin(): void {
    this.inFlight += 1;
  }

  end(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.lastBusy = this.now();
  }

  /**
   * Collects if the host is idle and the heap grew since the last collection, and once more an
   * idle period after that: V8 gives back its young generation (32 MB) only at a collection whose
   * last 5 s saw little allocation. Measured on the station above: 219-236 MB after the first
   * collection, 192 MB after one 5 s later.
   */
  check(): boolean {
    const now = this.now();
    const cpu = this.cpuMs();
    if (cpu - this.lastCpu - this.ownCpu > (now - this.lastCheck) * QUIET_SHARE) this.lastBusy = now;
    this.lastCheck = now;
    this.lastCpu = cpu;
    this.ownCpu = 0;
    if (this.inFlight > 0 || now - this.lastBusy < this.idleMs) return false;
    const settle = this.settlingSince !== null && now - this.settlingSince >= this.idleMs;
    if (!settle && this.heapUsed() - this.base < this.grownBytes) return false;
    const before = this.cpuMs();
    this.collect();
    this.ownCpu = this.cpuMs() - before;
    this.collections += 1;
    this.settlingSince = settle ? null : now;
    this.base = this.heapUsed();
    return true;
  }

  /** Checks every half idle period; the timer never keeps the process alive. */
  start(): this {
    this.timer ??= setInterval(() => this.check(), this.idleMs / 2).unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * V8's full collection. The hosts are not started with `--expose-gc` (Electron's utility process
 * takes no V8 flags from its parent); it is exposed the way Jest's leak detector does it.
 */
export function exposedGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

let gc: (() => void) | null = null;

/** The host process's own collector, told of every call by the carriers (src-main/host/connection.ts); started by the host entries. */
export const hostActivity = new IdleCollector({ collect: () => (gc ??= exposedGc())() });
