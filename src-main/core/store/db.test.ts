// Reading documents by id: PouchDB's LevelDB adapter opens one iterator per key of an
// `allDocs({ keys })`, all at once, so the store never asks for more than KEYS_AT_ONCE together.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { KEYS_AT_ONCE, docsById, openLocalDb } from './db';

describe('documents by id', () => {
  it('reads every existing one, a bounded number of keys at a time', async () => {
    const db = openLocalDb(path.join(tempDir(), 'ids'));
    const ids = Array.from({ length: 250 }, (_, i) => `doc:${String(i).padStart(3, '0')}`);
    await db.bulkDocs(ids.map((_id, i) => ({ _id, n: i })));
    const allDocs = vi.spyOn(db, 'allDocs');
    const found = await docsById<{ n: number }>(db, [...ids, 'doc:missing']);
    expect(found.size).toBe(250);
    expect(found.get('doc:249')?.n).toBe(249);
    expect(found.has('doc:missing')).toBe(false);
    const asked = allDocs.mock.calls.map(([options]) => (options as { keys: string[] }).keys.length);
    expect(KEYS_AT_ONCE).toBeLessThanOrEqual(100);
    expect(Math.max(...asked)).toBeLessThanOrEqual(KEYS_AT_ONCE);
    expect(asked.reduce((a, b) => a + b, 0)).toBe(251);
    await db.close();
  });
});
