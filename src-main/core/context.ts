// What the domain services (policy, posts, training) need from the core, and nothing more.
import { LeyeError } from '../../shared/rpc/errors';
import type { SessionUser } from '../../shared/rpc/handlers';
import type { ResidentRegisterData } from '../../shared/residents/schema';
import type { AuditLog } from './audit/audit';
import { isAppendOnlyId } from '../../shared/documents/registry';
import { type AuditAction, type ResidentDoc, type StationConfig } from './store/docs';
import { isConflict, type StationDb } from './store/db';
import type { PolicyStore } from './policy/policy';
import type { ResidentsService } from './residents/residents';
import type { ResidentIndex } from './search/residentIndex';
import { localTime, type StationService } from './station/station';
import type { LockStore } from './sync/locks';

export type { Stamp } from './store/docs';
import type { Stamp } from './store/docs';

export interface CoreContext {
  db: StationDb;
  policies: PolicyStore;
  residents: ResidentIndex;
  /** Resolves once `residents` holds every resident the database had when called (replicated ones arrive through the changes feed). */
  residentsIndexed(): Promise<void>;
  /** "hostname (id)": which machine signed people in. */
  machine: string;
  now(): string;
  today(): string;
  /** Local wall-clock time of an ISO instant, HH:MM. */
  localTime(iso: string): string;
  station(): StationConfig;
  stamp(user: SessionUser, placeCode: string): Stamp;
  residentDoc(id: string): Promise<(ResidentDoc & { _rev: string }) | null>;
  residentIdFor(idNumber: string): string;
  registerResident(data: ResidentRegisterData, user: SessionUser): Promise<{ id: string }>;
  /** The registration's own checks (ID number, dates, working age) and the document it would store; stores nothing. */
  buildResident(data: ResidentRegisterData, user: SessionUser): ResidentDoc;
  /**
   * Stores new residents in one bulkDocs (one LevelDB batch, synced: on disk all together or not
   * at all) and indexes them; an id someone stored meanwhile comes back in `conflicts`.
   */
  storeNewResidents(docs: ResidentDoc[]): Promise<{ stored: string[]; conflicts: string[] }>;
  /** Appends an audit entry (on disk before this resolves); resolves to its id. */
  audit(user: SessionUser, action: Exclude<AuditAction, 'reveal'>, targetId: string, field: string, reason: string): Promise<string>;
  /** Refuses (LOCKED) a write to a record the county accepted and has not unlocked. */
  assertUnlocked(ids: readonly string[]): void;
  /** When the county accepted a record that stays locked (an ISO time), else null. */
  lockedAt(id: string): string | null;
  /** Puts a document; a stale revision is a CONFLICT error, an accepted record LOCKED. */
  write<T extends { _id: string; _rev?: string }>(doc: T): Promise<T & { _rev: string }>;
}

export interface ContextParts {
  db: StationDb;
  policies: PolicyStore;
  index: ResidentIndex;
  /** Resolves once the index applied every change the database had (false on timeout). */
  whenIndexed(timeoutMs: number): Promise<boolean>;
  station: StationService;
  residents: ResidentsService;
  locks: LockStore;
  audit: AuditLog;
}

/** The context the core hands its domain services, made of the services it wired. */
export function createContext({ db, policies, index, whenIndexed, station, residents, locks, audit }: ContextParts): CoreContext {
  return {
    db,
    policies,
    residents: index,
    residentsIndexed: async () => {
      await whenIndexed(30_000);
    },
    get machine() {
      return station.machine;
    },
    now: () => station.now(),
    today: () => station.today(),
    localTime,
    station: () => station.require(),
    stamp: (user, placeCode) => station.stamp(user, placeCode),
    residentDoc: (id) => residents.doc(id),
    residentIdFor: (idNumber) => residents.idFor(idNumber),
    registerResident: (data, user) => residents.register(data, user),
    buildResident: (data, user) => residents.build(data, user),
    storeNewResidents: (docs) => residents.storeNew(docs),
    assertUnlocked: (ids) => locks.assertUnlocked(ids),
    lockedAt: (id) => locks.lockedAt(id),
    write: async (doc) => {
      // Append-only types (the audit log, service records, employment entries) are written once by
      // their own domain and never rewritten.
      if (isAppendOnlyId(doc._id)) throw new Error('append-only entries are never rewritten');
      locks.assertUnlocked([doc._id]);
      try {
        const result = await db.put(doc);
        return { ...doc, _rev: result.rev };
      } catch (error) {
        if (isConflict(error)) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.conflict' });
        throw error;
      }
    },
    audit: (user, action, targetId, field, reason) => audit.append(user, { action, targetId, field, reason }),
  };
}

export { fail, notFound } from './validation';

/** Day arithmetic on ISO dates, in UTC so no time zone shifts a day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The same day `months` later, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const month = `${ty}-${String(tm).padStart(2, '0')}`;
  return `${month}-${String(Math.min(d, daysInMonth(month))).padStart(2, '0')}`;
}

/**
 * Length of the period start..end (both inclusive) in months: whole months first, the rest in
 * thirtieths. Exactly three years (2024-01-01..2026-12-31) is 36; one day more is 36.03.
 */
export function periodMonths(start: string, end: string): number {
  const after = addDays(end, 1);
  let months = 0;
  while (addMonths(start, months + 1) <= after) months += 1;
  const rest = (Date.parse(`${after}T00:00:00Z`) - Date.parse(`${addMonths(start, months)}T00:00:00Z`)) / 86_400_000;
  return months + rest / 30;
}
