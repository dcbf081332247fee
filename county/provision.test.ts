// Provisioning against a real PouchDB Server (child process on 127.0.0.1, temp data dir).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeChildren } from '../shared/places/index';
import { docId } from '../shared/documents/registry';
import { Couch } from './couch';
import { addStation, parseSetupCode, provisionCounty, stationDb, type CountyPlan, type CreatedAccount, type ProvisionResult } from './provision';
import { createServerAdmin, startPouchServer, type PouchServer } from './pouchServer';

const COUNTY = '370102';
const [T1, T2] = placeChildren(COUNTY).map((c) => c.code) as [string, string];
const [A, B] = placeChildren(T1).map((c) => c.code) as [string, string];
const [C] = placeChildren(T2).map((c) => c.code) as [string];
const plan: CountyPlan = {
  county: COUNTY,
  townships: [
    { code: T1, villages: [A, B] },
    { code: T2, villages: [C] },
  ],
  staff: [{ name: 'county-li' }],
};
const admin = { user: 'admin', password: 'test-secret' };

let server: PouchServer;
let dir: string;
let first: ProvisionResult;
const account = (name: string): CreatedAccount => {
  const a = first.created.find((x) => x.name === name);
  if (!a) throw new Error(`no account ${name}`);
  return a;
};
const as = (name: string) => {
  const a = account(name);
  return new Couch(server.url, { user: a.name, password: a.password });
};

const doc = (over: Record<string, unknown> = {}) => ({
  _id: `resident:${Math.random().toString(36).slice(2)}`,
  type: 'resident',
  schemaVersion: 1,
  placeCode: A,
  createdBy: 'clerk',
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedBy: 'clerk',
  updatedAt: '2026-01-05T08:00:00.000Z',
  name: '张三',
  targetGroups: ['ruralLabour'],
  registration: { kind: 'jobSeeking', date: '2026-01-05' },
  ...over,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leye-county-'));
  server = await startPouchServer({ dir });
  await createServerAdmin(server.url, admin.user, admin.password);
  first = await provisionCounty(server.url, admin, plan);
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('provisionCounty', () => {
  it('creates databases, accounts with one-time passwords and setup codes', async () => {
    expect(first.changes.length).toBeGreaterThan(0);
    expect(first.created.map((a) => a.name).sort()).toEqual(
      [`station-${A}`, `station-${B}`, `station-${C}`, `station-${T1}`, `station-${T2}`, 'county-li'].sort(),
    );
    const code = parseSetupCode(account(`station-${A}`).setupCode);
    expect(code).toMatchObject({ v: 2, url: server.url, user: `station-${A}`, place: A });
    // One county secret, handed to every station in its setup code and readable by its account.
    expect(code.key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(parseSetupCode(account('county-li').setupCode).key).toBe(code.key);
    const own = await as(`station-${A}`).request<{ key?: string }>('GET', `/${stationDb(A)}/_local/leye-county-secret`);
    expect(own.status).toBe(200);
    expect(own.body.key).toBe(code.key);
    const dbs = (await new Couch(server.url, admin).call<string[]>('GET', '/_all_dbs')).body;
    expect(dbs).toEqual(expect.arrayContaining([stationDb(A), stationDb(T1), 'county_ref', `county_${COUNTY}_aggregate`]));
  });

  it('is a no-op the second time: no changes, user revisions unchanged', async () => {
    const couch = new Couch(server.url, admin);
    const revs = async () =>
      Promise.all(first.created.map(async (a) => (await couch.getDoc<{ _rev: string }>('_users', `org.couchdb.user:${a.name}`))?._rev));
    const before = await revs();
    const second = await provisionCounty(server.url, admin, plan);
    expect(second.changes).toEqual([]);
    expect(second.created).toEqual([]);
    expect(second.existing.length).toBe(first.created.length);
    expect(await revs()).toEqual(before);
  });

  it('adds one station later without touching the others', async () => {
    const [D] = placeChildren(T2).map((c) => c.code).slice(1) as [string];
    const r = await provisionCounty(server.url, admin, addStation(plan, D));
    expect(r.created.map((a) => a.name)).toEqual([`station-${D}`]);
    expect(r.changes).toContain(`database ${stationDb(D)} created`);
    expect(r.changes.some((c) => c.includes(stationDb(A)))).toBe(false);
  });

  it("keeps station A's account out of station B's database (read and write)", async () => {
    const a = as(`station-${A}`);
    expect((await a.request('GET', `/${stationDb(A)}`)).status).toBe(200);
    const read = await a.request('GET', `/${stationDb(B)}/_all_docs`);
    expect([401, 403]).toContain(read.status);
    const write = await a.request('PUT', `/${stationDb(B)}/resident:x`, doc({ _id: 'resident:x', placeCode: B }));
    expect([401, 403]).toContain(write.status);
  });

  it('refuses forged documents written with station A credentials to its own database', async () => {
    const a = as(`station-${A}`);
    const put = (d: { _id: string }) => a.request<{ error?: string; reason?: string }>('PUT', `/${stationDb(A)}/${encodeURIComponent(d._id)}`, d);
    const refused = async (d: { _id: string }, reason: RegExp) => {
      const r = await put(d);
      expect(r.status, JSON.stringify(r.body)).toBe(403);
      expect(r.body.reason).toMatch(reason);
    };
    await refused(doc({ placeCode: B }), /outside/);
    await refused(doc({ _id: 'review:1', type: 'review' }), /may not be written/);
    const { createdBy: _c, ...noCreator } = doc();
    await refused(noCreator, /missing field: createdBy/);
    await refused(doc({ schemaVersion: undefined }), /missing field: schemaVersion/);
    await refused(doc({ _id: 'attendance:1' }), /does not match type/);
    await refused(doc({ type: 'unknownThing', _id: 'unknownThing:1' }), /may not be written/);
    // Through _bulk_docs with new_edits=false, the replication path, too.
    const bulk = await a.request<{ error?: string }[]>('POST', `/${stationDb(A)}/_bulk_docs`, { docs: [{ ...doc({ placeCode: C }), _rev: '1-abc' }], new_edits: false });
    expect(bulk.body[0]?.error).toBe('forbidden');

    const ok = await put(doc());
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('lets the township write in its villages, and only county accounts write reviews', async () => {
    const t = as(`station-${T1}`);
    expect((await t.request('PUT', `/${stationDb(A)}/resident:t1`, doc({ _id: 'resident:t1' }))).status).toBe(201);
    expect((await t.request('PUT', `/${stationDb(A)}/review:t1`, doc({ _id: 'review:t1', type: 'review' }))).status).toBe(403);
    const staff = as('county-li');
    const review = doc({ _id: `review:${A}:batch1`, type: 'review', decision: 'accepted', batchId: 'batch:1' });
    const r = await staff.request('PUT', `/${stationDb(A)}/${encodeURIComponent(review._id)}`, review);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // A station cannot overwrite the review either.
    const cur = await staff.getDoc<{ _rev: string }>(stationDb(A), review._id);
    const forged = await as(`station-${A}`).request('PUT', `/${stationDb(A)}/${encodeURIComponent(review._id)}`, { ...review, _rev: cur?._rev, decision: 'returned' });
    expect(forged.status).toBe(403);
  });

  it('keeps audit entries append-only: a station or the county may add one, nobody may change or delete it', async () => {
    const a = as(`station-${A}`);
    const staff = as('county-li');
    const entry = doc({ _id: docId.audit(A, '2026-01-05T08:00:00.000Z', 'abcdefgh'), type: 'audit', action: 'reveal', targetId: 'resident:x', field: 'idNumber' });
    const path = `/${stationDb(A)}/${encodeURIComponent(entry._id)}`;
    expect((await a.request('PUT', path, entry)).status).toBe(201);
    const stored = await staff.getDoc<{ _rev: string }>(stationDb(A), entry._id);
    for (const who of [a, staff]) {
      const edited = await who.request<{ reason?: string }>('PUT', path, { ...entry, _rev: stored?._rev, targetId: 'resident:y' });
      expect(edited.status).toBe(403);
      expect(edited.body.reason).toMatch(/append-only/);
      expect((await who.request('DELETE', `${path}?rev=${stored?._rev}`)).status).toBe(403);
    }
    // Replicating the same revision again changes nothing and is not refused.
    const again = await a.request<{ error?: string }[]>('POST', `/${stationDb(A)}/_bulk_docs`, { docs: [{ ...entry, _rev: stored?._rev }], new_edits: false });
    expect(again.body[0]?.error).toBeUndefined();
    expect((await staff.getDoc<{ targetId: string }>(stationDb(A), entry._id))?.targetId).toBe('resident:x');
  });

  it('county_ref is readable by stations and writable only by county staff', async () => {
    const a = as(`station-${A}`);
    const dir = await a.call<{ rows: { id: string }[] }>('GET', '/county_ref/_all_docs');
    expect(dir.body.rows.map((r) => r.id)).toContain(`station:${A}`);
    const post = doc({ _id: docId.post(A, 'P1'), type: 'post', placeCode: A });
    expect([401, 403]).toContain((await a.request('PUT', `/county_ref/${post._id}`, post)).status);
    expect((await as('county-li').request('PUT', `/county_ref/${post._id}`, post)).status).toBe(201);
  });

  it('replicates station data (not design documents) into the aggregate, where the views count it', async () => {
    expect(first.replication).toBe('replicator');
    const couch = new Couch(server.url, admin);
    const agg = `county_${COUNTY}_aggregate`;
    let rows: { key: unknown[]; value: number }[] = [];
    for (let i = 0; i < 100 && rows.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = (await couch.call<{ rows: typeof rows }>('GET', `/${agg}/_design/stats/_view/residents?group=true`)).body.rows;
    }
    expect(rows).toContainEqual({ key: [A, 'ruralLabour', 'jobSeeking', '2026-01'], value: expect.any(Number) });
    const ddoc = await couch.getDoc<{ views?: unknown; validate_doc_update: string }>(agg, '_design/leye');
    expect(ddoc?.validate_doc_update).toContain('replication only');
  });
});
