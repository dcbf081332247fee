import { describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { documentProblem } from '../store/docSchemas';
import { closedAfterEach, refusal, registration, VILLAGE } from '../testing/fixtures';

const station = closedAfterEach();

async function auditEntries(core: Core) {
  const rows = await core.db.allDocs<{ action: string; targetId: string; field: string; reason?: string; createdBy: string }>({
    startkey: 'audit:',
    endkey: 'audit:\ufff0',
    include_docs: true,
  });
  return rows.rows.map((r) => r.doc!);
}

describe('reopening a closed registration', () => {
  it('refuses an open registration and a missing reason', async () => {
    const { core, session } = await station();
    const view = await core.call(session, 'residents.register', registration());
    expect(await refusal(core.call(session, 'residents.reopen', { id: view.id, rev: view.rev, reason: '误注销' }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.registrationNotClosed',
    });
    const closed = await core.call(session, 'residents.close', { id: view.id, rev: view.rev, reason: 'dataEntryError', date: '2026-11-21', note: '' });
    expect(closed.closure).toMatchObject({ reason: 'dataEntryError' });
    for (const reason of ['', '   ']) {
      expect(await refusal(core.call(session, 'residents.reopen', { id: view.id, rev: closed.rev, reason }))).toMatchObject({
        code: 'VALIDATION',
        field: 'reason',
        messageKey: 'errors.required',
      });
    }
    expect(await refusal(core.call(session, 'residents.reopen', { id: view.id, rev: closed.rev }))).toMatchObject({ field: 'reason' });
    // A stale revision is refused like any other write.
    expect((await refusal(core.call(session, 'residents.reopen', { id: view.id, rev: view.rev, reason: '误注销' }))).code).toBe('CONFLICT');
    expect(await auditEntries(core)).toEqual([]);
  });

  it('clears the closure, keeps every earlier closure on the record, and logs the reopening', async () => {
    const { core, session } = await station();
    const view = await core.call(session, 'residents.register', registration());
    const closed = await core.call(session, 'residents.close', { id: view.id, rev: view.rev, reason: 'employed', date: '2026-11-21', note: '在县城就业' });
    const reopened = await core.call(session, 'residents.reopen', { id: view.id, rev: closed.rev, reason: '  就业单位未录用，重新求职  ' });
    expect(reopened).toMatchObject({ status: 'active', closure: null, updatedBy: 'wangli' });
    expect(reopened.reopenings).toEqual([
      { closure: { reason: 'employed', date: '2026-11-21', note: '在县城就业', by: 'wangli' }, reason: '就业单位未录用，重新求职', at: expect.any(String), by: 'wangli' },
    ]);
    // Open again: it can be edited, searched as active, and closed again.
    expect((await core.call(session, 'residents.search', { status: 'active' })).total).toBe(1);
    const { idNumber: _id, ...edit } = registration();
    const edited = await core.call(session, 'residents.update', { ...edit, id: view.id, rev: reopened.rev, name: '张三丰' });
    const again = await core.call(session, 'residents.close', { id: view.id, rev: edited.rev, reason: 'dataEntryError', date: '2026-11-22', note: '' });
    const twice = await core.call(session, 'residents.reopen', { id: view.id, rev: again.rev, reason: '误选原因' });
    expect(twice.reopenings!.map((r) => `${r.closure.reason} ${r.reason}`)).toEqual(['employed 就业单位未录用，重新求职', 'dataEntryError 误选原因']);

    const stored = await core.db.get(view.id);
    expect(documentProblem(stored as unknown as Record<string, unknown>)).toBeNull();
    const entries = await auditEntries(core);
    expect(entries.map((e) => `${e.createdBy} ${e.action} ${e.targetId} ${e.field} ${e.reason}`).sort()).toEqual(
      [`wangli reopen ${view.id} closure employed 2026-11-21 就业单位未录用，重新求职`, `wangli reopen ${view.id} closure dataEntryError 2026-11-22 误选原因`].sort(),
    );
    for (const e of entries) expect(documentProblem(e as unknown as Record<string, unknown>)).toBeNull();
  });

  it('is refused on a record the county accepted, before anything is logged', async () => {
    const { core, session } = await station();
    const view = await core.call(session, 'residents.register', registration());
    const closed = await core.call(session, 'residents.close', { id: view.id, rev: view.rev, reason: 'employed', date: '2026-11-21', note: '' });
    const county = { schemaVersion: 1, placeCode: VILLAGE, createdBy: 'county-li', updatedBy: 'county-li' };
    await core.db.put({
      _id: 'review:batch:1', type: 'review', ...county, createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z',
      batchId: 'batch:1', decision: 'accepted', records: [{ id: view.id, rev: closed.rev, decision: 'accepted', reason: '' }],
    });
    await core.whenIndexed();
    expect(await refusal(core.call(session, 'residents.reopen', { id: view.id, rev: closed.rev, reason: '误注销' }))).toMatchObject({ code: 'LOCKED' });
    expect((await core.call(session, 'residents.get', { id: view.id }))!.status).toBe('closed');
    expect(await auditEntries(core)).toEqual([]);
  });
});
