// The county's lock on the records it accepted, kept on the records themselves: accepting writes a
// new revision of each accepted record carrying `countyLock`, unlocking writes it again without.
// The server lets only county accounts set, change or lift it (county/designDocs.ts), so a
// station's own password cannot change an accepted record over HTTP. Each revision goes into the
// station's database (the station pulls it) and is copied into the aggregate at once.
import type { z } from 'zod';
import type { countyLockSchema } from '../../../shared/documents/schemas';
import { isLockableId } from '../../../shared/sync/review';
import { aggregateDb, chunks, FETCH_CHUNK, stationDb, type AnyDoc, type CountyServer } from './server';

export type CountyLock = z.infer<typeof countyLockSchema>;

interface BulkResult {
  id: string;
  rev?: string;
  error?: string;
}

export class RecordLocks {
  constructor(private readonly server: CountyServer) {}

  /**
   * Locks the accepted records of one station (their current revisions: the lock is on the
   * record, as the station holds it). Records already locked, deleted or gone are left as they are.
   */
  async lock(place: string, ids: readonly string[], lock: CountyLock): Promise<void> {
    await this.rewrite(place, ids.filter(isLockableId), (doc) => (doc.countyLock === undefined ? { ...doc, countyLock: lock } : null));
  }

  /** Lifts the county's lock from records (only the lock of that batch, when one is named). */
  async unlock(place: string, ids: readonly string[], batchId?: string): Promise<void> {
    await this.rewrite(place, [...ids], (doc) => {
      const lock = doc.countyLock as CountyLock | undefined;
      if (lock === undefined || (batchId !== undefined && lock.batchId !== batchId)) return null;
      const { countyLock: _lifted, ...rest } = doc;
      return rest as AnyDoc;
    });
  }

  /**
   * Writes `change(doc)` over the current revision of each record; one the station changed in
   * the meantime (409) is read again and changed again, a few times at most.
   */
  private async rewrite(place: string, ids: string[], change: (doc: AnyDoc) => AnyDoc | null): Promise<void> {
    const db = stationDb(place);
    for (const part of chunks(ids, FETCH_CHUNK)) {
      let pending = part;
      for (let attempt = 0; pending.length > 0 && attempt < 4; attempt++) {
        const rows = (await this.server.request<{ rows: { doc?: AnyDoc | null }[] }>('POST', `/${encodeURIComponent(db)}/_all_docs?include_docs=true`, { keys: pending })).body.rows;
        const docs = rows.flatMap((r) => (r.doc ? [change(r.doc)].filter((d): d is AnyDoc => d !== null) : []));
        if (docs.length === 0) break;
        const results = (await this.server.request<BulkResult[]>('POST', `/${encodeURIComponent(db)}/_bulk_docs`, { docs })).body;
        const written = results.filter((r) => r.rev && !r.error).map((r) => ({ id: r.id, rev: r.rev! }));
        await this.copyToAggregate(db, written);
        const refused = results.filter((r) => r.error && r.error !== 'conflict');
        if (refused.length > 0) throw new Error(`locking ${refused[0]!.id}: ${refused[0]!.error}`);
        pending = results.filter((r) => r.error === 'conflict').map((r) => r.id);
      }
    }
  }

  /** The revisions just written, with their history, into the aggregate (replication finds them there). */
  private async copyToAggregate(db: string, written: { id: string; rev: string }[]): Promise<void> {
    if (written.length === 0) return;
    const got = await this.server.request<{ results: { docs: { ok?: AnyDoc }[] }[] }>('POST', `/${encodeURIComponent(db)}/_bulk_get?revs=true`, { docs: written });
    const docs = got.body.results.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
    await this.server.request('POST', `/${encodeURIComponent(aggregateDb(this.server.county))}/_bulk_docs`, { docs, new_edits: false }).catch(() => undefined);
  }
}
