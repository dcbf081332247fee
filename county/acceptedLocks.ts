// Records the county accepted before the lock lived on the record (issue 15, item 4): provisioning
// (which a county re-runs after every upgrade, for the new validation functions) puts the county's
// lock on them, from the reviews and unlocks already in each station's database, so the server
// refuses a station's change to them as it does for records accepted since. Only what is missing
// is written: a record locked already, unlocked later, deleted or gone is left as it is.
import { PREFIX } from '../shared/documents/registry';
import { countyDecisions, isLockableId, type Acceptance } from '../shared/sync/review';
import type { Couch } from './couch';

interface Review {
  batchId: string;
  updatedAt: string;
  updatedBy: string;
  records: { id: string; decision: 'accepted' | 'returned' }[];
}

interface Unlock {
  targetId: string;
  updatedAt: string;
}

type Doc = { _id: string; _rev: string; countyLock?: unknown; _deleted?: boolean } & Record<string, unknown>;

async function range<T>(couch: Couch, db: string, prefix: string): Promise<T[]> {
  const keys = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`;
  const r = await couch.call<{ rows: { doc?: T }[] }>('GET', `/${encodeURIComponent(db)}/_all_docs?include_docs=true&${keys}`);
  return r.body.rows.flatMap((row) => (row.doc ? [row.doc] : []));
}

/** The county's latest acceptance of each lockable record not unlocked since (as the station reads them). */
export function acceptedLocks(reviews: readonly Review[], unlocks: readonly Unlock[]): Map<string, Acceptance> {
  const { accepted, unlocked } = countyDecisions(reviews, unlocks);
  for (const [id, acceptance] of accepted) {
    const lifted = unlocked.get(id);
    if (!isLockableId(id) || (lifted !== undefined && lifted > acceptance.at)) accepted.delete(id);
  }
  return accepted;
}

/** Locks the records of one station database that its reviews accepted; resolves to how many it locked. */
export async function lockAcceptedRecords(couch: Couch, db: string): Promise<number> {
  const [reviews, unlocks] = await Promise.all([range<Review>(couch, db, PREFIX.review), range<Unlock>(couch, db, PREFIX.unlock)]);
  const locks = acceptedLocks(reviews, unlocks);
  if (locks.size === 0) return 0;
  const ids = [...locks.keys()];
  let locked = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const keys = ids.slice(i, i + 500);
    const rows = (await couch.call<{ rows: { doc?: Doc | null }[] }>('POST', `/${encodeURIComponent(db)}/_all_docs?include_docs=true`, { keys })).body.rows;
    const docs = rows.flatMap((r) => (r.doc && !r.doc._deleted && r.doc.countyLock === undefined ? [{ ...r.doc, countyLock: locks.get(r.doc._id)! }] : []));
    if (docs.length === 0) continue;
    const results = (await couch.call<{ id: string; error?: string }[]>('POST', `/${encodeURIComponent(db)}/_bulk_docs`, { docs })).body;
    locked += results.filter((r) => !r.error).length;
  }
  return locked;
}
