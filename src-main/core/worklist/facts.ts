// What the work list's rules read of one database (the station's own, or a village's relay copy
// at a township), kept in memory and brought forward from the database's changes since the last
// call (as the statistics' tally is): residents, what the rules read of each person's service and
// status entries (./personEntries.ts: a few dates and the referrals waiting for a result),
// assignments and their posts' names, training classes and enrolments, printed 公示 notices, the
// openings and their 拟安置人员公示 (./recruitFacts.ts) and the clerks' marks. A list call reads
// no document: 100,000 residents with 300,000 service entries are a walk over maps.
import type { z } from 'zod';
import type { AssignmentExitDoc, AuditDoc, ExitWithdrawalDoc, ResidentDoc, WorklistMarkDoc as MarkDoc } from '../../../shared/documents';
import { PREFIX } from '../../../shared/documents/registry';
import type { openingSchema, recruitEntrySchema } from '../../../shared/documents/schemasPostCycle';
import type { AssignmentFact, CourseFact, MarkFact, NoticeFact } from '../../../shared/worklist/rules';
import type { StationDb } from '../store/db';
import { SavedCopy, readFactsTo, takeInSlices, type Step } from '../store/keptFacts';
import type { AssignmentDoc, EnrolmentDoc, PostDoc, TrainingDoc } from '../store/docs';
import { Grouped } from './grouped';
import { PersonEntries, type SavedPerson } from './personEntries';
import { PersonTable, type PersonEntry } from './personTable';

export type { PersonEntry } from './personTable';
import { entryFact, type OpeningFact, type RecruitEntryFact } from './recruitFacts';

type OpeningDoc = z.output<typeof openingSchema>;
type RecruitEntryDoc = z.output<typeof recruitEntrySchema>;

/** The types read, in the order a fresh read takes them. */
const PREFIXES = [PREFIX.resident, PREFIX.service, PREFIX.employment, PREFIX.assignment, PREFIX.assignmentExit, PREFIX.exitWithdrawal, PREFIX.post, PREFIX.training, PREFIX.enrolment, PREFIX.audit, PREFIX.opening, PREFIX.recruitEntry, PREFIX.worklistMark];
/**
 * The station's own facts are saved between starts (a file of its `kept/` folder, see
 * store/keptFacts.ts; never replicated, not in backups): reading 100,000 residents with 300,000
 * service entries again took most of a minute. Bump the format when what is kept changes.
 */
export const SAVED_FACTS = '_local/worklist-facts';
const FACTS_FORMAT = 6;
const SAVE_AFTER = 2_000;
/** Beyond this many changes behind, the facts are read afresh by type. */
const REBUILD_AFTER = 50_000;

/** The id part after the type and place of a `hardshipNotice` print's audit target: `<from>:<to>:<noticeFrom>:<noticeTo>`. */
const NOTICE_TARGET = /^hardshipNotice:(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/;

/** An exit (ended early): its assignment and the last day held. */
export interface ExitFact {
  assignmentId: string;
  date: string;
}

interface SavedFacts {
  _id: typeof SAVED_FACTS;
  _rev?: string;
  format: number;
  seq: number;
  residents: PersonEntry[];
  people: SavedPerson[];
  unsure: string[];
  assignments: [string, string, Omit<AssignmentFact, 'postName'>][];
  exits: [string, string, ExitFact][];
  withdrawals: [string, string, string][];
  posts: [string, string][];
  sessions: [string, Omit<CourseFact, 'sessionId'>][];
  enrolments: [string, string, string][];
  notices: [string, NoticeFact][];
  openings: [string, OpeningFact][];
  recruitEntries: [string, string, RecruitEntryFact][];
  marks: [string, string, MarkFact][];
}

export class WorklistFacts {
  private seq = -1;
  private readonly saved = new SavedCopy(SAVE_AFTER);

  /**
   * @param kept whether the facts are saved in the database between starts (the station's own).
   * @param sameId the one string a resident's id is kept as elsewhere (the station's search index).
   */
  constructor(
    private readonly kept = false,
    sameId?: (id: string) => string,
  ) {
    this.table = new PersonTable(sameId);
    this.people = new PersonEntries(this.table);
  }

  private refreshing: Promise<void> | null = null;
  /** Residents and what the rules read of their entries, one slot a person (./personTable.ts). */
  private readonly table: PersonTable;
  /** Each person's service and status entries, as the rules read them. */
  readonly people: PersonEntries;
  /** Assignments by resident, without the post's name (read from `posts` when listed). */
  readonly assignments = new Grouped<Omit<AssignmentFact, 'postName'>>();
  /** Exits by resident: the exit's id → its assignment and date (the last day held). */
  readonly exits = new Grouped<ExitFact>();
  /** Withdrawn exits by resident: the withdrawal's id → the exit's id. */
  readonly withdrawals = new Grouped<string>();
  readonly posts = new Map<string, string>();
  readonly sessions = new Map<string, Omit<CourseFact, 'sessionId'>>();
  readonly enrolments = new Grouped<string>();
  /** Printed notices by their period (a reprint of the same period is the same notice). */
  readonly notices = new Map<string, NoticeFact>();
  private readonly noticeOf = new Map<string, string>();
  /** Openings by id, and the entries of each (by opening) the recruitment rule reads. */
  readonly openings = new Map<string, OpeningFact>();
  readonly recruitEntries = new Grouped<RecruitEntryFact>();
  readonly marks = new Grouped<MarkFact>();

  /**
   * Who changed since the list was last computed (a resident's id, a notice's target, an opening's id), for the
   * list kept by ./worklist.ts to compute only them again; `everything` when a change touches all
   * (a post's name, a class's end, a fresh read).
   */
  readonly changed = new Set<string>();
  everything = true;
  /** The list as last computed (./worklist.ts keeps it here, one per database). */
  list: unknown = null;

  /** A resident as the rules read them. */
  resident(id: string): PersonEntry | undefined {
    return this.table.resident(id);
  }

  /** Every resident's id. */
  residentIds(): IterableIterator<string> {
    return this.table.residentIds();
  }

  private touch(...owners: (string | null | undefined)[]): void {
    for (const owner of owners) if (owner) this.changed.add(owner);
  }

  private clear(): void {
    this.touchAll();
    this.table.clear();
    this.posts.clear();
    this.sessions.clear();
    this.notices.clear();
    this.noticeOf.clear();
    this.openings.clear();
    this.people.clear();
    for (const g of [this.assignments, this.exits, this.withdrawals, this.enrolments, this.recruitEntries, this.marks]) g.clear();
  }

  private touchAll(): void {
    this.everything = true;
  }

  /** Takes in one document (a new revision replaces what the previous one said). */
  apply(id: string, doc: Record<string, unknown> | undefined, deleted: boolean): void {
    const type = id.slice(0, id.indexOf(':') + 1);
    const gone = deleted || !doc;
    switch (type) {
      case PREFIX.resident: {
        this.touch(id);
        const r = doc as unknown as ResidentDoc | undefined;
        if (gone || !r?.registration?.date) this.table.deleteResident(id);
        else this.table.setResident(id, { place: r.placeCode, name: r.name, sex: r.sex, birthDate: r.birthDate, kind: r.registration.kind, registeredOn: r.registration.date, closed: r.closure !== null && r.closure !== undefined });
        return;
      }
      case PREFIX.service:
      case PREFIX.employment:
        this.touch(this.people.apply(id, doc, gone));
        return;
      case PREFIX.assignment: {
        const a = doc as unknown as AssignmentDoc | undefined;
        this.touch(this.assignments.delete(id), a?.residentId);
        // An assignment may place a candidate of a 公示: the openings with entries are listed again (there are few).
        this.touch(...this.recruitEntries.byOwner.keys());
        if (gone || !a?.residentId) return;
        this.assignments.set(a.residentId, id, { id, postId: a.postId, startDate: a.startDate, endDate: a.endDate });
        return;
      }
      case PREFIX.assignmentExit: {
        const x = doc as unknown as AssignmentExitDoc | undefined;
        this.touch(this.exits.delete(id), x?.residentId);
        if (!gone && x?.residentId) this.exits.set(x.residentId, id, { assignmentId: x.assignmentId, date: x.date });
        return;
      }
      case PREFIX.exitWithdrawal: {
        const w = doc as unknown as ExitWithdrawalDoc | undefined;
        this.touch(this.withdrawals.delete(id), w?.residentId);
        if (!gone && w?.residentId) this.withdrawals.set(w.residentId, id, w.exitId);
        return;
      }
      case PREFIX.post: {
        this.posts.delete(id);
        this.touchAll();
        if (!gone) this.posts.set(id, (doc as unknown as PostDoc).name);
        return;
      }
      case PREFIX.training: {
        this.sessions.delete(id);
        this.touchAll();
        const t = doc as unknown as TrainingDoc | undefined;
        if (!gone && t?.endDate) this.sessions.set(id, { name: t.course?.occupation ?? '', endDate: t.endDate });
        return;
      }
      case PREFIX.enrolment: {
        const e = doc as unknown as EnrolmentDoc | undefined;
        this.touch(this.enrolments.delete(id), e?.residentId);
        if (!gone && e?.residentId) this.enrolments.set(e.residentId, id, e.sessionId);
        return;
      }
      case PREFIX.opening: {
        this.openings.delete(id);
        this.touch(id);
        const o = doc as unknown as OpeningDoc | undefined;
        if (!gone && o?.postId) this.openings.set(id, { postId: o.postId, placeCode: o.placeCode, windowFrom: o.windowFrom, windowTo: o.windowTo });
        return;
      }
      case PREFIX.recruitEntry: {
        const e = doc as unknown as RecruitEntryDoc | undefined;
        this.touch(this.recruitEntries.delete(id), e?.openingId);
        const fact = !gone && e?.openingId ? entryFact(e) : null;
        if (fact) this.recruitEntries.set(e!.openingId, id, fact);
        return;
      }
      case PREFIX.audit:
        this.applyNotice(id, doc as unknown as AuditDoc | undefined, gone);
        return;
      case PREFIX.worklistMark: {
        const m = doc as unknown as MarkDoc | undefined;
        this.marks.delete(id);
        this.touch(m?.residentId);
        // A notice's or an opening's mark names no resident: every one is listed again (there are few).
        if (m?.rule === 'noticeEnded') this.touch(...this.notices.keys());
        if (m?.rule === 'recruitNoticeEnded') this.touch(...this.openings.keys());
        if (gone || !m?.key) return;
        this.marks.set(m.key, id, { id, key: m.key, kind: m.kind, until: m.until, reason: m.reason, byName: m.byName, at: m.createdAt });
        return;
      }
      default:
    }
  }

  /** A printed hardship notice (print.hardshipNotice's audit entry names its period); the first print of a period stands for it. */
  private applyNotice(id: string, a: AuditDoc | undefined, gone: boolean): void {
    if (gone || !a || a.action !== 'print' || a.field !== 'hardshipNotice') return;
    const m = NOTICE_TARGET.exec(a.targetId);
    if (!m || this.noticeOf.has(id)) return;
    const existing = this.notices.get(a.targetId);
    if (existing && existing.id < id) return;
    const applicants = /^applicants:(\d+)$/.exec(a.reason ?? '')?.[1];
    this.touch(a.targetId);
    this.notices.set(a.targetId, { id, placeCode: a.placeCode, from: m[1]!, to: m[2]!, noticeFrom: m[3]!, noticeTo: m[4]!, applicants: applicants === undefined ? null : Number(applicants) });
    this.noticeOf.set(id, a.targetId);
  }

  /**
   * Documents just stored in the database, with its sequence before and after them and nothing
   * else between (a pull filling a relay copy): taken in without reading them back, when the
   * facts stand at the sequence before (facts never read, of an empty copy, stand at 0).
   */
  takeWritten(page: { docs: readonly { _id: string; _deleted?: boolean }[]; from: number; to: number }): boolean {
    const at = this.seq < 0 && !this.kept ? 0 : this.seq;
    if (at !== page.from) return false;
    for (const doc of page.docs) this.apply(doc._id, doc as unknown as Record<string, unknown>, doc._deleted === true);
    this.seq = page.to;
    return true;
  }

  /** Brings the facts to the database's current sequence: the changes since, or a fresh read by type. */
  refresh(db: StationDb): Promise<void> {
    // Whoever asks waits for the answer (the work list's screen, the heartbeat's counts): a saved copy is taken in without waiting for other calls.
    this.saved.hurry();
    this.refreshing ??= this.catchUp(db).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async catchUp(db: StationDb): Promise<void> {
    const seq = Number((await db.info()).update_seq);
    if (this.kept && this.seq < 0) await this.loadSaved(db, seq);
    await this.readTo(db, seq);
    for (const owner of await this.people.settle(db)) this.changed.add(owner);
    if (this.kept && this.saved.due(this.seq)) this.save(db);
  }

  /** The facts saved at an earlier start, unless of a later sequence than this database has. */
  private async loadSaved(db: StationDb, current: number): Promise<void> {
    // Taken in a slice at a time (the event loop turns between slices: other calls are answered meanwhile); the list is computed once all of it is in.
    const apply = async (saved: SavedFacts, step: Step) => {
      if (saved.format !== FACTS_FORMAT || !(saved.seq <= current)) return false;
      this.clear();
      await takeInSlices(saved.residents, (r) => this.table.setResident(r.id, r), step);
      await this.people.load(saved, (list, take) => takeInSlices(list, take, step));
      await takeInSlices(saved.assignments, ([owner, id, v]) => this.assignments.set(owner, id, v), step);
      await takeInSlices(saved.exits, ([owner, id, v]) => this.exits.set(owner, id, v), step);
      await takeInSlices(saved.withdrawals, ([owner, id, v]) => this.withdrawals.set(owner, id, v), step);
      await takeInSlices(saved.posts, ([id, name]) => this.posts.set(id, name), step);
      await takeInSlices(saved.sessions, ([id, v]) => this.sessions.set(id, v), step);
      await takeInSlices(saved.enrolments, ([owner, id, v]) => this.enrolments.set(owner, id, v), step);
      await takeInSlices(saved.notices, ([target, n]) => {
        this.notices.set(target, n);
        this.noticeOf.set(n.id, target);
      }, step);
      await takeInSlices(saved.openings, ([id, o]) => this.openings.set(id, o), step);
      await takeInSlices(saved.recruitEntries, ([owner, id, v]) => this.recruitEntries.set(owner, id, v), step);
      await takeInSlices(saved.marks, ([owner, id, v]) => this.marks.set(owner, id, v), step);
      return true;
    };
    const seq = await this.saved.restore(db, SAVED_FACTS, apply, () => this.clear());
    if (seq >= 0) this.seq = seq;
  }

  /** Saves the facts as they are now (taken at once; later changes wait for the next save). */
  private save(db: StationDb): void {
    if (this.saved.busy) return;
    const doc: SavedFacts = {
      _id: SAVED_FACTS,
      format: FACTS_FORMAT,
      seq: this.seq,
      residents: [...this.table.residentIds()].map((id) => this.table.resident(id)!),
      ...this.people.saved(),
      assignments: this.assignments.entries(),
      exits: this.exits.entries(),
      withdrawals: this.withdrawals.entries(),
      posts: [...this.posts],
      sessions: [...this.sessions],
      enrolments: this.enrolments.entries(),
      notices: [...this.notices],
      openings: [...this.openings],
      recruitEntries: this.recruitEntries.entries(),
      marks: this.marks.entries(),
    };
    this.saved.save(db, doc);
  }

  private async readTo(db: StationDb, seq: number): Promise<void> {
    this.seq = await readFactsTo(db, this.seq, seq, {
      prefixes: PREFIXES,
      rebuildAfter: REBUILD_AFTER,
      clear: () => {
        this.clear();
        this.people.readAfresh();
      },
      apply: (id, doc, deleted) => this.apply(id, doc, deleted),
    });
  }
}
