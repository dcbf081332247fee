// Attacks on the embedded county server (issue 15, items 1, 2, 3, 6), each tried over plain HTTP
// with what a station really holds: its account and password from provisioning (its setup code).
// The launcher's front door (county/guard.mjs) must refuse each one and never crash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_SECRET_DOC } from '../shared/county/setupCode';
import { aggregateDb, stationDb } from './provision';
import { startPouchServer, superviseCountyServer } from './pouchServer';
import { openAttackTarget, type AttackTarget } from './testing/attackTarget';

let t: AttackTarget;
let COUNTY: string, A: string, B: string;

/** What station A's setup code holds. */
const stationA = () => t.setupOf(A);
const asA = () => t.as(A);
const asAdmin = () => t.asAdmin();
const basic = (user: string, password: string) => t.basic(user, password);
const call = (method: string, path: string, auth: string | null, body?: unknown) => t.call(method, path, auth, body);
const stillUp = () => t.stillUp();

const userDocA = () => `/_users/${encodeURIComponent(`org.couchdb.user:${stationA().user}`)}`;

beforeAll(async () => {
  t = await openAttackTarget('attacks');
  ({ county: COUNTY, A, B } = t);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('a station account on the county server', () => {
  it('cannot give itself county or county-admin roles (item 1)', async () => {
    const own = await call('GET', userDocA(), asA());
    expect(own.status).toBe(200);
    const before = own.body.roles;
    for (const roles of [[`county:${COUNTY}`], [`county_admin:${COUNTY}`], [...(before as string[]), `county:${COUNTY}`, `county_admin:${COUNTY}`]]) {
      expect((await call('PUT', userDocA(), asA(), { ...own.body, roles })).status).toBe(403);
    }
    // Not through POST, _bulk_docs, a delete, nor by writing another account or a new one.
    expect((await call('POST', '/_users', asA(), { ...own.body, roles: [`county:${COUNTY}`] })).status).toBe(403);
    expect((await call('POST', '/_users/_bulk_docs', asA(), { docs: [{ ...own.body, roles: [`county:${COUNTY}`] }] })).status).toBe(403);
    expect((await call('DELETE', `${userDocA()}?rev=${String(own.body._rev)}`, asA())).status).toBe(403);
    const other = `/_users/${encodeURIComponent(`org.couchdb.user:station-${B}`)}`;
    expect((await call('GET', other, asA())).status).toBe(403);
    expect((await call('PUT', '/_users/org.couchdb.user:mallory', asA(), { name: 'mallory', type: 'user', roles: [`county_admin:${COUNTY}`], password: 'x' })).status).toBe(403);
    expect((await call('PUT', '/_users/org.couchdb.user:mallory', null, { name: 'mallory', type: 'user', roles: [], password: 'x' })).status).toBe(401);
    // Nor by moving its account to another place.
    expect((await call('PUT', userDocA(), asA(), { ...own.body, leye: { place: B, kind: 'village' } })).status).toBe(403);
    const after = await call('GET', userDocA(), asAdmin());
    expect(after.body.roles).toEqual(before);
    expect(after.body._rev).toBe(own.body._rev);
    // The county data stays closed to it.
    expect((await call('GET', `/${aggregateDb(COUNTY)}/_all_docs`, asA())).status).toBeGreaterThanOrEqual(401);
    expect((await call('GET', `/${stationDb(B)}/_all_docs`, asA())).status).toBeGreaterThanOrEqual(401);
  });

  it('can still change its own password, roles kept exactly as stored (item 1)', async () => {
    const own = await call('GET', userDocA(), asA());
    const changed = await call('PUT', userDocA(), asA(), { ...own.body, password: 'a-new-station-password' });
    expect(changed.status).toBe(201);
    const next = basic(stationA().user, 'a-new-station-password');
    const session = await call('GET', '/_session', next);
    expect((session.body.userCtx as { name: string; roles: string[] }).name).toBe(stationA().user);
    expect((await call('GET', userDocA(), asAdmin())).body.roles).toEqual(own.body.roles);
    // Back to the provisioned password for the other tests.
    const now = await call('GET', userDocA(), next);
    expect((await call('PUT', userDocA(), next, { ...now.body, password: stationA().password })).status).toBe(201);
  });

  it('cannot write or read _replicator, nor start a replication (item 2)', async () => {
    const evil = {
      _id: 'evil',
      source: `${t.url}/${stationDb(B)}`,
      target: `${t.url}/${stationDb(A)}`,
      user_ctx: { name: 'admin', roles: ['_admin'] },
      continuous: true,
    };
    expect((await call('PUT', '/_replicator/evil', asA(), evil)).status).toBe(403);
    expect((await call('POST', '/_replicator', asA(), evil)).status).toBe(403);
    expect((await call('POST', '/_replicator/_bulk_docs', asA(), { docs: [evil] })).status).toBe(403);
    expect((await call('GET', '/_replicator/_all_docs', asA())).status).toBe(403);
    const provisionedRep = `/_replicator/leye_${stationDb(B)}_to_${aggregateDb(COUNTY)}`;
    expect((await call('GET', provisionedRep, asA())).status).toBe(403);
    expect((await call('PUT', '/_replicator/evil', null, evil)).status).toBe(401);
    expect((await call('POST', '/_replicate', asA(), { source: stationDb(A), target: 'stolen' })).status).toBe(403);
    expect((await call('GET', '/_replicator/evil', asAdmin())).status).toBe(404);
    expect((await call('GET', '/stolen', asAdmin())).status).toBe(404);
    // The admin still runs the county's replications.
    expect((await call('GET', provisionedRep, asAdmin())).status).toBe(200);
    await stillUp();
  });

  it('cannot create or delete databases, anonymously or with its password, and the server keeps answering (item 3)', async () => {
    for (const auth of [null, asA()]) {
      const expected = auth ? 403 : 401;
      expect((await call('PUT', '/newdb', auth)).status).toBe(expected);
      await stillUp();
      expect((await call('DELETE', `/${stationDb(A)}`, auth)).status).toBe(expected);
      await stillUp();
      expect((await call('DELETE', `/${stationDb(B)}`, auth)).status).toBe(expected);
      await stillUp();
      expect((await call('GET', '/_config', auth)).status).toBe(expected);
      expect((await call('GET', '/_all_dbs', auth)).status).toBe(expected);
    }
    expect((await call('GET', '/newdb', asAdmin())).status).toBe(404);
  });

  it('answers requests that used to crash PouchDB Server, and keeps answering (item 3)', async () => {
    const db = `/${stationDb(A)}`;
    const attempts: [string, string, string | null, number][] = [
      ['GET', `${db}/_changes?filter=nope/nope`, asA(), 404],
      ['GET', `${db}/_changes?filter=nope/nope&feed=longpoll`, asA(), 404],
      ['GET', `${db}/_changes?filter=leye/nope`, asA(), 404],
      ['GET', `${db}/_changes?filter=_view&view=nope/nope`, asA(), 404],
      ['GET', `${db}/_changes?filter=_selector`, asA(), 400],
      ['GET', `${db}/_changes?filter=nope`, asA(), 400],
      ['GET', `${db}/_changes?filter=nope/nope`, null, 401],
      ['GET', `${db}/_changes?filter=nope/nope`, asAdmin(), 404],
      ['GET', `${db}/_design/nope/_list/x/y`, asA(), 404],
      ['GET', `${db}/_design/leye/_show/x`, asA(), 404],
    ];
    for (const [method, path, auth, status] of attempts) {
      expect({ path, status: (await call(method, path, auth)).status }).toEqual({ path, status });
      await stillUp();
    }
    // The app's own filter still works.
    const ok = await call('GET', `${db}/_changes?filter=leye/data`, asA());
    expect(ok.status).toBe(200);
  });

  it('cannot overwrite or delete the county secret on the server (item 6)', async () => {
    const path = `/${stationDb(A)}/${COUNTY_SECRET_DOC}`;
    const held = await call('GET', path, asA());
    expect(held.status).toBe(200);
    expect(held.body.key).toBe(stationA().key);
    const forged = { ...held.body, key: Buffer.alloc(32, 7).toString('base64') };
    expect((await call('PUT', path, asA(), forged)).status).toBe(403);
    expect((await call('PUT', `/${stationDb(A)}/${encodeURIComponent(COUNTY_SECRET_DOC)}`, asA(), forged)).status).toBe(403);
    expect((await call('DELETE', `${path}?rev=${String(held.body._rev)}`, asA())).status).toBe(403);
    expect((await call('POST', `/${stationDb(A)}/_bulk_docs`, asA(), { docs: [forged] })).status).toBe(403);
    expect((await call('POST', `/${stationDb(A)}`, asA(), forged)).status).toBe(403);
    expect((await call('PUT', path, null, forged)).status).toBe(401);
    expect((await call('GET', path, asAdmin())).body.key).toBe(stationA().key);
    // Its own checkpoints (_local documents) it still writes.
    expect((await call('PUT', `/${stationDb(A)}/_local/replication-x`, asA(), { seq: 1 })).status).toBe(201);
  });
});

describe("the server's settings a county must have (admin party off, require_valid_user, TLS)", () => {
  it('answers nobody without a valid account: no data, no account list, no sign-up, no configuration', async () => {
    for (const path of [`/${stationDb(A)}`, `/${stationDb(A)}/_all_docs`, '/county_ref/_all_docs', `/${aggregateDb(COUNTY)}`, '/_users/_all_docs', '/_all_dbs', '/_config', '/_node/_local/_config', '/_active_tasks']) {
      expect({ path, status: (await call('GET', path, null)).status }).toEqual({ path, status: 401 });
    }
    expect((await call('PUT', '/_users/org.couchdb.user:walk-in', null, { name: 'walk-in', type: 'user', roles: [], password: 'walk-in-pass' })).status).toBe(401);
    expect((await call('GET', '/_session', basic('admin', 'not-the-password'))).status).toBe(401);
  });

  it('is reached over TLS, unless on this machine', () => {
    const { protocol, hostname } = new URL(t.url);
    expect(protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname)).toBe(true);
  });
});

// The embedded server's own launcher; a CouchDB given by LEYE_COUCH_URL has its own service manager.
describe.runIf(!process.env.LEYE_COUCH_URL)('npm run county (the supervisor)', () => {
  it('says when its server exits and starts it again', async () => {
    const own = mkdtempSync(join(tmpdir(), 'leye-county-supervised-'));
    const first = await startPouchServer({ dir: own });
    const port = first.port;
    await first.stop();
    const lines: string[] = [];
    const supervisor = await superviseCountyServer({ dir: own, port }, (l) => lines.push(l));
    try {
      const before = supervisor.current();
      process.kill(before.pid, 'SIGKILL');
      const until = Date.now() + 30_000;
      while (!lines.some((l) => l.startsWith('County server restarted')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(lines[0]).toMatch(/^County server exited \(SIGKILL\); restarting it on port \d+/);
      expect(lines).toContain(`County server restarted on ${before.url}.`);
      expect(supervisor.current().pid).not.toBe(before.pid);
      expect((await fetch(`${before.url}/`)).status).toBe(200);
    } finally {
      await supervisor.stop();
      rmSync(own, { recursive: true, force: true });
    }
  }, 60_000);
});
