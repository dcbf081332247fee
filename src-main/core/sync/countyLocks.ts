// The records a county decision names, pulled with it: the revision carrying the county's lock
// when it accepts, the one without when it unlocks. A change the clerk made here while the county
// accepted the record (offline, both from the same revision) meets the county's locked revision
// as a conflict in this database: the county's version stays the winner, the clerk's change is
// set aside (never pushed) and listed with its reason in the quarantine list.
import type { PouchDB as P } from 'pouchdb-node';
import { labelDocuments } from '../../../shared/documents/labels';
import type { QuarantineView } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import { countyLockOf } from './locks';
import { screen, type Screening } from './quarantine';

type Doc = Record<string, unknown> & { _id: string; _rev: string };

/** The records a review or an unlock names (those a review accepted or returned, an unlock's target). */
export function decisionTargets(docs: readonly object[]): string[] {
  const ids = new Set<string>();
  for (const doc of docs) {
    const d = doc as { type?: unknown; records?: unknown; targetId?: unknown };
    if (d.type === 'review' && Array.isArray(d.records)) for (const r of d.records as { id?: unknown }[]) if (typeof r.id === 'string') ids.add(r.id);
    if (d.type === 'unlock' && typeof d.targetId === 'string') ids.add(d.targetId);
  }
  return [...ids];
}

/**
 * Pulls the server's current revision of each record (those missing here), then keeps the
 * county's locked revision as the winner wherever a change made here crossed it. Resolves to
 * the number of revisions taken in.
 */
export async function pullLockedRecords(ctx: CoreContext, remote: P.Database, ids: readonly string[], screening: Screening): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = (await remote.allDocs({ keys: [...ids] })).rows;
  const current = new Map<string, string>();
  for (const row of rows) if ('value' in row && row.value && !row.value.deleted) current.set(row.id, row.value.rev);
  if (current.size === 0) return 0;
  const missing = await ctx.db.revsDiff(Object.fromEntries([...current].map(([id, rev]) => [id, [rev]])));
  const wanted = Object.entries(missing).flatMap(([id, m]) => (m.missing ?? []).map((rev) => ({ id, rev })));
  let taken = 0;
  if (wanted.length > 0) {
    const got = await remote.bulkGet({ docs: wanted, revs: true });
    const docs = got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d && screen(ctx, screening, d.ok as unknown as Record<string, unknown>) ? [d.ok] : [])));
    if (docs.length > 0) await ctx.db.bulkDocs(docs, { new_edits: false });
    taken = docs.length;
  }
  await keepCountyVersions(ctx, current, screening);
  return taken;
}

/** One revision of a document (`rev` is a PouchDB option its type declarations leave out). */
async function revision(ctx: CoreContext, id: string, rev: string): Promise<Doc> {
  const get = ctx.db.get.bind(ctx.db) as unknown as (id: string, options: { rev: string }) => Promise<Doc>;
  return get(id, { rev });
}

/**
 * Where the server's current revision of a record carries the county's lock and this database
 * holds another live branch beside it (a change made here meanwhile), that branch is deleted here:
 * the county's version is the record, and the change is listed for the clerk.
 */
async function keepCountyVersions(ctx: CoreContext, current: Map<string, string>, screening: Screening): Promise<void> {
  // (`conflicts` is a PouchDB option its type declarations leave out.)
  const local = (await ctx.db.allDocs<Doc>({ keys: [...current.keys()], include_docs: true, ...{ conflicts: true } })).rows;
  const crossed: { county: Doc; leaves: string[]; lockedAt: string }[] = [];
  for (const row of local) {
    if (!('doc' in row) || !row.doc) continue;
    const winner = row.doc as Doc & { _conflicts?: string[] };
    const countyRev = current.get(row.id)!;
    const leaves = [winner._rev, ...(winner._conflicts ?? [])];
    if (leaves.length === 1 || !leaves.includes(countyRev)) continue;
    const county = winner._rev === countyRev ? winner : await revision(ctx, row.id, countyRev);
    const lockedAt = countyLockOf(county);
    if (lockedAt === null) continue;
    crossed.push({ county, leaves: leaves.filter((rev) => rev !== countyRev), lockedAt });
  }
  if (crossed.length === 0) return;
  await ctx.db.bulkDocs(crossed.flatMap((c) => c.leaves.map((rev) => ({ _id: c.county._id, _rev: rev, _deleted: true }))));
  const fetch = async (ids: string[]) => {
    const found = new Map<string, Record<string, unknown>>();
    for (const r of (await ctx.db.allDocs<Record<string, unknown>>({ keys: ids, include_docs: true })).rows) if ('doc' in r && r.doc) found.set(r.id, r.doc);
    return found;
  };
  const labels = await labelDocuments(crossed.map((c) => ({ id: c.county._id, doc: c.county })), fetch);
  crossed.forEach((c, i) => {
    const entry: QuarantineView = {
      id: c.county._id,
      rev: c.leaves[0]!,
      source: screening.source,
      field: '',
      messageKey: 'errors.sync.crossedLock',
      params: { at: c.lockedAt.slice(0, 10) },
      label: labels[i]!,
      at: ctx.now(),
    };
    screening.refused.push(entry);
  });
}
