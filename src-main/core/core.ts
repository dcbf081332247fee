// The station core: one object per data folder that answers the typed handlers (the carriers in
// src-main/host pass it raw messages). This file only wires: it builds the domain services, has
// their apps combined (domains.ts) and hands calls to the dispatcher (dispatch.ts).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { LeyeError } from '../../shared/rpc/errors';
import type { HandlerName, PushEvents, PushName, ResultOf, SessionUser, StationStatus } from '../../shared/rpc/handlers';
import { AccessService } from './access/access';
import type { Combined } from './app';
import { AuditLog } from './audit/audit';
import { BackupService } from './backup/backup';
import { createContext, type CoreContext } from './context';
import { countyGuard } from './county/app';
import { CountyService } from './county/county';
import { syncLogger } from './diagnostics/diagnostics';
import { domainApps } from './domains';
import { createDispatcher, forward, type Dispatch, type Reply } from './dispatch';
import { StationLog } from './log/log';
import { PolicyStore } from './policy/policy';
import { PostsService } from './posts/posts';
import { EmploymentService } from './employment/employment';
import { ResidentsService } from './residents/residents';
import { ResidentIndex } from './search/residentIndex';
import type { Session } from './session';
import { CORE_VERSION, stationStatus } from './station/app';
import { adoptIdentityKey } from './station/rekey';
import { Restorer } from './station/restore';
import { localTime, StationService } from './station/station';
import { ChangesFeed } from './store/changesFeed';
import { openStationDb, type StationDb } from './store/db';
import { ReferenceFeed } from './store/referenceFeed';
import { storageFailure } from './store/storageErrors';
import { LockStore } from './sync/locks';
import type { SecretBox } from './sync/secretBox';
import { isRecordId } from '../../shared/documents/registry';
import { SyncService, type SyncTiming } from './sync/sync';
import { TrainingService } from './training/training';
import { TransferService } from './transfer/transfer';
export { CORE_VERSION } from './station/app';
export type { Reply } from './dispatch';
export type { Session } from './session';

export interface CoreOptions {
  dataDir: string;
  /** Tests and the benchmark pin the clock. */
  clock?: () => Date;
  /** Milliseconds from any origin, never going back: how long a session has been idle (apart from `clock`, so neither a wall-clock change nor a test's pinned date locks anyone; tests move it). */
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

export class Core {
  private readonly events = new EventEmitter();
  private readonly index = new ResidentIndex();
  private readonly locks = new LockStore();
  private readonly log: StationLog;
  private readonly policies: PolicyStore;
  private readonly station: StationService;
  private readonly access: AccessService;
  private readonly residents: ResidentsService;
  private readonly sync: SyncService;
  private readonly transfer: TransferService;
  private readonly backups: BackupService;
  private readonly feed: ChangesFeed;
  private readonly reference: ReferenceFeed;
  private readonly restorer: Restorer<Core>;
  /** Every domain's handlers (tests replace some to watch the dispatcher's gate). */
  private readonly apps: Combined<HandlerName>;
  /** What the domain services share (tests reach the write path through it). */
  private readonly ctx: CoreContext;
  private readonly run: Dispatch;
  /** Sessions that logged in to this core (after a restore, earlier logins no longer count). */
  private readonly loggedIn = new WeakSet<Session>();
  /** The search index loaded and the changes since its snapshot replayed (load() starts it; calls wait: dispatch.ts). */
  private indexed: Promise<void> = Promise.resolve();

  private constructor(
    readonly db: StationDb,
    options: CoreOptions,
  ) {
    const { dataDir } = options;
    const clock = options.clock ?? (() => new Date());
    this.events.setMaxListeners(0);
    const log = (this.log = options.log ?? new StationLog({ dir: path.join(dataDir, 'logs') }));
    const logSync = syncLogger(log);
    const policies = (this.policies = new PolicyStore(db));
    const station = (this.station = new StationService({ db, clock, policies }));
    const audit = new AuditLog({ db, now: () => station.now(), station: () => station.require(), stamp: (user, place) => station.stamp(user, place) });
    const elapsed = options.monotonic ?? (() => performance.now());
    const access = (this.access = new AccessService({ db, clock, elapsed, now: () => station.now(), localTime, audit }));
    const residents = (this.residents = new ResidentsService({ db, index: this.index, policies, locks: this.locks, station, audit, changed: (ids) => this.emit('residents.changed', { ids }), employment: (): EmploymentService => employment }));
    const ctx = (this.ctx = createContext({ db, policies, index: this.index, whenIndexed: (ms) => this.whenIndexed(ms), station, residents, locks: this.locks, audit }));
    const employment: EmploymentService = new EmploymentService(ctx), posts = new PostsService(ctx, employment);
    const training = new TrainingService(ctx);
    const syncChanged = (status: PushEvents['sync.changed']) => {
      logSync(status);
      this.emit('sync.changed', status);
    };
    const sync: SyncService = (this.sync = new SyncService(ctx, dataDir, syncChanged, options.syncTiming, options.secretBox ?? null, {
      // The USB files it delivers (transfer is built on sync, so it is asked for when needed), the county's locks.
      ...{ fileDelivery: () => transfer, locks: this.locks },
      countyKeys: (keys) => adoptIdentityKey({ db, station, sync }, keys.identityKey),
    }));
    const county = countyGuard(new CountyService(ctx, sync), station, sync);
    const transfer = (this.transfer = new TransferService(ctx, sync));
    const backups = (this.backups = new BackupService({
      ...{ dataDir, db, clock, secretBox: options.secretBox },
      station: () => station.config,
      // Other stations' documents held here (a village's USB file imported at a township) until the next sync.
      relays: () => sync.relayPlaces().map((place) => ({ place, db: sync.relay(place) })),
      ...options.backupSchedule,
    }));
    this.reference = new ReferenceFeed({ referenceDb: () => sync.referenceDb(), placeCode: () => station.require().placeCode, policies: policies.cache, posts: posts.posts, courses: training.courses });
    this.restorer = new Restorer<Core>({
      ...{ backups, station, dataDir, clock },
      closeOwn: () => this.closeOwn(),
      reopen: () => Core.open(options),
      follow: (next) => next.onPush((event, payload) => this.events.emit('push', event, payload)),
      announce: (next) => this.emit('station.changed', next.status({ user: null })),
    });
    this.apps = domainApps({
      ...{ ctx, station, access, audit, residents, policies, posts, training, sync, county, transfer, backups, dataDir, log, employment },
      emit: (event, payload) => this.emit(event, payload),
      loggedIn: (session) => this.loggedIn.add(session),
      followReference: () => this.reference.follow(),
      restore: (args, session, firstRunFolder) => this.restorer.restore(args, session, firstRunFolder),
    });
    this.feed = new ChangesFeed({
      ...{ db, dataDir, index: this.index },
      // Read across apps: review and unlock marks by every write (locks), status entries by counts and ledgers.
      caches: [...this.apps.caches, this.locks.reviews, this.locks.unlocks, this.locks.records, employment.entries],
      // A record changed here goes up soon; what the county sent (reviews, unlocks) does not.
      changed: (id) => {
        if (isRecordId(id)) sync.localChange();
      },
      replayed: () => residents.feed.settled(),
    });
    this.run = createDispatcher({ apps: this.apps, db, log, checkSession: (session, name) => access.checkSession(session, name), indexed: () => this.indexed });
  }

  /** Opens the station in a data folder; the search index loads meanwhile (only the login screen's calls do not wait for it). */
  static async open(options: CoreOptions): Promise<Core> {
    const core = new Core(openStationDb(options.dataDir, { durable: options.durable ?? true }), options);
    try {
      await core.load(options);
    } catch (error) {
      // A data folder on a read-only or full disk is said so at start, like any refused write.
      const failure = storageFailure(error);
      if (!failure) throw error;
      await core.db.close().catch(() => undefined);
      throw new LeyeError(failure);
    }
    void core.indexed.then(() => core.log.info('core.open', { version: CORE_VERSION, residents: core.residentCount }), () => undefined);
    return core;
  }

  private async load(options: CoreOptions): Promise<void> {
    await this.station.load();
    await this.access.load();
    for (const cache of [this.policies.cache, this.locks.reviews, this.locks.unlocks]) await cache.ensure(this.db);
    await this.transfer.load();
    await this.sync.load();
    if (this.sync.isConnected()) await this.reference.follow();
    (this.indexed = this.feed.start()).catch(() => undefined);
    await this.backups.load();
    if (options.backupSchedule?.firstCheckMs !== Infinity) this.backups.start();
  }

  private emit<E extends PushName>(event: E, payload: PushEvents[E]): void {
    this.events.emit('push', event, payload);
  }

  onPush(listener: (event: PushName, payload: unknown) => void): () => void {
    this.events.on('push', listener);
    return () => this.events.off('push', listener);
  }

  /** Resolves once the search index has applied every change the database had when called. */
  whenIndexed(timeoutMs = 120_000): Promise<boolean> {
    return this.feed.whenIndexed(timeoutMs);
  }

  async close(): Promise<void> {
    if (this.restorer.successor) return (await this.restorer.successor).close();
    await this.closeOwn();
  }

  private async closeOwn(): Promise<void> {
    await this.indexed.catch(() => undefined);
    await this.backups.stop();
    this.reference.stop();
    await this.sync.stop();
    await this.feed.stop(() => this.residents.stop());
    await this.db.close();
    this.log.info('core.close');
  }

  get residentCount(): number {
    return this.index.size;
  }

  now(): string {
    return this.station.now();
  }

  today(): string {
    return this.station.today();
  }

  /** What a window sees of the station (and of its session). */
  status(session: Session): StationStatus {
    return stationStatus(this.station, this.access, session);
  }

  /** Stores many registrations in batches (demo station, benchmark), validated like the form's. */
  seedResidents(inputs: Iterable<unknown>, user: SessionUser, batchSize = 1000): Promise<number> {
    return this.residents.seed(inputs, user, batchSize);
  }

  /** After a restore: the core opened on the restored data. */
  get successor(): Promise<Core> | null {
    return this.restorer.successor;
  }

  hasLoggedIn(session: Session): boolean {
    return this.loggedIn.has(session);
  }

  /** Validates, authorises and runs one call; never throws (dispatch.ts). */
  dispatch(session: Session, name: string, rawArgs: unknown): Promise<Reply> {
    const successor = this.restorer.successor;
    return successor ? forward(successor, session, name, rawArgs) : this.run(session, name, rawArgs);
  }

  /** Typed in-process call, for tests and the benchmark. Throws LeyeError. */
  async call<N extends HandlerName>(session: Session, name: N, args: unknown): Promise<ResultOf<N>> {
    const reply = await this.dispatch(session, name, args);
    if (!reply.ok) throw new LeyeError(reply.error);
    return reply.value as ResultOf<N>;
  }
}
