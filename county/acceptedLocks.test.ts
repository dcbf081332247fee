// Records the county accepted before the lock lived on the record: re-running provisioning (as a
// county does after an upgrade) locks them on the server, so the station's own password can no
// longer change them; records returned, or unlocked since, stay open (issue 15, item 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docId } from '../shared/documents/registry';
import { provisionCounty, stationDb } from './provision';
import { openAttackTarget, type AttackTarget } from './testing/attackTarget';

let t: AttackTarget;

beforeAll(async () => {
  t = await openAttackTarget('accepted-locks');
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

const stamp = (place: string, at: string, by = 'clerk') => ({ schemaVersion: 1, placeCode: place, createdBy: by, createdAt: at, updatedBy: by, updatedAt: at });

describe('provisioning after the upgrade', () => {
  it('locks what earlier reviews accepted and nothing else, once', async () => {
    const { A } = t;
    const db = `/${stationDb(A)}`;
    const resident = (key: string) => ({ _id: docId.resident(key.repeat(26)), type: 'resident', ...stamp(A, '2026-11-20T02:00:00.000Z'), name: '张三', address: '一号院' });
    const [kept, unlocked, returned] = [resident('a'), resident('b'), resident('c')];
    const batchId = `batch:${A}:2026-11-20T03:00:00.000Z:abcdef`;
    const review = {
      _id: docId.review(batchId),
      type: 'review',
      ...stamp(t.county, '2026-11-25T02:00:00.000Z', 'county-li'),
      batchId,
      decision: 'partial',
      records: [
        { id: kept._id, rev: '1-x', decision: 'accepted', reason: '' },
        { id: unlocked._id, rev: '1-x', decision: 'accepted', reason: '' },
        { id: returned._id, rev: '1-x', decision: 'returned', reason: '地址不全' },
      ],
    };
    const unlock = { _id: docId.unlock(unlocked._id, '2026-11-28T02:00:00.000Z'), type: 'unlock', ...stamp(t.county, '2026-11-28T02:00:00.000Z', 'county-li'), targetId: unlocked._id, reason: '户籍变更' };
    // The server as it was before the upgrade: the decisions written, no lock on the records.
    const written = await t.call('POST', `${db}/_bulk_docs`, t.asAdmin(), { docs: [kept, unlocked, returned, review, unlock] });
    expect(written.status).toBe(201);
    const before = await t.call('PUT', `${db}/${kept._id}`, t.as(A), { ...(await t.call('GET', `${db}/${kept._id}`, t.as(A))).body, address: '二号院' });
    expect(before.status).toBe(201);

    const again = await provisionCounty(t.url, t.admin, t.plan);
    expect(again.changes).toContain(`1 accepted record(s) of ${A} locked on the server`);
    const locked = (await t.call('GET', `${db}/${kept._id}`, t.as(A))).body;
    expect(locked.countyLock).toEqual({ at: '2026-11-25T02:00:00.000Z', by: 'county-li', batchId });
    expect(locked.address).toBe('二号院');

    // The station's own password no longer changes it; the others it still edits.
    const refused = await t.call('PUT', `${db}/${kept._id}`, t.as(A), { ...locked, address: '三号院' });
    expect(refused.status).toBe(403);
    expect(String(refused.body.reason)).toMatch(/accepted by the county on 2026-11-25 and is locked/);
    for (const open of [unlocked, returned]) {
      const current = (await t.call('GET', `${db}/${open._id}`, t.as(A))).body;
      expect(current.countyLock).toBeUndefined();
      expect((await t.call('PUT', `${db}/${open._id}`, t.as(A), { ...current, address: '二号院' })).status).toBe(201);
    }

    // A third run finds nothing more to lock.
    const third = await provisionCounty(t.url, t.admin, t.plan);
    expect(third.changes.filter((c) => c.includes('locked on the server'))).toEqual([]);
  });
});
