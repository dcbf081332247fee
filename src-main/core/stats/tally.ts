// The tally: one database's post, attendance and training records (and a relay copy's residents
// and employment status entries) kept in memory, brought forward from the changes feed, saved in `_local/stats-tally`.
import { entryFact, residentFact, type EntryFact, type EntrySource, type ResidentFact, type ResidentSource } from '../../../shared/employment/counts';
import type { RegistrationKind } from '../../../shared/residents/schema';
import type { StatsGroup } from '../../../shared/stats/contract';
import { ID_PREFIX, type AssignmentDoc, type AttendanceDoc, type EnrolmentDoc, type ResidentDoc, type SignInDoc, type TrainingDoc } from '../store/docs';
import type { StationDb } from '../store/db';
import { SavedCopy, readFactsTo, takeInSlices, type Step } from '../store/keptFacts';
import { add, isEligible, nextMonth, sessionFinished, type Facts } from './facts';

/**
 * The station's own tally, kept between starts (a file of its `kept/` folder, see
 * store/keptFacts.ts: never replicated, not in backups, since its sequence is this database's).
 * Reading every post, attendance and training record again took 20–30 s at a station with a year
 * of daily marks.
 */
export const SAVED_TALLY = '_local/stats-tally';
// Bump when what Tally.apply keeps changes: an older saved tally is then read again from the records.
const TALLY_FORMAT = 1;
/** The saved tally is replaced once this many changes came in since it was saved. */
const SAVE_AFTER = 2_000;
/**
 * Or at a quiet moment once this many came in: the copy is 19 MB of JSON at 100,000 residents
 * with a year of marks, not worth writing for every record (a start replays fewer changes in
 * well under a second).
 */
const QUIET_SAVE_AFTER = 200;
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

/**
 * Texts the tally keeps once however often they occur, by a small number (issue 18). A year of
 * daily marks and sign-ins repeats the same places, months, sessions and residents in every
 * record: kept as objects of their own strings they held 29 MB at 100,000 residents.
 */
class Texts {
  private readonly codes = new Map<string, number>();
  readonly texts: string[] = [];

  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.codes.set(text, code);
    }
    return code;
  }

  text(code: number): string {
    return this.texts[code]!;
  }

  /** The text's code, without adding it. */
  find(text: string): number | undefined {
    return this.codes.get(text);
  }

  clear(): void {
    this.codes.clear();
    this.texts.length = 0;
  }
}

/** Two codes in one number (exact in a double): the first below 2^28, the second below 2^24. */
const PAIR = 2 ** 24;
const pair = (a: number, b: number) => a * PAIR + b;
const first = (packed: number) => Math.floor(packed / PAIR);
const second = (packed: number) => packed % PAIR;

/**
 * Records' ids as numbers: the part before the last `:` and the part after, each kept once
 * (`attendance:<place>:<post>:<month>:<resident>` and the day; `signIn:<session>:<date>:<half>`
 * and the resident). A year of marks and sign-ins held 10 MB of id strings at 100,000 residents.
 * An id whose parts run out of numbers stays a string.
 */
class Ids {
  private readonly heads = new Texts();
  private readonly tails = new Texts();

  key(id: string): number | string {
    const at = id.lastIndexOf(':');
    const head = this.heads.code(id.slice(0, at + 1));
    const tail = this.tails.code(id.slice(at + 1));
    return head < 2 ** 28 && tail < PAIR ? pair(head, tail) : id;
  }

  /** The key of an id already kept (undefined for one never seen), adding nothing. */
  find(id: string): number | string | undefined {
    const at = id.lastIndexOf(':');
    const head = this.heads.find(id.slice(0, at + 1));
    const tail = this.tails.find(id.slice(at + 1));
    return head === undefined || tail === undefined || head >= 2 ** 28 || tail >= PAIR ? id : pair(head, tail);
  }

  id(key: number | string): string {
    return typeof key === 'string' ? key : this.heads.text(first(key)) + this.tails.text(second(key));
  }

  clear(): void {
    this.heads.clear();
    this.tails.clear();
  }
}

export class Tally {
  seq = -1;
  readonly residents = new Map<string, { place: string; date: string; kind: RegistrationKind; groups: readonly StatsGroup[] }>();
  /** A mark's id (`recordIds`) → the code of its `month|place|mark` (the key the counts add up). */
  readonly attendance = new Map<number | string, number>();
  readonly assignments = new Map<string, { place: string; residentId: string; from: string; to: string }>();
  readonly sessions = new Map<string, SessionEntry>();
  /** An enrolment's id (`recordIds`) → its session's and resident's codes (`ids`). */
  readonly enrolments = new Map<number | string, number>();
  /** A sign-in's id (`recordIds`) → the codes of its `session slot` (`slots`) and its resident (`ids`). */
  readonly signIns = new Map<number | string, number>();
  private readonly recordIds = new Ids();
  private readonly markKeys = new Texts();
  private readonly ids = new Texts();
  private readonly slots = new Texts();
  /** A relay copy's employment status entries and what the counts read of its residents (shared/employment/counts.ts). */
  readonly employment = new Map<string, EntryFact>();
  readonly residentFacts = new Map<string, ResidentFact>();
  private refreshing: Promise<void> | null = null;

  private readonly saved = new SavedCopy(SAVE_AFTER);
  readonly quietSaveAfter = QUIET_SAVE_AFTER;

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
    for (const texts of [this.markKeys, this.ids, this.slots, this.recordIds]) texts.clear();
  }

  private remove(id: string): void {
    for (const map of this.maps()) map.delete(id);
    const key = this.recordIds.find(id);
    if (key !== undefined) for (const map of [this.attendance, this.enrolments, this.signIns]) map.delete(key);
  }

  private maps(): Map<string, unknown>[] {
    return [this.residents, this.assignments, this.sessions, this.employment, this.residentFacts];
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
      if (a.date && a.mark) this.setMark(id, { place: a.placeCode, month: a.date.slice(0, 7), mark: a.mark });
    } else if (id.startsWith(ID_PREFIX.assignment)) {
      const a = doc as unknown as AssignmentDoc;
      if (a.startDate && a.endDate) this.assignments.set(id, { place: a.placeCode, residentId: a.residentId, from: a.startDate.slice(0, 7), to: a.endDate.slice(0, 7) });
    } else if (id.startsWith(ID_PREFIX.training)) {
      const t = doc as unknown as TrainingDoc;
      if (t.startDate) this.sessions.set(id, { place: t.placeCode, startDate: t.startDate, slots: new Map((t.timetable ?? []).map((s) => [`${s.date}:${s.half}`, s.classHours])) });
    } else if (id.startsWith(ID_PREFIX.enrolment)) {
      const e = doc as unknown as EnrolmentDoc;
      this.setEnrolment(id, { sessionId: e.sessionId, residentId: e.residentId });
    } else if (id.startsWith(ID_PREFIX.signIn)) {
      const s = doc as unknown as SignInDoc;
      if (s.in) this.setSignIn(id, { sessionId: s.sessionId, residentId: s.residentId, slot: `${s.date}:${s.half}` });
    }
  }

  private setMark(id: string, m: { place: string; month: string; mark: string }): void {
    this.attendance.set(this.recordIds.key(id), this.markKeys.code(`${m.month}|${m.place}|${m.mark}`));
  }

  private setEnrolment(id: string, e: { sessionId: string; residentId: string }): void {
    this.enrolments.set(this.recordIds.key(id), pair(this.ids.code(e.sessionId), this.ids.code(e.residentId)));
  }

  private setSignIn(id: string, s: { sessionId: string; residentId: string; slot: string }): void {
    this.signIns.set(this.recordIds.key(id), pair(this.slots.code(`${s.sessionId} ${s.slot}`), this.ids.code(s.residentId)));
  }

  private mark(code: number): { place: string; month: string; mark: string } {
    const [month, place, mark] = this.markKeys.text(code).split('|') as [string, string, string];
    return { place, month, mark };
  }

  private enrolment(packed: number): { sessionId: string; residentId: string } {
    return { sessionId: this.ids.text(first(packed)), residentId: this.ids.text(second(packed)) };
  }

  private signIn(packed: number): { sessionId: string; residentId: string; slot: string } {
    const sessionSlot = this.slots.text(first(packed));
    const space = sessionSlot.lastIndexOf(' ');
    return { sessionId: sessionSlot.slice(0, space), slot: sessionSlot.slice(space + 1), residentId: this.ids.text(second(packed)) };
  }

  /**
   * Brings the tally to the database's current update_seq: nothing to do when it is there, the
   * changes since otherwise, or a fresh read by type when too much changed (a seeded station).
   */
  async refresh(db: StationDb, background = false): Promise<void> {
    if (!background) this.saved.hurry();
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
    const apply = async (saved: SavedTally, step: Step) => {
      if (saved.format !== TALLY_FORMAT || !(saved.seq <= current)) return false;
      await takeInSlices(saved.attendance, ([id, a]) => this.setMark(id, a), step);
      await takeInSlices(saved.assignments, ([id, a]) => this.assignments.set(id, a), step);
      await takeInSlices(saved.sessions, ([id, t]) => this.sessions.set(id, { place: t.place, startDate: t.startDate, slots: new Map(t.slots) }), step);
      await takeInSlices(saved.enrolments, ([id, e]) => this.setEnrolment(id, e), step);
      await takeInSlices(saved.signIns, ([id, e]) => this.setSignIn(id, e), step);
      return true;
    };
    const seq = await this.saved.restore(db, SAVED_TALLY, apply, () => this.clear());
    if (seq >= 0) this.seq = seq;
  }

  /** Saves the tally if changes came in since it was last saved (the follower, once the feed is quiet). */
  saveIfBehind(db: StationDb, atLeast = 1): void {
    if (this.kept && this.seq >= 0 && (this.saved.seq < 0 || this.seq - this.saved.seq >= atLeast)) this.save(db);
  }

  /** Saves the tally as it is now (taken at once: later changes wait for the next save). */
  private save(db: StationDb): void {
    if (this.saved.busy) return;
    const doc: SavedTally = {
      _id: SAVED_TALLY,
      format: TALLY_FORMAT,
      seq: this.seq,
      attendance: [...this.attendance].map(([key, code]) => [this.recordIds.id(key), this.mark(code)]),
      assignments: [...this.assignments],
      sessions: [...this.sessions].map(([id, t]) => [id, { place: t.place, startDate: t.startDate, slots: [...t.slots] }]),
      enrolments: [...this.enrolments].map(([key, packed]) => [this.recordIds.id(key), this.enrolment(packed)]),
      signIns: [...this.signIns].map(([key, packed]) => [this.recordIds.id(key), this.signIn(packed)]),
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
    const marks = new Map<number, number>();
    for (const code of this.attendance.values()) marks.set(code, (marks.get(code) ?? 0) + 1);
    for (const [code, count] of marks) {
      const key = this.markKeys.text(code);
      if (inRange(key.slice(0, 7))) add(facts.marks, key, count);
    }
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
    for (const packed of this.enrolments.values()) sessions.get(this.ids.text(first(packed)))?.trainees.add(this.ids.text(second(packed)));
    // Each session's half-day once: its session in range and its class hours, or null.
    const slots = new Map<number, { hours: Map<string, number>; classHours: number } | null>();
    for (const packed of this.signIns.values()) {
      const code = first(packed);
      let slot = slots.get(code);
      if (slot === undefined) {
        const { sessionId, slot: half } = this.signIn(packed);
        const session = sessions.get(sessionId);
        const classHours = session?.entry.slots.get(half);
        // A sign-in of a half-day the timetable no longer has counts nothing (as in training.attendance).
        slots.set(code, (slot = session && classHours !== undefined ? { hours: session.hours, classHours } : null));
      }
      if (!slot) continue;
      const residentId = this.ids.text(second(packed));
      slot.hours.set(residentId, (slot.hours.get(residentId) ?? 0) + slot.classHours);
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
