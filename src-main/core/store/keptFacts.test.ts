// The saved copies of kept facts (issue 18): a station's are files of its `kept/` folder, written
// whole, never documents of its database; a copy an earlier version kept in the database is read
// once and removed when the file holds it; any other database keeps `_local` documents.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { KEPT_FOLDER, keptFolderOf, openLocalDb, openStationDb, type StationDb } from './db';
import { FactsFollower, SavedCopy, savedFile, type Followed } from './keptFacts';

const ID = '_local/test-facts';
const opened: StationDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

const saved = (copy: SavedCopy, seq: number) => vi.waitUntil(() => copy.seq === seq, { timeout: 2_000 });

describe('saved copies of kept facts', () => {
  it('are files of a station’s kept folder, written whole as JSON lines, private, not documents of its database', async () => {
    const dataDir = tempDir();
    const db = openStationDb(dataDir);
    opened.push(db);
    expect(keptFolderOf(db)).toBe(path.join(dataDir, KEPT_FOLDER));
    const copy = new SavedCopy(100);
    copy.save(db, { _id: ID, seq: 7, facts: ['a'] } as { _id: string; seq: number });
    await saved(copy, 7);
    const file = savedFile(path.join(dataDir, KEPT_FOLDER), ID);
    expect(file).toBe(path.join(dataDir, 'kept', 'test-facts.json'));
    // JSON lines (./savedLines.ts): the head, the list a slice at a time, the lists' lengths.
    expect(fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([{ lines: 1, head: { _id: ID, seq: 7 }, lists: ['facts'] }, { list: 'facts', values: ['a'] }, { end: { facts: 1 } }]);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['test-facts.json']);
    expect(await db.get(ID).catch((e: { status: number }) => e.status)).toBe(404);
    expect(await new SavedCopy(100).load(db, ID)).toEqual({ _id: ID, seq: 7, facts: ['a'] });
  });

  it('read a copy an earlier version kept in the database, and remove it once the file holds it', async () => {
    const db = openStationDb(tempDir());
    opened.push(db);
    await db.put({ _id: ID, seq: 3, facts: ['old'] });
    const copy = new SavedCopy(100);
    expect(await copy.load<{ facts: string[] }>(db, ID)).toMatchObject({ seq: 3, facts: ['old'] });
    copy.loaded(3);
    copy.save(db, { _id: ID, seq: 5 });
    await saved(copy, 5);
    expect(await db.get(ID).catch((e: { status: number }) => e.status)).toBe(404);
    expect(await new SavedCopy(100).load(db, ID)).toEqual({ _id: ID, seq: 5 });
  });

  it('are `_local` documents of any other database (a relay copy)', async () => {
    const db = openLocalDb(path.join(tempDir(), 'relay', '370102001002'));
    opened.push(db);
    expect(keptFolderOf(db)).toBeNull();
    const copy = new SavedCopy(100);
    copy.save(db, { _id: ID, seq: 2 });
    await saved(copy, 2);
    copy.save(db, { _id: ID, seq: 4 });
    await saved(copy, 4);
    expect(await db.get(ID)).toMatchObject({ seq: 4 });
  });
});

describe('the follower of kept facts', () => {
  it('saves at a quiet moment once the facts’ own number of changes came in, not for every record', async () => {
    const db = openLocalDb(path.join(tempDir(), 'facts'));
    opened.push(db);
    const asked: number[] = [];
    let savedAt = 0;
    const facts: Followed = {
      seq: 0,
      quietSaveAfter: 3,
      refresh: async () => {
        facts.seq = Number((await db.info()).update_seq);
      },
      saveIfBehind: (_db, atLeast = 1) => {
        asked.push(atLeast);
        if (facts.seq - savedAt >= atLeast) savedAt = facts.seq;
      },
      counts: (id) => id.startsWith('x:'),
    };
    const follower = new FactsFollower(facts, db);
    const write = async (n: number) => {
      const { rev } = await db.put({ _id: `x:${n}` });
      follower.feed.apply({ id: `x:${n}`, seq: (await db.info()).update_seq, changes: [{ rev }] } as never);
      await vi.waitUntil(() => asked.length >= n, { timeout: 2_000 });
    };
    await write(1);
    await write(2);
    expect(savedAt).toBe(0);
    await write(3);
    expect(savedAt).toBe(3);
    expect(asked).toEqual([3, 3, 3]);
  });
});
