// The audit log read a page at a time: the first page is the newest entries (across the runs of
// ids, placed and from before ids carried places), the filters and paging are right, the totals
// come from the kept counts, and a page never reads the whole log.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../core';
import type { AuditDoc } from '../store/docs';
import { openLocalDb } from '../store/db';
import { openStation, tempDir } from '../testing/fixtures';
import { readSavedCopy } from '../testing/savedCopies';
import { AuditCounts, SAVED_AUDIT_COUNTS, localDay, timeOfId } from './counts';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const ENTRIES = 3_000;
const ACTIONS = ['reveal', 'print', 'export', 'loginFailed'] as const;
const USERS = ['wangli', 'lisi', 'zhaoliu'];

/** Entries as replication brings them: two thirds with the station's place, one third older ids without it, interleaved in time. */
function entries(place: string): AuditDoc[] {
  const start = Date.parse('2026-09-01T00:00:00Z');
  return Array.from({ length: ENTRIES }, (_, i) => {
    const at = new Date(start + i * 37 * 60_000).toISOString();
    const random = `r${String(i).padStart(5, '0')}`;
    return {
      _id: i % 3 === 0 ? `audit:${at}:${random}` : `audit:${place}:${at}:${random}`,
      type: 'audit',
      schemaVersion: 1,
      placeCode: place,
      action: ACTIONS[i % ACTIONS.length]!,
      targetId: `resident:${i}`,
      field: `f${i}`,
      createdBy: USERS[i % USERS.length]!,
      createdAt: at,
      updatedBy: USERS[i % USERS.length]!,
      updatedAt: at,
    } as AuditDoc;
  });
}

/** Documents allDocs answered from here on. */
function countReads(core: Core): { rows: number } {
  const counter = { rows: 0 };
  const original = core.db.allDocs.bind(core.db);
  vi.spyOn(core.db, 'allDocs').mockImplementation((async (options: object) => {
    const result = await original(options as never);
    counter.rows += result.rows.length;
    return result;
  }) as never);
  return counter;
}

describe('the audit log, a page at a time', () => {
  it('answers the newest page first with the filters and paging, reading only as far back as the page', async () => {
    const s = await openStation(tempDir());
    open.push(s.core);
    const { core, session } = s;
    await core.db.bulkDocs(entries('370102001002'));
    await core.whenIndexed();
    const all = (await core.db.allDocs<AuditDoc>({ include_docs: true, startkey: 'audit:', endkey: 'audit:\ufff0' })).rows.map((r) => r.doc!);
    const newest = all.sort((a, b) => (timeOfId(a._id) !== timeOfId(b._id) ? (timeOfId(a._id) < timeOfId(b._id) ? 1 : -1) : a._id < b._id ? 1 : -1));
    // The counts follow the feed in the background: saved before anyone lists the log.
    await expect.poll(() => readSavedCopy<{ seq: number }>(core.db, SAVED_AUDIT_COUNTS)?.seq ?? -1, { timeout: 5_000 }).toBe(Number((await core.db.info()).update_seq));

    const reads = countReads(core);
    const first = await core.call(session, 'audit.list', { offset: 0, limit: 50 });
    expect(first.total).toBe(all.length);
    expect(first.items.map((e) => e.id)).toEqual(newest.slice(0, 50).map((d) => d._id));
    expect(reads.rows).toBeLessThan(300);

    reads.rows = 0;
    const second = await core.call(session, 'audit.list', { offset: 50, limit: 50 });
    expect(second.items.map((e) => e.id)).toEqual(newest.slice(50, 100).map((d) => d._id));
    expect(reads.rows).toBeLessThan(400);

    reads.rows = 0;
    const reveals = newest.filter((d) => d.action === 'reveal');
    const byAction = await core.call(session, 'audit.list', { action: 'reveal', offset: 20, limit: 20 });
    expect(byAction.total).toBe(reveals.length);
    expect(byAction.items.map((e) => e.id)).toEqual(reveals.slice(20, 40).map((d) => d._id));
    expect(reads.rows).toBeLessThan(800);

    const lisi = newest.filter((d) => d.createdBy === 'lisi' && d.action === 'print');
    const byBoth = await core.call(session, 'audit.list', { action: 'print', user: ' lisi ', offset: 0, limit: 10 });
    expect(byBoth.total).toBe(lisi.length);
    expect(byBoth.items.map((e) => e.id)).toEqual(lisi.slice(0, 10).map((d) => d._id));

    // A date range is a key range of each run: its entries only, the total from the counts by local day.
    reads.rows = 0;
    const inRange = newest.filter((d) => localDay(timeOfId(d._id)) >= '2026-10-01' && localDay(timeOfId(d._id)) <= '2026-10-02');
    const days = await core.call(session, 'audit.list', { from: '2026-10-01', to: '2026-10-02', offset: 0, limit: 100 });
    expect(days.total).toBe(inRange.length);
    expect(days.items.map((e) => e.id)).toEqual(inRange.slice(0, 100).map((d) => d._id));
    expect(reads.rows).toBeLessThan(inRange.length + 400);

    // A new entry is first at once, and counted.
    await core.call(session, 'residents.search', { query: '', sort: 'name', order: 'asc', offset: 0, limit: 1 });
    const exported = await core.call(session, 'audit.export', { action: 'reveal' });
    expect(exported.rows).toBe(reveals.length);
    const after = await core.call(session, 'audit.list', { offset: 0, limit: 1 });
    expect(after.total).toBe(all.length + 1);
    expect(after.items[0]).toMatchObject({ action: 'export', targetId: 'audit' });
  });

  it('after a restart, the first page and its total read neither the log nor its counts afresh', async () => {
    const dataDir = tempDir();
    const s = await openStation(dataDir);
    await s.core.db.bulkDocs(entries('370102001002'));
    await s.core.whenIndexed();
    await expect.poll(() => readSavedCopy<{ seq: number }>(s.core.db, SAVED_AUDIT_COUNTS)?.seq ?? -1, { timeout: 5_000 }).toBe(Number((await s.core.db.info()).update_seq));
    const before = await s.core.call(s.session, 'audit.list', { offset: 0, limit: 50 });
    await s.core.close();
    const again = await openStation(dataDir);
    open.push(again.core);
    const reads = countReads(again.core);
    const first = await again.core.call(again.session, 'audit.list', { offset: 0, limit: 50 });
    expect(reads.rows).toBeLessThan(300);
    // What the station wrote since (a login) comes first, then the same entries as before the restart.
    const added = first.total - before.total;
    expect(added).toBeGreaterThanOrEqual(0);
    expect(added).toBeLessThan(5);
    expect(first.items.slice(added).map((e) => e.id)).toEqual(before.items.slice(0, 50 - added).map((e) => e.id));
  });
});

describe('the audit log’s kept counts', () => {
  it('count an entry written while a fresh read runs once, not again when the changes bring it', async () => {
    const db = openLocalDb(path.join(tempDir(), 'counts'));
    const docs = entries('370102001002');
    await db.bulkDocs(docs.slice(0, 1000));
    const counts = new AuditCounts();
    // The rest lands while the fresh read (from no saved copy) pages through the entries.
    const allDocs = db.allDocs.bind(db);
    let written = false;
    vi.spyOn(db, 'allDocs').mockImplementation((async (options: object) => {
      if (!written) {
        written = true;
        await db.bulkDocs(docs.slice(1000));
      }
      return allDocs(options as never);
    }) as never);
    await counts.refresh(db);
    await counts.refresh(db);
    expect(counts.total({})).toBe(docs.length);
    await db.close();
  });
});
