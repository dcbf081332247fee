// Employment entries travel like every record: they go up in a batch the county reviews, and the
// county server keeps them append-only: a station rewriting or deleting one is refused (the
// validate function derived from the registry, as the county provisions it).
import { afterEach, describe, expect, it } from 'vitest';
import { stationValidate } from '../../../county/designDocs';
import { createServerAdmin, startPouchServer } from '../../../county/pouchServer';
import { APPEND_ONLY_TYPES, docId } from '../../../shared/documents/registry';
import { isLockableId, isReviewedId } from '../../../shared/sync/review';
import { openStation, registration, tempDir, VILLAGE } from '../testing/fixtures';

const ADMIN = { username: 'county-admin', password: 'county-secret' };
const STATION = { username: 'village', password: 'village-pass' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const basic = (u: { username: string; password: string }) => 'Basic ' + Buffer.from(`${u.username}:${u.password}`).toString('base64');
async function couch(url: string, path: string, init: RequestInit = {}, as = ADMIN) {
  const response = await fetch(url + path, { ...init, headers: { authorization: basic(as), 'content-type': 'application/json', ...init.headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('employment entries and the county', () => {
  it('every append-only type of the registry is append-only in the county validate function', () => {
    expect(APPEND_ONLY_TYPES).toEqual(expect.arrayContaining(['audit', 'employment']));
    expect(stationValidate(VILLAGE, '370102')).toContain(JSON.stringify(APPEND_ONLY_TYPES));
    // Append-only, yet a record the county reviews (accepts or returns); never locked, as it never changes.
    const id = docId.employment(VILLAGE, `resident:${'a'.repeat(26)}`, '2026-11-01', 'abcd2345');
    expect(isReviewedId(id)).toBe(true);
    expect(isLockableId(id)).toBe(false);
    expect(isReviewedId(docId.audit(VILLAGE, '2026-11-01T00:00:00.000Z', 'abcdefgh'))).toBe(false);
  });

  it('go up in a batch, and the server refuses a station rewriting or deleting one', async () => {
    const server = await startPouchServer({ dir: tempDir('leye-county-') });
    cleanups.push(() => server.stop());
    await createServerAdmin(server.url, ADMIN.username, ADMIN.password);
    const db = `/station_${VILLAGE}`;
    await couch(server.url, db, { method: 'PUT' });
    const role = `station:${VILLAGE}`;
    await couch(server.url, `/_users/org.couchdb.user:${STATION.username}`, {
      method: 'PUT',
      body: JSON.stringify({ _id: `org.couchdb.user:${STATION.username}`, name: STATION.username, password: STATION.password, roles: [role], type: 'user' }),
    });
    await couch(server.url, `${db}/_security`, { method: 'PUT', body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [], roles: [role] } }) });
    await couch(server.url, `${db}/_design/leye`, { method: 'PUT', body: JSON.stringify({ validate_doc_update: stationValidate(VILLAGE, '370102') }) });

    const s = await openStation();
    cleanups.push(() => s.core.close());
    const { core, session } = s;
    await core.call(session, 'sync.connect', { url: server.url, ...STATION });
    const r = await core.call(session, 'residents.register', registration());
    const entry = await core.call(session, 'employment.record', { residentId: r.id, status: 'flexible', effectiveDate: '2026-11-01' });
    expect(await core.call(session, 'sync.now', {})).toMatchObject({ state: 'idle', waiting: 0, failure: null });
    const [batch] = await core.call(session, 'sync.batches', {});
    expect(batch).toMatchObject({ counts: { resident: 1, employment: 1 } });

    const path = `${db}/${encodeURIComponent(entry.id)}`;
    const stored = await couch(server.url, path);
    expect(stored.body).toMatchObject({ type: 'employment', status: 'flexible', residentId: r.id });
    const rewritten = await couch(server.url, path, { method: 'PUT', body: JSON.stringify({ ...stored.body, status: 'employee' }) }, STATION);
    expect(rewritten.status).toBe(403);
    expect(String(rewritten.body.reason)).toMatch(/append-only/);
    const deleted = await couch(server.url, `${path}?rev=${String(stored.body._rev)}`, { method: 'DELETE' }, STATION);
    expect(deleted.status).toBe(403);
    expect((await couch(server.url, path)).body).toMatchObject({ status: 'flexible' });
  });
});
