// replicate() into a local copy with `diff: 'fetched'` (how the sync pulls): the revisions the
// changes brought are written as they are, without asking the copy first; only the others are
// diffed and read with their history. A pull cut in the middle resumes from its checkpoint.
import { createHash } from 'node:crypto';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import type { PouchDB as P } from 'pouchdb-node';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDb } from '../store/db';
import { durabilityStats } from '../store/durableLeveldown';
import { tempDir } from '../testing/fixtures';
import { replicate, type FilledPage } from './replicate';

const opened: P.Database[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close().catch(() => undefined);
});

function localDb(): P.Database {
  const db = openLocalDb(path.join(tempDir(), 'db'));
  opened.push(db);
  return db;
}

/** Counts the revisions `db` is asked about (revsDiff) and can be told to fail its n-th bulk write. */
function watched(db: P.Database) {
  const seen = { asked: 0, writes: 0, failWrite: 0 };
  const revsDiff = db.revsDiff.bind(db);
  const bulkDocs = db.bulkDocs.bind(db) as (docs: object[], options?: object) => Promise<unknown>;
  Object.assign(db, {
    revsDiff: (diff: Record<string, string[]>) => {
      seen.asked += Object.values(diff).reduce((n, revs) => n + revs.length, 0);
      return revsDiff(diff);
    },
    bulkDocs: (docs: object[], options?: object) => {
      seen.writes += 1;
      if (seen.writes === seen.failWrite) return Promise.reject(Object.assign(new Error('disk gone'), { status: 500 }));
      return bulkDocs(docs, options);
    },
  });
  return seen;
}

async function seed(source: P.Database, count: number): Promise<void> {
  const docs = Array.from({ length: count }, (_, i) => ({ _id: `doc:${String(i).padStart(4, '0')}`, n: i }));
  await source.bulkDocs(docs);
}

/** Every document's revision tree leaves, so a copy can be compared with its source exactly. */
async function leaves(db: P.Database): Promise<Record<string, string[]>> {
  const all = await db.allDocs({});
  const docs = await Promise.all(all.rows.map((r) => db.get<{ _conflicts?: string[] }>(r.id, { conflicts: true })));
  return Object.fromEntries(docs.map((d) => [d._id, [d._rev, ...(d._conflicts ?? [])].sort()]));
}

/** A pull in pages of 10 whose third write fails while the fourth is already read (pages in flight). */
async function pullCutAtThirdPage(count: number, pair: string): Promise<{ source: P.Database; target: P.Database }> {
  const source = localDb();
  const target = localDb();
  await seed(source, count);
  const seen = watched(target);
  seen.failWrite = 3;
  await expect(replicate(source, target, { home: target, pair, diff: 'fetched', pageSize: 10 })).rejects.toThrow('disk gone');
  seen.failWrite = 0;
  return { source, target };
}

/** Where replicate() keeps a pair's checkpoint (see replicate.ts). */
function checkpointOf(pair: string): string {
  return `_local/replication-${createHash('sha256').update(`${pair} `).digest('hex').slice(0, 24)}`;
}

describe('replicate into a local copy (diff: fetched)', () => {
  it('writes first revisions from the changes without asking the copy; diffs and reads only later ones', async () => {
    const source = localDb();
    const target = localDb();
    await seed(source, 30);
    // Two documents edited (second revisions), one of them deleted.
    const edited = await source.get<{ n: number }>('doc:0003');
    await source.put({ ...edited, n: 103 });
    const gone = await source.get('doc:0007');
    await source.put({ ...gone, _deleted: true });
    const seen = watched(target);
    const result = await replicate(source, target, { home: target, pair: 'test pull', diff: 'fetched', pageSize: 8 });
    expect(seen.asked).toBe(2);
    expect(result.written).toBe(30);
    expect(await leaves(target)).toEqual(await leaves(source));
    expect((await target.get<{ n: number }>('doc:0003')).n).toBe(103);
    await expect(target.get('doc:0007')).rejects.toMatchObject({ status: 404 });
  });

  it('leaves revisions the copy already holds (and its own later ones, and conflicts) as they are', async () => {
    const source = localDb();
    const target = localDb();
    await seed(source, 12);
    // The copy got part of it before (a USB file, an earlier pull under another pair name) and
    // edited one document there since.
    await replicate(source, target, { home: target, pair: 'earlier', diff: 'fetched' });
    const local = await target.get<{ n: number }>('doc:0002');
    await target.put({ ...local, n: 202 });
    // The source edits another one on its own: a conflict for the copy's edited document.
    const theirs = await source.get<{ n: number }>('doc:0002');
    await source.put({ ...theirs, n: 302 });
    const before = await leaves(target);
    await replicate(source, target, { home: target, pair: 'again', diff: 'fetched' });
    const after = await leaves(target);
    // Nothing the copy held is lost; the source's new revision sits beside the copy's own.
    for (const [id, revs] of Object.entries(before)) for (const rev of revs) expect(after[id]).toContain(rev);
    expect(after['doc:0002']).toHaveLength(2);
    expect(after['doc:0002']).toContain((await source.get('doc:0002'))._rev);
  });

  it('a pull cut by a failed write resumes after the last page known to be stored, and ends complete', async () => {
    const { source, target } = await pullCutAtThirdPage(40, 'cut');
    const held = (await target.info()).doc_count;
    expect(held).toBeGreaterThanOrEqual(20);
    expect(held).toBeLessThan(40);
    const again = await replicate(source, target, { home: target, pair: 'cut', diff: 'fetched', pageSize: 10 });
    // Resumed from the checkpoint of the last stored page, not from the start.
    expect(again.written).toBeLessThanOrEqual(40 - 10);
    expect(await leaves(target)).toEqual(await leaves(source));
    // Done: a third run finds nothing new.
    expect((await replicate(source, target, { home: target, pair: 'cut', diff: 'fetched', pageSize: 10 })).written).toBe(0);
  });

  it('takes each page and its checkpoint in one synced write', async () => {
    const source = localDb();
    const target = localDb();
    await seed(source, 40);
    // Opening a store writes once (its id), in the background: counted only once the copy is open.
    await target.info();
    // Counted at the copy's own store (another test's store may still be writing in the background).
    const writes = () => durabilityStats.syncedWritesTo.get((target as unknown as { name: string }).name) ?? 0;
    const before = writes();
    const result = await replicate(source, target, { home: target, pair: 'one write', diff: 'fetched', pageSize: 10 });
    expect(result.written).toBe(40);
    // Four pages, four writes (a separate checkpoint write after each page made eight).
    expect(writes() - before).toBe(4);
    const checkpoint = await target.get<{ since: number }>(checkpointOf('one write'));
    expect(checkpoint.since).toBe((await source.info()).update_seq);
    expect((await replicate(source, target, { home: target, pair: 'one write', diff: 'fetched', pageSize: 10 })).written).toBe(0);
  });

  it('never keeps a checkpoint past a page whose write failed (the next page in flight keeps none)', async () => {
    const { source, target } = await pullCutAtThirdPage(50, 'torn');
    // The fourth page was written after the failed third (two pages in flight): its checkpoint
    // must not land, or the third page would never be pulled.
    const checkpoint = await target.get<{ since: number }>(checkpointOf('torn'));
    const upTo = await source.changes({ since: 0, limit: 20 });
    expect(checkpoint.since).toBe(upTo.last_seq);
    await replicate(source, target, { home: target, pair: 'torn', diff: 'fetched', pageSize: 10 });
    expect(await leaves(target)).toEqual(await leaves(source));
    expect((await target.info()).doc_count).toBe(50);
  });

  it('asks a remote-like target about everything with diff: true (relay copies pushed back)', async () => {
    const source = localDb();
    const target = new PouchDB(path.join(tempDir(), 'plain'), { adapter: 'leveldb' });
    opened.push(target);
    await seed(source, 9);
    const seen = watched(target);
    await replicate(source, target, { home: source, pair: 'push', diff: true });
    expect(seen.asked).toBe(9);
    expect(await leaves(target)).toEqual(await leaves(source));
  });
});

describe('a pull filling an empty copy (facts of the copy take its pages in hand)', () => {
  /** Each id's winning revision as the pages said it, the last page's word standing. */
  const winners = (pages: FilledPage[]) => new Map(pages.flatMap((p) => p.docs).map((d) => [d._id, { rev: d._rev, deleted: d._deleted === true }]));

  async function copyWinners(db: P.Database) {
    const changes = await db.changes({ since: 0 });
    return new Map(changes.results.map((c) => [c.id, { rev: c.changes[0]!.rev, deleted: c.deleted === true }]));
  }

  it('reports every page with the sequences around it, which chain from 0 to the copy’s own; its documents are the copy’s winners', async () => {
    const source = localDb();
    const target = localDb();
    await seed(source, 35);
    const edited = await source.get<{ n: number }>('doc:0004');
    await source.put({ ...edited, n: 104 });
    await source.put({ ...(await source.get('doc:0009')), _deleted: true });
    const pages: FilledPage[] = [];
    await replicate(source, target, { home: target, pair: 'fill', diff: 'fetched', pageSize: 10, filling: (page) => pages.push(page) });
    expect(pages).toHaveLength(4);
    expect(pages.map((p) => p.from)).toEqual([0, ...pages.slice(0, -1).map((p) => p.to)]);
    expect(pages.at(-1)!.to).toBe((await target.info()).update_seq);
    for (const page of pages) expect(page.to - page.from).toBe(page.docs.length);
    expect(winners(pages)).toEqual(await copyWinners(target));
    expect(winners(pages).get('doc:0009')).toMatchObject({ deleted: true });
  });

  it('reports nothing into a copy that held something before', async () => {
    const source = localDb();
    const target = localDb();
    await seed(source, 12);
    await target.put({ _id: 'doc:own', n: -1 });
    const pages: FilledPage[] = [];
    await replicate(source, target, { home: target, pair: 'not empty', diff: 'fetched', pageSize: 5, filling: (page) => pages.push(page) });
    expect(pages).toEqual([]);
    expect((await target.info()).doc_count).toBe(13);
  });

  it('leaves out a page with a conflicted document, and one another writer wrote beside', async () => {
    const source = localDb();
    const target = localDb();
    await seed(source, 30);
    // doc:0013 has two leaves at the source: which one wins in the copy is the copy's to say.
    const base = await source.get<{ n: number }>('doc:0013');
    await source.bulkDocs([{ ...base, _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa', base._rev.slice(2)] }, n: 1 }, { ...base, _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', base._rev.slice(2)] }, n: 2 }], { new_edits: false });
    // A file import writes into the copy just before the page that holds doc:0011 is written
    // (doc:0013 moved to the last page with its second revisions).
    const seen = watched(target);
    const bulkDocs = target.bulkDocs.bind(target) as (docs: { _id: string }[], options?: object) => Promise<unknown>;
    Object.assign(target, {
      bulkDocs: async (docs: { _id: string }[], options?: object) => {
        if (docs.some((d) => d._id === 'doc:0011')) await bulkDocs([{ _id: 'imported:1' }]);
        return bulkDocs(docs, options);
      },
    });
    const pages: FilledPage[] = [];
    await replicate(source, target, { home: target, pair: 'mixed', diff: 'fetched', pageSize: 10, filling: (page) => pages.push(page) });
    expect(seen.writes).toBeGreaterThanOrEqual(3);
    const reported = pages.flatMap((p) => p.docs.map((d) => d._id));
    expect(reported).toContain('doc:0000');
    expect(reported).not.toContain('doc:0013');
    expect(reported).not.toContain('doc:0011');
    expect(reported).not.toContain('doc:0029');
    // What was reported is still exactly what moved the copy between its two readings.
    for (const page of pages) expect(page.to - page.from).toBe(page.docs.length);
    expect(await leaves(target)).toMatchObject({ 'doc:0013': ['2-aaaa', '2-bbbb'] });
  });
});
