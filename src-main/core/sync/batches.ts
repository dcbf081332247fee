// Batch manifests: built page by page while a push stores them, sent up last, and listed with the county's decision.
import { createHash } from 'node:crypto';
import type { PouchDB as P } from 'pouchdb-node';
import type { BatchView, SessionUser } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import { ID_PREFIX, type BatchDoc, type ReviewDoc } from '../store/docs';
import { randomId } from '../residents/identity';
import { getOrNull, prefixRange } from '../store/db';
import type { SyncState, SyncStateStore } from './state';
import { isReviewedId } from '../../../shared/sync/review';

export interface FileDelivery {
  /** A receipt confirmed this revision reached the county on a file. */
  delivered(id: string, rev: string): boolean;
  /** A receipt came back for this batch. */
  receipted(batchId: string): boolean;
  /** Grows with every revision a receipt confirmed. */
  readonly deliveredVersion: number;
  /** Visits every revision a receipt confirmed. */
  eachDelivered(visit: (id: string, rev: string) => void): void;
}

/** Counts of a batch's documents by type (the id's prefix). */
export function countByType(docs: { id: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of docs) {
    const type = d.id.slice(0, d.id.indexOf(':'));
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/** sha256 over "id rev" lines in id order: the county recomputes it from the documents it got. */
export function batchChecksum(docs: { id: string; rev: string }[]): string {
  const hash = createHash('sha256');
  for (const d of docs) hash.update(`${d.id} ${d.rev}\n`);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * A batch is built while its documents go up: each page the server stored is kept as a part
 * (`_local`, never replicated) before the push's checkpoint moves, so a cut sync loses no
 * entry and the next attempt goes on with the same batch. At the end the parts become the
 * manifest (ids, revisions, counts by type, checksum), which goes up last.
 */
export class BatchBuilder {
  private batchParts = 0;

  /** @param bookkeeping id prefixes that are not records (never listed in a manifest). */
  constructor(
    private readonly ctx: CoreContext,
    private readonly state: SyncStateStore,
    private readonly bookkeeping: readonly string[],
  ) {}

  private partId(batchId: string, n: number): string {
    return `_local/batch-part:${batchId}:${n}`;
  }

  /** The batch an earlier cut sync left open, or a new one. */
  async open(): Promise<string> {
    const pending = this.state.value.pendingBatch;
    if (pending) {
      this.batchParts = 0;
      while (await getOrNull(this.ctx.db, this.partId(pending, this.batchParts))) this.batchParts += 1;
      return pending;
    }
    const id = `${ID_PREFIX.batch}${this.ctx.station().placeCode}:${this.ctx.now()}:${randomId(6)}`;
    this.batchParts = 0;
    await this.state.update({ pendingBatch: id });
    return id;
  }

  async addPart(batchId: string, docs: { id: string; rev: string }[]): Promise<void> {
    const records = docs.filter((d) => !this.bookkeeping.some((p) => d.id.startsWith(p)));
    if (records.length === 0) return;
    await this.ctx.db.put({ _id: this.partId(batchId, this.batchParts), docs: records });
    this.batchParts += 1;
  }

  /** Writes the manifest from the parts and sends it; null when the sync carried no record. */
  async close(batchId: string, user: SessionUser, remote: P.Database): Promise<BatchDoc | null> {
    const latest = new Map<string, string>();
    const parts: { _id: string; _rev: string }[] = [];
    for (let n = 0; n < this.batchParts; n++) {
      const part = await getOrNull<{ docs: { id: string; rev: string }[] }>(this.ctx.db, this.partId(batchId, n));
      if (!part) continue;
      parts.push({ _id: part._id, _rev: part._rev });
      for (const d of part.docs) latest.set(d.id, d.rev);
    }
    // What a USB file of this station already carried at the same revision is not listed again:
    // that file's manifest goes up with this push too, so the county reviews those records once.
    const onFile = latest.size > 0 ? await fileListed(this.ctx) : new Set<string>();
    const docs = [...latest]
      .filter(([id, rev]) => !onFile.has(`${id} ${rev}`))
      .map(([id, rev]) => ({ id, rev }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let batch: BatchDoc | null = null;
    // Audit entries alone make no batch: they go up all the same, and travel in the next batch
    // that carries records; a batch of nothing to review would only ask the county to review it.
    if (docs.some((d) => isReviewedId(d.id))) {
      const place = this.ctx.station().placeCode;
      // An attempt cut after writing the manifest left it here: this one brings it up to date.
      const earlier = await getOrNull<BatchDoc>(this.ctx.db, batchId);
      batch = {
        _id: batchId,
        ...(earlier ? { _rev: earlier._rev } : {}),
        type: 'batch',
        ...this.ctx.stamp(user, place),
        ...(earlier ? { createdBy: earlier.createdBy, createdAt: earlier.createdAt } : {}),
        createdByName: earlier ? (earlier.createdByName ?? earlier.createdBy) : user.displayName || user.loginName,
        via: 'sync',
        counts: countByType(docs),
        docs,
        checksum: batchChecksum(docs),
      };
      batch._rev = (await this.ctx.db.put(batch)).rev;
      // Straight up, outside the push's checkpoint (the next push sends it again, harmlessly).
      const withHistory = (await this.ctx.db.bulkGet({ docs: [{ id: batchId, rev: batch._rev }], revs: true })).results[0]!.docs[0]!;
      if (!('ok' in withHistory)) throw new Error(`batch manifest ${batchId} unreadable`);
      const stored = await remote.bulkDocs([withHistory.ok], { new_edits: false });
      const refused = stored.find((r) => 'error' in r && r.error);
      if (refused) throw Object.assign(new Error(`batch manifest refused: ${JSON.stringify(refused)}`), { status: 403 });
    }
    for (const part of parts) await this.ctx.db.put({ ...part, _deleted: true });
    this.batchParts = 0;
    return batch;
  }
}

/** "id rev" of every revision a USB file of this station carried (its manifests stay here). */
async function fileListed(ctx: CoreContext): Promise<Set<string>> {
  const batches = await ctx.db.allDocs<BatchDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.batch) });
  const listed = new Set<string>();
  for (const row of batches.rows) if (row.doc?.via === 'file') for (const d of row.doc.docs) listed.add(`${d.id} ${d.rev}`);
  return listed;
}

/** The station's batches, newest first, with what the county decided. */
export async function listBatches(ctx: CoreContext, state: SyncState, fileDelivery: FileDelivery | null): Promise<BatchView[]> {
  const [batches, reviews] = await Promise.all([
    ctx.db.allDocs<BatchDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.batch) }),
    ctx.db.allDocs<ReviewDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.review) }),
  ]);
  const byBatch = new Map(reviews.rows.flatMap((r) => (r.doc ? [[r.doc.batchId, r.doc] as const] : [])));
  return batches.rows
    .flatMap((r) => (r.doc ? [r.doc] : []))
    .map((b) => {
      const review = byBatch.get(b._id);
      const delivered = (state.lastSuccessAt !== null && state.lastSuccessAt >= b.createdAt) || fileDelivery?.receipted(b._id) === true;
      return {
        id: b._id,
        createdAt: b.createdAt,
        createdBy: b.createdBy,
        via: b.via,
        counts: b.counts,
        documents: b.docs.length,
        checksum: b.checksum,
        status: review ? review.decision : delivered ? 'delivered' : 'pending',
        returned: review ? review.records.filter((r) => r.decision === 'returned') : [],
      } satisfies BatchView;
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
