// A station provisioned before signing keys (its setup code has none, nor its directory entry)
// makes its own pair at connect and presents the public half in its heartbeat; the county's next
// provisioning run publishes it, and the township then takes the station's USB files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, stationDb, type CountyPlan, type ProvisionResult } from '../../../county/provision';
import { accountOf, connectedStation, syncOk } from '../testing/countyStations';
import { idNumber, refusal, registration, tempDir } from '../testing/fixtures';
import { signingPublicKey } from '../sync/credentials';
import { syncOf } from './testStations';

const TOWNSHIP = '370102001';
const B = '370102001003';
const ADMIN = { user: 'admin', password: 'first-use-secret' };
const PLAN: CountyPlan = { county: '370102', townships: [{ code: TOWNSHIP, villages: [B] }] };
const T0 = Date.parse('2026-11-23T09:00:00+08:00');

let server: PouchServer;
let provisioned: ProvisionResult;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-first-use-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, PLAN);
}, 30_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server?.stop();
});

describe('a station provisioned before signing keys', () => {
  it('publishes its own key with its heartbeat; once the county took it, its files import', { timeout: 60_000 }, async () => {
    // What provisioning left before keys: no key in B's directory entry, none in its setup code.
    const couch = new Couch(server.url, ADMIN);
    const { signingKey: _entryKey, ...entry } = (await couch.getDoc<Record<string, unknown> & { _id: string }>('county_ref', `station:${B}`))!;
    await couch.putDoc('county_ref', entry);
    const fields = JSON.parse(Buffer.from(accountOf(provisioned, `station-${B}`).setupCode, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { signingKey: _codeKey, ...old } = fields;
    const b = await connectedStation(B, Buffer.from(JSON.stringify(old)).toString('base64url'), { at: T0, cleanups });
    const own = signingPublicKey(syncOf(b).signingKey()!);

    const township = await connectedStation(TOWNSHIP, accountOf(provisioned, `station-${TOWNSHIP}`).setupCode, { at: T0, cleanups });
    await b.core.call(b.session, 'residents.register', registration({ idNumber: idNumber('19900101', '501'), name: '冯七' }));
    const early = await b.core.call(b.session, 'transfer.export', {});
    const file = { fileName: early.fileName, content: early.content };
    expect(await refusal(township.core.call(township.session, 'transfer.import', file))).toMatchObject({ messageKey: 'errors.transfer.unknownSigner' });

    // B syncs once: its heartbeat carries its public key; the county's next run publishes it.
    await syncOk(b);
    expect((await couch.getDoc<{ signingKey?: string }>(stationDb(B), `heartbeat:${B}`))?.signingKey).toBe(own);
    expect((await provisionCounty(server.url, ADMIN, PLAN)).changes).toContain(`signing key of ${B} taken from its heartbeat (first use)`);
    // The township has not synced since: it asks the county's directory itself.
    expect(await township.core.call(township.session, 'transfer.import', file)).toMatchObject({ kind: 'batch', placeCode: B, imported: early.documents });
  });
});
