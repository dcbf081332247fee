// The county's identity key reaches every station at connect (from the server, or from the setup
// code when there is no network), and a station that registered people before re-keys them, so
// the same person registered in two villages has one id and meets as a conflict at the county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionCounty, type ProvisionResult } from '../../../county/provision';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import type { Core, Session } from '../core';
import { docId } from '../../../shared/documents/registry';
import { idNumber, openStation, registration, tempDir, villagePost } from '../testing/fixtures';

const A = '370102001002';
const B = '370102001003';
const ADMIN = { user: 'county-admin', password: 'county-secret' };
let server: PouchServer;
let provisioned: ProvisionResult;
const opened: Core[] = [];

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-county-key-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: '370102', townships: [{ code: '370102001', villages: [A, B] }], staff: [{ name: 'county-li' }] });
}, 60_000);

afterAll(async () => {
  for (const core of opened) await core.close();
  await server?.stop();
});

const setupCodeOf = (name: string) => provisioned.created.find((a) => a.name === name)!.setupCode;

async function village(place: string): Promise<{ core: Core; session: Session }> {
  const s = await openStation(tempDir(), undefined, place);
  opened.push(s.core);
  return s;
}

const POST = {
  code: 'XC-001',
  name: '保洁',
  kind: 'rural' as const,
  category: 'ruralCleaning' as const,
  employer: { name: '解放路街道办事处', creditCode: '91350100M000100Y43' },
  plannedHoursPerMonth: 40,
  payPerMonth: 1000,
  startDate: '2020-01-01',
  endDate: '2030-12-31',
};

async function admin(path: string) {
  const auth = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');
  return (await (await fetch(server.url + path, { headers: { authorization: auth } })).json()) as Record<string, unknown>;
}

describe('the county identity key', () => {
  it('re-keys what a village registered offline, references included, when it connects', async () => {
    const person = registration({ idNumber: idNumber('19800101', '111'), name: '李四' });
    const a = await village(A);
    const b = await village(B);
    const inA = await a.core.call(a.session, 'residents.register', person);
    const inB = await b.core.call(b.session, 'residents.register', { ...person, address: '历山路 3 号' });
    // Provisional keys: each station its own, so the ids differ before connecting.
    expect(inA.id).not.toBe(inB.id);
    await a.core.call(a.session, 'posts.save', { ...POST, placeCode: A });
    await a.core.call(a.session, 'posts.assign', { postId: villagePost('XC-001'), residentId: inA.id, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: 'HT-1' });
    await a.core.call(a.session, 'attendance.set', { postId: villagePost('XC-001'), marks: [{ residentId: inA.id, date: '2026-11-02', mark: 'present', hours: 4 }] });

    await a.core.call(a.session, 'sync.connect', { setupCode: setupCodeOf(`station-${A}`) });
    await b.core.call(b.session, 'sync.connect', { setupCode: setupCodeOf(`station-${B}`) });

    const [rowA] = (await a.core.call(a.session, 'residents.search', { query: '李四' })).items;
    const [rowB] = (await b.core.call(b.session, 'residents.search', { query: '李四' })).items;
    expect(rowA!.id).toBe(rowB!.id);
    expect(rowA!.id).not.toBe(inA.id);
    expect(await a.core.call(a.session, 'residents.get', { id: inA.id })).toBeNull();
    expect(await a.core.call(a.session, 'residents.get', { id: rowA!.id })).toMatchObject({ name: '李四' });
    // The assignment and the day's attendance now point at the new id, under new ids.
    const key = rowA!.id.slice('resident:'.length);
    const holders = (await a.core.call(a.session, 'posts.get', { postId: villagePost('XC-001') }))!.holders;
    expect(holders.map((h) => h.residentId)).toEqual([rowA!.id]);
    const grid = await a.core.call(a.session, 'attendance.month', { postId: villagePost('XC-001'), month: '2026-11' });
    expect(JSON.stringify(grid)).toContain(key);
    const attendance = await a.core.db.allDocs({ startkey: 'attendance:', endkey: 'attendance:\ufff0' });
    expect(attendance.rows.map((r) => r.id)).toEqual([docId.attendance(villagePost('XC-001'), rowA!.id, '2026-11-02')]);

    // Both go up; the county's aggregate holds one person with two revisions in conflict.
    expect(await a.core.call(a.session, 'sync.now', {})).toMatchObject({ state: 'idle', failure: null });
    expect(await b.core.call(b.session, 'sync.now', {})).toMatchObject({ state: 'idle', failure: null });
    // The records under the provisional ids never reached the county, nor did their deletions.
    expect(await admin(`/station_${A}/${encodeURIComponent(inA.id)}`)).toMatchObject({ error: 'not_found', reason: 'missing' });
    const deadline = Date.now() + 20_000;
    let doc: Record<string, unknown> = {};
    while (Date.now() < deadline) {
      doc = await admin(`/county_370102_aggregate/${encodeURIComponent(rowA!.id)}?conflicts=true`);
      if (Array.isArray(doc._conflicts)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(doc, JSON.stringify(doc)).toHaveProperty("_conflicts");
    expect(doc._conflicts).toHaveLength(1);
  }, 60_000);

  it('comes with the setup code when the county cannot be reached: the station keeps the account and waits', async () => {
    const a = await village(A);
    const before = await a.core.call(a.session, 'residents.register', registration({ idNumber: idNumber('19800101', '111'), name: '李四' }));
    const code = JSON.parse(Buffer.from(setupCodeOf(`station-${A}`), 'base64url').toString('utf8')) as Record<string, unknown>;
    const unreachable = Buffer.from(JSON.stringify({ ...code, url: 'http://127.0.0.1:9' })).toString('base64url');
    const status = await a.core.call(a.session, 'sync.connect', { setupCode: unreachable });
    expect(status).toMatchObject({ connected: true, state: 'failed', failure: { reason: 'unreachable' } });
    const [row] = (await a.core.call(a.session, 'residents.search', { query: '李四' })).items;
    expect(row!.id).not.toBe(before.id);
    // The same person registered at B with the key from the server has that id.
    const b = await village(B);
    await b.core.call(b.session, 'sync.connect', { setupCode: setupCodeOf(`station-${B}`) });
    const inB = await b.core.call(b.session, 'residents.register', registration({ idNumber: idNumber('19800101', '111'), name: '李四' }));
    expect(inB.id).toBe(row!.id);
  }, 60_000);
});
