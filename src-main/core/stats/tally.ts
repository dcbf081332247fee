// The tally: one database's post, attendance and training records (and a relay copy's residents
// and employment status entries) kept in memory, brought forward from the changes feed, saved in `_local/stats-tally`.
import { entryFact, residentFact, type EntryFact, type EntrySource, type ResidentFact, type ResidentSource } from '../../../shared/employment/counts';
import type { RegistrationKind } from '../../../shared/residents/schema';
import type { StatsGroup } from '../../../shared/stats/contract';
import { ID_PREFIX, type AssignmentDoc, type AttendanceDoc, type EnrolmentDoc, type ResidentDoc, type SignInDoc, type TrainingDoc } from '../store/docs';
import { getOrNull, type StationDb } from '../store/db';
import { SavedCopy, readFactsTo } from '../store/keptFacts';
import { add, isEligible, nextMonth, sessionFinished, type Facts } from './facts';

/**
 * The station's own tally, kept in its database between starts (a `_local` document: never
 * replicated, not in the changes feed, not in backups, since its sequence is this database's).
 * Reading every post, attendance and training record again took 20–30 s at a station with a year
 * of daily marks.
 */
export const SAVED_TALLY = '_local/stats-tally';
// Bump when what Tally.apply keeps changes: an older saved tally is then read again from the records.
const TALLY_FORMAT = 1;
/** The saved tally is replaced once this many changes came in since it was saved. */
const SAVE_AFTER = 2_000;
/** Beyond this many changes behind, a tally is re-read by type instead. */
const REBUILD_AFTER = 20_000;
/** An assignment counts in at most this many months (the views stop at the same bound). */
const MAX_ASSIGNMENT_MONTHS = 240;

interface SessionEntry {
  place: string;
  startDate: string;
  slots: Map<string, number>;
}

type Entries<T> = [string, T][];
interface SavedTally {
  _id: typeof SAVED_TALLY;
  _rev?: string;
  format: number;
  seq: number;
  attendance: Entries<{ place: string; month: string; mark: string }>;
  assignments: Entries<{ place: string; residentId: string; from: string; to: string }>;
  sessions: Entries<{ place: string; startDate: string; slots: [string, number][] }>;
  enrolments: Entries<{ sessionId: string; residentId: string }>;
  signIns: Entries<{ sessionId: string; residentId: string; slot: string }>;
}

export class Tally {
  seq = -1;
  readonly residents = new Map<string, { place: string; date: string; kind: RegistrationKind; groups: readonly StatsGroup[] }>();
  readonly attendance = new Map<string, { place: string; month: string; mark: string }>();
  readonly assignments = new Map<string, { place: string; residentId: string; from: string; to: string }>();
  readonly sessions = new Map<string, SessionEntry>();
  readonly enrolments = new Map<string, { sessionId: string; residentId: string }>();
  readonly signIns = new Map<string, { sessionId: string; residentId: string; slot: string }>();
  /** A relay copy's employment status entries and what the counts read of its residents (shared/employment/counts.ts). */
  readonly employment = new Map<string, EntryFact>();
  readonly residentFacts = new Map<string, ResidentFact>();
  private refreshing: Promise<void> | null = null;

  private readonly saved = new SavedCopy(SAVE_AFTER);

  /**
   * @param withResidents false for the station's own database, whose residents the search index holds.
   * @param kept whether the tally is saved in that database between starts (the station's own).
   */
  constructor(
    private readonly withResidents: boolean,
    private readonly kept = false,
  ) {}

  private get prefixes(): string[] {
    const types = [ID_PREFIX.attendance, ID_PREFIX.assignment, ID_PREFIX.training, ID_PREFIX.enrolment, ID_PREFIX.signIn];
    return this.withResidents ? [ID_PREFIX.resident, ID_PREFIX.employment, ...types] : types;
  }

  /** Whether a document of this id is one the tally counts. */
  counts(id: string): boolean {
    return this.prefixes.some((prefix) => id.startsWith(prefix));
  }

  private clear(): void {
    for (const map of this.maps()) map.clear();
  }

  private remove(id: string): void {
    for (const map of this.maps()) map.delete(id);
  }

  private maps(): Map<string, unknown>[] {
    return [this.residents, this.attendance, this.assignments, this.sessions, this.enrolments, this.signIns, this.employment, this.residentFacts];
  }

  /** Takes in one document (a new revision replaces what the previous one counted). */
  apply(id: string, doc: Record<string, unknown> | undefined, deleted: boolean): void {
    this.remove(id);
    if (deleted || !doc) return;
    if (id.startsWith(ID_PREFIX.resident)) {
      if (!this.withResidents) return;
      const r = doc as unknown as ResidentDoc;
      if (!r.registration?.date) return;
      this.residentFacts.set(id, residentFact(r as ResidentSource));
      this.residents.set(id, { place: r.placeCode, date: r.registration.date, kind: r.registration.kind, groups: r.targetGroups?.length ? r.targetGroups : ['none'] });
    } else if (id.startsWith(ID_PREFIX.employment)) {
      const e = doc as unknown as EntrySource;
      if (this.withResidents && e.residentId && e.effectiveDate) this.employment.set(id, entryFact(e));
    } else if (id.startsWith(ID_PREFIX.attendance)) {
      const a = doc as unknown as AttendanceDoc;
      if (a.date && a.mark) this.attendance.set(id, { place: a.placeCode, month: a.date.slice(0, 7), mark: a.mark });
    } else if (id.startsWith(ID_PREFIX.assignment)) {
      const a = doc as unknown as AssignmentDoc;
      if (a.startDate && a.endDate) this.assignments.set(id, { place: a.placeCode, residentId: a.residentId, from: a.startDate.slice(0, 7), to: a.endDate.slice(0, 7) });
    } else if (id.startsWith(ID_PREFIX.training)) {
      const t = doc as unknown as TrainingDoc;
      if (t.startDate) this.sessions.set(id, { place: t.placeCode, startDate: t.startDate, slots: new Map((t.timetable ?? []).map((s) => [`${s.date}:${s.half}`, s.classHours])) });
    } else if (id.startsWith(ID_PREFIX.enrolment)) {
      const e = doc as unknown as EnrolmentDoc;
      this.enrolments.set(id, { sessionId: e.sessionId, residentId: e.residentId });
    } else if (id.startsWith(ID_PREFIX.signIn)) {
      const s = doc as unknown as SignInDoc;
      if (s.in) this.signIns.set(id, { sessionId: s.sessionId, residentId: s.residentId, slot: `${s.date}:${s.half}` });
    }
  }

  /**
   * Brings the tally to the database's current update_seq: nothing to do when it is there, the
   * changes since otherwise, or a fresh read by type when too much changed (a seeded station).
   */
  async refresh(db: StationDb): Promise<void> {
    // A catch-up already going on (the follower's) may have started before the latest writes: then another follows it.
    const target = Number((await db.info()).update_seq);
    for (let round = 0; round < 3; round++) {
      this.refreshing ??= this.doRefresh(db).finally(() => (this.refreshing = null));
      await this.refreshing;
      if (this.seq >= target) return;
    }
  }

  private async doRefresh(db: StationDb): Promise<void> {
    const seq = Number((await db.info()).update_seq);
    if (this.kept && this.seq < 0) await this.loadSaved(db, seq);
    await this.catchUp(db, seq);
    if (this.kept && this.saved.due(this.seq)) this.save(db);
  }

  /** The tally saved at an earlier start, unless it is of a later sequence than this database has. */
  private async loadSaved(db: StationDb, current: number): Promise<void> {
    const saved = await getOrNull<SavedTally>(db, SAVED_TALLY);
    this.saved.found(saved?._rev);
    if (!saved || saved.format !== TALLY_FORMAT || !(saved.seq <= current)) return;
    for (const [id, a] of saved.attendance) this.attendance.set(id, a);
    for (const [id, a] of saved.assignments) this.assignments.set(id, a);
    for (const [id, t] of saved.sessions) this.sessions.set(id, { place: t.place, startDate: t.startDate, slots: new Map(t.slots) });
    for (const [id, e] of saved.enrolments) this.enrolments.set(id, e);
    for (const [id, e] of saved.signIns) this.signIns.set(id, e);
    this.seq = saved.seq;
    this.saved.found(saved._rev, saved.seq);
  }

  /** Saves the tally if changes came in since it was last saved (the follower, once the feed is quiet). */
  saveIfBehind(db: StationDb, atLeast = 1): void {
    if (this.kept && this.seq >= 0 && this.seq - this.saved.seq >= atLeast) this.save(db);
  }

  /** Saves the tally as it is now (taken at once: later changes wait for the next save). */
  private save(db: StationDb): void {
    if (this.saved.busy) return;
    const doc: SavedTally = {
      _id: SAVED_TALLY,
      format: TALLY_FORMAT,
      seq: this.seq,
      attendance: [...this.attendance],
      assignments: [...this.assignments],
      sessions: [...this.sessions].map(([id, t]) => [id, { place: t.place, startDate: t.startDate, slots: [...t.slots] }]),
      enrolments: [...this.enrolments],
      signIns: [...this.signIns],
    };
    this.saved.save(db, doc);
  }

  private async catchUp(db: StationDb, seq: number): Promise<void> {
    this.seq = await readFactsTo(db, this.seq, seq, {
      prefixes: this.prefixes,
      rebuildAfter: REBUILD_AFTER,
      clear: () => this.clear(),
      apply: (id, doc, deleted) => this.apply(id, doc, deleted),
      skips: (id) => !this.withResidents && (id.startsWith(ID_PREFIX.resident) || id.startsWith(ID_PREFIX.employment)),
    });
  }

  /** Adds this database's facts in the month range; residents only when the tally holds them. */
  collect(facts: Facts, from: string, to: string, threshold: (startDate: string) => number, today: string): void {
    const inRange = (month: string) => month >= from && month <= to;
    for (const r of this.residents.values()) {
      const month = r.date.slice(0, 7);
      if (!inRange(month)) continue;
      add(facts.kinds, `${month}|${r.place}|${r.kind}`);
      for (const g of r.groups) add(facts.groups, `${month}|${r.place}|${g}`);
    }
    for (const a of this.attendance.values()) if (inRange(a.month)) add(facts.marks, `${a.month}|${a.place}|${a.mark}`);
    const held = new Set<string>();
    for (const a of this.assignments.values()) {
      let month = a.from;
      for (let i = 0; i < MAX_ASSIGNMENT_MONTHS && month <= a.to && month <= to; i++, month = nextMonth(month)) {
        const key = `${month}|${a.place}|${a.residentId}`;
        if (month >= from && !held.has(key)) {
          held.add(key);
          facts.holders.push({ month, place: a.place, residentId: a.residentId });
        }
      }
    }
    const sessions = new Map<string, { entry: SessionEntry; trainees: Set<string>; hours: Map<string, number> }>();
    for (const [id, s] of this.sessions) if (inRange(s.startDate.slice(0, 7))) sessions.set(id, { entry: s, trainees: new Set(), hours: new Map() });
    for (const e of this.enrolments.values()) sessions.get(e.sessionId)?.trainees.add(e.residentId);
    for (const s of this.signIns.values()) {
      const session = sessions.get(s.sessionId);
      const hours = session?.entry.slots.get(s.slot);
      // A sign-in of a half-day the timetable no longer has counts nothing (as in training.attendance).
      if (session && hours !== undefined) session.hours.set(s.residentId, (session.hours.get(s.residentId) ?? 0) + hours);
    }
    for (const [id, { entry, trainees, hours }] of sessions) {
      const total = [...entry.slots.values()].reduce((sum, h) => sum + h, 0);
      const limit = threshold(entry.startDate);
      let eligible = 0;
      for (const residentId of trainees) if (isEligible(hours.get(residentId) ?? 0, total, limit)) eligible += 1;
      facts.sessions.push({ id, place: entry.place, month: entry.startDate.slice(0, 7), trainees: trainees.size, eligible, finished: sessionFinished(entry.slots.keys(), today) });
    }
  }
}
