// The waiting set counts from its digest, marks anew what the county has or locked when that
// changes, and a start reads only the changes after the copy saved at the last stop (issue 18).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../context';
import { openStationDb, type StationDb } from '../store/db';
import type { FileDelivery } from './batches';
import { SyncStateStore } from './state';
import { WaitingSet, type LockedRecords } from './waiting';

const dirs: string[] = [];
const dbs: StationDb[] = [];
afterEach(async () => {
  while (dbs.length) await dbs.pop()!.close();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

function station() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-waiting-'));
  dirs.push(dir);
  return dir;
}

/** A waiting set over a station database, with locks and receipts the test sets. */
function waitingSet(dir: string) {
  const db = openStationDb(dir, { durable: false });
  dbs.push(db);
  const locked = new Set<string>();
  const locks: LockedRecords & { version: number } = { version: 0, lockedIds: () => locked };
  const delivered = new Set<string>();
  const receipts: FileDelivery & { deliveredVersion: number } = {
    deliveredVersion: 0,
    delivered: (id, rev) => delivered.has(`${id} ${rev}`),
    receipted: () => false,
    eachDelivered: (visit) => delivered.forEach((e) => visit(...(e.split(' ') as [string, string]))),
  };
  const ctx = { db, station: () => ({ placeCode: '370102001001' }), lockedAt: (id: string) => (locked.has(id) ? '2026-12-01T00:00:00Z' : null) } as unknown as CoreContext;
  const state = new SyncStateStore(db);
  const set = new WaitingSet(ctx, state, { notSent: /^(batch|review):/, isReference: () => false, changedPage: 50 }, () => receipts, locks);
  const sinces: unknown[] = [];
  const changes = db.changes.bind(db);
  db.changes = ((options: { since: unknown }) => (sinces.push(options.since), changes(options as never))) as typeof db.changes;
  return {
    db,
    set,
    state,
    sinces,
    lock: (id: string, on = true) => (on ? locked.add(id) : locked.delete(id), (locks.version += 1)),
    deliver: (id: string, rev: string) => (delivered.add(`${id} ${rev}`), (receipts.deliveredVersion += 1)),
    /** Stops as the station does (the digest saved, unless `save` is false), and closes the database. */
    stop: async (save = true) => {
      if (save) await set.close();
      await db.close();
      dbs.splice(dbs.indexOf(db), 1);
    },
  };
}

/** What bulkDocs stored: each document's id and revision. */
const stored = async (written: Promise<unknown[]>) => (await written) as { id: string; rev: string }[];

const residents = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ _id: `resident:370102001001:${String(from + i).padStart(6, '0')}`, type: 'resident' }));

describe('the waiting set', () => {
  it('counts records, not the audit log or what is never sent, and follows edits and deletions', async () => {
    const w = waitingSet(station());
    const [a, b] = await stored(w.db.bulkDocs([...residents(120), { _id: 'audit:1', type: 'audit' }, { _id: 'batch:1', type: 'batch' }]));
    expect(await w.set.count()).toBe(120);
    await w.db.put({ _id: a!.id, _rev: a!.rev, type: 'resident', name: 'changed' });
    await w.db.put({ _id: b!.id, _rev: b!.rev, _deleted: true });
    expect(await w.set.count()).toBe(119);
    expect((await w.set.docs()).map((d) => d.id)).toEqual(expect.arrayContaining(['audit:1', a!.id]));
    expect((await w.set.docs()).length).toBe(120);
  });

  it('holds back a record locked, or a revision a receipt confirmed, after it was counted, and lets it go when that ends', async () => {
    const w = waitingSet(station());
    const [a, b] = await stored(w.db.bulkDocs(residents(10)));
    expect(await w.set.count()).toBe(10);
    w.lock(a!.id);
    w.deliver(b!.id, b!.rev);
    expect(await w.set.count()).toBe(8);
    expect((await w.set.docs()).map((d) => d.id)).not.toContain(a!.id);
    w.lock(a!.id, false);
    expect(await w.set.count()).toBe(9);
    // A revision after the one the receipt confirmed waits again.
    await w.db.put({ _id: b!.id, _rev: b!.rev, type: 'resident', name: 'changed' });
    expect(await w.set.count()).toBe(10);
    // A revision the county wrote (a resolved conflict) is on the server already.
    const c = await w.db.get(residents(1, 2)[0]!._id);
    await w.state.update({ countyWritten: { [c._id]: c._rev } });
    expect(await w.set.count()).toBe(9);
  });

  it('starts from the copy saved at the last stop: only the changes after it are read, and the count is the same', async () => {
    const dir = station();
    const first = waitingSet(dir);
    await first.db.bulkDocs(residents(300));
    const [locked] = await stored(first.db.bulkDocs(residents(1, 300)));
    expect(await first.set.count()).toBe(301);
    await first.stop();

    const again = waitingSet(dir);
    await again.db.bulkDocs(residents(5, 1000));
    again.lock(locked!.id);
    expect(await again.set.count()).toBe(305);
    expect(again.sinces[0]).toBe(301);
    // A push moves the base: what the copy holds no longer counts.
    await again.state.update({ pushedSeq: 303 });
    expect(await again.set.count()).toBe(3);
  });

  it('reads everything again when the saved copy counts from another base', async () => {
    const dir = station();
    const first = waitingSet(dir);
    await first.db.bulkDocs(residents(20));
    expect(await first.set.count()).toBe(20);
    await first.set.close();
    await first.state.update({ pushedSeq: 10 });
    await first.stop(false);
    const again = waitingSet(dir);
    await again.state.load();
    expect(await again.set.count()).toBe(10);
    expect(again.sinces[0]).toBe(10);
  });

  it('sends every waiting record whatever the saved copy says: a forged or broken copy changes the count at most, never the batch', async () => {
    const dir = station();
    const first = waitingSet(dir);
    await first.db.bulkDocs(residents(30));
    expect(await first.set.count()).toBe(30);
    await first.stop();
    // A copy that says nothing waits, at the database's latest change.
    const file = path.join(dir, 'kept', 'waiting.bin');
    const header = JSON.parse(fs.readFileSync(file).toString('utf8').split('\n')[0]!) as object;
    fs.writeFileSync(file, `${JSON.stringify(header)}\n`);
    const forged = waitingSet(dir);
    expect(await forged.set.count()).toBe(0);
    expect((await forged.set.docs()).length).toBe(30);
    await forged.stop(false);
    // A broken one is not read: everything is counted again.
    fs.writeFileSync(file, 'not a digest');
    expect(await waitingSet(dir).set.count()).toBe(30);
  });
});
