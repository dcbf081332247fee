// Sync with the county's CouchDB (replication protocol only, so any CouchDB 3.x works): the
// station pushes its database to `station_<place>` on the county server and pulls back what the
// county writes there (reviews). The status is honest: the last success, what is waiting, the
// failure and its reason; never "done" after a timeout.
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import type { PouchDB as P } from 'pouchdb-node';
import type { BatchView, QuarantineView, ResolutionView, SessionUser, SyncFailure, SyncStatus } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import { COUNTY_SECRET_DOC, decodeSetupCode } from '../../../shared/county/setupCode';
import { documentProblem } from '../store/docSchemas';
import { ID_PREFIX, type BatchDoc, type ResolutionNoticeDoc, type ReviewDoc } from '../store/docs';
import * as documents from '../../../shared/documents/registry';
import { randomId } from '../residents/identity';
import { replicate } from './replicate';
import { isSealedFile, type SealedFile, type SecretBox } from './secretBox';
import { getOrNull, openLocalDb, prefixRange } from '../store/db';
import { fieldError } from '../validation';
import { stationLevel } from '../../../shared/places';

export interface CountyConnection {
  url: string;
  username: string;
  password: string;
  /** The place the county provisioned this account for. */
  placeCode: string;
  /** Who connected the station: named on batches the live sync sends. */
  connectedBy?: string;
  /** The county secret from the setup code (v2), when the code carried it. */
  countySecret?: string;
}

/** Keys derived from the county secret: resident identity hash and USB file encryption. */
export interface CountyKeys {
  /** 6-digit county code the secret belongs to. */
  county: string;
  /** base64, for residentKey(). */
  identityKey: string;
  /** 32 bytes for AES-256-GCM and HMAC of files and receipts. */
  transferKey: Buffer;
}

interface CountySecretDoc {
  _id: '_local/county-secret';
  _rev?: string;
  county: string;
  key: string;
}

export function deriveCountyKeys(county: string, secret: string): CountyKeys {
  const raw = Buffer.from(secret, 'base64');
  const derive = (label: string) => createHmac('sha256', raw).update(label).digest();
  return { county, identityKey: derive('leye:identity:v1').toString('base64'), transferKey: derive('leye:transfer:v1') };
}


/** When live sync runs: after a local change, every interval when idle, backing off on failure. */
export interface SyncTiming {
  debounceMs: number;
  intervalMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A request that has not finished by then is aborted: a half-dead connection never hangs a sync. */
  requestTimeoutMs: number;
}

export const DEFAULT_SYNC_TIMING: SyncTiming = {
  debounceMs: 10_000,
  intervalMs: 60_000,
  backoffBaseMs: 5_000,
  backoffMaxMs: 300_000,
  requestTimeoutMs: 60_000,
};

type Fetch = (url: string, options: { signal?: AbortSignal } & Record<string, unknown>) => Promise<unknown>;

/**
 * PouchDB's own fetch with a deadline per request. A connection cut in the middle of a response
 * otherwise leaves node-fetch waiting for the rest for ever (seen in the cut test), and the
 * station would show "syncing" for ever.
 */
function timedFetch(timeoutMs: number): Fetch {
  const base = (PouchDB as unknown as { fetch: Fetch }).fetch;
  return (url, options) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    return base(url, { ...options, signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline });
  };
}

/** The clerk's setup code as a connection (format in shared/county/setupCode.ts); null if it is not one. */
export function parseSetupCode(code: string): CountyConnection | null {
  const fields = decodeSetupCode(code);
  if (!fields) return null;
  return {
    url: fields.url.replace(/\/+$/, ''),
    username: fields.user,
    password: fields.password,
    placeCode: fields.place,
    ...(fields.key !== undefined ? { countySecret: fields.key } : {}),
  };
}

/** Sorts a failure into what the clerk can act on. */
export function classifyFailure(error: unknown): SyncFailure['reason'] {
  const e = error as { status?: number; code?: string; message?: string; name?: string; cause?: { code?: string } } | null;
  const text = `${e?.code ?? ''} ${e?.cause?.code ?? ''} ${e?.name ?? ''} ${e?.message ?? ''}`;
  if (e?.status === 401 || e?.status === 403 || /unauthorized|forbidden/i.test(e?.name ?? '')) return 'credentials';
  if (/ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN/.test(text)) return 'offline';
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|fetch failed|network/i.test(text)) return 'unreachable';
  return 'other';
}

interface SyncState {
  _id: '_local/sync';
  _rev?: string;
  lastSuccessAt: string | null;
  /** The local update sequence the last successful push started from. */
  pushedSeq: number | string;
  /** The batch an unsuccessful sync left undelivered. */
  pendingBatch?: string | null;
  /** When this station last told the county it synced. */
  heartbeatAt?: string;
  /** Revisions the county wrote here (resolved conflicts): on the server already, never waiting. */
  countyWritten?: Record<string, string>;
}

/** Pulled documents that failed their schema (ids and reasons only: no content is kept). */
interface QuarantineDoc {
  _id: '_local/quarantine';
  _rev?: string;
  items: QuarantineView[];
}

/** The most entries kept; a county sending more bad documents than this has a bigger problem. */
const QUARANTINE_KEPT = 1000;

/** What the sync keeps aside while pulling one database, then records in one write. */
interface Screening {
  source: string;
  refused: QuarantineView[];
  passed: string[];
}

export class SyncService {
  private connection: CountyConnection | null = null;
  private running: Promise<SyncStatus> | null = null;
  private syncing = false;
  private state: SyncState = { _id: '_local/sync', lastSuccessAt: null, pushedSeq: 0 };
  private lastAttemptAt: string | null = null;
  private failure: SyncFailure | null = null;
  private progress: { pushed: number; pulled: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAttemptAt: number | null = null;
  private failures = 0;
  private stopped = false;
  private secret: CountySecretDoc | null = null;
  private fileDelivery: FileDelivery | null = null;
  private secretListener: ((keys: CountyKeys) => Promise<void>) | null = null;
  private readonly relays = new Map<string, P.Database>();
  private reference: P.Database | null = null;
  /** The local update sequence after the county key re-keyed this station (0: never). */
  private rekeySeq = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly dataDir: string,
    private readonly changed: (status: SyncStatus) => void,
    private readonly timing: SyncTiming = DEFAULT_SYNC_TIMING,
    private readonly secretBox: SecretBox | null = null,
  ) {}

  /**
   * Live sync: once connected, the station syncs a little after each local change and every
   * interval while idle; after a failure it waits longer each time (5 s, 10 s … 5 min), so a
   * village without network is not hammered and a returning network is used soon.
   */
  private schedule(delayMs: number): void {
    if (this.stopped || !this.connection) return;
    const at = Date.now() + delayMs;
    if (this.timer && this.nextAttemptAt !== null && this.nextAttemptAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAttemptAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAttemptAt = null;
      void this.syncNow({ loginName: this.connection?.connectedBy ?? 'station', displayName: '', role: 'clerk' }).catch(() => undefined);
    }, delayMs);
    this.timer.unref();
  }

  /** A record changed here: sync soon, and tell the windows what now waits (at most every 2 s). */
  localChange(): void {
    if (!this.syncing) this.schedule(this.timing.debounceMs);
    if (this.statusTimer || this.stopped) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      if (!this.syncing && !this.stopped) void this.status().then(this.changed, () => undefined);
    }, 2_000);
    this.statusTimer.unref();
  }

  private statusTimer: NodeJS.Timeout | null = null;

  /** Stops live sync and lets a running sync finish (its requests have deadlines). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await Promise.all([...this.relays.values(), ...(this.reference ? [this.reference] : [])].map((db) => db.close().catch(() => undefined)));
    this.relays.clear();
    this.reference = null;
  }

  /** Credentials live with the core, never in the renderer: a file only this user can read. */
  private get credentialsFile(): string {
    return path.join(this.dataDir, 'county-credentials.json');
  }

  /** The county account, or a clear error when the station has none. */
  requireConnection(): CountyConnection {
    if (!this.connection) fail({ code: 'VALIDATION', messageKey: 'errors.sync.notConnected' });
    return this.connection;
  }

  isConnected(): boolean {
    return this.connection !== null;
  }

  /** The keys derived from the county secret; null until the station has been given it. */
  countyKeys(): CountyKeys | null {
    return this.secret ? deriveCountyKeys(this.secret.county, this.secret.key) : null;
  }

  /** A database on the county server, opened with this station's account and request deadlines. */
  serverDb(name: string): P.Database {
    return this.remote(this.requireConnection(), name);
  }

  /** A plain request to the county server with this station's account (views, `_local` documents). */
  async serverFetch(pathAndQuery: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
    const connection = this.requireConnection();
    const response = await fetch(`${connection.url}${pathAndQuery}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: 'Basic ' + Buffer.from(`${connection.username}:${connection.password}`).toString('base64'),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(this.timing.requestTimeoutMs),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  /**
   * The local copy of another station's documents (a township's villages, a file imported at a
   * township or county machine): pulled from and pushed to `station_<code>` on every sync.
   */
  relay(placeCode: string): P.Database {
    let db = this.relays.get(placeCode);
    if (!db) {
      fs.mkdirSync(path.join(this.dataDir, 'relay'), { recursive: true });
      db = openLocalDb(path.join(this.dataDir, 'relay', placeCode));
      this.relays.set(placeCode, db);
    }
    return db;
  }

  /** Stations whose documents this machine holds a relay copy of. */
  relayPlaces(): string[] {
    const dir = path.join(this.dataDir, 'relay');
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /^\d{9}(\d{3})?$/.test(name)) : [];
    return [...new Set([...known, ...this.relays.keys()])].sort();
  }

  async load(): Promise<void> {
    this.state = (await getOrNull<SyncState>(this.ctx.db, '_local/sync')) ?? this.state;
    this.secret = await getOrNull<CountySecretDoc>(this.ctx.db, '_local/county-secret');
    this.rekeySeq = (await getOrNull<{ seq: number }>(this.ctx.db, '_local/rekey'))?.seq ?? 0;
    try {
      const stored = JSON.parse(fs.readFileSync(this.credentialsFile, 'utf8')) as unknown;
      if (isSealedFile(stored)) {
        // Sealed by the app's key store: only that store opens it (not the Node host).
        this.connection = this.secretBox?.kind === stored.box ? (JSON.parse(await this.secretBox.open(stored.sealed)) as CountyConnection) : null;
      } else {
        this.connection = stored as CountyConnection;
      }
    } catch {
      this.connection = null;
    }
    // Whatever waits from the last run goes up once the station is open.
    this.schedule(this.timing.debounceMs);
  }

  private remote(connection = this.connection!, name = this.ownDbName(connection.placeCode)): P.Database {
    return new PouchDB(`${connection.url}/${encodeURIComponent(name)}`, {
      auth: { username: connection.username, password: connection.password },
      skip_setup: true,
      fetch: timedFetch(this.timing.requestTimeoutMs),
    });
  }

  /**
   * Waiting = records changed here since the last successful push began; not the batch
   * manifests (bookkeeping) nor what was pulled from the county (reviews).
   */
  private async waiting(): Promise<number> {
    let count = 0;
    await this.eachWaiting(() => (count += 1));
    this.lastWaiting = count;
    return count;
  }

  private lastWaiting = 0;

  /**
   * What the next batch carries: every record changed here since the last successful push began
   * (its current revision, in id order), except what a receipt says reached the county on a file.
   */
  async waitingDocs(): Promise<{ id: string; rev: string }[]> {
    const docs: { id: string; rev: string }[] = [];
    await this.eachWaiting((id, rev) => docs.push({ id, rev }));
    return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Visits what waits, unsorted. The count is asked for every 2 s while the clerk works: at
   * 300,000 unpushed records, building and sorting the list each time held the core for seconds.
   */
  private async eachWaiting(visit: (id: string, rev: string) => void): Promise<void> {
    const changed = await this.changedSincePush();
    // A county station sends only the reference data its staff edit.
    const county = stationLevel(this.ctx.station().placeCode) === 'county';
    const candidate = (id: string, c: { deleted: boolean }) => !c.deleted && !NOT_SENT.test(id) && (!county || isReferenceId(id));
    const policyIds: string[] = [];
    for (const [id, c] of changed) if (id.startsWith(ID_PREFIX.policy) && candidate(id, c)) policyIds.push(id);
    const shipped = new Set(
      policyIds.length === 0
        ? []
        : (await this.ctx.db.allDocs<object>({ keys: policyIds, include_docs: true })).rows.flatMap((r) => (r.doc && isShippedDefault(r.doc) ? [r.id] : [])),
    );
    // A Map, not the stored object: looking 300,000 fresh id strings up as object keys costs
    // V8 most of this loop (each key is interned first).
    const countyWritten = new Map(Object.entries(this.state.countyWritten ?? {}));
    for (const [id, c] of changed) {
      if (!candidate(id, c) || shipped.has(id)) continue;
      if (this.fileDelivery?.delivered(id, c.rev) || countyWritten.get(id) === c.rev) continue;
      visit(id, c.rev);
    }
  }

  /**
   * Every document changed since the last push began, with its current revision. Kept between
   * calls and brought forward with only the newer changes: the status asks for it every few
   * seconds while the clerk works, and a station that has never pushed 100,000 records must not
   * re-read them all each time (that starved every other read).
   */
  private changedSincePush(): Promise<Map<string, { rev: string; deleted: boolean }>> {
    // One reader at a time: two overlapping reads could set a document back to an older revision.
    const next = this.changedReading.then(() => this.readChangedSincePush());
    this.changedReading = next.catch(() => undefined);
    return next;
  }

  private changedReading: Promise<unknown> = Promise.resolve();

  private async readChangedSincePush(): Promise<Map<string, { rev: string; deleted: boolean }>> {
    const base = this.state.pushedSeq;
    if (!this.changedCache || this.changedCache.base !== base) this.changedCache = { base, seq: base, docs: new Map() };
    const cache = this.changedCache;
    for (;;) {
      const changes = await this.ctx.db.changes<object>({ since: cache.seq, limit: CHANGED_PAGE });
      // A push finishing meanwhile moved the base: start over from it.
      if (this.state.pushedSeq !== base) return this.readChangedSincePush();
      for (const c of changes.results) cache.docs.set(c.id, { rev: c.changes[0]!.rev, deleted: c.deleted === true });
      cache.seq = changes.last_seq;
      if (changes.results.length < CHANGED_PAGE) return cache.docs;
    }
  }

  private changedCache: { base: number | string; seq: number | string; docs: Map<string, { rev: string; deleted: boolean }> } | null = null;

  /** The USB transfer tells sync which revisions a receipt confirmed (see transfer.ts). */
  setFileDelivery(provider: FileDelivery): void {
    this.fileDelivery = provider;
  }

  async status(waiting?: number): Promise<SyncStatus> {
    return {
      connected: this.connection !== null,
      server: this.connection ? { url: this.connection.url, username: this.connection.username, placeCode: this.connection.placeCode } : null,
      state: this.syncing ? 'syncing' : this.failure ? 'failed' : this.state.lastSuccessAt ? 'idle' : 'never',
      lastSuccessAt: this.state.lastSuccessAt,
      lastAttemptAt: this.lastAttemptAt,
      waiting: waiting ?? (await this.waiting()),
      progress: this.progress,
      failure: this.failure,
      nextAttemptAt: this.nextAttemptAt === null ? null : new Date(this.nextAttemptAt).toISOString(),
    };
  }

  /** The database this station pushes to: its own, or county_ref for a county station (reference data). */
  private ownDbName(placeCode = this.ctx.station().placeCode): string {
    return stationLevel(placeCode) === 'county' ? 'county_ref' : `station_${placeCode}`;
  }

  /** Where the county keeps its secret for this account (see county/provision.ts). */
  private secretDbName(placeCode: string): string {
    return stationLevel(placeCode) === 'county' ? `county_${placeCode}_aggregate` : `station_${placeCode}`;
  }

  /**
   * Checks the account against the county server before keeping it, and takes the county secret
   * (resident identity key, file key). A setup code carries the secret too, so a station without
   * network can still be connected for USB transfer: it is kept, and the sync waits for a network.
   */
  async connect(connection: CountyConnection, user: SessionUser): Promise<SyncStatus> {
    const station = this.ctx.station();
    if (connection.placeCode !== station.placeCode) fail(fieldError('setupCode', 'errors.sync.otherStation', { place: connection.placeCode }));
    let reason: SyncFailure['reason'] | null = null;
    let secret = connection.countySecret ?? null;
    const auth = 'Basic ' + Buffer.from(`${connection.username}:${connection.password}`).toString('base64');
    try {
      // `_session` names the account the server accepted (some servers let a wrong password
      // through as anonymous on public databases); then the station database must answer.
      const session = await fetch(`${connection.url}/_session`, { headers: { authorization: auth }, signal: AbortSignal.timeout(15_000) });
      const body = (await session.json().catch(() => ({}))) as { userCtx?: { name?: string | null } };
      if (session.status === 401 || body.userCtx?.name !== connection.username) reason = 'credentials';
      else {
        await this.remote(connection, this.ownDbName()).info();
        const held = await fetch(`${connection.url}/${this.secretDbName(station.placeCode)}/${COUNTY_SECRET_DOC}`, {
          headers: { authorization: auth },
          signal: AbortSignal.timeout(15_000),
        });
        const doc = held.ok ? ((await held.json()) as { key?: unknown }) : null;
        if (typeof doc?.key === 'string') secret = doc.key;
      }
    } catch (error) {
      reason = classifyFailure(error);
    }
    const offlineWithSecret = secret !== null && (reason === 'offline' || reason === 'unreachable');
    if (reason && !offlineWithSecret) fail(fieldError(reason === 'credentials' ? 'password' : 'url', `errors.sync.${reason}`));
    if (secret) await this.adoptSecret(station.placeCode.slice(0, 6), secret);
    const file = this.credentialsFile;
    const kept: CountyConnection = { url: connection.url, username: connection.username, password: connection.password, placeCode: connection.placeCode, connectedBy: user.loginName };
    const content = this.secretBox ? ({ sealed: await this.secretBox.seal(JSON.stringify(kept)), box: this.secretBox.kind } satisfies SealedFile) : kept;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(content), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
    this.connection = kept;
    this.failure = reason ? { reason, messageKey: `errors.sync.${reason}`, refused: [] } : null;
    this.failures = reason ? 1 : 0;
    this.schedule(reason ? this.timing.backoffBaseMs : this.timing.debounceMs);
    const status = await this.status();
    this.changed(status);
    return status;
  }

  /** The core re-keys its residents when the county's identity key arrives (see Core). */
  setSecretListener(listener: (keys: CountyKeys) => Promise<void>): void {
    this.secretListener = listener;
  }

  private async adoptSecret(county: string, key: string): Promise<void> {
    if (this.secret?.county === county && this.secret.key === key) return;
    await this.secretListener?.(deriveCountyKeys(county, key));
    const doc: CountySecretDoc = { _id: '_local/county-secret', county, key, ...(this.secret?._rev ? { _rev: this.secret._rev } : {}) };
    this.secret = { ...doc, _rev: (await this.ctx.db.put(doc)).rev };
  }

  /** The core re-keyed its records up to this local sequence (their deletions never go up). */
  async rekeyed(seq: number): Promise<void> {
    const existing = await getOrNull<{ seq: number }>(this.ctx.db, '_local/rekey');
    await this.ctx.db.put({ _id: '_local/rekey', ...(existing ? { _rev: existing._rev } : {}), seq });
    this.rekeySeq = seq;
  }

  /** Whether anything of this station ever reached the county (then resident ids may not change). */
  hasDelivered(): boolean {
    return this.state.lastSuccessAt !== null;
  }

  /**
   * A batch is built while its documents go up: each page the server stored is kept as a part
   * (`_local`, never replicated) before the push's checkpoint moves, so a cut sync loses no
   * entry and the next attempt goes on with the same batch. At the end the parts become the
   * manifest (ids, revisions, counts by type, checksum), which goes up last.
   */
  private batchParts = 0;

  private partId(batchId: string, n: number): string {
    return `_local/batch-part:${batchId}:${n}`;
  }

  private async openBatch(): Promise<string> {
    if (this.state.pendingBatch) {
      this.batchParts = 0;
      while (await getOrNull(this.ctx.db, this.partId(this.state.pendingBatch, this.batchParts))) this.batchParts += 1;
      return this.state.pendingBatch;
    }
    const id = `${ID_PREFIX.batch}${this.ctx.station().placeCode}:${this.ctx.now()}:${randomId(6)}`;
    this.batchParts = 0;
    this.state = { ...this.state, pendingBatch: id, _rev: (await this.ctx.db.put({ ...this.state, pendingBatch: id })).rev };
    return id;
  }

  private async addBatchPart(batchId: string, docs: { id: string; rev: string }[]): Promise<void> {
    const records = docs.filter((d) => !BOOKKEEPING.some((p) => d.id.startsWith(p)));
    if (records.length === 0) return;
    await this.ctx.db.put({ _id: this.partId(batchId, this.batchParts), docs: records });
    this.batchParts += 1;
  }

  /** Writes the manifest from the parts and sends it; null when the sync carried no record. */
  private async closeBatch(batchId: string, user: SessionUser, remote: P.Database): Promise<BatchDoc | null> {
    const latest = new Map<string, string>();
    const parts: { _id: string; _rev: string }[] = [];
    for (let n = 0; n < this.batchParts; n++) {
      const part = await getOrNull<{ docs: { id: string; rev: string }[] }>(this.ctx.db, this.partId(batchId, n));
      if (!part) continue;
      parts.push({ _id: part._id, _rev: part._rev });
      for (const d of part.docs) latest.set(d.id, d.rev);
    }
    const docs = [...latest].map(([id, rev]) => ({ id, rev })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let batch: BatchDoc | null = null;
    if (docs.length > 0) {
      const place = this.ctx.station().placeCode;
      // An attempt cut after writing the manifest left it here: this one brings it up to date.
      const earlier = await getOrNull<BatchDoc>(this.ctx.db, batchId);
      batch = {
        _id: batchId,
        ...(earlier ? { _rev: earlier._rev } : {}),
        type: 'batch',
        ...this.ctx.stamp(user, place),
        ...(earlier ? { createdBy: earlier.createdBy, createdAt: earlier.createdAt } : {}),
        via: 'sync',
        counts: countByType(docs),
        docs,
        checksum: batchChecksum(docs),
      };
      batch._rev = (await this.ctx.db.put(batch)).rev;
      // Straight up, outside the push's checkpoint (the next push sends it again, harmlessly).
      const withHistory = (await this.ctx.db.bulkGet({ docs: [{ id: batchId, rev: batch._rev }], revs: true })).results[0]!.docs[0]!;
      if (!('ok' in withHistory)) throw new Error(`batch manifest ${batchId} unreadable`);
      const stored = await remote.bulkDocs([withHistory.ok], { new_edits: false });
      const refused = stored.find((r) => 'error' in r && r.error);
      if (refused) throw Object.assign(new Error(`batch manifest refused: ${JSON.stringify(refused)}`), { status: 403 });
    }
    for (const part of parts) await this.ctx.db.put({ ...part, _deleted: true });
    this.batchParts = 0;
    return batch;
  }

  /** The station's batches, newest first, with what the county decided. */
  async batches(): Promise<BatchView[]> {
    const [batches, reviews] = await Promise.all([
      this.ctx.db.allDocs<BatchDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.batch) }),
      this.ctx.db.allDocs<ReviewDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.review) }),
    ]);
    const byBatch = new Map(reviews.rows.flatMap((r) => (r.doc ? [[r.doc.batchId, r.doc] as const] : [])));
    return batches.rows
      .flatMap((r) => (r.doc ? [r.doc] : []))
      .map((b) => {
        const review = byBatch.get(b._id);
        const delivered = (this.state.lastSuccessAt !== null && this.state.lastSuccessAt >= b.createdAt) || this.fileDelivery?.receipted(b._id) === true;
        return {
          id: b._id,
          createdAt: b.createdAt,
          createdBy: b.createdBy,
          via: b.via,
          counts: b.counts,
          documents: b.docs.length,
          checksum: b.checksum,
          status: review ? review.decision : delivered ? 'delivered' : 'pending',
          returned: review ? review.records.filter((r) => r.decision === 'returned') : [],
        } satisfies BatchView;
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The county's notices of resolved conflicts that involved this station, newest first. */
  async resolutions(): Promise<ResolutionView[]> {
    const rows = await this.ctx.db.allDocs<object>({ include_docs: true, ...prefixRange('resolution:') });
    return rows.rows
      .flatMap((r) => (r.doc && isResolutionNotice(r.doc) ? [r.doc] : []))
      .map((n) => ({ id: n._id, targetId: n.targetId, label: n.label ?? '', kept: n.kept, reason: n.reason, createdAt: n.createdAt, createdBy: n.createdBy }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** One push and one pull; a second call while one runs waits for the same sync. */
  syncNow(user: SessionUser): Promise<SyncStatus> {
    if (!this.connection) fail({ code: 'VALIDATION', messageKey: 'errors.sync.notConnected' });
    this.running ??= this.run(user).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(user: SessionUser): Promise<SyncStatus> {
    this.lastAttemptAt = this.ctx.now();
    this.syncing = true;
    this.progress = { pushed: 0, pulled: 0 };
    const place = this.ctx.station().placeCode;
    const level = stationLevel(place);
    const remote = this.remote();
    try {
      // A county station sends only the reference data its staff edit (to county_ref): no batch.
      const batchId = level === 'county' ? null : await this.openBatch();
      // (Counting what waits means reading every change: the last count does while syncing.)
      this.changed(await this.status(this.lastWaiting));
      const startSeq = (await this.ctx.db.info()).update_seq;
      const refused: { id: string; reason: string }[] = [];
      const pushed = await this.push(remote, refused, level === 'county' ? isReferenceId : undefined, batchId ? (docs) => this.addBatchPart(batchId, docs) : undefined);
      if (batchId) {
        await this.closeBatch(batchId, user, remote);
        this.state = { ...this.state, pendingBatch: null, _rev: (await this.ctx.db.put({ ...this.state, pendingBatch: null })).rev };
      }
      // Only what the county wrote comes down: the station's own documents are here already.
      if (level !== 'county') await this.pullFromCounty(remote);
      // Reference data the county edits (policy parameters, posts, courses, the station directory).
      // (A server set up by hand without county_ref has none to give.)
      await this.pull(this.referenceDb(), this.serverDb('county_ref'), 'county_ref', pushed).catch((error: unknown) => {
        if ((error as { status?: number }).status !== 404) throw error;
      });
      // A township reads its villages (read-only); files imported here go up to their stations.
      await this.syncRelays(level === 'township' ? place : null, refused);
      if (refused.length > 0 || pushed.failures > 0) {
        // The rest went up; these documents stay waiting until corrected.
        this.failure = { reason: 'refused', messageKey: 'errors.sync.refused', refused };
      } else {
        this.failure = null;
        const next = { ...this.state, lastSuccessAt: this.ctx.now(), pushedSeq: startSeq, pendingBatch: null };
        this.state = { ...next, _rev: (await this.ctx.db.put(next)).rev };
        if (level !== 'county') await this.heartbeat(remote, user);
      }
    } catch (error) {
      const reason = classifyFailure(error);
      this.failure = { reason, messageKey: `errors.sync.${reason}`, refused: [] };
    } finally {
      this.progress = null;
      this.syncing = false;
    }
    this.failures = this.failure && this.failure.reason !== 'refused' ? this.failures + 1 : 0;
    this.schedule(
      this.failures > 0 ? Math.min(this.timing.backoffMaxMs, this.timing.backoffBaseMs * 2 ** (this.failures - 1)) : this.timing.intervalMs,
    );
    const status = await this.status();
    this.changed(status);
    return status;
  }

  /** Pushes the station's database; documents the server's validation refuses are collected. */
  private async push(
    remote: P.Database,
    refused: { id: string; reason: string }[],
    accept?: (id: string) => boolean,
    onStored?: (docs: { id: string; rev: string }[]) => Promise<void>,
  ): Promise<{ written: number; failures: number }> {
    const result = await replicate(this.ctx.db, remote, {
      ...(onStored ? { onStored } : {}),
      home: this.ctx.db,
      pair: `push ${this.connection!.url} ${this.ownDbName()}`,
      // What the county wrote came from the server; it never goes back. Nor do the deletions of
      // re-keyed records, which the county never had.
      accept: (c) =>
        !FROM_SERVER.some((p) => c.id.startsWith(p)) &&
        !(c.deleted && Number(c.seq) <= this.rekeySeq) &&
        !(c.doc && isShippedDefault(c.doc)) &&
        !(c.doc && this.state.countyWritten?.[c.id] === (c.doc as { _rev?: string })._rev) &&
        (!accept || accept(c.id)),
      onProgress: (written) => {
        this.progress = { pushed: written, pulled: this.progress?.pulled ?? 0 };
      },
    });
    refused.push(...result.refused);
    return { written: result.written, failures: result.refused.length };
  }

  private async pull(target: P.Database, source: P.Database, name: string, pushed: { written: number }): Promise<void> {
    const before = this.progress?.pulled ?? 0;
    const screening: Screening = { source: name, refused: [], passed: [] };
    try {
      await replicate(source, target, {
        home: target,
        pair: `pull ${this.connection!.url} ${name}`,
        diff: true,
        // A document that fails its schema never reaches the copy the station reads.
        accept: (c) => c.deleted || !c.doc || this.screen(screening, c.doc as Record<string, unknown>),
        onProgress: (written) => {
          this.progress = { pushed: pushed.written, pulled: before + written };
        },
      });
    } finally {
      await this.keepAside(screening);
    }
  }

  /** true if a pulled document is valid; otherwise it is noted for the quarantine list. */
  private screen(screening: Screening, doc: Record<string, unknown>): boolean {
    const id = typeof doc._id === 'string' ? doc._id : '';
    if (doc._deleted === true) return true;
    const problem = documentProblem(doc);
    if (!problem) {
      screening.passed.push(id);
      return true;
    }
    const rev = typeof doc._rev === 'string' ? doc._rev : '';
    screening.refused.push({ id, rev, source: screening.source, field: problem.field, messageKey: problem.messageKey, at: this.ctx.now() });
    return false;
  }

  /** Records what a pull kept aside; a valid revision of a record kept aside before releases it. */
  private async keepAside(screening: Screening): Promise<void> {
    const stored = (await getOrNull<QuarantineDoc>(this.ctx.db, '_local/quarantine')) ?? { _id: '_local/quarantine' as const, items: [] };
    const key = (q: { source: string; id: string }) => `${q.source} ${q.id}`;
    const replaced = new Set([...screening.passed.map((id) => key({ source: screening.source, id })), ...screening.refused.map(key)]);
    const kept = stored.items.filter((q) => !replaced.has(key(q)));
    if (screening.refused.length === 0 && kept.length === stored.items.length) return;
    const items = [...screening.refused, ...kept].slice(0, QUARANTINE_KEPT);
    await this.ctx.db.put({ ...stored, items });
  }

  /** Documents pulled from the county that failed their schema, newest first. */
  async quarantined(): Promise<QuarantineView[]> {
    const stored = await getOrNull<QuarantineDoc>(this.ctx.db, '_local/quarantine');
    return [...(stored?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  }

  /**
   * The county's decisions in the station's database (reviews, unlocks, resolutions), found by
   * their id prefixes: reading the whole changes feed would mean reading back everything the
   * station itself just sent. Only the id index is read, then the revisions missing here.
   */
  private async pullFromCounty(remote: P.Database): Promise<void> {
    const screening: Screening = { source: this.ownDbName(), refused: [], passed: [] };
    try {
      await this.pullDecisions(remote, screening);
    } finally {
      await this.keepAside(screening);
    }
  }

  private async pullDecisions(remote: P.Database, screening: Screening): Promise<void> {
    for (const prefix of FROM_COUNTY) {
      const rows = (await remote.allDocs<object>(prefixRange(prefix))).rows;
      if (rows.length === 0) continue;
      const missing = await this.ctx.db.revsDiff(Object.fromEntries(rows.map((r) => [r.id, [r.value.rev]])));
      const wanted = Object.entries(missing).flatMap(([id, m]) => (m.missing ?? []).map((rev) => ({ id, rev })));
      for (let i = 0; i < wanted.length; i += 500) {
        const got = await remote.bulkGet({ docs: wanted.slice(i, i + 500), revs: true });
        const docs = got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d && this.screen(screening, d.ok as unknown as Record<string, unknown>) ? [d.ok] : [])));
        if (docs.length > 0) await this.ctx.db.bulkDocs(docs, { new_edits: false });
        this.progress = { pushed: this.progress?.pushed ?? 0, pulled: (this.progress?.pulled ?? 0) + docs.length };
        for (const doc of docs) if (isResolutionNotice(doc)) await this.applyResolution(remote, doc, screening);
      }
    }
  }

  /**
   * A conflict the county resolved: the revisions it wrote into this station's database (the
   * merged record, or the deletion of this station's copy) come in with their history, so the
   * station holds what the county holds and stops sending the replaced revision. A change the
   * clerk made meanwhile stays a live branch and goes up as a new conflict for the county.
   */
  private async applyResolution(remote: P.Database, notice: ResolutionNoticeDoc, screening: Screening): Promise<void> {
    if (notice.revs.length === 0) return;
    const missing = (await this.ctx.db.revsDiff({ [notice.targetId]: notice.revs }))[notice.targetId]?.missing ?? [];
    if (missing.length === 0) return;
    const got = await remote.bulkGet({ docs: missing.map((rev) => ({ id: notice.targetId, rev })), revs: true });
    // The county's merged record is checked like any other pulled document.
    const docs = got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d && this.screen(screening, d.ok as unknown as Record<string, unknown>) ? [d.ok] : [])));
    if (docs.length === 0) return;
    await this.ctx.db.bulkDocs(docs, { new_edits: false });
    const current = await getOrNull<{ _rev: string }>(this.ctx.db, notice.targetId);
    const written = { ...this.state.countyWritten, ...(current && notice.revs.includes(current._rev) ? { [notice.targetId]: current._rev } : {}) };
    this.state = { ...this.state, countyWritten: written, _rev: (await this.ctx.db.put({ ...this.state, countyWritten: written })).rev };
  }

  /** The county's reference data as last pulled from county_ref (read-only here). */
  referenceDb(): P.Database {
    this.reference ??= openLocalDb(path.join(this.dataDir, 'reference'));
    return this.reference;
  }

  /** A township's villages, from the county's station directory. */
  private villagesOf(township: string): string[] {
    return this.directory.filter((code) => code.length === 12 && code.startsWith(township));
  }

  /** Station codes in the pulled directory (county_ref `station:` documents of this county). */
  private directory: string[] = [];

  async loadDirectory(): Promise<void> {
    const county = this.ctx.station().placeCode.slice(0, 6);
    const rows = await this.referenceDb().allDocs<{ type?: string; placeCode?: string }>({ include_docs: true, ...prefixRange(ID_PREFIX.station) });
    this.directory = rows.rows.flatMap((r) => (r.doc?.type === 'station' && r.doc.placeCode?.startsWith(county) ? [r.doc.placeCode] : []));
  }

  /**
   * Relay copies: the villages a township reads are pulled; whatever a file import put into a
   * relay copy (at a township or county machine) is pushed to that station's database.
   */
  private async syncRelays(township: string | null, refused: { id: string; reason: string }[]): Promise<void> {
    await this.loadDirectory();
    const pullFrom = township ? this.villagesOf(township) : [];
    const places = [...new Set([...pullFrom, ...this.relayPlaces()])];
    for (const code of places) {
      const local = this.relay(code);
      const name = `station_${code}`;
      const server = this.serverDb(name);
      // The relay copy holds what was pulled from the same database: ask before sending.
      const pushed = await replicate(local, server, { home: local, pair: `push ${this.connection!.url} ${name}`, diff: true });
      refused.push(...pushed.refused);
      if (pullFrom.includes(code)) await this.pull(local, server, name, pushed);
    }
  }

  /**
   * Tells the county this station synced, so it can list stations gone silent. Written straight
   * to the server (never a local record), at most hourly so an idle station adds no revisions.
   */
  private async heartbeat(remote: P.Database, user: SessionUser): Promise<void> {
    const now = this.ctx.now();
    if (this.state.heartbeatAt && Date.parse(now) - Date.parse(this.state.heartbeatAt) < HEARTBEAT_EVERY_MS) return;
    const place = this.ctx.station().placeCode;
    const id = `heartbeat:${place}`;
    const existing = await remote.get<{ createdBy: string; createdAt: string }>(id).catch(() => null);
    const stamp = this.ctx.stamp(user, place);
    await remote.put({
      _id: id,
      ...(existing ? { _rev: existing._rev } : {}),
      type: 'heartbeat',
      ...stamp,
      ...(existing ? { createdBy: existing.createdBy, createdAt: existing.createdAt } : {}),
      lastSyncAt: now,
    });
    const next = { ...this.state, heartbeatAt: now };
    this.state = { ...next, _rev: (await this.ctx.db.put(next)).rev };
  }
}

/**
 * The policy parameters shipped with the app are the same at every station: sent up, they would
 * meet as conflicts in the county aggregate (one id, a revision per station). They stay here; the
 * county's confirmed, dated values come down from county_ref.
 */
export function isShippedDefault(doc: object): boolean {
  const d = doc as { type?: unknown; isDefault?: unknown };
  return d.type === 'policy' && d.isDefault === true;
}

function isResolutionNotice(doc: object): doc is ResolutionNoticeDoc {
  const d = doc as Partial<ResolutionNoticeDoc>;
  return d.type === 'resolution' && typeof d.targetId === 'string' && Array.isArray(d.revs) && d.revs.every((r) => typeof r === 'string');
}

/**
 * Changes read per page when bringing the waiting set forward. Small: after a start, a station
 * that has never pushed reads every change once, and a clerk's call waits for a page at most.
 */
const CHANGED_PAGE = 500;

/** What a county station sends to county_ref: the reference data its staff edit. */
const REFERENCE_PREFIXES = documents.REFERENCE_PREFIXES;
function isReferenceId(id: string): boolean {
  return REFERENCE_PREFIXES.some((p) => id.startsWith(p));
}

const HEARTBEAT_EVERY_MS = 3_600_000;

/** What the county writes into a station's database. */
const FROM_COUNTY = documents.FROM_COUNTY;
/** Documents that come from the county server (its decisions, the station's heartbeat echo). */
const FROM_SERVER = documents.FROM_SERVER;

/** Not records: batch manifests and heartbeats (bookkeeping) and what the county writes (reviews, unlocks, resolutions). */
export const BOOKKEEPING: readonly string[] = documents.BOOKKEEPING;
/** Ids that never wait to go up: `_design/`, `_local/` and the bookkeeping above. */
const NOT_SENT = documents.NOT_SENT;

export interface FileDelivery {
  /** A receipt confirmed this revision reached the county on a file. */
  delivered(id: string, rev: string): boolean;
  /** A receipt came back for this batch. */
  receipted(batchId: string): boolean;
}

/** Counts of a batch's documents by type (the id's prefix). */
export function countByType(docs: { id: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of docs) {
    const type = d.id.slice(0, d.id.indexOf(':'));
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/** sha256 over "id rev" lines in id order: the county recomputes it from the documents it got. */
export function batchChecksum(docs: { id: string; rev: string }[]): string {
  const hash = createHash('sha256');
  for (const d of docs) hash.update(`${d.id} ${d.rev}\n`);
  return `sha256:${hash.digest('hex')}`;
}
