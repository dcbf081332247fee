// PouchDB's LevelDB adapter writes its batches without LevelDB's `sync` option, so the OS may
// still hold an acknowledged write in its page cache when a village PC loses power. This
// factory hands PouchDB a leveldown whose every write is synced (LevelDB fsyncs its log before
// the callback), so "saved" means on disk.
import leveldown from 'leveldown';

type Callback = (err?: Error | null) => void;
interface WriteOptions { sync?: boolean; [key: string]: unknown }
interface LevelDownLike {
  _put(key: unknown, value: unknown, options: WriteOptions, callback: Callback): void;
  _del(key: unknown, options: WriteOptions, callback: Callback): void;
  _batch(operations: unknown[], options: WriteOptions, callback: Callback): void;
  _chainedBatch(): { _write(options: WriteOptions, callback: Callback): void };
}

/** Counts synced writes, so the benchmark and tests can see the mechanism at work. */
export const durabilityStats = { syncedWrites: 0 };

function synced(options: WriteOptions | undefined): WriteOptions {
  durabilityStats.syncedWrites += 1;
  return { ...options, sync: true };
}

// The name matters: PouchDB caches open stores per leveldown function name.
export function durableLeveldown(location: string): unknown {
  const db = (leveldown as unknown as (location: string) => LevelDownLike)(location);
  const put = db._put;
  const del = db._del;
  const batch = db._batch;
  const chainedBatch = db._chainedBatch;
  db._put = function (key, value, options, callback) {
    put.call(this, key, value, synced(options), callback);
  };
  db._del = function (key, options, callback) {
    del.call(this, key, synced(options), callback);
  };
  db._batch = function (operations, options, callback) {
    batch.call(this, operations, synced(options), callback);
  };
  db._chainedBatch = function () {
    const chain = chainedBatch.call(this);
    const write = chain._write;
    chain._write = function (options, callback) {
      write.call(this, synced(options), callback);
    };
    return chain;
  };
  return db;
}

/** The same store without syncing, only for the benchmark's side-by-side comparison. */
export function unsyncedLeveldown(location: string): unknown {
  return (leveldown as unknown as (location: string) => unknown)(location);
}
