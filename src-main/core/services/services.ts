// Service records (服务记录): recording a contact with a resident, a referral's result and a
// correction, each a new append-only document (`service:<place>:<resident key>:<time>:<random>`,
// never rewritten: ctx.write refuses append-only ids, and so does the county's server). A
// resident's entries at this station are one key range, read whole for the rules and the list.
import type { z } from 'zod';
import { residentEntryPrefix } from '../../../shared/documents/ids';
import { docId, keyOfId, PREFIX } from '../../../shared/documents/registry';
import type { serviceSchema } from '../../../shared/documents/schemas';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { LeyeError } from '../../../shared/rpc/errors';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import type { ServiceView } from '../../../shared/services/contract';
import { correctionIssues, resultIssues, serviceIssues, type ServiceFacts, type StoredEntry } from '../../../shared/services/rules';
import type { CoreContext } from '../context';
import { notFound } from '../context';
import { randomId } from '../residents/identity';
import { prefixRange, type StationDb } from '../store/db';
import type { ResidentDoc } from '../store/docs';

export type ServiceDoc = z.output<typeof serviceSchema>;
type Stored = ServiceDoc & { _rev: string };

/** The first key of a resident's entries at a station: `service:<place>:<resident key>:`. */
export function residentRange(place: string, residentId: string): { startkey: string; endkey: string } {
  return prefixRange(residentEntryPrefix('service', place, keyOfId(residentId)));
}

/** Visits the rows of every service entry, a page at a time in id order; ends early when `visit` returns false. */
async function eachServiceRow(db: StationDb, docs: boolean, pageSize: number, visit: (row: { id: string; doc?: ServiceDoc | null }) => boolean | void): Promise<void> {
  const { startkey, endkey } = prefixRange(PREFIX.service);
  let from = startkey;
  let skip = 0;
  for (;;) {
    const page = await db.allDocs<ServiceDoc>({ include_docs: docs, startkey: from, endkey, skip, limit: pageSize });
    for (const row of page.rows) if (visit(row as { id: string; doc?: ServiceDoc | null }) === false) return;
    if (page.rows.length < pageSize) return;
    from = page.rows[page.rows.length - 1]!.id;
    skip = 1;
  }
}

/**
 * Visits every service entry in the station's database a page at a time (for the ledgers: one
 * pass over 300,000 entries, never a read per person). Ends early when `visit` returns false.
 */
export function eachServiceEntry(db: StationDb, visit: (doc: ServiceDoc) => boolean | void, pageSize = 5000): Promise<void> {
  return eachServiceRow(db, true, pageSize, (row) => (row.doc ? visit(row.doc) : undefined));
}

/** Visits every service entry's id only (a fraction of the time of reading the entries). */
export function eachServiceId(db: StationDb, visit: (id: string) => boolean | void, pageSize = 20_000): Promise<void> {
  return eachServiceRow(db, false, pageSize, (row) => visit(row.id));
}

/** When an entry was written, from its id (`service:<place>:<resident key>:<time>:<random>`). */
export function serviceWrittenAt(id: string): string {
  return id.split(':').slice(3, -1).join(':');
}

/** A resident's entries at one place, whole (`<place>` as the entry's id has it). */
export async function residentEntries(db: StationDb, place: string, residentId: string): Promise<ServiceDoc[]> {
  const result = await db.allDocs<ServiceDoc>({ include_docs: true, ...residentRange(place, residentId) });
  return result.rows.flatMap((r) => (r.doc ? [r.doc as ServiceDoc] : []));
}

function refuse(issues: FieldIssue[]): void {
  const first = issues[0];
  if (!first) return;
  throw new LeyeError({ code: 'VALIDATION', field: first.field, messageKey: first.messageKey, ...(first.params ? { params: first.params } : {}), issues });
}

/** A stored entry as the screens show it; `correctedBy` from the entries of the same resident. */
export function serviceView(doc: ServiceDoc, all: readonly ServiceDoc[]): ServiceView {
  const correctedBy = all.find((d) => d.corrects === doc._id)?._id ?? null;
  const corrected = doc.corrects ? all.find((d) => d._id === doc.corrects) : undefined;
  const common = {
    id: doc._id,
    residentId: doc.residentId,
    entry: doc.entry,
    date: doc.date,
    by: doc.createdBy,
    at: doc.createdAt,
    correctedBy,
    ...(doc.corrects ? { corrects: doc.corrects, ...(corrected ? { correctsDate: corrected.date } : {}) } : {}),
  };
  if (doc.entry === 'result') return { ...common, refersTo: doc.refersTo, result: doc.result, note: doc.note };
  return { ...common, channel: doc.channel, kind: doc.kind, content: doc.content, outcome: doc.outcome, ...(doc.referral ? { referral: doc.referral } : {}) };
}

/** An entry as the rules read it. */
export const storedEntry = (d: ServiceDoc): StoredEntry => ({
  id: d._id,
  residentId: d.residentId,
  entry: d.entry,
  date: d.date,
  ...(d.entry === 'service' ? { kind: d.kind } : { refersTo: d.refersTo }),
  ...(d.corrects ? { corrects: d.corrects } : {}),
});

export class ServicesService {
  constructor(private readonly ctx: CoreContext) {}

  /** Every entry of a resident recorded at this station, oldest first. */
  async entries(residentId: string): Promise<ServiceDoc[]> {
    return residentEntries(this.ctx.db, this.ctx.station().placeCode, residentId);
  }

  async list(residentId: string): Promise<ServiceView[]> {
    const all = await this.entries(residentId);
    return all.map((d) => serviceView(d, all));
  }

  async record(args: ParsedArgsOf<'services.record'>, user: SessionUser): Promise<ServiceView> {
    const resident = await this.resident(args.residentId);
    refuse(serviceIssues(args, this.facts(resident)));
    const { residentId, referral, ...fields } = args;
    return this.append(user, residentId, { entry: 'service', ...fields, ...(referral ? { referral } : {}) });
  }

  async result(args: ParsedArgsOf<'services.result'>, user: SessionUser): Promise<ServiceView> {
    const referral = await this.entryOrRefuse(args.referralId, 'referralId', 'errors.services.noReferral');
    const resident = await this.resident(referral.residentId);
    const all = await this.entries(referral.residentId);
    refuse(resultIssues(args, all.map(storedEntry), this.facts(resident)));
    return this.append(user, referral.residentId, { entry: 'result', date: args.date, refersTo: args.referralId, result: args.result, note: args.note });
  }

  async correct(args: ParsedArgsOf<'services.correct'>, user: SessionUser): Promise<ServiceView> {
    const target = await this.entryOrRefuse(args.corrects, 'corrects', 'errors.services.noSuchEntry');
    const resident = await this.resident(target.residentId);
    const all = await this.entries(target.residentId);
    const facts = this.facts(resident);
    refuse(correctionIssues(args, all.map(storedEntry)));
    if (args.entry === 'service') {
      refuse(serviceIssues(args, facts, target.entry === 'service' ? target.kind : undefined));
      const { entry: _entry, corrects, referral, ...fields } = args;
      return this.append(user, target.residentId, { entry: 'service', ...fields, ...(referral ? { referral } : {}), corrects });
    }
    if (target.entry !== 'result') return refuse([{ field: 'corrects', messageKey: 'errors.services.noSuchEntry' }]) as never;
    // The corrected result's own entry is left out: the rule "once" is about other results.
    const others = all.filter((d) => d._id !== target._id).map(storedEntry);
    const issues = resultIssues({ referralId: target.refersTo, date: args.date }, others, facts).filter((i) => i.field === 'date');
    refuse(issues);
    return this.append(user, target.residentId, { entry: 'result', date: args.date, refersTo: target.refersTo, result: args.result, note: args.note, corrects: args.corrects });
  }

  /** Stores a new entry (on disk before this resolves); a put without a revision never overwrites. */
  private async append(user: SessionUser, residentId: string, fields: DistributiveOmit<ServiceDoc, keyof Base>): Promise<ServiceView> {
    const place = this.ctx.station().placeCode;
    const stamp = this.ctx.stamp(user, place);
    const doc = { _id: docId.service(place, residentId, stamp.createdAt, randomId(8)), type: 'service', residentId, ...stamp, ...fields } as ServiceDoc;
    await this.ctx.db.put(doc);
    return serviceView(doc, await this.entries(residentId));
  }

  private async entryOrRefuse(id: string, field: string, messageKey: string): Promise<Stored> {
    const doc = await this.ctx.db.get<ServiceDoc>(id).catch(() => null);
    if (!doc || doc.type !== 'service') refuse([{ field, messageKey }]);
    return doc as Stored;
  }

  private async resident(id: string): Promise<ResidentDoc> {
    const doc = await this.ctx.residentDoc(id);
    if (!doc) notFound('residentId');
    return doc;
  }

  private facts(resident: ResidentDoc): ServiceFacts {
    return { today: this.ctx.today(), birthDate: resident.birthDate, closed: resident.closure !== null };
  }
}

type Base = { _id: string; _rev?: string; type: string; residentId: string; schemaVersion: number; placeCode: string; createdBy: string; createdAt: string; updatedBy: string; updatedAt: string };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
