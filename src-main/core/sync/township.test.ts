// A township syncs through the county like a village, and besides: it pulls read-only copies of
// its villages, and what it imports from a village's USB file goes up to that village's database.
import PouchDB from 'pouchdb-node';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, type ProvisionResult } from '../../../county/provision';
import { Core, type Session } from '../core';
import type { SyncTiming } from './sync';
import { idNumber, registration, tempDir } from '../testing/fixtures';

const TOWNSHIP = '370102001';
const A = '370102001002';
const B = '370102001003';
const ADMIN = { user: 'admin', password: 'township-test-secret' };
const QUIET: SyncTiming = { debounceMs: 600_000, intervalMs: 600_000, backoffBaseMs: 600_000, backoffMaxMs: 600_000, requestTimeoutMs: 15_000 };

let server: PouchServer;
let provisioned: ProvisionResult;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-township-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: '370102', townships: [{ code: TOWNSHIP, villages: [A, B] }] });
}, 30_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server?.stop();
});

interface Station {
  core: Core;
  session: Session;
  dataDir: string;
}

/** A station connected with its setup code; `offline` points the code at a port nobody answers. */
async function station(place: string, offline = false): Promise<Station> {
  const dataDir = tempDir('leye-township-station-');
  const core = await Core.open({ dataDir, syncTiming: QUIET });
  cleanups.push(() => core.close());
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: place, clerk: { loginName: 'clerk', displayName: '王丽', password: 'secret-123' } });
  await core.call(session, 'auth.login', { loginName: 'clerk', password: 'secret-123' });
  let code = provisioned.created.find((a) => a.place === place)!.setupCode;
  if (offline) {
    const fields = JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as Record<string, unknown>;
    code = Buffer.from(JSON.stringify({ ...fields, url: 'http://127.0.0.1:9' })).toString('base64url');
  }
  await core.call(session, 'sync.connect', { setupCode: code });
  return { core, session, dataDir };
}

async function serverDocs(db: string): Promise<Map<string, string>> {
  const body = (await new Couch(server.url, ADMIN).call<{ rows: { id: string; value: { rev: string } }[] }>('GET', `/${db}/_all_docs`)).body;
  return new Map(body.rows.map((r) => [r.id, r.value.rev]));
}

describe('a township station', () => {
  it('reads its villages, sends its own records, and carries a village file up to the county', async () => {
    // Village A is online and syncs as usual.
    const a = await station(A);
    const atA = await a.core.call(a.session, 'residents.register', registration({ idNumber: idNumber('19850101', '201'), name: '赵一' }));
    expect(await a.core.call(a.session, 'sync.now', {})).toMatchObject({ state: 'idle', failure: null });

    // Village B has no network: its records go out on a USB file.
    const b = await station(B, true);
    await b.core.call(b.session, 'residents.register', registration({ idNumber: idNumber('19860202', '202'), name: '钱二' }));
    await b.core.call(b.session, 'residents.register', registration({ idNumber: idNumber('19870303', '203'), name: '孙三' }));
    const file = await b.core.call(b.session, 'transfer.export', {});

    // The township registers someone itself and syncs: its own database, A's copy pulled.
    const t = await station(TOWNSHIP);
    expect((await t.core.call(t.session, 'station.status', {})).station?.level).toBe('township');
    const atT = await t.core.call(t.session, 'residents.register', registration({ idNumber: idNumber('19880404', '204'), name: '李四' }));
    expect(await t.core.call(t.session, 'sync.now', {})).toMatchObject({ state: 'idle', failure: null, waiting: 0 });
    expect((await serverDocs(`station_${TOWNSHIP}`)).get(atT.id)).toBe(atT.rev);

    // B's file at the township, then the township's next sync takes it to B's database.
    const imported = await t.core.call(t.session, 'transfer.import', { fileName: file.fileName, content: file.content });
    expect(imported).toMatchObject({ kind: 'batch', placeCode: B, documents: file.documents, imported: file.documents });
    expect(await t.core.call(t.session, 'sync.now', {})).toMatchObject({ state: 'idle', failure: null });
    const atServerB = await serverDocs(`station_${B}`);
    const exported = await b.core.db.allDocs({});
    // Everything but the shipped policy defaults, which stay at each station.
    for (const row of exported.rows.filter((r) => !r.id.startsWith('_') && !r.id.startsWith('policy:'))) expect(atServerB.get(row.id), row.id).toBe(row.value.rev);
    expect([...atServerB.keys()].filter((id) => id.startsWith('policy:'))).toEqual([]);
    expect(atServerB.has(file.batchId)).toBe(true);

    // The receipt goes back on the stick: B's batch is delivered and nothing waits.
    if (imported.kind !== 'batch') throw new Error('expected a batch import');
    expect(await b.core.call(b.session, 'transfer.import', imported.receipt)).toMatchObject({ kind: 'receipt', batchId: file.batchId, alreadyHad: false });
    expect((await b.core.call(b.session, 'sync.batches', {}))[0]).toMatchObject({ id: file.batchId, status: 'delivered', via: 'file' });
    expect((await b.core.call(b.session, 'sync.status', {})).waiting).toBe(0);

    await t.core.close();
    cleanups.pop();
    // The township's read-only copies hold its villages exactly as the county does.
    for (const place of [A, B]) {
      const copy = new PouchDB(path.join(t.dataDir, 'relay', place), { adapter: 'leveldb' });
      const rows = new Map((await copy.allDocs({})).rows.map((r) => [r.id, r.value.rev]));
      await copy.close();
      const onServer = new Map([...(await serverDocs(`station_${place}`))].filter(([id]) => !id.startsWith('_design/')));
      expect(rows).toEqual(onServer);
    }
    expect((await serverDocs(`station_${A}`)).get(atA.id)).toBe(atA.rev);
  }, 60_000);
});
