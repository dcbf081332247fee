// Idempotent provisioning of a county on any CouchDB 3.x (or CouchDB-compatible) server through
// its HTTP API: databases, accounts, _security, validation, views, replications. Running it twice
// changes nothing; it only adds (never removes roles, members or databases).
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { docId } from '../shared/documents/registry';
import { COUNTY_SECRET_DOC, decodeSetupCode, encodeSetupCode, type SetupCodeFields } from '../shared/county/setupCode';
import { isKnownPlace, placeLevel, placeName } from '../shared/places/index';
import { lockAcceptedRecords } from './acceptedLocks';
import { Couch, CouchError, type Credentials, splitUrl } from './couch';
import { AGGREGATE_VIEWS, DATA_FILTER, REVIEW_DESIGN_DOC, REVIEW_VIEWS, aggregateValidate, refValidate, roles, stationValidate } from './designDocs';

export interface CountyPlan {
  /** 6-digit county code. */
  county: string;
  /** Townships (9-digit) with their villages (12-digit); each is a station with its own database. */
  townships: { code: string; villages?: string[] }[];
  /** County staff accounts (login names). */
  staff?: { name: string; displayName?: string }[];
  /**
   * The server's URL as the server itself reaches it, for replication documents (defaults to the
   * provisioning URL). Behind a proxy this is e.g. http://127.0.0.1:5984.
   */
  replicationUrl?: string;
  /**
   * false: leave the station → aggregate replications out (the benchmark measures sync on an
   * otherwise idle server; a county may also run its replications elsewhere). Default true.
   */
  aggregateReplication?: boolean;
}

export interface CreatedAccount {
  name: string;
  password: string;
  roles: string[];
  /** The station's place code, or the county code for staff. */
  place: string;
  /** What the clerk types or scans into the station: see setupCode(). */
  setupCode: string;
  /**
   * A station's Ed25519 private key (PKCS#8 DER, base64), in its setup code; its public half is in
   * the station's directory entry. Not kept by the county (the demo keeps it to print codes again).
   */
  signingKey?: string;
}

export interface ProvisionResult {
  /** Human-readable list of what was created or updated; empty when nothing changed. */
  changes: string[];
  /** Accounts created by this run, with their one-time passwords. */
  created: CreatedAccount[];
  /** Accounts that already existed (passwords untouched, never shown again). */
  existing: string[];
  /** Whether replications into the aggregate were provisioned as _replicator documents. */
  replication: 'replicator' | 'unsupported';
  warnings: string[];
  /** The county secret (in setup codes only; never printed on its own). */
  countySecret: string;
}

export const REF_DB = 'county_ref';
export const aggregateDb = (county: string) => `county_${county}_aggregate`;
export const stationDb = (code: string) => `station_${code}`;
export const stationUser = (code: string) => `station-${code}`;
const PROVISIONER = 'county-provision';

/** What the clerk types or scans (format in shared/county/setupCode.ts). */
export function setupCode(url: string, user: string, password: string, place: string, key: string, signingKey?: string): string {
  return encodeSetupCode({ url, user, password, place, key, ...(signingKey ? { signingKey } : {}) });
}

/** A station's signing pair: private key PKCS#8 DER, public key SPKI DER, both base64. */
function signingPair(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'der' }, publicKeyEncoding: { type: 'spki', format: 'der' } });
  return { privateKey: pair.privateKey.toString('base64'), publicKey: pair.publicKey.toString('base64') };
}

/** Whether a value is an Ed25519 public key as a station publishes it (SPKI DER, base64). */
function isSigningKey(value: unknown): value is string {
  try {
    return typeof value === 'string' && createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

export function parseSetupCode(code: string): SetupCodeFields {
  const fields = decodeSetupCode(code);
  if (!fields) throw new Error('Not a Leye setup code');
  return fields;
}


// Easy to read aloud and type: no 0/O, 1/l/I.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export function randomPassword(length = 16): string {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

/** Checks the plan against the places data; throws with every problem listed. */
export function checkPlan(plan: CountyPlan): void {
  const problems: string[] = [];
  if (!plan || typeof plan !== 'object') throw new Error('Plan must be an object');
  if (placeLevel(plan.county) !== 'county' || !isKnownPlace(plan.county)) problems.push(`county ${String(plan.county)} is not a known 6-digit county code`);
  if (!Array.isArray(plan.townships)) problems.push('townships must be an array');
  for (const t of plan.townships ?? []) {
    if (placeLevel(t.code) !== 'township' || !isKnownPlace(t.code) || !t.code.startsWith(plan.county)) {
      problems.push(`township ${String(t.code)} is not a known township of county ${plan.county}`);
    }
    for (const v of t.villages ?? []) {
      if (placeLevel(v) !== 'village' || !isKnownPlace(v) || !v.startsWith(t.code)) problems.push(`village ${String(v)} is not a known village of township ${t.code}`);
    }
  }
  for (const s of plan.staff ?? []) {
    if (typeof s.name !== 'string' || !/^[a-z][a-z0-9._-]{1,63}$/.test(s.name) || s.name.startsWith('station-')) {
      problems.push(`staff name ${String(s.name)}: lowercase letters, digits, . _ - (not starting with station-)`);
    }
  }
  if (problems.length) throw new Error('Invalid plan:\n  ' + problems.join('\n  '));
}

/** Adds one station (township or village) to a plan, with its township. */
export function addStation(plan: CountyPlan, code: string): CountyPlan {
  const level = placeLevel(code);
  if ((level !== 'township' && level !== 'village') || !isKnownPlace(code)) throw new Error(`${code} is not a known township (9 digits) or village (12 digits) code`);
  if (!code.startsWith(plan.county)) throw new Error(`${code} is not inside county ${plan.county}`);
  const tcode = code.slice(0, 9);
  const townships = plan.townships.map((t) => ({ ...t, villages: [...(t.villages ?? [])] }));
  let t = townships.find((x) => x.code === tcode);
  if (!t) {
    t = { code: tcode, villages: [] };
    townships.push(t);
  }
  if (level === 'village' && !t.villages.includes(code)) t.villages.push(code);
  return { ...plan, townships };
}

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
const union = (a: string[] | undefined, b: string[]): string[] => {
  const out = [...(a ?? [])];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
};

interface SecurityObject {
  members?: { names?: string[]; roles?: string[] };
  admins?: { names?: string[]; roles?: string[] };
}

class Provisioner {
  readonly changes: string[] = [];
  readonly warnings: string[] = [];
  constructor(readonly couch: Couch) {}

  async ensureDb(name: string): Promise<void> {
    const r = await this.couch.request('GET', `/${encodeURIComponent(name)}`);
    if (r.status === 200) return;
    if (r.status !== 404) throw new CouchError(r.status, String((r.body as { error?: string })?.error ?? 'error'), String((r.body as { reason?: string })?.reason ?? ''), 'GET', `/${name}`);
    // 412: created meanwhile by someone else.
    await this.couch.call('PUT', `/${encodeURIComponent(name)}`, undefined, [412]);
    this.changes.push(`database ${name} created`);
  }

  /** Security object: desired names/roles are added to whatever is there. */
  async ensureSecurity(db: string, want: { members: string[]; admins: string[] }): Promise<void> {
    const r = await this.couch.call<SecurityObject>('GET', `/${encodeURIComponent(db)}/_security`);
    const cur = r.body ?? {};
    const next: SecurityObject = {
      ...cur,
      members: { names: cur.members?.names ?? [], roles: union(cur.members?.roles, want.members) },
      admins: { names: cur.admins?.names ?? [], roles: union(cur.admins?.roles, want.admins) },
    };
    const unchanged =
      cur.members?.roles?.length === next.members?.roles?.length &&
      cur.admins?.roles?.length === next.admins?.roles?.length &&
      Array.isArray(cur.members?.names) &&
      Array.isArray(cur.admins?.names);
    if (unchanged) return;
    await this.couch.call('PUT', `/${encodeURIComponent(db)}/_security`, next);
    this.changes.push(`_security of ${db} set`);
  }

  /**
   * Creates or updates a document when its content (ignoring _rev and `ignore` keys) differs.
   * On update the ignored keys keep their stored values.
   */
  async ensureDoc(db: string, doc: Record<string, unknown> & { _id: string }, ignore: string[] = []): Promise<void> {
    const cur = await this.couch.getDoc<Record<string, unknown>>(db, doc._id);
    const strip = (d: Record<string, unknown>) => {
      const c: Record<string, unknown> = { ...d };
      delete c._rev;
      for (const k of ignore) delete c[k];
      return c;
    };
    if (cur && stable(strip(cur)) === stable(strip(doc))) return;
    const next: Record<string, unknown> = { ...doc };
    if (cur) {
      next._rev = cur._rev;
      for (const k of ignore) if (k in cur) next[k] = cur[k];
    }
    await this.couch.putDoc(db, next as { _id: string });
    this.changes.push(`${db}/${doc._id} ${cur ? 'updated' : 'created'}`);
  }

  /** A user: created with a fresh password, or its roles extended; an existing password is never touched. */
  async ensureUser(name: string, wantRoles: string[], extra: Record<string, unknown>): Promise<{ created: boolean; password?: string }> {
    const id = `org.couchdb.user:${name}`;
    const cur = await this.couch.getDoc<Record<string, unknown>>('_users', id);
    if (!cur) {
      const password = randomPassword();
      await this.couch.putDoc('_users', { _id: id, name, type: 'user', roles: wantRoles, password, ...extra });
      this.changes.push(`user ${name} created`);
      return { created: true, password };
    }
    const curRoles = Array.isArray(cur.roles) ? (cur.roles as string[]) : [];
    const nextRoles = union(curRoles, wantRoles);
    const extraSame = Object.entries(extra).every(([k, v]) => stable(cur[k]) === stable(v));
    if (nextRoles.length !== curRoles.length || !extraSame) {
      // Keeps derived_key/salt/iterations as stored: the password stays what it was.
      await this.couch.putDoc('_users', { ...cur, ...extra, roles: nextRoles, _id: id });
      this.changes.push(`user ${name} updated (roles)`);
    }
    return { created: false };
  }
}

/**
 * Provisions (or brings up to date) one county on the server at `serverUrl` with server admin
 * credentials. Only adds what is missing or different.
 */
export async function provisionCounty(serverUrl: string, admin: Credentials, plan: CountyPlan): Promise<ProvisionResult> {
  checkPlan(plan);
  const { base } = splitUrl(serverUrl);
  const couch = new Couch(base, admin);
  const p = new Provisioner(couch);
  const county = plan.county;
  const now = new Date().toISOString();

  // Who we are talking to, and are these admin credentials?
  const session = await couch.call<{ userCtx?: { name: string | null; roles: string[] } }>('GET', '/_session', undefined, [401]);
  if (session.status === 401 || !session.body.userCtx?.roles.includes('_admin')) {
    throw new Error(`The credentials for ${admin.user} are not a server admin's on ${base}`);
  }

  await p.ensureDb('_users');
  const countyAdminRole = roles.countyAdmin(county);
  const countyRole = roles.county(county);
  const stationRoles: string[] = [];
  const created: CreatedAccount[] = [];
  const existing: string[] = [];

  const stations: { code: string; township: string }[] = [];
  for (const t of plan.townships) {
    stations.push({ code: t.code, township: t.code });
    for (const v of t.villages ?? []) stations.push({ code: v, township: t.code });
  }

  // Databases, their security and validation.
  await p.ensureDb(REF_DB);
  await p.ensureDb(aggregateDb(county));
  for (const s of stations) {
    const db = stationDb(s.code);
    await p.ensureDb(db);
    const members = [roles.station(s.code), roles.township(s.township), countyRole];
    stationRoles.push(roles.station(s.code), roles.township(s.township));
    await p.ensureSecurity(db, { members, admins: [countyAdminRole] });
    await p.ensureDoc(db, { _id: '_design/leye', language: 'javascript', validate_doc_update: stationValidate(s.code, county), filters: { data: DATA_FILTER } });
  }
  await p.ensureSecurity(REF_DB, { members: [...new Set(stationRoles), countyRole], admins: [countyAdminRole] });
  await p.ensureDoc(REF_DB, { _id: `_design/leye_${county}`, language: 'javascript', validate_doc_update: refValidate(county) });
  await p.ensureSecurity(aggregateDb(county), { members: [countyRole], admins: [countyAdminRole] });
  await p.ensureDoc(aggregateDb(county), { _id: '_design/leye', language: 'javascript', validate_doc_update: aggregateValidate(county) });
  await p.ensureDoc(aggregateDb(county), { _id: '_design/stats', language: 'javascript', views: AGGREGATE_VIEWS });
  await p.ensureDoc(aggregateDb(county), { _id: REVIEW_DESIGN_DOC, language: 'javascript', views: REVIEW_VIEWS });
  // Records accepted before the lock lived on the record get it now (county/acceptedLocks.ts).
  for (const s of stations) {
    const locked = await lockAcceptedRecords(couch, stationDb(s.code));
    if (locked > 0) p.changes.push(`${locked} accepted record(s) of ${s.code} locked on the server`);
  }

  // The county secret: made once, never changed (resident ids at every station depend on it).
  let secret = (await couch.getDoc<{ key?: string }>(aggregateDb(county), COUNTY_SECRET_DOC))?.key;
  if (!secret) {
    secret = randomBytes(32).toString('base64');
    await p.ensureDoc(aggregateDb(county), { _id: COUNTY_SECRET_DOC, county, key: secret });
  }
  for (const s of stations) await p.ensureDoc(stationDb(s.code), { _id: COUNTY_SECRET_DOC, county, key: secret });

  // Station accounts, and each station's signing key (its USB files are checked against it):
  // made here with a new account (the private half goes only into the setup code), or taken from
  // the station's heartbeat when it was provisioned before keys (trust on first use). A key once
  // published is never replaced by a run: another one presented is reported, not taken.
  const signingKeys = new Map<string, string>();
  for (const s of stations) {
    const name = stationUser(s.code);
    const published = (await couch.getDoc<{ signingKey?: unknown }>(REF_DB, docId.station(s.code)))?.signingKey;
    const wantRoles = s.code.length === 9 ? [roles.station(s.code), roles.township(s.code)] : [roles.station(s.code)];
    const r = await p.ensureUser(name, wantRoles, { leye: { place: s.code, kind: s.code.length === 9 ? 'township' : 'village' } });
    if (isSigningKey(published)) signingKeys.set(s.code, published);
    if (r.created && r.password) {
      const pair = isSigningKey(published) ? null : signingPair();
      if (pair) signingKeys.set(s.code, pair.publicKey);
      else p.warnings.push(`${name}: the directory already holds a signing key for ${s.code}, so the new setup code carries none; the station's USB files are refused until the key is replaced (county/README.md, "USB transfer")`);
      created.push({ name, password: r.password, roles: wantRoles, place: s.code, setupCode: setupCode(base, name, r.password, s.code, secret, pair?.privateKey), ...(pair ? { signingKey: pair.privateKey } : {}) });
    } else existing.push(name);
    const presented = (await couch.getDoc<{ signingKey?: unknown }>(stationDb(s.code), docId.heartbeat(s.code)))?.signingKey;
    if (!isSigningKey(presented) || presented === signingKeys.get(s.code)) continue;
    if (!signingKeys.has(s.code)) {
      signingKeys.set(s.code, presented);
      p.changes.push(`signing key of ${s.code} taken from its heartbeat (first use)`);
    } else {
      p.warnings.push(`station ${s.code} presents a signing key other than the one published for it: not replaced (county/README.md, "USB transfer")`);
    }
  }

  // Station directory in county_ref (type 'station', keyed station:<code>).
  for (const s of stations) {
    await p.ensureDoc(
      REF_DB,
      {
        _id: docId.station(s.code),
        type: 'station',
        schemaVersion: 1,
        placeCode: s.code,
        name: placeName(s.code) ?? s.code,
        demo: false,
        level: s.code.length === 12 ? 'village' : 'township',
        database: stationDb(s.code),
        account: stationUser(s.code),
        ...(signingKeys.has(s.code) ? { signingKey: signingKeys.get(s.code) } : {}),
        createdBy: PROVISIONER,
        createdAt: now,
        updatedBy: PROVISIONER,
        updatedAt: now,
      },
      ['createdAt', 'updatedAt', 'createdBy', 'updatedBy'],
    );
  }

  for (const st of plan.staff ?? []) {
    const wantRoles = [countyRole, roles.countyStaff];
    const r = await p.ensureUser(st.name, wantRoles, { leye: { place: county, kind: 'countyStaff', displayName: st.displayName ?? st.name } });
    if (r.created && r.password) created.push({ name: st.name, password: r.password, roles: wantRoles, place: county, setupCode: setupCode(base, st.name, r.password, county, secret) });
    else existing.push(st.name);
  }

  // Replications station → aggregate, as _replicator documents where the server has them.
  let replication: ProvisionResult['replication'] = 'unsupported';
  const rep = plan.aggregateReplication === false ? { status: 0 } : await couch.request('GET', '/_replicator');
  if (rep.status === 404) {
    const made = await couch.request('PUT', '/_replicator');
    if (made.status === 201 || made.status === 202) {
      p.changes.push('database _replicator created');
      replication = 'replicator';
    }
  } else if (rep.status === 200) {
    replication = 'replicator';
  }
  if (replication === 'replicator') {
    const repBase = splitUrl(plan.replicationUrl ?? base).base;
    const withAuth = (db: string) => {
      const u = new URL(`${repBase}/${encodeURIComponent(db)}`);
      u.username = encodeURIComponent(admin.user);
      u.password = encodeURIComponent(admin.password);
      return u.toString();
    };
    for (const s of stations) {
      const id = `leye_${stationDb(s.code)}_to_${aggregateDb(county)}`;
      const want = {
        _id: id,
        source: withAuth(stationDb(s.code)),
        target: withAuth(aggregateDb(county)),
        continuous: true,
        // Data only: the station's design document stays out of the aggregate. (A Mango
        // `selector` would do on CouchDB 3, but crashes PouchDB Server's replicator.)
        filter: 'leye/data',
      };
      const cur = await couch.getDoc<Record<string, unknown>>('_replicator', id);
      // The replicator adds state fields and may hide credentials: compare only where to/from.
      const dbOf = (x: unknown): string => {
        const url = typeof x === 'string' ? x : ((x as { url?: string } | undefined)?.url ?? '');
        try {
          const u = new URL(url);
          return u.host + u.pathname;
        } catch {
          return url;
        }
      };
      if (cur && dbOf(cur.source) === dbOf(want.source) && dbOf(cur.target) === dbOf(want.target) && cur.continuous === true && cur.filter === want.filter) continue;
      await couch.putDoc('_replicator', cur ? { ...want, _rev: cur._rev } : want);
      p.changes.push(`replication ${stationDb(s.code)} → ${aggregateDb(county)} ${cur ? 'updated' : 'created'}`);
    }
  } else if (plan.aggregateReplication !== false) {
    p.warnings.push('The server has no _replicator database: station → aggregate replications were not provisioned.');
  }

  return { changes: p.changes, created, existing, replication, warnings: p.warnings, countySecret: secret };
}
