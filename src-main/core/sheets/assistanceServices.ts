// The service records a 援助台账 lists for a period, read in pages (never one read per person):
// each correction chain by its current version only (a superseded entry is left out, the
// correction names the date it corrects), each referral with its current result; a referral made
// before the period is listed when its result falls within it.
import { rootOf, type StoredEntry } from '../../../shared/services/rules';
import { REFERRAL_KIND } from '../../../shared/services/schema';
import type { CoreContext } from '../context';
import { eachServiceEntry, eachServiceId, residentEntries, serviceWrittenAt, storedEntry, type ServiceDoc } from '../services/services';
import { docsById } from './followUpPeople';

type ServiceEntryDoc = Extract<ServiceDoc, { entry: 'service' }>;
type ResultDoc = Extract<ServiceDoc, { entry: 'result' }>;

/** One row of the ledger's service sheet. */
export interface LedgerService {
  doc: ServiceEntryDoc;
  /** The date of the entry this one corrects (it replaced that one), or ''. */
  correctsDate: string;
  /** A referral's current result, or null (none yet, or not a referral). */
  result: ResultDoc | null;
  /** The referral itself lies before the period; its result is within it. */
  before: boolean;
}

const byDate = (a: { date: string; createdAt: string; _id: string }, b: { date: string; createdAt: string; _id: string }) =>
  a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id);

/**
 * The entries a period needs: every entry written since the day before it starts (a service is
 * never dated after the day it is written, so its corrections and results are among them too),
 * found from the ids alone; then, for the few chains that reach further back (a result in the
 * period for an older referral, a correction of an older entry), those residents' entries whole.
 * A long period reads every entry in one pass instead.
 */
async function entriesFor(ctx: CoreContext, start: string): Promise<ServiceDoc[]> {
  const since = dayBefore(start);
  const ids: string[] = [];
  let total = 0;
  await eachServiceId(ctx.db, (id) => {
    total += 1;
    if (serviceWrittenAt(id) >= since) ids.push(id);
  });
  if (ids.length * 6 > total) {
    const all: ServiceDoc[] = [];
    await eachServiceEntry(ctx.db, (doc) => void all.push(doc));
    return all;
  }
  const found = await docsById<ServiceDoc>(ctx, ids);
  const further = new Map<string, string>();
  for (const doc of found.values()) {
    const before = doc.entry === 'result' ? doc.refersTo : doc.kind === REFERRAL_KIND ? doc.corrects : undefined;
    if (before && !found.has(before)) further.set(doc.residentId, doc._id.split(':')[1]!);
  }
  for (const [residentId, place] of further) for (const doc of await residentEntries(ctx.db, place, residentId)) found.set(doc._id, doc);
  return [...found.values()];
}

/** The day before an ISO day. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The services of the period by resident, each resident's oldest first. */
export async function periodServices(ctx: CoreContext, start: string, end: string): Promise<Map<string, LedgerService[]>> {
  const corrected = new Set<string>();
  const inPeriod: ServiceEntryDoc[] = [];
  /** Every referral up to the end of the period (a result in the period may answer an older one). */
  const referrals = new Map<string, ServiceEntryDoc>();
  const results: ResultDoc[] = [];
  for (const doc of await entriesFor(ctx, start)) {
    if (doc.corrects) corrected.add(doc.corrects);
    if (doc.entry === 'result') {
      if (doc.date <= end) results.push(doc);
      continue;
    }
    if (doc.date > end) continue;
    if (doc.kind === REFERRAL_KIND) referrals.set(doc._id, doc);
    if (doc.date >= start) inPeriod.push(doc);
  }

  // A referral's result: the current version of the one recorded for any version of the referral.
  const chains = new Map<string, StoredEntry>([...referrals.values()].map((d) => [d._id, storedEntry(d)]));
  const resultOf = new Map<string, ResultDoc>();
  for (const r of results.filter((d) => !corrected.has(d._id)).sort(byDate)) {
    if (chains.has(r.refersTo)) resultOf.set(rootOf(r.refersTo, chains), r);
  }
  const rows = new Map<string, ServiceEntryDoc>();
  for (const d of inPeriod) if (!corrected.has(d._id)) rows.set(d._id, d);
  for (const d of referrals.values()) {
    if (corrected.has(d._id) || rows.has(d._id)) continue;
    const result = resultOf.get(rootOf(d._id, chains));
    if (result && result.date >= start) rows.set(d._id, d);
  }

  // The dates of the entries the listed ones correct (some lie before the period): one read.
  const missing = [...rows.values()].flatMap((d) => (d.corrects && !referrals.has(d.corrects) ? [d.corrects] : []));
  const correctedDocs = await docsById<ServiceDoc>(ctx, missing);
  const dateOf = (id: string) => referrals.get(id)?.date ?? correctedDocs.get(id)?.date ?? '';

  const out = new Map<string, LedgerService[]>();
  for (const doc of [...rows.values()].sort(byDate)) {
    const row: LedgerService = {
      doc,
      correctsDate: doc.corrects ? dateOf(doc.corrects) : '',
      result: doc.kind === REFERRAL_KIND ? (resultOf.get(rootOf(doc._id, chains)) ?? null) : null,
      before: doc.date < start,
    };
    const list = out.get(doc.residentId);
    if (list) list.push(row);
    else out.set(doc.residentId, [row]);
  }
  return out;
}
