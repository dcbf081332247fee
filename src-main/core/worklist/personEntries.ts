// A person's service and status entries as the work list keeps them: what the rules read of them
// (shared/worklist/rules.ts ServiceSummary, StatusSummary), not the entries. At 100,000 residents
// with 307,000 service and 154,000 status entries, keeping every entry by its id was 147 MB of the
// host's heap (issue 18); a person's summary is a few dates and the referrals waiting for a result,
// kept in the columns of ./personTable.ts.
//
// Read afresh, a person's entries come together (their ids share one head), so each person is
// summarized whole. Coming one by one (own writes, replication), a new plain service moves the
// latest date and a new status entry the latest days; anything else (a referral, a result, a
// correction, a later revision, a deletion) leaves the person unsure, and their entries are read
// again, by the one range their ids share, before the list is computed (`settle`).
import type { EmploymentDoc } from '../../../shared/documents';
import { residentEntryHead, residentEntryPrefix } from '../../../shared/documents/ids';
import { PREFIX } from '../../../shared/documents/registry';
import { NO_SERVICES, NO_STATUSES, isPlainService, later, summarizeServices, summarizeStatuses, type ServiceFact, type ServiceSummary, type StatusFact, type StatusSummary } from '../../../shared/worklist/rules';
import type { ServiceDoc } from '../services/services';
import { prefixRange, type StationDb } from '../store/db';
import { compact, sharedText } from './grouped';
import { PersonTable, type Kept } from './personTable';

/** What a saved copy keeps of a person. */
export type SavedPerson = [owner: string, places: string, lastService: string | null, open: ServiceFact[] | null, awaited: string[] | null, last: string | null, lastOwn: string | null];

/** A service entry as the rules read it. */
export function serviceFact(id: string, s: ServiceDoc): ServiceFact {
  const base = { id, entry: s.entry, date: s.date, ...(s.corrects ? { corrects: s.corrects } : {}) };
  if (s.entry === 'result') return { ...base, refersTo: s.refersTo };
  return { ...base, kind: s.kind, ...(s.referral ? { employer: s.referral.employerName, job: s.referral.job } : {}) };
}

/** A status entry as the rules read it. */
export function statusFact(e: EmploymentDoc): StatusFact {
  return { effectiveDate: e.effectiveDate, recordedOn: e.createdAt.slice(0, 10), fromAssignment: e.source?.kind === 'assignment' };
}

/** A document seen for the first time can be folded in: its first revision (or one written here without a revision yet). */
const firstRevision = (doc: Record<string, unknown>) => doc._rev === undefined || String(doc._rev).startsWith('1-');

const day = (d: string | null) => d && sharedText(d);

/** The entries of one head being read afresh. */
interface Reading {
  head: string;
  owner: string;
  place: string;
  type: 'service' | 'employment';
  services: ServiceFact[];
  statuses: StatusFact[];
}

export class PersonEntries {
  /** People whose entries are read again before the next list. */
  private readonly unsure = new Set<string>();
  /** Reading afresh: documents come in id order, each person's together. */
  private afresh: Reading | null = null;

  /**
   * @param table where each person's summary is kept: the residents' table (./facts.ts), so that
   * 300,000 ids are kept once, as one slot each.
   */
  constructor(private readonly table: PersonTable = new PersonTable()) {}

  services(owner: string): ServiceSummary {
    const k = this.table.entries(owner);
    return k ? { lastService: k.lastService, openReferrals: k.open ?? [] } : NO_SERVICES;
  }

  statuses(owner: string): StatusSummary {
    const k = this.table.entries(owner);
    return k ? { last: k.last, lastOwn: k.lastOwn } : NO_STATUSES;
  }

  clear(): void {
    this.table.clearEntries();
    this.unsure.clear();
    this.afresh = null;
  }

  /** Every entry is read again, in id order, until the next `settle`. */
  readAfresh(): void {
    this.clear();
    this.afresh = { head: '', owner: '', place: '', type: 'service', services: [], statuses: [] };
  }

  /** A person's summary as kept, with this place among theirs (written back by `keep`). */
  private person(owner: string, place: string): Kept {
    const k = this.table.entries(owner);
    if (!k) return { places: sharedText(place), lastService: null, open: null, awaited: null, last: null, lastOwn: null };
    if (!k.places.split(',').includes(place)) k.places = sharedText(`${k.places},${place}`);
    return k;
  }

  private keep(owner: string, k: Kept): void {
    this.table.setEntries(owner, k);
  }

  /** Takes in a service or status document (a new revision replaces what the last said); answers the person it concerns, null for another id. */
  apply(id: string, doc: Record<string, unknown> | undefined, gone: boolean): string | null {
    const head = residentEntryHead(id);
    if (!head) return null;
    const owner = `${PREFIX.resident}${head.key}`;
    const reading = this.afresh;
    if (reading) {
      if (reading.head !== head.head) {
        this.summarize(reading);
        Object.assign(reading, { head: head.head, owner, place: head.place, type: head.type, services: [], statuses: [] });
      }
      if (gone || !doc) return owner;
      if (head.type === 'employment') reading.statuses.push(statusFact(doc as unknown as EmploymentDoc));
      else reading.services.push(serviceFact(id, doc as unknown as ServiceDoc));
      return owner;
    }
    const k = this.person(owner, head.place);
    if (gone || !doc || !firstRevision(doc)) this.unsure.add(owner);
    else if (head.type === 'employment') this.foldStatuses(k, [statusFact(doc as unknown as EmploymentDoc)]);
    else if (!this.foldService(k, serviceFact(id, doc as unknown as ServiceDoc))) this.unsure.add(owner);
    this.keep(owner, k);
    return owner;
  }

  /** One head read whole: its person's summary (a person's entries at two places are two heads, each taken in). */
  private summarize(r: Reading): void {
    if (!r.head) return;
    const k = this.person(r.owner, r.place);
    if (r.type === 'employment') this.foldStatuses(k, r.statuses);
    else this.foldServices(k, r.services);
    this.keep(r.owner, k);
  }

  private foldServices(k: Kept, services: readonly ServiceFact[]): void {
    const s = summarizeServices(services);
    k.lastService = later(k.lastService, day(s.lastService));
    if (s.openReferrals.length > 0) k.open = [...(k.open ?? []), ...s.openReferrals.map((e) => compact(e.id, e))];
    const ids = new Set(services.map((e) => e.id));
    const awaited = services.flatMap((e) => (e.corrects && !ids.has(e.corrects) ? [e.corrects] : []));
    if (awaited.length > 0) k.awaited = [...(k.awaited ?? []), ...awaited];
  }

  private foldStatuses(k: Kept, statuses: readonly StatusFact[]): void {
    const t = summarizeStatuses(statuses);
    k.last = later(k.last, day(t.last));
    k.lastOwn = later(k.lastOwn, day(t.lastOwn));
  }

  /** Folds a new service in; false when the person's entries must be read again. */
  private foldService(k: Kept, s: ServiceFact): boolean {
    if (!isPlainService(s)) return false;
    if (!k.awaited?.includes(s.id)) k.lastService = later(k.lastService, day(s.date));
    return true;
  }

  /** Ends a fresh read: its last person is summarized. */
  endReading(): void {
    if (this.afresh) this.summarize(this.afresh);
    this.afresh = null;
  }

  /** Ends a fresh read, and reads again the entries of the people left unsure; answers who they are (their rows are computed again). */
  async settle(db: StationDb): Promise<string[]> {
    this.endReading();
    const owners = [...this.unsure];
    this.unsure.clear();
    for (const owner of owners) {
      const k = this.table.entries(owner);
      if (!k) continue;
      const key = owner.slice(PREFIX.resident.length);
      const reading = { owner, services: [] as ServiceFact[], statuses: [] as StatusFact[] };
      this.keep(owner, { places: k.places, lastService: null, open: null, awaited: null, last: null, lastOwn: null });
      for (const place of k.places.split(',')) {
        const serviceHead = residentEntryPrefix('service', place, key);
        const services = await db.allDocs<ServiceDoc>({ include_docs: true, ...prefixRange(serviceHead) });
        this.summarize({ ...reading, head: serviceHead, place, type: 'service', services: services.rows.flatMap((row) => (row.doc ? [serviceFact(row.id, row.doc)] : [])) });
        if (!place) continue;
        const statusHead = residentEntryPrefix('employment', place, key);
        const statuses = await db.allDocs<EmploymentDoc>({ include_docs: true, ...prefixRange(statusHead) });
        this.summarize({ ...reading, head: statusHead, place, type: 'employment', statuses: statuses.rows.flatMap((row) => (row.doc ? [statusFact(row.doc)] : [])) });
      }
    }
    return owners;
  }

  /** What a saved copy keeps (people left unsure are saved unsure, and read again after a start). */
  saved(): { people: SavedPerson[]; unsure: string[] } {
    const people: SavedPerson[] = [];
    for (const [owner, k] of this.table.eachEntries()) people.push([owner, k.places, k.lastService, k.open, k.awaited, k.last, k.lastOwn]);
    return { people, unsure: [...this.unsure] };
  }

  /** Takes a saved copy in; `each` goes through a list (the saved facts take theirs in slices). */
  async load(saved: { people: SavedPerson[]; unsure: string[] }, each: <T>(list: T[], take: (entry: T) => void) => Promise<void>): Promise<void> {
    this.clear();
    await each(saved.people, ([owner, places, lastService, open, awaited, last, lastOwn]) => {
      this.keep(owner, { places: sharedText(places), lastService: day(lastService), open: open && open.map((e) => compact(e.id, e)), awaited, last: day(last), lastOwn: day(lastOwn) });
    });
    await each(saved.unsure, (owner) => this.unsure.add(owner));
  }
}
