// The station core: one object per data folder that answers the typed handlers. The carriers
// (src-main/host) pass it raw messages; every argument is validated here, because the renderer
// is untrusted.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ageOn, checkIdNumber } from '../../shared/id/idNumber';
import { maskIdNumber, maskPhone } from '../../shared/id/mask';
import { placeChildren, placeLevel, placeName, placePath, placeWithin, isKnownPlace, stationLevel } from '../../shared/places';
import { retirementDate } from '../../shared/policy/retirement';
import { LeyeError, type RpcError } from '../../shared/rpc/errors';
import {
  handlers,
  isHandlerName,
  type HandlerName,
  type ParsedArgsOf,
  type PushEvents,
  type PushName,
  type ResidentView,
  type ResultOf,
  type SessionUser,
  type StationStatus,
} from '../../shared/rpc/handlers';
import type { Registration, ResidentRegisterData } from '../../shared/residents/schema';
import type { PouchDB as P } from 'pouchdb-node';
import type { CoreContext } from './context';
import { fakeResidents } from './station/demo';
import { LockStore } from './sync/locks';
import { PolicyStore } from './policy/policy';
import { PostsService } from './posts/posts';
import { CountyService } from './county/county';
import type { SecretBox } from './sync/secretBox';
import { BOOKKEEPING, SyncService, parseSetupCode, type SyncTiming } from './sync/sync';
import { TransferService } from './transfer/transfer';
import { TrainingService } from './training/training';
import type { ModuleDeps } from './modules';
import { printImpl } from './print/print';
import { sheetImpl } from './sheets/sheet';
import { statsImpl } from './stats/stats';
import { backupImpl, BackupService, swapStationData } from './backup/backup';
import type { RestoreResult } from '../../shared/backup/contract';
import { diagnosticsImpl, syncLogger } from './diagnostics/diagnostics';
import { StationLog } from './log/log';
import { AccessService } from './access/access';
import type { Session } from './session';
import {
  ID_PREFIX,
  SCHEMA_VERSION,
  type AttendanceDoc,
  type PolicyDoc,
  type PostDoc,
  type CourseDoc,
  type AuditDoc,
  type ResidentDoc,
  type StationConfig,
  type StationDoc,
  type UsersDoc,
} from './store/docs';
import { newIdentityKey, randomId, residentKey } from './residents/identity';
import { hashPassword } from './access/passwords';
import { ResidentIndex } from './search/residentIndex';
import { readSnapshot, writeSnapshot } from './search/snapshot';
import { getOrNull, isConflict, openStationDb, prefixRange, type StationDb } from './store/db';
import { storageFailure } from './store/storageErrors';
import { fieldError, validationError } from './validation';

export const CORE_VERSION = '0.1.0';
/** A call slower than this is logged (the design's bar for a save or a search). */
const SLOW_CALL_MS = 100;
/** How often a changed search index is saved; a crash costs at most this much replay. */
const SNAPSHOT_INTERVAL_MS = 30_000;
/** Changes replayed per read at start, so a long replay never holds every document at once. */
const CATCH_UP_BATCH = 2000;

export type { Session } from './session';

export interface CoreOptions {
  dataDir: string;
  /** Tests and the benchmark pin the clock. */
  clock?: () => Date;
  /**
   * Milliseconds from any origin, never going back: how long a session has been idle. Apart from
   * `clock` so that neither a wall-clock change nor a test's pinned date locks anyone; tests move it.
   */
  monotonic?: () => number;
  durable?: boolean;
  /** Tests shorten live sync's waits. */
  syncTiming?: SyncTiming;
  /** Seals the county credentials at rest (the app's key store); none in the Node host. */
  secretBox?: SecretBox;
  /** Tests look for a due backup sooner (or never: firstCheckMs Infinity). */
  backupSchedule?: { checkIntervalMs?: number; firstCheckMs?: number };
  /** The station's log (default: <dataDir>/logs/leye.log, 1 MB × 5). */
  log?: StationLog;
}

export type Reply = { ok: true; value: unknown } | { ok: false; error: RpcError };

type Impl = { [N in HandlerName]: (args: ParsedArgsOf<N>, session: Session) => Promise<ResultOf<N>> };

const DEMO_LOGIN = { loginName: 'demo', password: 'demo1234' };
/** 济南市历下区解放路街道解放桥社区: a real place for the demo station. */
const DEMO_PLACE = '370102001002';

function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export class Core {
  private readonly events = new EventEmitter();
  private readonly index = new ResidentIndex();
  private config: StationConfig | null = null;
  // Built before the handler map below, which spreads its handlers; field initialisers run before
  // the constructor body, so it reaches the database, clock and context lazily.
  private readonly access = new AccessService(() => this.db, () => this.clock(), () => this.monotonic(), () => this.ctx);
  private readonly policies: PolicyStore;
  private readonly ctx: CoreContext;
  private readonly posts: PostsService;
  private readonly training: TrainingService;
  private readonly sync: SyncService;
  private readonly county: CountyService;
  private readonly transfer: TransferService;
  private readonly locks = new LockStore();
  private machine = os.hostname();
  private changes: P.Changes<object> | null = null;
  private referenceChanges: P.Changes<object> | null = null;
  private pendingChanged = new Set<string>();
  private pushTimer: NodeJS.Timeout | null = null;
  private readonly clock: () => Date;
  private readonly monotonic: () => number;
  private readonly dataDir: string;
  private indexedSeq: number | string = 0;
  private savedSeq: number | string = -1;
  private snapshotSaving = false;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private readonly backups: BackupService;
  /** After a restore: the core opened on the restored data, which answers from then on. */
  private successor: Promise<Core> | null = null;
  /** A restore is checking and loading its file (a second one waits its turn). */
  private restoring = false;
  /** Sessions that logged in to this core (after a restore, earlier logins no longer count). */
  private readonly loggedIn = new WeakSet<Session>();
  private readonly log: StationLog;

  private constructor(
    readonly db: StationDb,
    private readonly options: CoreOptions,
  ) {
    this.dataDir = options.dataDir;
    this.log = options.log ?? new StationLog({ dir: path.join(options.dataDir, 'logs') });
    const logSync = syncLogger(this.log);
    this.policies = new PolicyStore(db);
    const machine = () => this.machine;
    this.ctx = {
      db,
      policies: this.policies,
      residents: this.index,
      residentsIndexed: async () => {
        await this.whenIndexed(30_000);
      },
      get machine() {
        return machine();
      },
      now: () => this.now(),
      today: () => this.today(),
      localTime: (iso) => {
        const d = new Date(iso);
        return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      },
      station: () => this.requireStation(),
      stamp: (user, placeCode) => this.stamp(user, placeCode),
      residentDoc: async (id) => (await getOrNull<ResidentDoc>(this.db, id)) as (ResidentDoc & { _rev: string }) | null,
      residentIdFor: (idNumber) => `${ID_PREFIX.resident}${residentKey(this.requireStation().identityKey, idNumber)}`,
      registerResident: (data, user) => this.registerResident(data, user),
      buildResident: (data, user) => this.buildResident(data, user, this.requireStation()),
      storeNewResidents: async (docs) => {
        this.locks.assertUnlocked(docs.map((d) => d._id));
        const results = await this.db.bulkDocs(docs);
        const stored: string[] = [];
        const conflicts: string[] = [];
        results.forEach((r, i) => {
          const doc = docs[i]!;
          if ('rev' in r && r.ok !== false) {
            this.index.upsert({ ...doc, _rev: r.rev });
            stored.push(doc._id);
          } else if ('status' in r && r.status === 409) conflicts.push(doc._id);
          else throw new Error(`bulk write failed: ${'error' in r ? String(r.error) : 'unknown'}`);
        });
        return { stored, conflicts };
      },
      assertUnlocked: (ids) => this.locks.assertUnlocked(ids),
      write: async (doc) => {
        // The audit log is append-only: entries are created by `audit` alone, never rewritten.
        if (doc._id.startsWith(ID_PREFIX.audit)) throw new Error('audit entries are never rewritten');
        this.locks.assertUnlocked([doc._id]);
        try {
          const result = await this.db.put(doc);
          return { ...doc, _rev: result.rev };
        } catch (error) {
          if (isConflict(error)) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.conflict' });
          throw error;
        }
      },
      audit: async (user, action, targetId, field, reason) => {
        const config = this.requireStation();
        const audit: AuditDoc = {
          _id: `${ID_PREFIX.audit}${this.now()}:${randomId(8)}`,
          type: 'audit',
          action,
          targetId,
          field,
          reason,
          ...this.stamp(user, config.placeCode),
        };
        await this.db.put(audit);
        // In the log's index at once (the changes feed brings it too, a moment later).
        this.access.auditChanged(audit._id, audit, false);
        return audit._id;
      },
    };
    this.posts = new PostsService(this.ctx);
    this.training = new TrainingService(this.ctx);
    this.sync = new SyncService(this.ctx, options.dataDir, (status) => {
      logSync(status);
      this.emit('sync.changed', status);
    }, options.syncTiming, options.secretBox ?? null);
    this.county = new CountyService(this.ctx, this.sync);
    this.transfer = new TransferService(this.ctx, this.sync);
    this.sync.setFileDelivery(this.transfer);
    this.sync.setSecretListener((keys) => this.adoptIdentityKey(keys.identityKey));
    this.clock = options.clock ?? (() => new Date());
    this.monotonic = options.monotonic ?? (() => performance.now());
    this.events.setMaxListeners(0);
    this.backups = new BackupService({
      dataDir: options.dataDir,
      db,
      station: () => this.config,
      clock: () => this.clock(),
      // Other stations' documents held here (a village's USB file imported at a township) until the next sync.
      relays: () => this.sync.relayPlaces().map((place) => ({ place, db: this.sync.relay(place) })),
      ...options.backupSchedule,
    });
  }

  /** Opens the station in a data folder and builds the in-memory indexes before answering. */
  static async open(options: CoreOptions): Promise<Core> {
    const core = new Core(openStationDb(options.dataDir, { durable: options.durable ?? true }), options);
    try {
      await core.load();
    } catch (error) {
      // A data folder on a read-only or full disk is said so at start, like any refused write.
      const failure = storageFailure(error);
      if (!failure) throw error;
      await core.db.close().catch(() => undefined);
      throw new LeyeError(failure);
    }
    core.log.info('core.open', { version: CORE_VERSION, residents: core.residentCount });
    return core;
  }

  private async load(): Promise<void> {
    this.config = await getOrNull<StationConfig>(this.db, '_local/station');
    await this.access.load();
    this.machine = await this.machineName();
    await this.policies.cache.ensure(this.db);
    await this.locks.reviews.ensure(this.db);
    await this.locks.unlocks.ensure(this.db);
    await this.transfer.load();
    await this.sync.load();
    if (this.sync.isConnected()) await this.followReference();
    const updateSeq = (await this.db.info()).update_seq;
    // A snapshot ahead of the database belongs to other data (a restored or replaced folder).
    const snapshot = await readSnapshot(this.snapshotFile).then((s) => (s && Number(s.seq) <= Number(updateSeq) ? s : null));
    let since: number | string;
    if (snapshot) {
      this.index.load(snapshot.columns);
      since = snapshot.seq;
      this.savedSeq = snapshot.seq;
    } else {
      // No usable snapshot: read every resident once (slow at scale) and save a snapshot soon.
      since = updateSeq;
      const residents = await this.db.allDocs<ResidentDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.resident) });
      for (const row of residents.rows) if (row.doc) this.index.upsert(row.doc);
    }
    this.indexedSeq = since;
    // Replay what happened after the snapshot, then follow everything written from now on:
    // own writes and, later, replication.
    for (;;) {
      const missed = await this.db.changes<object>({ since: this.indexedSeq, include_docs: true, limit: CATCH_UP_BATCH });
      for (const change of missed.results) this.applyChange(change);
      if (missed.results.length < CATCH_UP_BATCH) break;
    }
    this.pendingChanged.clear();
    this.changes = this.db
      .changes<object>({ since: this.indexedSeq, live: true, include_docs: true })
      .on('change', (change) => this.applyChange(change))
      .on('error', () => undefined);
    this.snapshotTimer = setInterval(() => void this.saveSnapshot(), SNAPSHOT_INTERVAL_MS);
    this.snapshotTimer.unref();
    await this.backups.load();
    if (this.options.backupSchedule?.firstCheckMs !== Infinity) this.backups.start();
  }

  /** The small document sets kept in memory, each fed by the changes feed. */
  private get caches() {
    return [this.policies.cache, this.locks.reviews, this.locks.unlocks, this.posts.posts, this.posts.assignments, this.posts.closes, this.training.sessions, this.training.enrolments, this.training.courses];
  }

  /** Loads the in-memory document sets a handler needs, the first time one asks. */
  private async ensureCaches(name: HandlerName): Promise<void> {
    const area = name.slice(0, name.indexOf('.'));
    const caches =
      area === 'posts' || area === 'attendance'
        ? [this.posts.posts, this.posts.assignments, this.posts.closes]
        : area === 'training' || area === 'courses'
          ? [this.training.sessions, this.training.enrolments, this.training.courses]
          : // Forms, spreadsheets and statistics read posts and training alike.
            area === 'print' || area === 'sheet' || area === 'stats'
            ? [this.posts.posts, this.posts.assignments, this.posts.closes, this.training.sessions, this.training.enrolments]
            : [];
    for (const cache of caches) await cache.ensure(this.db);
  }

  /** "hostname (id)": a stable id per data folder, so sign-ins say which machine took them. */
  private async machineName(): Promise<string> {
    const existing = await getOrNull<{ _id: string; id: string }>(this.db, '_local/machine');
    const id = existing?.id ?? randomId(8);
    if (!existing) await this.db.put({ _id: '_local/machine', id });
    return `${os.hostname()} (${id})`;
  }

  private get snapshotFile(): string {
    return path.join(this.dataDir, 'search-index.json');
  }

  /** Saves the search index if it changed since the last save; never fails the caller. */
  private async saveSnapshot(): Promise<void> {
    // Any change moves the sequence on, residents or not: a snapshot behind it means replaying
    // every later document at the next start.
    if (this.indexedSeq === this.savedSeq || this.snapshotSaving) return;
    this.snapshotSaving = true;
    const seq = this.indexedSeq;
    try {
      await writeSnapshot(this.snapshotFile, { seq, columns: this.index.columns() });
      this.savedSeq = seq;
    } catch {
      // Kept behind: the next interval tries again.
    } finally {
      this.snapshotSaving = false;
    }
  }

  private applyChange(change: P.Change<object>): void {
    const id = change.id;
    this.indexedSeq = change.seq;
    // A record changed here goes up soon; what the county sent (reviews, unlocks) does not.
    if (!BOOKKEEPING.some((p) => id.startsWith(p))) this.sync.localChange();
    if (id.startsWith(ID_PREFIX.resident)) {
      if (change.deleted) this.index.remove(id);
      else if (change.doc) this.index.upsert(change.doc as unknown as ResidentDoc);
      this.pendingChanged.add(id);
      this.schedulePush();
    } else if (id.startsWith(ID_PREFIX.attendance)) {
      if (change.doc && !change.deleted) this.posts.applyAttendance(change.doc as unknown as AttendanceDoc & { _rev: string });
    } else if (id.startsWith(ID_PREFIX.audit)) {
      this.access.auditChanged(id, change.doc as { action?: unknown; createdBy?: unknown } | undefined, change.deleted === true);
    } else {
      for (const cache of this.caches) if (cache.accepts(id)) cache.apply(change);
    }
  }

  private schedulePush(): void {
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      const ids = [...this.pendingChanged];
      this.pendingChanged.clear();
      this.emit('residents.changed', { ids });
    }, 30);
  }

  private emit<E extends PushName>(event: E, payload: PushEvents[E]): void {
    this.events.emit('push', event, payload);
  }

  onPush(listener: (event: PushName, payload: unknown) => void): () => void {
    this.events.on('push', listener);
    return () => this.events.off('push', listener);
  }

  /**
   * Resolves once the index has applied every change the database had when called (bulk
   * writes are indexed by the changes feed at PouchDB's pace, about 5,000 documents a second).
   */
  async whenIndexed(timeoutMs = 120_000): Promise<boolean> {
    const target = Number((await this.db.info()).update_seq);
    const deadline = Date.now() + timeoutMs;
    while (Number(this.indexedSeq) < target) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return true;
  }

  /**
   * Policy parameters the county edits arrive in the reference copy of county_ref; they join the
   * station's own (a county's revision of a shipped default wins, being the later revision).
   */
  private async followReference(): Promise<void> {
    if (this.referenceChanges) return;
    const county = this.requireStation().placeCode.slice(0, 6);
    const reference = this.sync.referenceDb();
    const inCounty = (doc: { placeCode?: unknown } | undefined) => typeof doc?.placeCode === 'string' && doc.placeCode.startsWith(county);
    const since = (await reference.info()).update_seq;
    const existing = await reference.allDocs<PolicyDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.policy) });
    for (const row of existing.rows) if (row.doc && inCounty(row.doc)) this.policies.cache.put(row.doc);
    // Posts the county set up for this station's place (a village's own, a township's villages')
    // are used here like the station's own: holders, attendance, month sheets.
    const station = this.requireStation().placeCode;
    const forStation = (doc: { placeCode?: unknown } | undefined) => typeof doc?.placeCode === 'string' && placeWithin(doc.placeCode, station);
    const posts = await reference.allDocs<PostDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.post) });
    for (const row of posts.rows) if (row.doc && forStation(row.doc)) this.posts.posts.put(row.doc as PostDoc & { _rev: string });
    // The county's course catalogue, for the sessions stations run.
    const courses = await reference.allDocs<CourseDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.course) });
    for (const row of courses.rows) if (row.doc && inCounty(row.doc)) this.training.courses.put(row.doc as CourseDoc & { _rev: string });
    this.referenceChanges = reference
      .changes<object>({ since, live: true, include_docs: true })
      .on('change', (change) => {
        if (change.id.startsWith(ID_PREFIX.policy) && !change.deleted && inCounty(change.doc as { placeCode?: unknown })) this.policies.cache.apply(change);
        if (change.id.startsWith(ID_PREFIX.course) && !change.deleted && inCounty(change.doc as { placeCode?: unknown })) {
          this.training.courses.put(change.doc as unknown as CourseDoc & { _rev: string });
        }
        if (change.id.startsWith(ID_PREFIX.post) && !change.deleted && forStation(change.doc as { placeCode?: unknown })) {
          this.posts.posts.put(change.doc as unknown as PostDoc & { _rev: string });
        }
      })
      .on('error', () => undefined);
  }

  async close(): Promise<void> {
    if (this.successor) return (await this.successor).close();
    await this.closeOwn();
  }

  private async closeOwn(): Promise<void> {
    await this.backups.stop();
    this.referenceChanges?.cancel();
    await this.sync.stop();
    // Let the index catch up first, so the final snapshot spares the next start a long replay.
    await this.whenIndexed(60_000);
    this.changes?.cancel();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    if (this.snapshotTimer) clearInterval(this.snapshotTimer);
    while (this.snapshotSaving) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.saveSnapshot();
    await this.db.close();
    this.log.info('core.close');
  }

  get residentCount(): number {
    return this.index.size;
  }

  now(): string {
    return this.clock().toISOString();
  }

  today(): string {
    return localDay(this.clock());
  }

  /** Validates, authorises and runs one call; never throws. Logs failures and slow calls (name, time, error code: never the arguments). */
  async dispatch(session: Session, name: string, rawArgs: unknown): Promise<Reply> {
    if (this.successor) return this.forward(session, name, rawArgs);
    const started = performance.now();
    const reply = await this.dispatchUnlogged(session, name, rawArgs);
    const ms = Math.round(performance.now() - started);
    // The name comes from the untrusted caller: only a known handler's name is written.
    const handler = isHandlerName(name) ? name : '(unknown)';
    if (!reply.ok) {
      const { code, field } = reply.error;
      const level = code === 'INTERNAL' || code === 'STORAGE' ? 'error' : 'warn';
      this.log.write(level, 'handler.failed', { handler, ms, code, field, reason: reply.error.params?.reason as string | undefined });
    } else if (ms >= SLOW_CALL_MS) {
      this.log.warn('handler.slow', { handler, ms });
    }
    return reply;
  }

  private async dispatchUnlogged(session: Session, name: string, rawArgs: unknown): Promise<Reply> {
    try {
      if (!isHandlerName(name)) throw new LeyeError({ code: 'UNKNOWN_HANDLER', messageKey: 'errors.unknownHandler' });
      const spec = handlers[name];
      if (spec.access !== 'public') {
        if (!session.user) throw new LeyeError({ code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' });
        // A changed account's session ends; an idle one is locked until `auth.unlock`.
        this.access.checkSession(session, name);
        if (!spec.access.includes(session.user.role)) throw new LeyeError({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' });
      }
      const parsed = spec.args.safeParse(rawArgs ?? {}, { reportInput: true });
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      await this.ensureCaches(name);
      const run = this.impl[name] as (args: unknown, session: Session) => Promise<unknown>;
      const value = await run(parsed.data, session);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      const rpc = toRpcError(error);
      // An unexpected failure: where it happened, not its message (which may quote data).
      if (rpc.code === 'INTERNAL') this.log.error('handler.internal', { handler: name, error: error instanceof Error ? error.name : typeof error, at: firstFrame(error) });
      return { ok: false, error: rpc };
    }
  }

  /** After a restore: every window logs in again (the accounts may differ), then talks to the new core. */
  private async forward(session: Session, name: string, rawArgs: unknown): Promise<Reply> {
    let next: Core;
    try {
      next = await this.successor!;
      // A second restore chains another core: the newest one answers.
      while (next.successor) next = await next.successor;
    } catch (error) {
      return { ok: false, error: toRpcError(error) };
    }
    if (session.user && !next.loggedIn.has(session)) session.user = null;
    return next.dispatch(session, name, rawArgs);
  }

  /**
   * Restores a backup: the file is checked and loaded aside first (nothing replaced on any
   * failure); then this core closes, the data folders are swapped (the replaced data kept in
   * `replaced-<time>/`) and a core opened on the restored data answers from then on.
   */
  private async restore(args: ParsedArgsOf<'backup.restore'>, session: Session, firstRunFolder?: string): Promise<RestoreResult> {
    if (this.restoring) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.backup.busy' });
    this.restoring = true;
    let staged: Awaited<ReturnType<BackupService['stage']>>;
    try {
      // First run: a file from anywhere (a USB stick), of whichever station this machine was.
      staged = firstRunFolder === undefined ? await this.backups.stage(args, this.requireStation().placeCode) : await this.backups.stageFile(firstRunFolder, args.file, null);
    } finally {
      this.restoring = false;
    }
    // Someone set a station up while the file loaded: it stays; the first-run restore does not happen.
    if (firstRunFolder !== undefined && this.config) {
      await fs.promises.rm(staged.folder, { recursive: true, force: true });
      throw new LeyeError({ code: 'STATION_ALREADY_SET_UP', messageKey: 'errors.backup.firstRunOnly' });
    }
    let replacedFolder = '';
    let swapFailure: unknown = null;
    this.successor = (async () => {
      await this.closeOwn();
      try {
        replacedFolder = await swapStationData(this.dataDir, staged.folder, this.clock(), { relays: staged.relays });
      } catch (error) {
        swapFailure = error;
        await fs.promises.rm(staged.folder, { recursive: true, force: true }).catch(() => undefined);
      }
      // The restored data, or (the swap failed and was undone) the data as it was.
      return Core.open(this.options);
    })();
    const next = await this.successor;
    next.onPush((event, payload) => this.events.emit('push', event, payload));
    if (swapFailure) throw swapFailure;
    session.user = null;
    this.emit('station.changed', next.status({ user: null }));
    return { file: staged.file, documents: staged.documents, replacedFolder };
  }

  /** Typed in-process call, for tests and the benchmark. Throws LeyeError. */
  async call<N extends HandlerName>(session: Session, name: N, args: unknown): Promise<ResultOf<N>> {
    const reply = await this.dispatch(session, name, args);
    if (!reply.ok) throw new LeyeError(reply.error);
    return reply.value as ResultOf<N>;
  }

  private status(session: Session): StationStatus {
    const c = this.config;
    return {
      setUp: c !== null,
      station: c ? { placeCode: c.placeCode, level: stationLevel(c.placeCode), placePath: placePath(c.placeCode).map((p) => p.name), name: c.name, demo: c.demo } : null,
      user: session.user,
      demoLogin: c?.demo ? DEMO_LOGIN : null,
      locked: this.access.isLocked(session),
      idleLockMinutes: this.access.idleLockMinutes,
    };
  }

  private requireStation(): StationConfig {
    if (!this.config) throw new LeyeError({ code: 'STATION_NOT_SET_UP', messageKey: 'errors.stationNotSetUp' });
    return this.config;
  }

  private stamp(user: SessionUser, placeCode: string) {
    const at = this.now();
    return { schemaVersion: SCHEMA_VERSION, placeCode, createdBy: user.loginName, createdAt: at, updatedBy: user.loginName, updatedAt: at };
  }

  private async createStation(placeCode: string, clerk: { loginName: string; displayName: string; password: string }, demo: boolean) {
    if (this.config) throw new LeyeError({ code: 'STATION_ALREADY_SET_UP', messageKey: 'errors.stationAlreadySetUp' });
    if (!isKnownPlace(placeCode)) throw new LeyeError(fieldError('placeCode', 'errors.placeUnknown', { code: placeCode }));
    if (!['village', 'township', 'county'].includes(placeLevel(placeCode) ?? '')) throw new LeyeError(fieldError('placeCode', 'errors.placeNotStation'));
    const at = this.now();
    const name = placeName(placeCode) ?? placeCode;
    // The station's first account administers it (policy parameters, overrides) until the
    // county provisions accounts.
    const system: SessionUser = { loginName: clerk.loginName, displayName: clerk.displayName, role: 'admin' };
    const users: UsersDoc = {
      _id: '_local/users',
      users: {
        [clerk.loginName]: { ...system, passwordHash: await hashPassword(clerk.password), createdAt: at },
      },
    };
    const station: StationDoc = { _id: `${ID_PREFIX.station}${placeCode}`, type: 'station', name, demo, ...this.stamp(system, placeCode) };
    const policies = this.policies.defaults(placeCode.slice(0, 6), this.stamp(system, placeCode));
    // Reference data and the station document first; the station counts as set up only once
    // `_local/station` is written, so a crash in between leaves a station that asks again.
    const written = await this.db.bulkDocs([station, ...policies]);
    policies.forEach((p, i) => {
      const r = written[i + 1];
      if (r && 'rev' in r) this.policies.cache.put({ ...p, _rev: r.rev });
    });
    await this.db.put(users);
    const config: StationConfig = { _id: '_local/station', placeCode, name, demo, identityKey: newIdentityKey(), createdAt: at };
    await this.db.put(config);
    this.config = config;
    await this.access.load();
    return system;
  }

  /**
   * The county's identity key replaces the station's provisional one, so two villages registering
   * the same person produce the same id. Every id and reference that holds a resident key is
   * rewritten in one bulk write (records kept under the old ids are deleted in the same write).
   * Once anything reached the county under the old key, ids may no longer change.
   */
  private async adoptIdentityKey(identityKey: string): Promise<void> {
    const config = this.requireStation();
    if (config.identityKey === identityKey) return;
    const all = await this.db.allDocs<Record<string, unknown>>({ include_docs: true });
    const keys = new Map<string, string>();
    for (const row of all.rows) {
      const doc = row.doc as (ResidentDoc & { _rev: string }) | undefined;
      if (doc?.type === 'resident') keys.set(residentKey(config.identityKey, doc.idNumber), residentKey(identityKey, doc.idNumber));
    }
    if (keys.size > 0 && this.sync.hasDelivered()) throw new LeyeError({ code: 'VALIDATION', field: 'setupCode', messageKey: 'errors.sync.identityKeyChanged' });
    const swap = (text: string) => text.replace(/[a-z2-7]{26}/g, (token) => keys.get(token) ?? token);
    const writes: { _id: string; _rev?: string; _deleted?: boolean }[] = [];
    for (const row of all.rows) {
      if (!row.doc || row.id.startsWith('_')) continue;
      const json = JSON.stringify(row.doc);
      const next = swap(json);
      if (next === json) continue;
      const moved = JSON.parse(next) as { _id: string; _rev?: string };
      if (moved._id !== row.id) {
        writes.push({ _id: row.id, _rev: row.value.rev, _deleted: true });
        delete moved._rev;
      } else {
        moved._rev = row.value.rev;
      }
      writes.push(moved);
    }
    if (writes.length > 0) {
      const results = await this.db.bulkDocs(writes);
      const failed = results.filter((r) => 'error' in r && r.error);
      if (failed.length > 0) throw new Error(`re-keying residents failed for ${failed.length} documents`);
      await this.sync.rekeyed(Number((await this.db.info()).update_seq));
    }
    const stored = await getOrNull<StationConfig>(this.db, '_local/station');
    const next: StationConfig = { ...config, identityKey, ...(stored?._rev ? { _rev: stored._rev } : {}) };
    next._rev = (await this.db.put(next)).rev;
    this.config = next;
  }

  private residentView(doc: ResidentDoc & { _rev?: string }): ResidentView {
    return {
      id: doc._id,
      rev: doc._rev ?? '',
      name: doc.name,
      sex: doc.sex,
      birthDate: doc.birthDate,
      age: ageOn(doc.birthDate, this.today()),
      idNumberMasked: maskIdNumber(doc.idNumber),
      phoneMasked: maskPhone(doc.phone),
      householdType: doc.householdType,
      targetGroups: doc.targetGroups,
      careCategories: doc.careCategories,
      kind: doc.registration.kind,
      status: doc.closure ? 'closed' : 'active',
      registeredOn: doc.registration.date,
      updatedAt: doc.updatedAt,
      placeCode: doc.placeCode,
      address: doc.address,
      education: doc.education,
      skills: doc.skills,
      employmentCertificateNo: doc.employmentCertificateNo,
      registration: doc.registration,
      closure: doc.closure,
      createdBy: doc.createdBy,
      createdAt: doc.createdAt,
      updatedBy: doc.updatedBy,
    };
  }

  /** Domain rules the schema cannot know: dates against today, working age against policy. */
  private checkRegistration(birthDate: string, sex: 'male' | 'female', registration: Registration): void {
    const today = this.today();
    if (birthDate > today) throw new LeyeError(fieldError('idNumber', 'errors.idNumber.birthDate'));
    if (registration.date > today) throw new LeyeError(fieldError('registration.date', 'errors.dateInFuture'));
    if (registration.kind === 'unemployment' && registration.unemployedSince > registration.date) {
      throw new LeyeError(fieldError('registration.unemployedSince', 'errors.dateInFuture'));
    }
    const age = ageOn(birthDate, registration.date);
    if (age < 16) throw new LeyeError(fieldError('idNumber', 'errors.age.tooYoung', { age }));
    if (registration.kind !== 'jobSeeking') {
      const rules = this.policies.retirement(registration.date);
      const retires = retirementDate(rules, birthDate, sex);
      if (registration.date >= retires) {
        throw new LeyeError(fieldError('idNumber', 'errors.age.pastRetirement', { age, retirementDate: retires, kind: registration.kind }));
      }
    }
  }

  private async loadResident(id: string, rev: string): Promise<ResidentDoc & { _rev: string }> {
    const doc = await getOrNull<ResidentDoc>(this.db, id);
    if (!doc) throw new LeyeError({ code: 'NOT_FOUND', messageKey: 'errors.notFound' });
    if (doc._rev !== rev) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    return doc as ResidentDoc & { _rev: string };
  }

  /** Writes a resident and updates the index before answering, so a search right after sees it. */
  private async saveResident(doc: ResidentDoc): Promise<ResidentView> {
    this.locks.assertUnlocked([doc._id]);
    const result = await this.db.put(doc);
    const saved = { ...doc, _rev: result.rev };
    this.index.upsert(saved);
    return this.residentView(saved);
  }

  private buildResident(data: ResidentRegisterData, user: SessionUser, config: StationConfig): ResidentDoc {
    const id = checkIdNumber(data.idNumber, this.today());
    if (!id.ok) throw new LeyeError(fieldError('idNumber', `errors.idNumber.${id.reason}`));
    this.checkRegistration(id.birthDate, id.sex, data.registration);
    return {
      _id: `${ID_PREFIX.resident}${residentKey(config.identityKey, id.idNumber)}`,
      type: 'resident',
      ...this.stamp(user, config.placeCode),
      idNumber: id.idNumber,
      name: data.name,
      sex: id.sex,
      birthDate: id.birthDate,
      phone: data.phone,
      householdType: data.householdType,
      address: data.address,
      education: data.education,
      skills: data.skills,
      employmentCertificateNo: data.employmentCertificateNo,
      targetGroups: data.targetGroups,
      careCategories: data.careCategories,
      registration: data.registration,
      closure: null,
    };
  }

  private async registerResident(data: ResidentRegisterData, user: SessionUser): Promise<ResidentView> {
    const config = this.requireStation();
    const doc = this.buildResident(data, user, config);
    const duplicate = (existing: { _id: string; name: string }) =>
      new LeyeError({
        code: 'DUPLICATE_RESIDENT',
        field: 'idNumber',
        messageKey: 'errors.duplicateResident',
        params: { name: existing.name },
        issues: [{ field: 'idNumber', messageKey: 'errors.duplicateResident', params: { name: existing.name } }],
        details: { residentId: existing._id, name: existing.name },
      });
    const existing = await getOrNull<ResidentDoc>(this.db, doc._id);
    if (existing) throw duplicate(existing);
    try {
      return await this.saveResident(doc);
    } catch (error) {
      // Two windows registering the same person at once: the second put meets the first.
      if (isConflict(error)) {
        const winner = await getOrNull<ResidentDoc>(this.db, doc._id);
        if (winner) throw duplicate(winner);
      }
      throw error;
    }
  }

  /**
   * Stores many registrations in batches (demo station, benchmark): each is validated like a
   * registration from the form; ones whose person is already present are skipped.
   */
  async seedResidents(inputs: Iterable<unknown>, user: SessionUser, batchSize = 1000): Promise<number> {
    const config = this.requireStation();
    let stored = 0;
    let batch: ResidentDoc[] = [];
    const flush = async () => {
      const results = await this.db.bulkDocs(batch);
      results.forEach((r, i) => {
        if ('rev' in r) {
          this.index.upsert({ ...batch[i]!, _rev: r.rev });
          stored += 1;
        }
      });
      batch = [];
    };
    for (const input of inputs) {
      batch.push(this.buildResident(handlers['residents.register'].args.parse(input), user, config));
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
    return stored;
  }

  /** What the print, spreadsheet and statistics services build on. */
  private moduleDeps(): ModuleDeps {
    return { ctx: this.ctx, posts: this.posts, training: this.training, sync: this.sync, county: () => this.countyService() };
  }

  private readonly impl: Impl = {
    ...printImpl(() => this.moduleDeps()),
    ...sheetImpl(() => this.moduleDeps()),
    ...statsImpl(() => this.moduleDeps()),
    ...backupImpl(() => ({
      backups: this.backups,
      placeCode: () => this.requireStation().placeCode,
      restore: (args, session) => this.restore(args, session),
      firstRun: () => this.config === null,
      restoreFirstRun: (folder, file, session) => this.restore({ file }, session, folder),
    })),
    ...diagnosticsImpl(() => ({ ...this.moduleDeps(), dataDir: this.dataDir, log: this.log, version: CORE_VERSION, lastBackupAt: async () => this.backups.status().lastBackup?.createdAt ?? null })),
    'app.ping': async () => ({ version: CORE_VERSION, now: this.now() }),
    'station.status': async (_args, session) => this.status(session),
    'station.setup': async (args, session) => {
      await this.createStation(args.placeCode, args.clerk, false);
      this.emit('station.changed', this.status({ user: null }));
      return this.status(session);
    },
    'station.setupDemo': async (args, session) => {
      const user = await this.createStation(DEMO_PLACE, { ...DEMO_LOGIN, displayName: '演示专员' }, true);
      await this.seedResidents(fakeResidents(args.residents, { placeCode: DEMO_PLACE, today: this.today(), seed: 7 }), user);
      this.emit('station.changed', this.status({ user: null }));
      return this.status(session);
    },
    'places.children': async (args) => placeChildren(args.code),
    'auth.login': async (args, session) => {
      this.requireStation();
      await this.access.login(args.loginName, args.password, session);
      this.loggedIn.add(session);
      return this.status(session);
    },
    'auth.logout': async (_args, session) => {
      this.access.logout(session);
      return this.status(session);
    },
    ...this.access.impl(),
    'residents.register': async (args, session) => this.registerResident(args, session.user!),
    'residents.update': async (args, session) => {
      const existing = await this.loadResident(args.id, args.rev);
      if (existing.closure) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.registrationClosed' });
      this.checkRegistration(existing.birthDate, existing.sex, args.registration);
      const user = session.user!;
      return this.saveResident({
        ...existing,
        name: args.name,
        phone: args.phone ?? existing.phone,
        householdType: args.householdType,
        address: args.address,
        education: args.education,
        skills: args.skills,
        employmentCertificateNo: args.employmentCertificateNo,
        targetGroups: args.targetGroups,
        careCategories: args.careCategories,
        registration: args.registration,
        schemaVersion: SCHEMA_VERSION,
        updatedBy: user.loginName,
        updatedAt: this.now(),
      });
    },
    'residents.close': async (args, session) => {
      const existing = await this.loadResident(args.id, args.rev);
      if (existing.closure) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.registrationAlreadyClosed' });
      if (args.date > this.today()) throw new LeyeError(fieldError('date', 'errors.dateInFuture'));
      if (args.date < existing.registration.date) throw new LeyeError(fieldError('date', 'errors.closeBeforeRegistration'));
      const user = session.user!;
      return this.saveResident({
        ...existing,
        closure: { reason: args.reason, date: args.date, note: args.note, by: user.loginName },
        updatedBy: user.loginName,
        updatedAt: this.now(),
      });
    },
    'residents.get': async (args) => {
      const doc = await getOrNull<ResidentDoc>(this.db, args.id);
      return doc ? this.residentView(doc) : null;
    },
    'residents.reveal': async (args, session) => {
      const config = this.requireStation();
      const doc = await getOrNull<ResidentDoc>(this.db, args.id);
      if (!doc) throw new LeyeError({ code: 'NOT_FOUND', messageKey: 'errors.notFound' });
      const user = session.user!;
      // The view is logged (on disk) before the number leaves the core.
      const audit: AuditDoc = {
        _id: `${ID_PREFIX.audit}${this.now()}:${randomId(8)}`,
        type: 'audit',
        action: 'reveal',
        targetId: doc._id,
        field: args.field,
        ...this.stamp(user, config.placeCode),
      };
      await this.db.put(audit);
      this.access.auditChanged(audit._id, audit, false);
      return { value: args.field === 'idNumber' ? doc.idNumber : doc.phone };
    },
    'residents.search': async (args) => {
      const started = performance.now();
      const result = this.index.search(args, this.today());
      return { ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 };
    },

    'policy.list': async () => this.policies.list(),
    'policy.save': async (args, session) => this.policies.save(args, session.user!, this.stamp(session.user!, this.requireStation().placeCode)),

    'posts.list': async () => this.posts.list(),
    'posts.get': async (args) => this.posts.get(args.postId),
    'posts.save': async (args, session) => this.posts.save(args, session.user!),
    'posts.assign': async (args, session) => this.posts.assign(args, session.user!),
    'attendance.month': async (args) => this.posts.month(args.postId, args.month),
    'attendance.set': async (args, session) => this.posts.setMarks(args, session.user!),
    'attendance.history': async (args) => this.posts.history(args.postId, args.residentId, args.date),
    'attendance.summary': async (args) => this.posts.summary(args.postId, args.month),
    'attendance.closeMonth': async (args, session) => this.posts.closeMonth(args.postId, args.month, session.user!),
    'attendance.reopenMonth': async (args, session) => this.posts.reopenMonth(args, session.user!),

    'training.list': async () => this.training.list(),
    'courses.list': async () => this.training.listCourses(),
    'courses.save': async (args, session) => this.training.saveCourse(args, session.user!),
    'training.get': async (args) => this.training.get(args.sessionId),
    'training.save': async (args, session) => this.training.save(args, session.user!),
    'training.enrol': async (args, session) => this.training.enrol(args, session.user!),
    'training.signIn': async (args, session) => this.training.signIn(args, session.user!),
    'training.signIns': async (args) => this.training.signIns(args.sessionId, args.date, args.half),
    'training.attendance': async (args) => this.training.attendance(args.sessionId),

    'sync.status': async () => this.sync.status(),
    'sync.connect': async (args, session) => {
      const station = this.requireStation();
      const connection =
        'setupCode' in args
          ? parseSetupCode(args.setupCode)
          : { url: args.url.replace(/\/+$/, ''), username: args.username, password: args.password, placeCode: station.placeCode };
      if (!connection) throw new LeyeError(fieldError('setupCode', 'errors.sync.setupCode'));
      const status = await this.sync.connect(connection, session.user!);
      await this.followReference();
      return status;
    },
    'sync.now': async (_args, session) => this.sync.syncNow(session.user!),
    'sync.batches': async () => this.sync.batches(),
    'sync.resolutions': async () => this.sync.resolutions(),
    'sync.quarantine': async () => this.sync.quarantined(),

    'county.stations': async (args) => this.countyService().stations(args),
    'county.batches': async (args) => this.countyService().batches(args),
    'county.batch': async (args) => this.countyService().batch(args.batchId),
    'county.review': async (args, session) => this.countyService().review(args, session.user!),
    'county.unlock': async (args, session) => this.countyService().unlock(args, session.user!),
    'county.conflicts': async () => this.countyService().conflicts(),
    'county.resolve': async (args, session) => this.countyService().resolve(args, session.user!),

    'transfer.export': async (_args, session) => this.transfer.exportBatch(session.user!),
    'transfer.import': async (args, session) => {
      const result = await this.transfer.importFile(args, session.user!);
      // A receipt changes what is waiting; an import at a township or county waits to go up.
      this.emit('sync.changed', await this.sync.status());
      return result;
    },
  };

  /** County review runs only at a county station connected to the county server. */
  private countyService(): CountyService {
    if (stationLevel(this.requireStation().placeCode) !== 'county') throw new LeyeError({ code: 'FORBIDDEN', messageKey: 'errors.county.notCounty' });
    if (!this.sync.isConnected()) throw new LeyeError({ code: 'VALIDATION', messageKey: 'errors.county.notConnected' });
    return this.county;
  }
}

/** "file.ts:12" of the innermost stack frame of our own code, for the log. */
function firstFrame(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = /\(?([^()\s]+):(\d+):\d+\)?$/m.exec(stack.split('\n').slice(1).join('\n'));
  return frame ? `${path.basename(frame[1]!)}:${frame[2]}` : '';
}

function toRpcError(error: unknown): RpcError {
  if (error instanceof LeyeError) return error.rpc;
  if (isConflict(error)) return { code: 'CONFLICT', messageKey: 'errors.conflict' };
  // A full disk or a read-only data folder is named as such (storage/storageErrors.ts).
  return storageFailure(error) ?? { code: 'INTERNAL', messageKey: 'errors.internal' };
}
