import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { idNumber, openStation, refusal, registration, VILLAGE } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const county = { schemaVersion: 1, placeCode: VILLAGE, createdBy: 'county-li', updatedBy: 'county-li' };

describe('records the county accepted', () => {
  it('are locked at the station until the county unlocks them, and the unlock is what lets a change through', async () => {
    const { core, session } = await openStation();
    open.push(core);
    const view = await core.call(session, 'residents.register', registration());
    const other = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', '456'), name: '李四', registration: { kind: 'jobSeeking', date: '2026-11-20' } }));
    const { idNumber: _id, ...edit } = registration();
    // The pull brings the county's review (accepted) — written here as replication would.
    await core.db.put({
      _id: 'review:batch:1', type: 'review', ...county, createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z',
      batchId: 'batch:1', decision: 'accepted', records: [{ id: view.id, rev: view.rev, decision: 'accepted', reason: '' }],
    });
    await core.whenIndexed();
    const locked = await refusal(core.call(session, 'residents.update', { ...edit, id: view.id, rev: view.rev, name: '张三丰' }));
    expect(locked).toMatchObject({ code: 'LOCKED', messageKey: 'errors.sync.locked', params: { at: '2026-11-22' } });
    expect((await core.call(session, 'residents.get', { id: view.id }))!.name).toBe('张三');
    // Records the county did not accept stay free.
    expect((await core.call(session, 'residents.update', { ...edit, id: other.id, rev: other.rev, name: '李思' })).name).toBe('李思');

    await core.db.put({
      _id: `unlock:${view.id}:2026-11-22T02:00:00Z`, type: 'unlock', ...county, createdAt: '2026-11-22T02:00:00Z', updatedAt: '2026-11-22T02:00:00Z',
      targetId: view.id, reason: '户籍地址更正',
    });
    await core.whenIndexed();
    const changed = await core.call(session, 'residents.update', { ...edit, id: view.id, rev: view.rev, name: '张三丰' });
    expect(changed.name).toBe('张三丰');
  });
});

describe('a record the pull brought with the county’s lock on it', () => {
  it('is locked before its review arrives, and free again once a revision without the lock arrives', async () => {
    const { core, session } = await openStation();
    open.push(core);
    const view = await core.call(session, 'residents.register', registration());
    const { idNumber: _id, ...edit } = registration();
    const stored = await core.db.get<Record<string, unknown>>(view.id);
    // The county's revision, as replication stores it (new_edits: false, with its history).
    const lockedRev = `2-${'c'.repeat(32)}`;
    const locked = { ...stored, _rev: lockedRev, _revisions: { start: 2, ids: ['c'.repeat(32), view.rev.slice(2)] }, countyLock: { at: '2026-11-23T01:00:00Z', by: '李科长', batchId: 'batch:1' } };
    await core.db.bulkDocs([locked], { new_edits: false });
    await core.whenIndexed();
    const refused = await refusal(core.call(session, 'residents.update', { ...edit, id: view.id, rev: lockedRev, name: '张三丰' }));
    expect(refused).toMatchObject({ code: 'LOCKED', messageKey: 'errors.sync.locked', params: { at: '2026-11-23' } });

    const { countyLock: _lifted, ...rest } = locked;
    const freeRev = `3-${'d'.repeat(32)}`;
    await core.db.bulkDocs([{ ...rest, _rev: freeRev, _revisions: { start: 3, ids: ['d'.repeat(32), 'c'.repeat(32), view.rev.slice(2)] } }], { new_edits: false });
    await core.whenIndexed();
    expect((await core.call(session, 'residents.update', { ...edit, id: view.id, rev: freeRev, name: '张三丰' })).name).toBe('张三丰');
  });
});
