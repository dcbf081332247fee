// The server the attack suite (county/attacks*.test.ts) attacks: the embedded county server (PouchDB
// Server behind the launcher's guard) started on a free port, or, when LEYE_COUCH_URL and
// LEYE_COUCH_ADMIN are set, any CouchDB 3 a county's IT points it at before going live:
//
//   LEYE_COUCH_URL=https://couch.example:6984 LEYE_COUCH_ADMIN=admin:secret npm run test:attacks
//
// On a server of its own the suite provisions a test county (LEYE_ATTACK_COUNTY, else a Shandong
// county picked at random) after deleting that county's databases, station accounts and
// replications, so that it knows every station's password as a real station knows its own (from
// its setup code), and deletes them again at the end. Point it at a scratch server, or at a county
// code that is not in use there.
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeChildren } from '../../shared/places/index';
import { Couch, docPath, parseCredentials, splitUrl, type Credentials } from '../couch';
import { docId } from '../../shared/documents/registry';
import { aggregateDb, parseSetupCode, provisionCounty, REF_DB, stationDb, stationUser, type CountyPlan, type ProvisionResult } from '../provision';
import { createServerAdmin, startPouchServer, type PouchServer } from '../pouchServer';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export interface AttackTarget {
  /** The server's base URL. */
  url: string;
  admin: Credentials;
  /** True when the suite runs against a server given by LEYE_COUCH_URL. */
  external: boolean;
  county: string;
  township: string;
  /** Two villages of the township: A attacks, B is attacked. */
  A: string;
  B: string;
  provisioned: ProvisionResult;
  /** The test county's plan (to provision again). */
  plan: CountyPlan;
  /** What a station's setup code holds (account, password, county secret). */
  setupOf(place: string): ReturnType<typeof parseSetupCode>;
  /** The Authorization header of a station's account, or of a created account by name. */
  as(placeOrName: string): string;
  asAdmin(): string;
  basic(user: string, password: string): string;
  /** A plain HTTP request, as an outsider's client sends it. */
  call(method: string, path: string, auth: string | null, body?: unknown): Promise<Reply>;
  /** The server still answers, and still knows station A's database. */
  stillUp(): Promise<void>;
  stop(): Promise<void>;
}

const basic = (user: string, password: string) => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

async function request(base: string, method: string, path: string, auth: string | null, body?: unknown): Promise<Reply> {
  const r = await fetch(base + path, {
    method,
    headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await r.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: r.status, body: parsed };
}

/** A Shandong county with a township of two villages or more, picked at random. */
function someCounty(): string {
  const counties = placeChildren('37').flatMap((city) => placeChildren(city.code).map((c) => c.code));
  const usable = counties.filter((c) => placeChildren(c).some((t) => t.code === placeChildren(c)[0]?.code && placeChildren(t.code).length >= 2));
  return usable[randomInt(usable.length)]!;
}

/** Removes the test county from an external server: its databases, accounts, replications and directory entries. */
async function forgetCounty(base: string, admin: Credentials, plan: CountyPlan): Promise<void> {
  const couch = new Couch(base, admin);
  const places = plan.townships.flatMap((t) => [t.code, ...(t.villages ?? [])]);
  for (const place of places) {
    await couch.request('DELETE', `/${stationDb(place)}`);
    const user = await couch.getDoc<{ _rev: string }>('_users', `org.couchdb.user:${stationUser(place)}`);
    if (user) await couch.request('DELETE', `/_users/${docPath(`org.couchdb.user:${stationUser(place)}`)}?rev=${user._rev}`);
    const rep = `leye_${stationDb(place)}_to_${aggregateDb(plan.county)}`;
    const doc = await couch.getDoc<{ _rev: string }>('_replicator', rep);
    if (doc) await couch.request('DELETE', `/_replicator/${docPath(rep)}?rev=${doc._rev}`);
  }
  for (const staff of plan.staff ?? []) {
    const user = await couch.getDoc<{ _rev: string }>('_users', `org.couchdb.user:${staff.name}`);
    if (user) await couch.request('DELETE', `/_users/${docPath(`org.couchdb.user:${staff.name}`)}?rev=${user._rev}`);
  }
  await couch.request('DELETE', `/${aggregateDb(plan.county)}`);
  for (const id of [`_design/leye_${plan.county}`, ...places.map((place) => docId.station(place))]) {
    const doc = await couch.getDoc<{ _rev: string }>(REF_DB, id);
    if (doc) await couch.request('DELETE', `/${REF_DB}/${docPath(id)}?rev=${doc._rev}`);
  }
}

/**
 * Opens the server to attack and provisions the test county on it: one township with villages A
 * and B (and county staff when `staff` names some).
 */
export async function openAttackTarget(label: string, options: { staff?: string[] } = {}): Promise<AttackTarget> {
  const externalUrl = process.env.LEYE_COUCH_URL;
  // On a county's own server each run takes a county of its own (unless told which), so that no
  // run meets an earlier one's databases or the replications the server still runs for them.
  const county = process.env.LEYE_ATTACK_COUNTY ?? (externalUrl ? someCounty() : '370102');
  const [township] = placeChildren(county).map((c) => c.code) as [string];
  const [A, B] = placeChildren(township).map((c) => c.code) as [string, string];
  const plan: CountyPlan = { county, townships: [{ code: township, villages: [A, B] }], staff: (options.staff ?? []).map((name) => ({ name, displayName: name })) };

  let server: PouchServer | null = null;
  let dir: string | null = null;
  let base: string;
  let admin: Credentials;
  if (externalUrl) {
    const given = splitUrl(externalUrl);
    base = given.base;
    const adminText = process.env.LEYE_COUCH_ADMIN;
    admin = adminText ? parseCredentials(adminText) : (given.credentials ?? parseCredentials(''));
    await forgetCounty(base, admin, plan);
  } else {
    dir = mkdtempSync(join(tmpdir(), `leye-county-${label}-`));
    server = await startPouchServer({ dir });
    base = server.url;
    admin = { user: 'admin', password: `${label}-admin-secret` };
    await createServerAdmin(base, admin.user, admin.password);
  }
  const provisioned = await provisionCounty(base, admin, plan);
  const setupOf = (place: string) => parseSetupCode(provisioned.created.find((a) => a.place === place && a.name === stationUser(place))!.setupCode);
  const as = (placeOrName: string) => {
    const account = provisioned.created.find((a) => a.name === placeOrName) ?? provisioned.created.find((a) => a.name === stationUser(placeOrName));
    if (!account) throw new Error(`no account ${placeOrName} was created`);
    return basic(account.name, account.password);
  };
  const call = (method: string, path: string, auth: string | null, body?: unknown) => request(base, method, path, auth, body);
  return {
    url: base,
    admin,
    external: Boolean(externalUrl),
    county,
    township,
    A,
    B,
    provisioned,
    plan,
    setupOf,
    as,
    asAdmin: () => basic(admin.user, admin.password),
    basic,
    call,
    async stillUp() {
      const r = await call('GET', `/${stationDb(A)}`, basic(admin.user, admin.password));
      if (r.status !== 200) throw new Error(`the server stopped answering for ${stationDb(A)} (${r.status})`);
    },
    async stop() {
      if (externalUrl) await forgetCounty(base, admin, plan);
      await server?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
