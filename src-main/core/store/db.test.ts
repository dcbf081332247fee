// Documents by id: PouchDB's LevelDB adapter opens one iterator per key of `allDocs({ keys })`,
// so the store reads them by point reads (`get`), never more than GETS_AT_ONCE in flight.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { GETS_AT_ONCE, docsById, openLocalDb } from './db';

describe('documents by id', () => {
  it('reads every existing one by point reads, a bounded number at a time, never allDocs by keys', async () => {
    const db = openLocalDb(path.join(tempDir(), 'ids'));
    const ids = Array.from({ length: 250 }, (_, i) => `doc:${String(i).padStart(3, '0')}`);
    await db.bulkDocs(ids.map((_id, i) => ({ _id, n: i })));
    await db.put({ ...(await db.get('doc:007')), _deleted: true });
    const allDocs = vi.spyOn(db, 'allDocs');
    const realGet = db.get.bind(db);
    let inFlight = 0;
    let most = 0;
    const get = vi.spyOn(db, 'get').mockImplementation((async (id: string) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await realGet(id);
      } finally {
        inFlight -= 1;
      }
    }) as typeof db.get);
    const found = await docsById<{ n: number }>(db, [...ids, 'doc:missing']);
    expect(found.size).toBe(249);
    expect(found.get('doc:249')?.n).toBe(249);
    expect(found.has('doc:007')).toBe(false);
    expect(found.has('doc:missing')).toBe(false);
    expect(allDocs).not.toHaveBeenCalled();
    expect(get).toHaveBeenCalledTimes(251);
    expect(GETS_AT_ONCE).toBeLessThanOrEqual(100);
    expect(most).toBeLessThanOrEqual(GETS_AT_ONCE);
    expect(most).toBeGreaterThan(1);
    await db.close();
  });
});
