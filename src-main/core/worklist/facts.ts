// What the work list's rules read of one database (the station's own, or a village's relay copy
// at a township), kept in memory and brought forward from the database's changes since the last
// call (as the statistics' tally is): residents, service entries, status entries, assignments and
// their posts' names, training classes and enrolments, printed 公示 notices and the clerks'
// marks. A list call reads no document: 100,000 residents with 300,000 service entries are a
// walk over maps.
import type { AuditDoc, EmploymentDoc, ResidentDoc, WorklistMarkDoc as MarkDoc } from '../../../shared/documents';
import { PREFIX } from '../../../shared/documents/registry';
import type { AssignmentFact, CourseFact, MarkFact, NoticeFact, ServiceFact, StatusFact } from '../../../shared/worklist/rules';
import { prefixRange, type StationDb } from '../store/db';
import type { AssignmentDoc, EnrolmentDoc, PostDoc, TrainingDoc } from '../store/docs';
import type { ServiceDoc } from '../services/services';

export interface PersonEntry {
  id: string;
  place: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  kind: string;
  registeredOn: string;
  closed: boolean;
}

/** The types read, in the order a fresh read takes them. */
const PREFIXES = [PREFIX.resident, PREFIX.service, PREFIX.employment, PREFIX.assignment, PREFIX.post, PREFIX.training, PREFIX.enrolment, PREFIX.audit, PREFIX.worklistMark];
const CHANGES_BATCH = 2000;
const REBUILD_AFTER = 50_000;
const READ_PAGE = 5000;

/** The id part after the type and place of a `hardshipNotice` print's audit target: `<from>:<to>:<noticeFrom>:<noticeTo>`. */
const NOTICE_TARGET = /^hardshipNotice:(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/;

/** A map of maps: owner → id → value, with the owner of each id to take a value out again. */
class Grouped<T> {
  readonly byOwner = new Map<string, Map<string, T>>();
  private readonly ownerOf = new Map<string, string>();

  set(owner: string, id: string, value: T): void {
    let group = this.byOwner.get(owner);
    if (!group) this.byOwner.set(owner, (group = new Map()));
    group.set(id, value);
    this.ownerOf.set(id, owner);
  }

  /** Takes the id out; returns the owner it had. */
  delete(id: string): string | undefined {
    const owner = this.ownerOf.get(id);
    if (owner === undefined) return undefined;
    this.ownerOf.delete(id);
    const group = this.byOwner.get(owner);
    group?.delete(id);
    if (group?.size === 0) this.byOwner.delete(owner);
    return owner;
  }

  of(owner: string): T[] {
    const group = this.byOwner.get(owner);
    return group ? [...group.values()] : [];
  }

  clear(): void {
    this.byOwner.clear();
    this.ownerOf.clear();
  }
}

export class WorklistFacts {
  private seq = -1;
  private refreshing: Promise<void> | null = null;
  readonly residents = new Map<string, PersonEntry>();
  readonly services = new Grouped<ServiceFact>();
  readonly statuses = new Grouped<StatusFact>();
  /** Assignments by resident, without the post's name (read from `posts` when listed). */
  readonly assignments = new Grouped<Omit<AssignmentFact, 'postName'>>();
  readonly posts = new Map<string, string>();
  readonly sessions = new Map<string, Omit<CourseFact, 'sessionId'>>();
  readonly enrolments = new Grouped<string>();
  /** Printed notices by their period (a reprint of the same period is the same notice). */
  readonly notices = new Map<string, NoticeFact>();
  private readonly noticeOf = new Map<string, string>();
  readonly marks = new Grouped<MarkFact>();

  /**
   * Who changed since the list was last computed (a resident's id, or a notice's target), for the
   * list kept by ./worklist.ts to compute only them again; `everything` when a change touches all
   * (a post's name, a class's end, a fresh read).
   */
  readonly changed = new Set<string>();
  everything = true;
  /** The list as last computed (./worklist.ts keeps it here, one per database). */
  list: unknown = null;

  private touch(...owners: (string | null | undefined)[]): void {
    for (const owner of owners) if (owner) this.changed.add(owner);
  }

  private clear(): void {
    this.touchAll();
    this.residents.clear();
    this.posts.clear();
    this.sessions.clear();
    this.notices.clear();
    this.noticeOf.clear();
    for (const g of [this.services, this.statuses, this.assignments, this.enrolments, this.marks]) g.clear();
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
        this.residents.delete(id);
        this.touch(id);
        const r = doc as unknown as ResidentDoc | undefined;
        if (gone || !r?.registration?.date) return;
        this.residents.set(id, { id, place: r.placeCode, name: r.name, sex: r.sex, birthDate: r.birthDate, kind: r.registration.kind, registeredOn: r.registration.date, closed: r.closure !== null && r.closure !== undefined });
        return;
      }
      case PREFIX.service: {
        const s = doc as unknown as ServiceDoc | undefined;
        this.touch(this.services.delete(id), s?.residentId);
        if (gone || !s?.residentId) return;
        const base = { id, entry: s.entry, date: s.date, ...(s.corrects ? { corrects: s.corrects } : {}) };
        if (s.entry === 'result') this.services.set(s.residentId, id, { ...base, refersTo: s.refersTo });
        else this.services.set(s.residentId, id, { ...base, kind: s.kind, ...(s.referral ? { employer: s.referral.employerName, job: s.referral.job } : {}) });
        return;
      }
      case PREFIX.employment: {
        const e = doc as unknown as EmploymentDoc | undefined;
        this.touch(this.statuses.delete(id), e?.residentId);
        if (gone || !e?.residentId) return;
        this.statuses.set(e.residentId, id, { effectiveDate: e.effectiveDate, recordedOn: e.createdAt.slice(0, 10), fromAssignment: e.source?.kind === 'assignment' });
        return;
      }
      case PREFIX.assignment: {
        const a = doc as unknown as AssignmentDoc | undefined;
        this.touch(this.assignments.delete(id), a?.residentId);
        if (gone || !a?.residentId) return;
        this.assignments.set(a.residentId, id, { id, postId: a.postId, startDate: a.startDate, endDate: a.endDate });
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
      case PREFIX.audit:
        this.applyNotice(id, doc as unknown as AuditDoc | undefined, gone);
        return;
      case PREFIX.worklistMark: {
        const m = doc as unknown as MarkDoc | undefined;
        this.marks.delete(id);
        this.touch(m?.residentId);
        // A notice's mark names no resident: every notice is listed again (there are few).
        if (m?.rule === 'noticeEnded') this.touch(...this.notices.keys());
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

  /** Brings the facts to the database's current sequence: the changes since, or a fresh read by type. */
  refresh(db: StationDb): Promise<void> {
    this.refreshing ??= this.catchUp(db).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async catchUp(db: StationDb): Promise<void> {
    const seq = Number((await db.info()).update_seq);
    if (seq === this.seq) return;
    if (this.seq < 0 || seq - this.seq > REBUILD_AFTER) {
      this.clear();
      // The sequence is taken before reading: what is written meanwhile is replayed next time.
      for (const prefix of PREFIXES) {
        const range = prefixRange(prefix);
        let startkey = range.startkey;
        for (let first = true; ; first = false) {
          const page = await db.allDocs<Record<string, unknown>>({ include_docs: true, startkey, endkey: range.endkey, limit: READ_PAGE, skip: first ? 0 : 1 });
          for (const row of page.rows) this.apply(row.id, row.doc as Record<string, unknown> | undefined, false);
          if (page.rows.length < READ_PAGE) break;
          startkey = page.rows[page.rows.length - 1]!.id;
        }
      }
      this.seq = seq;
      return;
    }
    for (;;) {
      const changes = await db.changes<Record<string, unknown>>({ since: this.seq, include_docs: true, limit: CHANGES_BATCH });
      for (const change of changes.results) this.apply(change.id, change.doc as Record<string, unknown> | undefined, change.deleted === true);
      this.seq = Number(changes.last_seq);
      if (changes.results.length < CHANGES_BATCH) break;
    }
  }
}
