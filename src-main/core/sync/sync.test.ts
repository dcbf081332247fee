import { afterEach, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import type { Core } from '../core';
import { classifyFailure, parseSetupCode } from './sync';
import { idNumber, openStation, refusal, registration, tempDir, VILLAGE } from '../testing/fixtures';

const ADMIN = { username: 'county-admin', password: 'county-secret' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function server(dir = tempDir('leye-county-'), port?: number): Promise<PouchServer & { dir: string }> {
  const s = await startPouchServer({ dir, ...(port ? { port } : {}) });
  cleanups.push(() => s.stop());
  return { ...s, dir };
}

async function couch(url: string, path: string, init: RequestInit = {}) {
  const auth = 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
  const response = await fetch(url + path, { ...init, headers: { authorization: auth, 'content-type': 'application/json', ...init.headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function station(): Promise<{ core: Core; session: Awaited<ReturnType<typeof openStation>>['session'] }> {
  const s = await openStation();
  cleanups.push(() => s.core.close());
  return s;
}

describe('setup codes', () => {
  it('reads the county CLI format and refuses anything else', () => {
    const code = Buffer.from(JSON.stringify({ v: 1, url: 'http://10.1.2.3:5984/', user: 'st_370102001002', password: 'p', place: VILLAGE })).toString('base64url');
    expect(parseSetupCode(code)).toEqual({ url: 'http://10.1.2.3:5984', username: 'st_370102001002', password: 'p', placeCode: VILLAGE });
    expect(parseSetupCode('not-a-code')).toBeNull();
    expect(parseSetupCode(Buffer.from('{"v":2}').toString('base64url'))).toBeNull();
  });

  it('sorts failures into what the clerk can act on', () => {
    expect(classifyFailure({ status: 401, name: 'unauthorized' })).toBe('credentials');
    expect(classifyFailure({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5984' })).toBe('unreachable');
    expect(classifyFailure({ message: 'getaddrinfo ENOTFOUND county.example' })).toBe('offline');
    expect(classifyFailure({ name: 'TimeoutError', message: 'The operation was aborted due to timeout' })).toBe('unreachable');
  });
});

describe('what is waiting', () => {
  it('is brought forward change by change: an edit counts once, a deletion not at all, without rereading what was counted', async () => {
    const { core, session } = await station();
    const waiting = async () => (await core.call(session, 'sync.status', {})).waiting;
    const base = await waiting(); // the station document
    const a = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19900520', '111'), name: '张三' }));
    const b = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '222'), name: '李四' }));
    expect(await waiting()).toBe(base + 2);
    // Edited twice, as another station's edits arrive: still one record waiting.
    for (const skills of ['焊工', '电工']) await core.db.put({ ...(await core.db.get(a.id)), skills });
    expect(await waiting()).toBe(base + 2);
    await core.db.put({ ...(await core.db.get(b.id)), _deleted: true });
    expect(await waiting()).toBe(base + 1);
  });
});

describe('sync with a county CouchDB (PouchDB Server on 127.0.0.1)', () => {
  it('pushes the station, tells what waits, and says why it failed, never "done" when it is not', async () => {
    const county = await server();
    await createServerAdmin(county.url, ADMIN.username, ADMIN.password);
    await couch(county.url, `/station_${VILLAGE}`, { method: 'PUT' });
    const { core, session } = await station();

    expect(await core.call(session, 'sync.status', {})).toMatchObject({ connected: false, state: 'never', lastSuccessAt: null });
    expect((await refusal(core.call(session, 'sync.now', {}))).messageKey).toBe('errors.sync.notConnected');
    const wrong = await refusal(core.call(session, 'sync.connect', { url: county.url, username: ADMIN.username, password: 'wrong' }));
    expect(wrong).toMatchObject({ field: 'password', messageKey: 'errors.sync.credentials' });
    const connected = await core.call(session, 'sync.connect', { url: county.url, ...ADMIN });
    expect(connected).toMatchObject({ connected: true, server: { url: county.url, username: ADMIN.username, placeCode: VILLAGE } });
    expect(JSON.stringify(connected)).not.toContain(ADMIN.password);

    const resident = await core.call(session, 'residents.register', registration());
    expect((await core.call(session, 'sync.status', {})).waiting).toBe(1); // the resident (the station entry goes along uncounted; the shipped policy defaults stay here)
    const synced = await core.call(session, 'sync.now', {});
    expect(synced).toMatchObject({ state: 'idle', waiting: 0, failure: null });
    expect(synced.lastSuccessAt).not.toBeNull();
    expect((await couch(county.url, `/station_${VILLAGE}/${encodeURIComponent(resident.id)}`)).body).toMatchObject({ type: 'resident', name: '张三' });

    // The sync carried one batch: its manifest went up with the documents.
    const [batch] = await core.call(session, 'sync.batches', {});
    expect(batch).toMatchObject({ status: 'delivered', via: 'sync', documents: 2, counts: { station: 1, resident: 1 } });
    expect(batch!.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const manifest = (await couch(county.url, `/station_${VILLAGE}/${encodeURIComponent(batch!.id)}`)).body as { docs: { id: string; rev: string }[] };
    expect(manifest.docs).toContainEqual({ id: resident.id, rev: resident.rev });
    // Nothing new: the next sync carries no batch.
    await core.call(session, 'sync.now', {});
    expect(await core.call(session, 'sync.batches', {})).toHaveLength(1);

    // The county returns the resident with a reason; the station sees it after the next pull.
    await couch(county.url, `/station_${VILLAGE}/${encodeURIComponent(`review:${batch!.id}`)}`, {
      method: 'PUT',
      body: JSON.stringify({
        type: 'review', schemaVersion: 1, placeCode: VILLAGE, createdBy: 'county-li', createdAt: '2026-11-22T03:00:00Z', updatedBy: 'county-li', updatedAt: '2026-11-22T03:00:00Z',
        batchId: batch!.id, decision: 'partial', records: [{ id: resident.id, rev: resident.rev, decision: 'returned', reason: '住址缺门牌号' }],
      }),
    });
    await core.call(session, 'sync.now', {});
    const [reviewed] = await core.call(session, 'sync.batches', {});
    expect(reviewed).toMatchObject({ status: 'partial', returned: [expect.objectContaining({ id: resident.id, reason: '住址缺门牌号' })] });

    // The server goes away: the sync fails as "unreachable", the new record waits.
    await county.stop();
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '222'), name: '李四' }));
    const down = await core.call(session, 'sync.now', {});
    expect(down).toMatchObject({ state: 'failed', waiting: 1, failure: { reason: 'unreachable' }, lastSuccessAt: synced.lastSuccessAt });

    // Back on the same port and data: the waiting record goes up.
    await server(county.dir, county.port);
    const again = await core.call(session, 'sync.now', {});
    expect(again).toMatchObject({ state: 'idle', waiting: 0, failure: null });
    // The failed attempt's batch was carried by the retry, not duplicated.
    const batches = await core.call(session, 'sync.batches', {});
    expect(batches.map((b) => `${b.status}:${b.documents}`).sort()).toEqual(['delivered:1', 'partial:2']);
  });

  it('lists the documents the county refused, with its reason, and keeps them waiting', async () => {
    const county = await server();
    await createServerAdmin(county.url, ADMIN.username, ADMIN.password);
    const db = `/station_${VILLAGE}`;
    await couch(county.url, db, { method: 'PUT' });
    // A county rule, as validate_doc_update: it refuses one name (server admins are exempt, so
    // the station uses a member account here).
    await couch(county.url, '/_users/org.couchdb.user:village', {
      method: 'PUT',
      body: JSON.stringify({ _id: 'org.couchdb.user:village', name: 'village', password: 'village-pass', roles: ['station'], type: 'user' }),
    });
    await couch(county.url, `${db}/_security`, { method: 'PUT', body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [], roles: ['station'] } }) });
    await couch(county.url, `${db}/_design/rules`, {
      method: 'PUT',
      body: JSON.stringify({ validate_doc_update: "function (doc) { if (doc.name === '拒收') throw({ forbidden: '姓名须与户籍一致' }); }" }),
    });
    const { core, session } = await station();
    await core.call(session, 'sync.connect', { url: county.url, username: 'village', password: 'village-pass' });
    const ok = await core.call(session, 'residents.register', registration());
    const bad = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '222'), name: '拒收' }));
    const status = await core.call(session, 'sync.now', {});
    expect(status.state).toBe('failed');
    expect(status.failure).toMatchObject({ reason: 'refused', refused: [{ id: bad.id, reason: expect.stringContaining('姓名须与户籍一致') }] });
    expect(status.waiting).toBeGreaterThan(0);
    expect((await couch(county.url, `${db}/${encodeURIComponent(ok.id)}`)).status).toBe(200);
    expect((await couch(county.url, `${db}/${encodeURIComponent(bad.id)}`)).status).toBe(404);
  });
});

describe('live sync', () => {
  it('sends changes soon after they are made, backs off while the server is away, and catches up when it returns', async () => {
    const county = await server();
    await createServerAdmin(county.url, ADMIN.username, ADMIN.password);
    await couch(county.url, `/station_${VILLAGE}`, { method: 'PUT' });
    const { Core } = await import('../core');
    const dir = tempDir();
    const core = await Core.open({ dataDir: dir, syncTiming: { debounceMs: 100, intervalMs: 60_000, backoffBaseMs: 200, backoffMaxMs: 400, requestTimeoutMs: 10_000 } });
    cleanups.push(() => core.close());
    const session = { user: null };
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    await core.call(session, 'sync.connect', { url: county.url, ...ADMIN });
    const until = async (check: (s: Awaited<ReturnType<typeof core.call<'sync.status'>>>) => boolean, ms = 15_000) => {
      const end = Date.now() + ms;
      for (;;) {
        const status = await core.call(session, 'sync.status', {});
        if (check(status)) return status;
        if (Date.now() > end) throw new Error(`sync status never matched: ${JSON.stringify(status)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const resident = await core.call(session, 'residents.register', registration());
    await until((s) => s.state === 'idle' && s.waiting === 0);
    expect((await couch(county.url, `/station_${VILLAGE}/${encodeURIComponent(resident.id)}`)).status).toBe(200);

    await county.stop();
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '222'), name: '李四' }));
    const failing = await until((s) => s.state === 'failed');
    expect(failing).toMatchObject({ waiting: 1, failure: { reason: 'unreachable' } });
    expect(failing.nextAttemptAt).not.toBeNull();

    await server(county.dir, county.port);
    await until((s) => s.state === 'idle' && s.waiting === 0);
  });
});
