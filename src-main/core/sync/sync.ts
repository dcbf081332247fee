// Sync with the county's CouchDB (replication protocol only, so any CouchDB 3.x works): the
// station pushes its database to `station_<place>` on the county server and pulls back what the
// county writes there (reviews). The status is honest: the last success, what is waiting, the
// failure and its reason; never "done" after a timeout.
// This file holds SyncService, the coordinator: live scheduling, connecting, one sync run (push,
// pulls, relays); the parts it coordinates live beside it (credentials, http, relays, waiting,
// batches, runs, quarantine, decisions, heartbeat, state).
import type { PouchDB as P } from 'pouchdb-node';
import type { BatchView, QuarantineView, ResolutionView, SessionUser, SyncFailure, SyncStatus } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import type { SecretBox } from './secretBox';
import { getOrNull } from '../store/db';
import * as documents from '../../../shared/documents/registry';
import { fieldError } from '../validation';
import { stationLevel } from '../../../shared/places';
import { deriveCountyKeys, readCredentials, signingPublicKey, withSigningKey, writeCredentials, type CountyConnection, type CountyKeys, type CountySecretDoc } from './credentials';
import { classifyFailure, countyFetch, openRemote, probeAccount } from './http';
import { RelayCopies, type FillingListener } from './relays';
import { WaitingSet, type LockedRecords } from './waiting';
import { BatchBuilder, listBatches, type FileDelivery } from './batches';
import { quarantined } from './quarantine';
import { pullScreened, pushStation, syncRelayCopies, type Progress, type PushRules, type RunContext } from './runs';
import { pullFromCounty, resolutions } from './decisions';
import { CountsAhead, heartbeat } from './heartbeat';
import { SyncStateStore } from './state';

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

export interface SyncPeers {
  /** The USB transfer: which revisions a receipt confirmed (see transfer/). */
  fileDelivery(): FileDelivery | null;
  /** The county's identity key arrived: the core re-keys its residents (station/rekey.ts). */
  countyKeys(keys: CountyKeys): Promise<void>;
  /** The records the county locked (their changes came with the pull: never waiting). */
  locks: LockedRecords;
}

export class SyncService {
  private connection: CountyConnection | null = null;
  private running: Promise<SyncStatus> | null = null;
  private syncing = false;
  private lastAttemptAt: string | null = null;
  private failure: SyncFailure | null = null;
  private progress: Progress = null;
  private timer: NodeJS.Timeout | null = null;
  private statusTimer: NodeJS.Timeout | null = null;
  private nextAttemptAt: number | null = null;
  private failures = 0;
  private stopped = false;
  private secret: CountySecretDoc | null = null;
  /** The local update sequence after the county key re-keyed this station (0: never). */
  private rekeySeq = 0;
  private readonly state: SyncStateStore;
  private readonly copies: RelayCopies;
  private readonly waitingSet: WaitingSet;
  private readonly batchBuilder: BatchBuilder;
  private readonly runContext: RunContext;
  private readonly pushRules: PushRules;

  constructor(
    private readonly ctx: CoreContext,
    private readonly dataDir: string,
    private readonly changed: (status: SyncStatus) => void,
    private readonly timing: SyncTiming = DEFAULT_SYNC_TIMING,
    private readonly secretBox: SecretBox | null = null,
    /** What sync asks of the others: the USB receipts (transfer), and the core's re-keying when the county's identity key arrives. */
    private readonly peers: SyncPeers = { fileDelivery: () => null, countyKeys: async () => undefined, locks: { version: 0, lockedIds: () => [] } },
  ) {
    this.state = new SyncStateStore(ctx.db);
    this.copies = new RelayCopies(dataDir);
    this.waitingSet = new WaitingSet(ctx, this.state, { notSent: NOT_SENT, isReference: isReferenceId, changedPage: CHANGED_PAGE }, () => this.peers.fileDelivery(), peers.locks);
    this.batchBuilder = new BatchBuilder(ctx, this.state, BOOKKEEPING);
    this.runContext = {
      ctx,
      url: () => this.connection!.url,
      progress: () => this.progress,
      setProgress: (progress) => (this.progress = progress),
    };
    this.pushRules = { fromServer: FROM_SERVER, rekeySeq: () => this.rekeySeq, state: this.state };
  }

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

  /** Stops live sync and lets a running sync finish (its requests have deadlines). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.waitingSet.close();
    await this.copies.close();
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

  /** The station's private signing key (its USB files are signed with it); null when not connected. */
  signingKey(): string | null {
    return this.connection?.signingKey ?? null;
  }

  /** A database on the county server, opened with this station's account and request deadlines. */
  serverDb(name: string): P.Database {
    return this.remote(this.requireConnection(), name);
  }

  /** A plain request to the county server with this station's account (views, `_local` documents). */
  async serverFetch(pathAndQuery: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
    return countyFetch(this.requireConnection(), pathAndQuery, init, this.timing.requestTimeoutMs);
  }

  /** The local copy of another station's documents (see RelayCopies.relay). */
  relay(placeCode: string): P.Database {
    return this.copies.relay(placeCode);
  }

  /** Facts kept of relay copies take what a first pull stores in hand (see RelayCopies.onFilling). */
  onRelayFilling(listener: FillingListener): void {
    this.copies.onFilling(listener);
  }

  /** Stations whose documents this machine holds a relay copy of. */
  relayPlaces(): string[] {
    return this.copies.relayPlaces();
  }

  /** A township's villages that have a station, from the county's directory (the payroll expects each). */
  villagesOf(township: string): string[] {
    return this.copies.villagesOf(township);
  }

  /** The county's reference data as last pulled from county_ref (read-only here). */
  referenceDb(): P.Database {
    return this.copies.referenceDb();
  }

  /** Reads the county's station directory (this county's stations) from the reference copy. */
  async loadDirectory(): Promise<void> {
    await this.copies.loadDirectory(this.ctx.station().placeCode.slice(0, 6));
  }

  async load(): Promise<void> {
    await this.state.load();
    this.secret = await getOrNull<CountySecretDoc>(this.ctx.db, '_local/county-secret');
    this.rekeySeq = (await getOrNull<{ seq: number }>(this.ctx.db, '_local/rekey'))?.seq ?? 0;
    this.connection = await readCredentials(this.dataDir, this.secretBox);
    // Connected before stations had signing keys: its pair is made now (kept like the password).
    if (this.connection && !this.connection.signingKey) await writeCredentials(this.dataDir, this.secretBox, (this.connection = withSigningKey(this.connection, null)));
    // Whatever waits from the last run goes up once the station is open.
    this.schedule(this.timing.debounceMs);
  }

  private remote(connection = this.connection!, name = this.ownDbName(connection.placeCode)): P.Database {
    return openRemote(connection, name, this.timing.requestTimeoutMs);
  }

  /**
   * What the next batch carries: every record changed here since the last successful push began
   * (its current revision, in id order), except what a receipt says reached the county on a file.
   */
  async waitingDocs(): Promise<{ id: string; rev: string }[]> {
    return this.waitingSet.docs();
  }

  async status(waiting?: number): Promise<SyncStatus> {
    const state = this.state.value;
    return {
      connected: this.connection !== null,
      server: this.connection ? { url: this.connection.url, username: this.connection.username, placeCode: this.connection.placeCode } : null,
      state: this.syncing ? 'syncing' : this.failure ? 'failed' : state.lastSuccessAt ? 'idle' : 'never',
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: this.lastAttemptAt,
      waiting: waiting ?? (await this.waitingSet.count()),
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
    // A setup code's key is the only one trusted: the server's copy (a _local document, which the
    // server's validation never sees) is read only when the clerk typed the account by hand.
    const fromCode = connection.countySecret ?? null;
    const secretDb = fromCode === null ? this.secretDbName(station.placeCode) : null;
    const probe = await probeAccount(connection, () => this.remote(connection, this.ownDbName()), secretDb, Math.min(15_000, this.timing.requestTimeoutMs));
    const reason = probe.reason;
    const secret = fromCode ?? probe.secret ?? null;
    // The setup code alone is enough for USB files (its key seals them): whatever keeps the server
    // from answering (no network, a proxy, a server down), the code is kept and the sync waits;
    // only a password the server refused is refused here.
    const offlineWithSecret = secret !== null && reason !== 'credentials';
    if (reason && !offlineWithSecret) fail(fieldError(reason === 'credentials' ? 'password' : 'url', `errors.sync.${reason}`));
    if (secret) await this.adoptSecret(station.placeCode.slice(0, 6), secret);
    const { url, username, password, placeCode, signingKey } = connection;
    const kept = withSigningKey({ url, username, password, placeCode, connectedBy: user.loginName, ...(signingKey ? { signingKey } : {}) }, this.connection);
    await writeCredentials(this.dataDir, this.secretBox, kept);
    this.connection = kept;
    this.failure = reason ? { reason, messageKey: `errors.sync.${reason}`, refused: [] } : null;
    this.failures = reason ? 1 : 0;
    this.schedule(reason ? this.timing.backoffBaseMs : this.timing.debounceMs);
    const status = await this.status();
    this.changed(status);
    return status;
  }

  private async adoptSecret(county: string, key: string): Promise<void> {
    if (this.secret?.county === county && this.secret.key === key) return;
    await this.peers.countyKeys(deriveCountyKeys(county, key));
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
    return this.state.value.lastSuccessAt !== null;
  }

  /** The station's batches, newest first, with what the county decided. */
  async batches(): Promise<BatchView[]> {
    return listBatches(this.ctx, this.state.value, this.peers.fileDelivery());
  }

  /** The county's notices of resolved conflicts that involved this station, newest first. */
  async resolutions(): Promise<ResolutionView[]> {
    return resolutions(this.ctx);
  }

  /** Documents pulled from the county that failed their schema, newest first. */
  async quarantined(): Promise<QuarantineView[]> {
    return quarantined(this.ctx.db);
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
      // The county's decisions come down first, with the records they lock or unlock: a change
      // made here that crossed the county's acceptance is set aside before the push, never sent
      // (countyLocks.ts). Only what the county wrote comes down: the station's own documents are here already.
      if (level !== 'county') {
        await pullFromCounty(remote, {
          ctx: this.ctx,
          state: this.state,
          source: this.ownDbName(),
          fromCounty: FROM_COUNTY,
          pulled: (count) => {
            this.progress = { pushed: this.progress?.pushed ?? 0, pulled: (this.progress?.pulled ?? 0) + count };
          },
        });
      }
      // A county station sends only the reference data its staff edit (to county_ref): no batch.
      const batchId = level === 'county' ? null : await this.batchBuilder.open();
      // (Counting what waits means reading every change: the last count does while syncing.)
      this.changed(await this.status(this.waitingSet.lastCount));
      const startSeq = (await this.ctx.db.info()).update_seq;
      const refused: { id: string; reason: string }[] = [];
      // Once the push has stored something a heartbeat will go out: its work list counts start
      // while the push waits on the server, and again as each page of a village a township pulls
      // is stored (the station waits on the server's next page meanwhile).
      const counts = new CountsAhead(this.ctx);
      const stored = batchId
        ? (docs: { id: string; rev: string }[]) => {
            counts.start();
            return this.batchBuilder.addPart(batchId, docs);
          }
        : undefined;
      const pushed = await pushStation(this.runContext, remote, this.ownDbName(), this.pushRules, refused, level === 'county' ? isReferenceId : undefined, stored);
      if (batchId) {
        await this.batchBuilder.close(batchId, user, remote);
        await this.state.update({ pendingBatch: null });
      }
      // Reference data the county edits (policy parameters, posts, courses, the station directory).
      // (A server set up by hand without county_ref has none to give.)
      await pullScreened(this.runContext, this.referenceDb(), this.serverDb('county_ref'), 'county_ref', pushed).catch((error: unknown) => {
        if ((error as { status?: number }).status !== 404) throw error;
      });
      // A township reads its villages (read-only); files imported here go up to their stations.
      await this.loadDirectory();
      await syncRelayCopies(this.runContext, this.copies, (name) => this.serverDb(name), level === 'township' ? place : null, refused, () => counts.nudge());
      if (refused.length > 0 || pushed.failures > 0) {
        // The rest went up; these documents stay waiting until corrected.
        this.failure = { reason: 'refused', messageKey: 'errors.sync.refused', refused };
      } else {
        this.failure = null;
        await this.state.update({ lastSuccessAt: this.ctx.now(), pushedSeq: startSeq, pendingBatch: null });
        // A sync that carried something is news for the county's list of stations at once (an
        // audit entry makes no batch to date it); an idle one tells it hourly.
        await counts.settled();
        if (level !== 'county') await heartbeat(this.ctx, this.state, remote, user, pushed.written > 0 ? 0 : HEARTBEAT_EVERY_MS, this.connection?.signingKey ? signingPublicKey(this.connection.signingKey) : undefined);
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

// The names other modules imported from here before the sync was split.
export { deriveCountyKeys, parseSetupCode, type CountyConnection, type CountyKeys } from './credentials';
export { classifyFailure } from './http';
export { batchChecksum, countByType, type FileDelivery } from './batches';
export { isShippedDefault } from './waiting';
