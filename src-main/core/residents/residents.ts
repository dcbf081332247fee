// Residents: registration, changes, closing, reading and searching, and the write path every
// resident takes (locks checked, stored, indexed before the answer so a search right after sees it).
import type { PouchDB as P } from 'pouchdb-node';
import { LeyeError } from '../../../shared/rpc/errors';
import { handlers, type ParsedArgsOf, type ResidentView, type SessionUser } from '../../../shared/rpc/handlers';
import type { ResidentRegisterData } from '../../../shared/residents/schema';
import type { Cache } from '../app';
import type { AuditLog } from '../audit/audit';
import type { PolicyStore } from '../policy/policy';
import type { ResidentIndex } from '../search/residentIndex';
import type { StationService } from '../station/station';
import { getOrNull, isConflict, type StationDb } from '../store/db';
import { ID_PREFIX, SCHEMA_VERSION, type ResidentDoc } from '../store/docs';
import type { LockStore } from '../sync/locks';
import { fieldError } from '../validation';
import type { ClosureEntries } from '../employment/entries';
import { residentKey } from './identity';
import { buildResident, checkRegistration, duplicateResident, residentView } from './records';

export interface ResidentsDeps {
  db: StationDb;
  index: ResidentIndex;
  policies: PolicyStore;
  locks: LockStore;
  station: StationService;
  audit: AuditLog;
  /** Residents changed (own writes, replication): the windows refresh what they show. */
  changed(ids: string[]): void;
  /** Employment status: a closure as employed writes its entry in the same write. */
  employment(): ClosureEntries;
}

/** A whole-number search finding the same person again within this time is not logged again. */
const ID_SEARCH_REPEAT_MS = 10 * 60_000;

export class ResidentsService {
  private readonly pending = new Set<string>();
  private pushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: ResidentsDeps) {}

  view(doc: ResidentDoc & { _rev?: string }): ResidentView {
    return { ...residentView(doc, this.deps.station.today()), reopenings: doc.reopenings ?? [] };
  }

  /** The registration's own checks and the document it would store; stores nothing. */
  build(data: ResidentRegisterData, user: SessionUser): ResidentDoc {
    const { station, policies } = this.deps;
    const config = station.require();
    return buildResident(data, config, station.stamp(user, config.placeCode), station.today(), policies);
  }

  async register(data: ResidentRegisterData, user: SessionUser): Promise<ResidentView> {
    const { db } = this.deps;
    const doc = this.build(data, user);
    const existing = await getOrNull<ResidentDoc>(db, doc._id);
    if (existing) throw duplicateResident(existing);
    try {
      return await this.save(doc);
    } catch (error) {
      // Two windows registering the same person at once: the second put meets the first.
      if (isConflict(error)) {
        const winner = await getOrNull<ResidentDoc>(db, doc._id);
        if (winner) throw duplicateResident(winner);
      }
      throw error;
    }
  }

  async update(args: ParsedArgsOf<'residents.update'>, user: SessionUser): Promise<ResidentView> {
    const { station, policies } = this.deps;
    const existing = await this.load(args.id, args.rev);
    if (existing.closure) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.registrationClosed' });
    checkRegistration(existing.birthDate, existing.sex, args.registration, station.today(), policies);
    return this.save({
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
      updatedAt: station.now(),
    });
  }

  async close(args: ParsedArgsOf<'residents.close'>, user: SessionUser): Promise<ResidentView> {
    const { station } = this.deps;
    const existing = await this.load(args.id, args.rev);
    if (existing.closure) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.registrationAlreadyClosed' });
    if (args.date > station.today()) throw new LeyeError(fieldError('date', 'errors.dateInFuture'));
    if (args.date < existing.registration.date) throw new LeyeError(fieldError('date', 'errors.closeBeforeRegistration'));
    const closed: ResidentDoc = {
      ...existing,
      closure: { reason: args.reason, date: args.date, note: args.note, by: user.loginName },
      updatedBy: user.loginName,
      updatedAt: station.now(),
    };
    if (args.reason !== 'employed') return this.save(closed);
    // Closed as employed: the employment status entry goes in the same write (all or nothing).
    const employment = this.deps.employment();
    const entry = employment.closureEntry(existing, args, user, existing._id);
    const saved = await employment.storeWith(closed, [entry], existing);
    this.deps.index.upsert(saved);
    return this.view(saved);
  }

  /**
   * Reopens a closed registration: the closure is cleared on the record and kept in its
   * `reopenings` (facts are never rewritten), and the audit log has the reopening, on disk
   * before the record changes. A record the county accepted refuses it like any other write.
   */
  async reopen(args: ParsedArgsOf<'residents.reopen'>, user: SessionUser): Promise<ResidentView> {
    const { station, locks, audit } = this.deps;
    const existing = await this.load(args.id, args.rev);
    const closure = existing.closure;
    if (!closure) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.registrationNotClosed' });
    locks.assertUnlocked([existing._id]);
    const at = station.now();
    await audit.append(user, { action: 'reopen', targetId: existing._id, field: `closure ${closure.reason} ${closure.date}`, reason: args.reason });
    return this.save({
      ...existing,
      closure: null,
      reopenings: [...(existing.reopenings ?? []), { closure, reason: args.reason, at, by: user.loginName }],
      updatedBy: user.loginName,
      updatedAt: at,
    });
  }

  async get(id: string): Promise<ResidentView | null> {
    const doc = await getOrNull<ResidentDoc>(this.deps.db, id);
    return doc ? this.view(doc) : null;
  }

  /** The id a person's record has at this station (the identity key hides the ID number). */
  idFor(idNumber: string): string {
    return `${ID_PREFIX.resident}${residentKey(this.deps.station.require().identityKey, idNumber)}`;
  }

  async doc(id: string): Promise<(ResidentDoc & { _rev: string }) | null> {
    return (await getOrNull<ResidentDoc>(this.deps.db, id)) as (ResidentDoc & { _rev: string }) | null;
  }

  /** The full ID number or phone; the view is logged (on disk) before the number leaves the core. */
  async reveal(args: ParsedArgsOf<'residents.reveal'>, user: SessionUser): Promise<{ value: string }> {
    this.deps.station.require();
    const doc = await getOrNull<ResidentDoc>(this.deps.db, args.id);
    if (!doc) throw new LeyeError({ code: 'NOT_FOUND', messageKey: 'errors.notFound' });
    await this.deps.audit.append(user, { action: 'reveal', targetId: doc._id, field: args.field });
    return { value: args.field === 'idNumber' ? doc.idNumber : doc.phone };
  }

  /**
   * Name, pinyin, the digits an ID mask shows, or a whole ID number. A whole number that finds
   * someone is logged (on disk) before the answer, like a reveal: who looked up whom.
   */
  async search(args: ParsedArgsOf<'residents.search'>, user: SessionUser) {
    const started = performance.now();
    const { wholeIdNumber, ...result } = this.deps.index.search(args, this.deps.station.today());
    const tookMs = Math.round((performance.now() - started) * 100) / 100;
    const now = this.deps.station.now();
    for (const targetId of wholeIdNumber) {
      // One entry per person looked up: the list refetching the same search (focus, a sync) is not a new look-up.
      const key = `${user.loginName} ${targetId}`;
      const last = this.idSearches.get(key);
      if (last && Date.parse(now) - Date.parse(last) < ID_SEARCH_REPEAT_MS) continue;
      await this.deps.audit.append(user, { action: 'idSearch', targetId, field: 'idNumber' });
      this.idSearches.set(key, now);
    }
    return { ...result, tookMs };
  }

  /** `login id` → when that account's whole-number search last found that person (and it was logged). */
  private readonly idSearches = new Map<string, string>();

  /**
   * Stores new residents in one bulkDocs (one LevelDB batch, synced: on disk all together or not
   * at all) and indexes them; an id someone stored meanwhile comes back in `conflicts`.
   */
  async storeNew(docs: ResidentDoc[]): Promise<{ stored: string[]; conflicts: string[] }> {
    this.deps.locks.assertUnlocked(docs.map((d) => d._id));
    const results = await this.deps.db.bulkDocs(docs);
    const stored: string[] = [];
    const conflicts: string[] = [];
    results.forEach((r, i) => {
      const doc = docs[i]!;
      if ('rev' in r && r.ok !== false) {
        this.deps.index.upsert({ ...doc, _rev: r.rev });
        stored.push(doc._id);
      } else if ('status' in r && r.status === 409) conflicts.push(doc._id);
      else throw new Error(`bulk write failed: ${'error' in r ? String(r.error) : 'unknown'}`);
    });
    return { stored, conflicts };
  }

  /**
   * Stores many registrations in batches (demo station, benchmark): each is validated like a
   * registration from the form; ones whose person is already present are skipped.
   */
  async seed(inputs: Iterable<unknown>, user: SessionUser, batchSize = 1000): Promise<number> {
    this.deps.station.require();
    const { db, index } = this.deps;
    let stored = 0;
    let batch: ResidentDoc[] = [];
    const flush = async () => {
      const results = await db.bulkDocs(batch);
      results.forEach((r, i) => {
        if ('rev' in r) {
          index.upsert({ ...batch[i]!, _rev: r.rev });
          stored += 1;
        }
      });
      batch = [];
    };
    for (const input of inputs) {
      batch.push(this.build(handlers['residents.register'].args.parse(input), user));
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
    return stored;
  }

  private async load(id: string, rev: string): Promise<ResidentDoc & { _rev: string }> {
    const doc = await getOrNull<ResidentDoc>(this.deps.db, id);
    if (!doc) throw new LeyeError({ code: 'NOT_FOUND', messageKey: 'errors.notFound' });
    this.deps.locks.assertUnlocked([id]); // before the revision: the county's lock is itself a new revision
    if (doc._rev !== rev) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    return doc as ResidentDoc & { _rev: string };
  }

  /** Writes a resident and updates the index before answering, so a search right after sees it. */
  private async save(doc: ResidentDoc): Promise<ResidentView> {
    this.deps.locks.assertUnlocked([doc._id]);
    const result = await this.deps.db.put(doc);
    const saved = { ...doc, _rev: result.rev };
    this.deps.index.upsert(saved);
    return this.view(saved);
  }

  /** The search index as the changes feed keeps it (loaded at start from the snapshot, not on first use). */
  readonly feed: Cache & { settled(): void } = {
    ensure: async () => undefined,
    accepts: (id) => id.startsWith(ID_PREFIX.resident),
    apply: (change: P.Change<object>) => {
      if (change.deleted) this.deps.index.remove(change.id);
      else if (change.doc) this.deps.index.upsert(change.doc as unknown as ResidentDoc);
      this.pending.add(change.id);
      this.schedulePush();
    },
    /** The replay at start is over: what it brought is no news to any window. */
    settled: () => this.pending.clear(),
  };

  private schedulePush(): void {
    if (this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      const ids = [...this.pending];
      this.pending.clear();
      this.deps.changed(ids);
    }, 30);
  }

  stop(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
  }
}
