// After a failed LevelDB write the store reopens LevelDB before the next write (a torn log record
// would otherwise swallow later acknowledged writes at the next start), and only once the disk has
// room again: until then writes are refused and reads go on. The native write failure is simulated
// here; faults/diskFull.test.ts shows the real thing on a full tmpfs.
import fs from 'node:fs';
import path from 'node:path';
import leveldown from 'leveldown';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { getOrNull, openLocalDb } from './db';
import { durabilityStats } from './durableLeveldown';

type Batch = (this: unknown, operations: unknown[], options: unknown, callback: (err?: Error) => void) => void;
const prototype = (leveldown as unknown as { prototype: { _batch: Batch } }).prototype;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the durable store after a failed write', () => {
  it('reopens LevelDB before the next write, once the disk has room, and loses nothing', async () => {
    let failNext = false;
    const original = prototype._batch;
    const batch = vi.spyOn(prototype, '_batch').mockImplementation(function (this: unknown, operations, options, callback) {
      if (failNext) {
        failNext = false;
        // What LevelDB answers when the disk fills in the middle of a log record.
        return void process.nextTick(callback, new Error('IO error: station/000003.log: No space left on device'));
      }
      original.call(this, operations, options, callback);
    });
    const location = path.join(tempDir(), 'station');
    const db = openLocalDb(location);
    await db.put({ _id: 'a', n: 1 });
    expect(batch).toHaveBeenCalled();

    failNext = true;
    await expect(db.put({ _id: 'b', n: 2 })).rejects.toThrow(/No space left on device/);
    // Still no room: the next write is refused without touching LevelDB; reads go on.
    const reopened = durabilityStats.reopened;
    const statfs = vi.spyOn(fs, 'statfsSync').mockReturnValue({ bavail: 0, bsize: 4096 } as fs.StatsFs);
    await expect(db.put({ _id: 'c', n: 3 })).rejects.toThrow(/No space left on device/);
    expect(await getOrNull(db, 'a')).toMatchObject({ n: 1 });
    expect(durabilityStats.reopened).toBe(reopened);

    // Room again: LevelDB is reopened once, and the write goes through.
    statfs.mockRestore();
    await db.put({ _id: 'c', n: 3 });
    expect(durabilityStats.reopened).toBe(reopened + 1);
    await db.put({ _id: 'd', n: 4 });
    expect(durabilityStats.reopened).toBe(reopened + 1);
    expect((await db.allDocs()).rows.map((r) => r.id)).toEqual(['a', 'c', 'd']);
    await db.close();

    const again = openLocalDb(location);
    expect((await again.allDocs()).rows.map((r) => r.id)).toEqual(['a', 'c', 'd']);
    await again.close();
  });
});
