// PouchDB's LevelDB adapter writes its batches without LevelDB's `sync` option, so the OS may
// still hold an acknowledged write in its page cache when a village PC loses power. This
// factory hands PouchDB a leveldown whose every write is synced (LevelDB fsyncs its log before
// the callback), so "saved" means on disk.
//
// It also survives a full or read-only disk. A LevelDB write that fails half-way (ENOSPC in the
// middle of a log record) leaves LevelDB's log writer out of step with the file: later writes
// are acknowledged but land behind a torn record, and LevelDB drops them when it next opens the
// log. So after a failed write the store takes no further write on that log: the next write
// first reopens LevelDB (which recovers the log up to the torn record and starts a new one),
// and only once the disk has room and is writable again; until then writes are refused with
// the disk's error while reads go on from the open store.
import fs from 'node:fs';
import leveldown from 'leveldown';

type Callback = (err?: Error | null, ...results: unknown[]) => void;
interface WriteOptions { sync?: boolean; [key: string]: unknown }
/** abstract-leveldown's public iterator methods (what levelup calls). */
interface IteratorLike {
  next(callback: Callback): unknown;
  seek(target: unknown): void;
  end(callback: Callback): void;
}
interface LevelDownLike {
  location: string;
  _open(options: unknown, callback: Callback): void;
  _close(callback: Callback): void;
  _get(key: unknown, options: unknown, callback: Callback): void;
  _getMany(keys: unknown, options: unknown, callback: Callback): void;
  _put(key: unknown, value: unknown, options: WriteOptions, callback: Callback): void;
  _del(key: unknown, options: WriteOptions, callback: Callback): void;
  _clear(options: unknown, callback: Callback): void;
  _batch(operations: unknown[], options: WriteOptions, callback: Callback): void;
  _chainedBatch(): { _write(options: WriteOptions, callback: Callback): void };
  _iterator(options: unknown): IteratorLike;
}

/** Counts synced writes, so the benchmark and tests can see the mechanism at work (in all, and per store's folder). */
export const durabilityStats = { syncedWrites: 0, reopened: 0, syncedWritesTo: new Map<string, number>() };

/**
 * A disk that refuses writes, for the tests of a full disk and a read-only data folder where a
 * real mount is not allowed: while set, every write to a store whose location it matches fails
 * the way LevelDB's would (nothing written), before reaching LevelDB. Reads are untouched.
 */
let writeFault: ((location: string) => Error | null) | null = null;

export function injectWriteFault(fault: ((location: string) => Error | null) | null): void {
  writeFault = fault;
}

/** Room LevelDB needs to reopen (a new log, the recovered memtable written out as a table). */
const REOPEN_ROOM_BYTES = 8 * 1024 * 1024;

function synced(location: string, options: WriteOptions | undefined): WriteOptions {
  durabilityStats.syncedWrites += 1;
  durabilityStats.syncedWritesTo.set(location, (durabilityStats.syncedWritesTo.get(location) ?? 0) + 1);
  return { ...options, sync: true };
}

/** Throws the disk's own error while the store's folder is read-only or nearly full. */
function assertWritable(location: string): void {
  fs.accessSync(location, fs.constants.W_OK);
  const stats = fs.statfsSync(location);
  if (stats.bavail * stats.bsize < REOPEN_ROOM_BYTES) throw new Error(`IO error: ${location}: No space left on device`);
}

// The name matters: PouchDB caches open stores per leveldown function name.
export function durableLeveldown(location: string): unknown {
  const db = (leveldown as unknown as (location: string) => LevelDownLike)(location);
  const native = {
    open: db._open.bind(db),
    close: db._close.bind(db),
    get: db._get.bind(db),
    getMany: db._getMany.bind(db),
    put: db._put.bind(db),
    del: db._del.bind(db),
    clear: db._clear.bind(db),
    batch: db._batch.bind(db),
    chainedBatch: db._chainedBatch.bind(db),
    iterator: db._iterator.bind(db),
  };
  let openOptions: unknown = {};
  /** A write failed in LevelDB: its log may hold a torn record. */
  let damaged = false;
  /** Closed for a reopen that has not succeeded yet (nothing may reach LevelDB then). */
  let closed = false;
  let reopening: Promise<void> | null = null;

  const call = (fn: (cb: Callback) => void) => new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
  const reopen = (): Promise<void> => {
    reopening ??= (async () => {
      assertWritable(location);
      if (!closed) {
        closed = true;
        await call(native.close);
      }
      await call((cb) => native.open(openOptions, cb));
      closed = false;
      damaged = false;
      durabilityStats.reopened += 1;
    })().finally(() => {
      reopening = null;
    });
    return reopening;
  };
  /** Runs a read now, or after the reopen it must not overlap. */
  const read = (run: () => void, callback: Callback) => {
    if (!closed && !reopening) return run();
    (closed ? reopen() : reopening!).then(run, (error: Error) => callback(error));
  };
  /** Runs a write on a sound log (reopening first after a failed write); a failure marks the log. */
  const write = (run: (callback: Callback) => void, callback: Callback) => {
    const injected = writeFault?.(location) ?? null;
    if (injected) return void process.nextTick(callback, injected);
    const go = () =>
      run((err, ...results) => {
        if (err) damaged = true;
        callback(err, ...results);
      });
    if (!damaged && !closed && !reopening) return go();
    reopen().then(go, (error: Error) => callback(error));
  };

  db._open = function (options, callback) {
    openOptions = options;
    native.open(options, callback);
  };
  db._get = (key, options, callback) => read(() => native.get(key, options, callback), callback);
  db._getMany = (keys, options, callback) => read(() => native.getMany(keys, options, callback), callback);
  db._put = (key, value, options, callback) => write((cb) => native.put(key, value, synced(location, options), cb), callback);
  db._del = (key, options, callback) => write((cb) => native.del(key, synced(location, options), cb), callback);
  db._clear = (options, callback) => write((cb) => native.clear(options, cb), callback);
  db._batch = (operations, options, callback) => write((cb) => native.batch(operations, synced(location, options), cb), callback);
  db._chainedBatch = function () {
    const chain = native.chainedBatch();
    const commit = chain._write.bind(chain);
    chain._write = (options, callback) => write((cb) => commit(synced(location, options), cb), callback);
    return chain;
  };
  db._iterator = function (options) {
    if (!closed && !reopening) return native.iterator(options);
    // Created while LevelDB is being reopened: the real iterator is made once it is open again.
    let real: IteratorLike | null = null;
    let seekTo: unknown = null;
    const ready = () => (closed ? reopen() : (reopening ?? Promise.resolve()));
    const made = () => {
      real ??= native.iterator(options);
      if (seekTo !== null) real.seek(seekTo);
      seekTo = null;
      return real;
    };
    const iterator: IteratorLike = {
      next(callback) {
        ready().then(() => made().next(callback), (error: Error) => callback(error));
      },
      seek(target) {
        if (real) real.seek(target);
        else seekTo = target;
      },
      end(callback) {
        if (real) real.end(callback);
        else process.nextTick(callback);
      },
    };
    return iterator;
  };
  return db;
}

/** The same store without syncing, only for the benchmark's side-by-side comparison. */
export function unsyncedLeveldown(location: string): unknown {
  return (leveldown as unknown as (location: string) => unknown)(location);
}
