// Employment status (就业登记): a resident's dated entries, recorded and corrected (never
// rewritten), read newest first with the current one; the facts the counts read (./levels.ts).
import type { EmploymentDoc, ResidentDoc, Stamp } from '../../../shared/documents';
import { residentEntryPrefix } from '../../../shared/documents/ids';
import { currentEntry, entryFact, residentFact, standingEntries, type CountFacts, type EntryFact, type ResidentFact } from '../../../shared/employment/counts';
import type { EmploymentEntryView, EmploymentHistoryView } from '../../../shared/employment/contract';
import type { ClosureEmployment, EmploymentEntryData } from '../../../shared/employment/schema';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { fail, notFound, type CoreContext } from '../context';
import { DocCache } from '../store/docCache';
import { docsById, prefixRange } from '../store/db';
import { ID_PREFIX } from '../store/docs';
import { fieldError } from '../validation';
import { buildEntry, storeWithEntries, type ClosureEntries, type EntryExtras } from './entries';

type Stored = EmploymentDoc & { _rev: string };

export function entryView(doc: EmploymentDoc, correctedBy: string | null = null): EmploymentEntryView {
  return {
    id: doc._id,
    residentId: doc.residentId,
    status: doc.status,
    area: doc.area,
    destination: doc.destination,
    employer: doc.employer,
    effectiveDate: doc.effectiveDate,
    endDate: doc.endDate,
    note: doc.note,
    recordedBy: doc.recordedByName || doc.recordedBy,
    recordedAt: doc.createdAt,
    source: doc.source,
    corrects: doc.corrects,
    correctionReason: doc.correctionReason,
    correctedBy,
  };
}

const fact = (d: EmploymentDoc): EntryFact => entryFact(d);

export class EmploymentService implements ClosureEntries {
  /** Every entry of the station, for the counts (kept current by the changes feed). */
  readonly entries = new DocCache<EmploymentDoc>(ID_PREFIX.employment);

  constructor(private readonly ctx: CoreContext) {}

  private async resident(residentId: string): Promise<ResidentDoc & { _rev: string }> {
    return (await this.ctx.residentDoc(residentId)) ?? notFound('residentId');
  }

  /** When the last entry was written here: "the later written" of two on one day needs times that differ. */
  private lastWritten = '';

  private build(resident: ResidentDoc, data: EmploymentEntryData, user: SessionUser, extras: EntryExtras = {}): EmploymentDoc {
    return buildEntry(resident, data, user, (u, place) => this.stamp(u, place), this.ctx.today(), extras);
  }

  /** The stamp, a millisecond after the previous entry's when the clock has not moved since (two writes in one millisecond). */
  private stamp(user: SessionUser, place: string): Stamp {
    let stamp = this.ctx.stamp(user, place);
    if (stamp.createdAt <= this.lastWritten) {
      const at = new Date(Date.parse(this.lastWritten) + 1).toISOString();
      stamp = { ...stamp, createdAt: at, updatedAt: at };
    }
    this.lastWritten = stamp.createdAt;
    return stamp;
  }

  /** The entries of one resident, as stored (their ids start with the resident's place and key): one range read, not the station's every entry. */
  async entriesOf(resident: Pick<ResidentDoc, '_id' | 'placeCode'>): Promise<Stored[]> {
    const prefix = residentEntryPrefix('employment', resident.placeCode, resident._id.slice(ID_PREFIX.resident.length));
    const result = await this.ctx.db.allDocs<EmploymentDoc>({ include_docs: true, ...prefixRange(prefix) });
    return result.rows.flatMap((r) => (r.doc && r.doc.residentId === resident._id ? [r.doc as Stored] : []));
  }

  private async store(doc: EmploymentDoc): Promise<EmploymentEntryView> {
    const result = await this.ctx.db.bulkDocs([doc]);
    const r = result[0]!;
    if (!('rev' in r) || r.ok === false) throw new Error(`employment entry not stored: ${'error' in r ? String(r.error) : 'unknown'}`);
    this.entries.put({ ...doc, _rev: r.rev });
    return entryView(doc);
  }

  async record(args: ParsedArgsOf<'employment.record'>, user: SessionUser): Promise<EmploymentEntryView> {
    const { residentId, ...data } = args;
    const resident = await this.resident(residentId);
    return this.store(this.build(resident, data, user));
  }

  async correct(args: ParsedArgsOf<'employment.correct'>, user: SessionUser): Promise<EmploymentEntryView> {
    const { residentId, corrects, reason, ...data } = args;
    const resident = await this.resident(residentId);
    const entries = await this.entriesOf(resident);
    if (!entries.some((e) => e._id === corrects)) fail(fieldError('corrects', 'errors.employment.unknownEntry'));
    if (entries.some((e) => e.corrects === corrects)) fail(fieldError('corrects', 'errors.employment.alreadyCorrected'));
    return this.store(this.build(resident, data, user, { corrects, correctionReason: reason }));
  }

  async history(residentId: string): Promise<EmploymentHistoryView> {
    const resident = await this.resident(residentId);
    const docs = await this.entriesOf(resident);
    const correctedBy = new Map(docs.flatMap((d) => (d.corrects ? [[d.corrects, d._id] as const] : [])));
    const views = new Map(docs.map((d) => [d._id, entryView(d, correctedBy.get(d._id) ?? null)]));
    const current = currentEntry(docs.map(entryFact));
    // Newest first: the reverse of the standing order, corrected entries in it by the same keys.
    const ordered = standingEntries(docs.map((d) => ({ ...entryFact(d), corrects: null }))).reverse();
    return { current: current ? views.get(current.id)! : null, entries: ordered.map((e) => views.get(e.id)!) };
  }

  /** The entry a registration closed as employed writes (the closure dialog's choices, else 单位就业 from the closure date). */
  closureEntry(resident: ResidentDoc, closure: { date: string; employment?: ClosureEmployment | undefined }, user: SessionUser, closureId: string): EmploymentDoc {
    const e = closure.employment;
    const data: EmploymentEntryData = {
      status: e?.status ?? 'employee',
      area: e?.area ?? null,
      destination: e?.destination ?? '',
      employer: e?.employer ?? null,
      effectiveDate: e?.effectiveDate ?? closure.date,
      endDate: null,
      note: '',
    };
    return this.build(resident, data, user, { source: { kind: 'closure', id: closureId }, fieldPrefix: 'employment.' });
  }

  /** The 公益性岗位 entry of a post assignment, for its period. */
  assignmentEntry(resident: ResidentDoc, assignment: { _id: string; startDate: string; endDate: string }, employer: { name: string; creditCode: string }, user: SessionUser): EmploymentDoc {
    const data: EmploymentEntryData = {
      status: 'publicWelfare',
      area: null,
      destination: '',
      employer: employer.name ? employer : null,
      effectiveDate: assignment.startDate,
      endDate: assignment.endDate,
      note: '',
    };
    return this.build(resident, data, user, { source: { kind: 'assignment', id: assignment._id }, allowFuture: true });
  }

  /** Stores a record with the entries it made, all or nothing (see storeWithEntries). */
  async storeWith<T extends { _id: string; _rev?: string }>(doc: T, entries: readonly EmploymentDoc[], previous: (T & { _rev: string }) | null = null): Promise<T & { _rev: string }> {
    this.ctx.assertUnlocked([doc._id]);
    const stored = await storeWithEntries(this.ctx.db, doc, entries, previous);
    for (const e of stored.entries) this.entries.put(e);
    return stored.doc;
  }

  /** Every entry of the station (corrected ones too), from memory once loaded: the ledgers read them all at once. */
  async allEntries(): Promise<EmploymentDoc[]> {
    await this.entries.ensure(this.ctx.db);
    return this.entries.values();
  }

  /** The station's own entries and the residents they are of: what the counts read here. */
  async ownFacts(): Promise<CountFacts> {
    await this.entries.ensure(this.ctx.db);
    const entries = this.entries.values().map(fact);
    const ids = [...new Set(entries.map((f) => f.residentId))];
    const residents = new Map<string, ResidentFact>();
    for (const [id, doc] of await docsById<ResidentDoc>(this.ctx.db, ids)) residents.set(id, residentFact(doc));
    return { entries, residents };
  }
}
