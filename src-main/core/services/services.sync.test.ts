// A service record is a record of the station's work like a registration: it waits to go up,
// travels in a batch, and the county can return it with a reason, answered by a correction.
import { afterEach, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer } from '../../../county/pouchServer';
import { isReviewedId, isLockableId } from '../../../shared/sync/review';
import { openStation, registration, tempDir, VILLAGE } from '../testing/fixtures';

const ADMIN = { username: 'county-admin', password: 'county-secret' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function couch(url: string, path: string, init: RequestInit = {}) {
  const auth = 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
  const response = await fetch(url + path, { ...init, headers: { authorization: auth, 'content-type': 'application/json', ...init.headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('service records and sync', () => {
  it('are reviewed by the county (unlike the audit log) but never locked: nothing changes an entry', () => {
    const id = `service:${VILLAGE}:${'a'.repeat(26)}:2026-11-22T02:00:00.000Z:abcdefgh`;
    expect(isReviewedId(id)).toBe(true);
    expect(isLockableId(id)).toBe(false);
    expect(isReviewedId(`audit:${VILLAGE}:2026-11-22T02:00:00.000Z:abcdefgh`)).toBe(false);
  });

  it('go up in a batch, and come back returned with the county’s reason', async () => {
    const county = await startPouchServer({ dir: tempDir('leye-county-') });
    cleanups.push(() => county.stop());
    await createServerAdmin(county.url, ADMIN.username, ADMIN.password);
    await couch(county.url, `/station_${VILLAGE}`, { method: 'PUT' });
    const { core, session } = await openStation();
    cleanups.push(() => core.close());
    await core.call(session, 'sync.connect', { url: county.url, ...ADMIN });

    const resident = await core.call(session, 'residents.register', registration());
    const service = await core.call(session, 'services.record', { residentId: resident.id, date: '2026-11-21', channel: 'phone', kind: 'policyConsultation', content: '咨询灵活就业社保补贴', outcome: '' });
    expect((await core.call(session, 'sync.status', {})).waiting).toBe(2);
    expect(await core.call(session, 'sync.now', {})).toMatchObject({ state: 'idle', waiting: 0 });
    expect((await couch(county.url, `/station_${VILLAGE}/${encodeURIComponent(service.id)}`)).body).toMatchObject({ type: 'service', kind: 'policyConsultation', residentId: resident.id });
    const [batch] = await core.call(session, 'sync.batches', {});
    expect(batch).toMatchObject({ status: 'delivered', counts: { station: 1, resident: 1, service: 1 } });

    const rev = (await couch(county.url, `/station_${VILLAGE}/${encodeURIComponent(service.id)}`)).body._rev as string;
    await couch(county.url, `/station_${VILLAGE}/${encodeURIComponent(`review:${batch!.id}`)}`, {
      method: 'PUT',
      body: JSON.stringify({
        type: 'review', schemaVersion: 1, placeCode: VILLAGE, createdBy: 'county-li', createdAt: '2026-11-22T03:00:00Z', updatedBy: 'county-li', updatedAt: '2026-11-22T03:00:00Z',
        batchId: batch!.id, decision: 'partial', records: [{ id: service.id, rev, decision: 'returned', reason: '服务内容过于简略' }, { id: resident.id, rev: resident.rev, decision: 'accepted', reason: '' }],
      }),
    });
    await core.call(session, 'sync.now', {});
    const [reviewed] = await core.call(session, 'sync.batches', {});
    expect(reviewed).toMatchObject({ status: 'partial', returned: [expect.objectContaining({ id: service.id, reason: '服务内容过于简略' })] });
    // The resident's timeline says what the county decided, on which record.
    const timeline = await core.call(session, 'services.timeline', { residentId: resident.id });
    expect(timeline.filter((e) => e.type === 'decision')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ decision: 'returned', record: 'service', recordDate: '2026-11-21', reason: '服务内容过于简略' }),
        expect.objectContaining({ decision: 'accepted', record: 'resident' }),
      ]),
    );
    // Answered by a correction, which goes up in the next batch.
    await core.call(session, 'services.correct', { entry: 'service', corrects: service.id, date: '2026-11-21', channel: 'phone', kind: 'policyConsultation', content: '咨询灵活就业社保补贴的申领条件和材料，已告知到街道办理', outcome: '' });
    await core.call(session, 'sync.now', {});
    const [next] = await core.call(session, 'sync.batches', {});
    expect(next).toMatchObject({ counts: { service: 1 } });
  });
});
