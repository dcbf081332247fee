// Batch review at the county: batches as they reached the aggregate, one batch record by record with the county rules it fails, accept/return decisions, unlocks.
import { needsReview } from '../../../shared/sync/review';
import { LeyeError, type FieldIssue } from '../../../shared/rpc/errors';
import type { CountyBatchDetail, CountyBatchView, CountyRecordView, ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import { ID_PREFIX, type BatchDoc, type ReviewDoc, type UnlockDoc } from '../store/docs';
import { batchChecksum } from '../sync/batches';
import type { CountyKeys } from '../sync/credentials';
import { recordProblems } from './checks';
import { labelRecords } from './records';
import { RecordLocks } from './recordLocks';
import {
  aggregateDb,
  chunks,
  FETCH_CHUNK,
  stationDb,
  type AnyDoc,
  type BatchSummary,
  type CountyServer,
  type DirectoryDoc,
  type Manifest,
  type Review,
  type ReviewSummary,
} from './server';

/** The station a batch came from: `batch:<place>:<time>:<rand>`. */
function batchPlace(batchId: string): string {
  return batchId.split(':')[1] ?? '';
}

function revGeneration(rev: string): number {
  return Number.parseInt(rev, 10) || 0;
}

export class BatchReview {
  private readonly locks: RecordLocks;

  constructor(
    private readonly ctx: CoreContext,
    private readonly server: CountyServer,
    /** The county secret's keys: a resident's id must be their hash. */
    private readonly keys: () => CountyKeys | null,
  ) {
    this.locks = new RecordLocks(server);
  }

  private batchView(
    batch: { id: string; placeCode: string; createdAt: string; summary: BatchSummary },
    review: ReviewSummary | null,
    directory: Map<string, DirectoryDoc>,
  ): CountyBatchView {
    return {
      id: batch.id,
      placeCode: batch.placeCode,
      stationName: this.server.stationName(directory, batch.placeCode),
      createdAt: batch.createdAt,
      createdBy: batch.summary.createdBy,
      createdByName: batch.summary.createdByName || batch.summary.createdBy,
      via: batch.summary.via,
      counts: batch.summary.counts,
      documents: batch.summary.documents,
      status: review ? review.decision : 'new',
      reviewedAt: review?.updatedAt ?? null,
      reviewedBy: review?.updatedBy ?? null,
    };
  }

  private manifestView(batch: BatchDoc, review: Pick<ReviewDoc, 'decision' | 'updatedAt' | 'updatedBy'> | null, directory: Map<string, DirectoryDoc>): CountyBatchView {
    const summary: BatchSummary = { createdBy: batch.createdBy, createdByName: batch.createdByName ?? batch.createdBy, via: batch.via, counts: batch.counts, documents: batch.docs.length };
    return this.batchView({ id: batch._id, placeCode: batch.placeCode, createdAt: batch.createdAt, summary }, review, directory);
  }

  // ── Batches ───────────────────────────────────────────────────────────────────────────────

  /** Batches as they reached the aggregate, newest first; a township's code takes in its villages. */
  async batches(args: ParsedArgsOf<'county.batches'>): Promise<CountyBatchView[]> {
    const [directory, batches] = await Promise.all([this.server.directory(), this.server.batchSummaries(args.placeCode)]);
    const reviews = batches.length ? await this.server.reviewSummaries(batches.map((b) => b.id)) : new Map<string, ReviewSummary>();
    return batches
      // A batch of audit entries only (sent by stations before they held them back) asks no review.
      .filter((b) => needsReview(b.summary.counts))
      .map((b) => this.batchView(b, reviews.get(b.id) ?? null, directory))
      .filter((b) => !args.status || b.status === args.status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  /**
   * One batch, record by record, read from the station's own database (the aggregate may lag):
   * the revision the batch carried, what the county holds now, and the county rules it fails.
   */
  async batch(batchId: string): Promise<CountyBatchDetail | null> {
    const db = stationDb(batchPlace(batchId));
    const batch = await this.server.getDoc<Manifest>(db, batchId);
    if (!batch || batch.type !== 'batch') return null;
    const [review, directory] = await Promise.all([this.server.getDoc<Review>(db, `${ID_PREFIX.review}${batchId}`), this.server.directory()]);
    const current = new Map<string, string>();
    for (const part of chunks(batch.docs.map((d) => d.id), FETCH_CHUNK)) {
      const r = await this.server.request<{ rows: { key: string; value?: { rev: string; deleted?: boolean } }[] }>('POST', `/${encodeURIComponent(db)}/_all_docs`, { keys: part });
      for (const row of r.body.rows) if (row.value && !row.value.deleted) current.set(row.key, row.value.rev);
    }
    const listed = await this.server.revisions(db, batch.docs.filter((d) => current.has(d.id)));
    // Where the listed revision is gone (compacted), the county judges the current one.
    const fallback = batch.docs.filter((d) => current.has(d.id) && !listed.has(`${d.id} ${d.rev}`)).map((d) => ({ id: d.id, rev: current.get(d.id)! }));
    const later = fallback.length ? await this.server.revisions(db, fallback) : new Map<string, AnyDoc>();
    const decided = new Map((review?.records ?? []).map((r) => [r.id, r]));
    const records: CountyRecordView[] = [];
    const labelled: { id: string; doc: AnyDoc | null }[] = [];
    const missing: string[] = [];
    for (const entry of batch.docs) {
      const currentRev = current.get(entry.id) ?? null;
      // Not here yet: unknown, or only an older revision than the batch carried.
      if (currentRev === null || (revGeneration(currentRev) < revGeneration(entry.rev) && !listed.has(`${entry.id} ${entry.rev}`))) {
        missing.push(entry.id);
        continue;
      }
      const doc = listed.get(`${entry.id} ${entry.rev}`) ?? later.get(`${entry.id} ${currentRev}`) ?? null;
      const decision = decided.get(entry.id);
      records.push({
        id: entry.id,
        rev: entry.rev,
        type: typeof doc?.type === 'string' ? doc.type : entry.id.slice(0, entry.id.indexOf(':')),
        label: { type: null },
        change: entry.rev.startsWith('1-') ? 'new' : 'updated',
        currentRev,
        problems: doc ? this.problems(doc) : [],
        decision: decision?.decision ?? null,
        reason: decision?.reason ?? '',
      });
      labelled.push({ id: entry.id, doc });
    }
    (await labelRecords(this.server, db, labelled)).forEach((label, i) => (records[i]!.label = label));
    return { batch: this.manifestView(batch, review, directory), records, checksumOk: batchChecksum(batch.docs) === batch.checksum, missing };
  }

  /** County rules: the station's own rules, with the county's dated parameters (see checks.ts). */
  private problems(doc: AnyDoc): FieldIssue[] {
    return recordProblems(doc, { ctx: this.ctx, keys: this.keys });
  }

  // ── Decisions ─────────────────────────────────────────────────────────────────────────────

  /**
   * Writes (or updates) `review:<batch>` into the station's database, from where the station
   * pulls it; records not named keep their earlier decision. The same revision is copied into the
   * aggregate at once, so the batch lists show the decision without waiting for replication.
   */
  async review(args: ParsedArgsOf<'county.review'>, user: SessionUser): Promise<CountyBatchView> {
    const db = stationDb(batchPlace(args.batchId));
    const batch = await this.server.getDoc<Manifest>(db, args.batchId);
    if (!batch || batch.type !== 'batch') fail({ code: 'NOT_FOUND', field: 'batchId', messageKey: 'errors.county.batchNotFound' });
    const inBatch = new Set(batch.docs.map((d) => d.id));
    const outside: FieldIssue[] = args.records.flatMap((r, i) => (inBatch.has(r.id) ? [] : [{ field: `records.${i}.id`, messageKey: 'errors.county.recordNotInBatch', params: { id: r.id } }]));
    if (outside.length) throw new LeyeError({ code: 'VALIDATION', field: outside[0]!.field, messageKey: outside[0]!.messageKey, params: outside[0]!.params!, issues: outside });

    // The accepted records carry the county's lock before the review that names them is written
    // (the station pulls a review's records with it); a record returned after all is unlocked.
    const at = this.ctx.now();
    const decided = (d: 'accepted' | 'returned') => args.records.filter((r) => r.decision === d).map((r) => r.id);
    await this.locks.lock(batch.placeCode, decided('accepted'), { at, by: user.displayName || user.loginName, batchId: args.batchId });
    await this.locks.unlock(batch.placeCode, decided('returned'), args.batchId);

    const reviewId = `${ID_PREFIX.review}${args.batchId}`;
    // Two county staff deciding at once: the second re-reads and merges onto the first.
    for (let attempt = 0; ; attempt++) {
      const existing = await this.server.getDoc<Review>(db, reviewId);
      const records = new Map((existing?.records ?? []).map((r) => [r.id, r]));
      for (const r of args.records) records.set(r.id, { id: r.id, rev: r.rev, decision: r.decision, reason: r.decision === 'returned' ? r.reason.trim() : '' });
      const ordered = batch.docs.flatMap((d) => records.get(d.id) ?? []);
      const stamp = this.ctx.stamp(user, batch.placeCode);
      const doc: ReviewDoc = {
        _id: reviewId,
        ...(existing ? { _rev: existing._rev } : {}),
        type: 'review',
        ...stamp,
        ...(existing ? { createdBy: existing.createdBy, createdAt: existing.createdAt } : {}),
        batchId: args.batchId,
        decision: decisionOf(batch.docs.length, ordered),
        records: ordered,
      };
      const put = await this.server.request<{ rev?: string }>('PUT', `/${encodeURIComponent(db)}/${encodeURIComponent(reviewId)}`, doc, [409]);
      if (put.status === 409) {
        if (attempt < 3) continue;
        fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
      }
      await this.server.copyRevision(db, aggregateDb(this.server.county), reviewId).catch(() => undefined);
      return this.manifestView(batch, doc, await this.server.directory());
    }
  }

  /** Lets the station change a record the county accepted; recorded in the station's database. */
  async unlock(args: ParsedArgsOf<'county.unlock'>, user: SessionUser): Promise<{ id: string }> {
    const db = stationDb(args.placeCode);
    const target = await this.server.getDoc<AnyDoc>(db, args.id);
    if (!target) fail({ code: 'NOT_FOUND', field: 'id', messageKey: 'errors.notFound' });
    // The record without the lock first, then the unlock that the station pulls it with.
    await this.locks.unlock(args.placeCode, [args.id]);
    const stamp = this.ctx.stamp(user, args.placeCode);
    const doc: UnlockDoc = { _id: `${ID_PREFIX.unlock}${args.id}:${stamp.createdAt}`, type: 'unlock', ...stamp, targetId: args.id, reason: args.reason };
    await this.server.request('PUT', `/${encodeURIComponent(db)}/${encodeURIComponent(doc._id)}`, doc);
    await this.ctx.audit(user, 'unlock', args.id, args.placeCode, args.reason);
    return { id: doc._id };
  }
}

/** accepted or returned when every record of the batch was decided alike, partial otherwise. */
function decisionOf(total: number, records: { decision: 'accepted' | 'returned' }[]): ReviewDoc['decision'] {
  if (records.length === total && records.every((r) => r.decision === 'accepted')) return 'accepted';
  if (records.length === total && records.every((r) => r.decision === 'returned')) return 'returned';
  return 'partial';
}
