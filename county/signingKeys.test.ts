// Issue 15 item 7: each station's own USB signing key. Provisioning makes the pair with the account,
// publishes the public half in county_ref's station directory and hands the private half over in
// the setup code only; a later run keeps every published key. A station provisioned before keys
// presents its own in its heartbeat: the next run publishes it (trust on first use), and never
// replaces a published key with another one presented later.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeChildren } from '../shared/places/index';
import { Couch } from './couch';
import { addStation, parseSetupCode, provisionCounty, stationDb, type CountyPlan, type ProvisionResult } from './provision';
import { createServerAdmin, startPouchServer, type PouchServer } from './pouchServer';

const COUNTY = '370102';
const [T1] = placeChildren(COUNTY).map((c) => c.code) as [string];
const [A, B, C] = placeChildren(T1).map((c) => c.code) as [string, string, string];
const plan: CountyPlan = { county: COUNTY, townships: [{ code: T1, villages: [A, B] }], staff: [{ name: 'county-li' }] };
const admin = { user: 'admin', password: 'signing-test-secret' };

let server: PouchServer;
let dir: string;
let couch: Couch;
let first: ProvisionResult;

const entry = (place: string) => couch.getDoc<{ _rev: string; signingKey?: string }>('county_ref', `station:${place}`);
const codeOf = (result: ProvisionResult, place: string) => parseSetupCode(result.created.find((a) => a.place === place)!.setupCode);

/** What the station does with the private half (sign) checked with the published half (verify). */
function matches(privateKey: string, publicKey: string): boolean {
  const message = Buffer.from('LEYE-TRANSFER/1 test');
  const signature = sign(null, message, createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' }));
  return verify(null, message, createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }), signature);
}

/** A fresh station pair, as a station provisioned before keys makes at its first connect. */
function ownPair(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'der' }, publicKeyEncoding: { type: 'spki', format: 'der' } });
  return { privateKey: pair.privateKey.toString('base64'), publicKey: pair.publicKey.toString('base64') };
}

/** The heartbeat a station writes after a sync, carrying its public key, with its own account. */
async function heartbeat(place: string, password: string, signingKey: string): Promise<void> {
  const station = new Couch(server.url, { user: `station-${place}`, password });
  const id = `heartbeat:${place}`;
  const existing = await station.getDoc<{ _rev: string }>(stationDb(place), id);
  const at = new Date().toISOString();
  await station.putDoc(stationDb(place), {
    _id: id,
    ...(existing ? { _rev: existing._rev } : {}),
    type: 'heartbeat',
    schemaVersion: 1,
    placeCode: place,
    createdBy: 'clerk',
    createdAt: at,
    updatedBy: 'clerk',
    updatedAt: at,
    lastSyncAt: at,
    signingKey,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leye-signing-'));
  server = await startPouchServer({ dir });
  await createServerAdmin(server.url, admin.user, admin.password);
  couch = new Couch(server.url, admin);
  first = await provisionCounty(server.url, admin, plan);
}, 30_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('station signing keys', () => {
  it('are made at provisioning: the public half in county_ref, the private half in the setup code only', async () => {
    for (const place of [T1, A, B]) {
      const code = codeOf(first, place);
      const published = (await entry(place))?.signingKey;
      expect(code.signingKey, place).toEqual(expect.any(String));
      expect(published, place).toEqual(expect.any(String));
      expect(matches(code.signingKey!, published!), place).toBe(true);
      // Nowhere on the server: not in the directory, not in the station's database.
      const everything = JSON.stringify([
        (await couch.call('GET', '/county_ref/_all_docs?include_docs=true')).body,
        (await couch.call('GET', `/${stationDb(place)}/_all_docs?include_docs=true`)).body,
        (await couch.call('GET', '/_users/_all_docs?include_docs=true')).body,
      ]);
      expect(everything).not.toContain(code.signingKey);
    }
    // Each station its own; county staff export no files and get none.
    expect(new Set([T1, A, B].map((p) => codeOf(first, p).signingKey)).size).toBe(3);
    expect(parseSetupCode(first.created.find((a) => a.name === 'county-li')!.setupCode).signingKey).toBeUndefined();
  });

  it('are kept by a second run, and a station added later gets its own', async () => {
    const before = await Promise.all([T1, A, B].map(entry));
    const again = await provisionCounty(server.url, admin, addStation(plan, C));
    expect(again.created.map((a) => a.place)).toEqual([C]);
    expect(await Promise.all([T1, A, B].map(entry))).toEqual(before);
    expect(matches(codeOf(again, C).signingKey!, (await entry(C))!.signingKey!)).toBe(true);
    expect((await provisionCounty(server.url, admin, addStation(plan, C))).changes).toEqual([]);
  });

  it('of a station provisioned before keys: published from its heartbeat once, never replaced by another', async () => {
    // As provisioning before signing keys left B: a directory entry without one.
    const { signingKey: _dropped, ...old } = (await couch.getDoc<Record<string, unknown> & { _id: string }>('county_ref', `station:${B}`))!;
    await couch.putDoc('county_ref', old);
    const password = first.created.find((a) => a.place === B)!.password;
    const own = ownPair();
    await heartbeat(B, password, own.publicKey);

    const adopted = await provisionCounty(server.url, admin, addStation(plan, C));
    expect(adopted.changes).toContain(`signing key of ${B} taken from its heartbeat (first use)`);
    expect((await entry(B))?.signingKey).toBe(own.publicKey);

    // Another key presented later (a second machine, or a township writing into its village's database): reported, not taken.
    const published = await entry(B);
    await heartbeat(B, password, ownPair().publicKey);
    const refused = await provisionCounty(server.url, admin, addStation(plan, C));
    expect(refused.changes).toEqual([]);
    expect(refused.warnings).toContainEqual(expect.stringContaining(`station ${B} presents a signing key other than the one published for it`));
    expect(await entry(B)).toEqual(published);
  });
});
