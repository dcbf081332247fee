// County review, run at a county station (county staff, online): incoming batches per station,
// accept or return per record, stations gone silent, conflicts in the aggregate. Everything is
// read from and written to the county server through the CouchDB HTTP API with the county
// staff account, so the server's validation (not this code) decides what the account may write.
import { checkIdNumber } from '../../../shared/id/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/id/mask';
import { placeName } from '../../../shared/places';
import { residentRegisterSchema } from '../../../shared/residents/schema';
import { LeyeError, type FieldIssue } from '../../../shared/rpc/errors';
import type {
  ConflictRevisionView,
  CountyBatchDetail,
  CountyBatchView,
  CountyConflictView,
  CountyRecordView,
  CountyStationView,
  ParsedArgsOf,
  SessionUser,
} from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import { ID_PREFIX, type BatchDoc, type DocBase, type ResidentDoc, type ResolutionNoticeDoc, type ReviewDoc, type UnlockDoc } from '../store/docs';
import { residentKey } from '../residents/identity';
import { batchChecksum, classifyFailure, type SyncService } from '../sync/sync';
import { validationError } from '../validation';

const DAY_MS = 86_400_000;
/** Documents fetched per `_bulk_get`: a 50,000-record batch stays within request deadlines. */
const FETCH_CHUNK = 1000;
/** Bookkeeping of every document: shown apart from the fields a person compares. */
const META_FIELDS = new Set(['type', 'schemaVersion', 'placeCode', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt']);

const refDb = 'county_ref';
const stationDb = (place: string) => `station_${place}`;
const aggregateDb = (county: string) => `county_${county}_aggregate`;
const REVIEW_VIEWS = '_design/review/_view';

/** The heartbeat a station writes into its database after a successful sync (`heartbeat:<place>`). */
interface HeartbeatDoc {
  _id: string;
  type: 'heartbeat';
  placeCode: string;
  lastSyncAt: string;
}

/** The station directory entry the county provisions in county_ref (`station:<code>`). */
interface DirectoryDoc {
  _id: string;
  type: 'station';
  placeCode: string;
  name: string;
  level?: 'village' | 'township';
}

/**
 * `resolution:<record id>:<time>`: how the county resolved a conflict, holding the full content
 * of every revision it replaced, so no losing revision disappears without a record (CouchDB's
 * compaction drops the bodies of non-leaf revisions).
 */
export interface ResolutionDoc extends DocBase {
  type: 'resolution';
  targetId: string;
  keptRev: string;
  /** Field → revision whose value the merge took instead of keptRev's. */
  fields: Record<string, string>;
  reason: string;
  revisions: { rev: string; placeCode: string; winner: boolean; doc: Record<string, unknown> }[];
  /** The merged revision the county wrote; null only while it is being written. */
  resultRev: string | null;
}

type AnyDoc = Record<string, unknown> & { _id: string; _rev: string };
type Manifest = BatchDoc & { _rev: string };
type Review = ReviewDoc & { _rev: string };
interface ViewRows<K, V, D = never> {
  rows: { id: string; key: K; value: V; doc?: D }[];
}
interface ReviewSummary {
  decision: ReviewDoc['decision'];
  updatedAt: string;
  updatedBy: string;
}
interface BatchSummary {
  createdBy: string;
  via: BatchDoc['via'];
  counts: Record<string, number>;
  documents: number;
}

/** The station a batch came from: `batch:<place>:<time>:<rand>`. */
function batchPlace(batchId: string): string {
  return batchId.split(':')[1] ?? '';
}

const range = (prefix: string) => `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(prefix + '\ufff0'))}`;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function revGeneration(rev: string): number {
  return Number.parseInt(rev, 10) || 0;
}

/** A document's fields as dotted paths with display strings; ID numbers and phones masked. */
export function flattenFields(doc: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
      return;
    }
    const leaf = path.slice(path.lastIndexOf('.') + 1);
    let text: string;
    if (value === null || value === undefined) text = '';
    else if (Array.isArray(value)) text = value.every((v) => typeof v !== 'object' || v === null) ? value.join(', ') : JSON.stringify(value);
    else text = String(value);
    if (leaf === 'idNumber') text = maskIdNumber(text);
    else if (leaf === 'phone') text = maskPhone(text);
    out[path] = text;
  };
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('_') || META_FIELDS.has(key)) continue;
    walk(value, key);
  }
  return out;
}

function getPath(doc: Record<string, unknown>, path: string): { found: boolean; value?: unknown } {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, part)) return { found: false };
    cur = (cur as Record<string, unknown>)[part];
  }
  return { found: true, value: cur };
}

function setPath(doc: Record<string, unknown>, path: string, from: { found: boolean; value?: unknown }): void {
  const parts = path.split('.');
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      if (!from.found) return;
      cur[part] = {};
    }
    cur = cur[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (from.found) cur[last] = structuredClone(from.value);
  else delete cur[last];
}

/** What a person recognises a record by; never a full ID number or phone. */
export function recordLabel(doc: Record<string, unknown> | null, id: string): string {
  if (!doc) return id;
  const s = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : '');
  const post = (key = 'postId') => s(key).replace(ID_PREFIX.post, '');
  switch (doc.type) {
    case 'resident':
      return `${s('name')} ${maskIdNumber(s('idNumber'))}`.trim();
    case 'post':
      return `${s('name')} (${s('code')})`;
    case 'assignment':
      return `${post()} ${s('startDate')}–${s('endDate')}`;
    case 'attendance':
      return `${post()} ${s('date')} ${s('mark')}`;
    case 'monthClose':
      return `${post()} ${s('month')} ${s('status')}`;
    case 'training': {
      const course = doc.course as { occupation?: string; level?: string } | undefined;
      return `${course?.occupation ?? ''} ${s('startDate')}–${s('endDate')}`.trim();
    }
    case 'enrolment':
      return s('sessionId').replace(ID_PREFIX.training, '');
    case 'signIn':
      return `${s('date')} ${s('half')}`;
    case 'station':
      return s('name');
    case 'policy':
      return `${s('kind')} ${s('effectiveFrom')}`;
    case 'audit':
      return `${s('action')} ${s('field')}`;
    default:
      return id;
  }
}

export class CountyService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sync: SyncService,
  ) {}

  private get county(): string {
    return this.ctx.station().placeCode;
  }

  // ── HTTP with the county staff account ────────────────────────────────────────────────────

  /** One request; a 2xx (or a status in `ok`) is returned, anything else is a clear error. */
  private async request<T>(method: string, path: string, body?: unknown, ok: number[] = []): Promise<{ status: number; body: T }> {
    let response: { status: number; body: unknown };
    try {
      response = await this.sync.serverFetch(path, { method, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      const reason = classifyFailure(error);
      fail({ code: 'VALIDATION', messageKey: `errors.sync.${reason === 'refused' ? 'other' : reason}` });
    }
    if ((response.status >= 200 && response.status < 300) || ok.includes(response.status)) return response as { status: number; body: T };
    if (response.status === 401) fail({ code: 'FORBIDDEN', messageKey: 'errors.sync.credentials' });
    if (response.status === 403) fail({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' });
    if (response.status === 409) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    const detail = response.body as { error?: string; reason?: string } | null;
    throw new Error(`${method} ${path.split('?')[0]}: ${response.status} ${detail?.error ?? ''} ${detail?.reason ?? ''}`);
  }

  private async getDoc<T>(db: string, id: string, query = ''): Promise<T | null> {
    const r = await this.request<T>('GET', `/${encodeURIComponent(db)}/${encodeURIComponent(id)}${query}`, undefined, [404]);
    return r.status === 404 ? null : r.body;
  }

  /** The listed revisions (those still on the server; a compacted or unknown one is left out). */
  private async revisions(db: string, wanted: { id: string; rev: string }[]): Promise<Map<string, AnyDoc>> {
    const found = new Map<string, AnyDoc>();
    for (const part of chunks(wanted, FETCH_CHUNK)) {
      const r = await this.request<{ results: { id: string; docs: ({ ok?: AnyDoc } & Record<string, unknown>)[] }[] }>(
        'POST',
        `/${encodeURIComponent(db)}/_bulk_get`,
        { docs: part },
      );
      for (const result of r.body.results) for (const entry of result.docs) if (entry.ok) found.set(`${entry.ok._id} ${entry.ok._rev}`, entry.ok);
    }
    return found;
  }

  /**
   * Copies a document just written into one database into another with the same revision and
   * history, so the continuous replication that brings it there later finds it already present
   * (the same revision twice is no conflict).
   */
  private async copyRevision(fromDb: string, toDb: string, id: string): Promise<void> {
    const doc = await this.getDoc<AnyDoc>(fromDb, id, '?revs=true');
    if (!doc) return;
    await this.request('POST', `/${encodeURIComponent(toDb)}/_bulk_docs`, { docs: [doc], new_edits: false });
  }

  private async directory(): Promise<Map<string, DirectoryDoc>> {
    const r = await this.request<ViewRows<string, { rev: string }, DirectoryDoc>>('GET', `/${refDb}/_all_docs?include_docs=true&${range(ID_PREFIX.station + this.county)}`);
    const out = new Map<string, DirectoryDoc>();
    for (const row of r.body.rows) {
      const doc = row.doc;
      if (doc?.type === 'station' && typeof doc.placeCode === 'string' && doc.placeCode.startsWith(this.county) && /^\d{9}(\d{3})?$/.test(doc.placeCode)) {
        out.set(doc.placeCode, doc);
      }
    }
    return out;
  }

  private stationName(directory: Map<string, DirectoryDoc>, place: string): string {
    return directory.get(place)?.name ?? placeName(place) ?? place;
  }

  /** Batch manifests in the aggregate (without their id lists), optionally of one area. */
  private async batchSummaries(area?: string): Promise<{ id: string; placeCode: string; createdAt: string; summary: BatchSummary }[]> {
    const keys = area
      ? `startkey=${encodeURIComponent(JSON.stringify([area]))}&endkey=${encodeURIComponent(JSON.stringify([area + '\ufff0']))}`
      : '';
    const r = await this.request<ViewRows<[string, string], BatchSummary>>('GET', `/${aggregateDb(this.county)}/${REVIEW_VIEWS}/batches?${keys}`);
    return r.body.rows.map((row) => ({ id: row.id, placeCode: row.key[0], createdAt: row.key[1], summary: row.value }));
  }

  private async reviewSummaries(batchIds?: string[]): Promise<Map<string, ReviewSummary>> {
    const path = `/${aggregateDb(this.county)}/${REVIEW_VIEWS}/reviews`;
    const r = batchIds
      ? await this.request<ViewRows<string, ReviewSummary>>('POST', path, { keys: batchIds })
      : await this.request<ViewRows<string, ReviewSummary>>('GET', path);
    return new Map(r.body.rows.map((row) => [row.key, row.value]));
  }

  private batchView(
    batch: { id: string; placeCode: string; createdAt: string; summary: BatchSummary },
    review: ReviewSummary | null,
    directory: Map<string, DirectoryDoc>,
  ): CountyBatchView {
    return {
      id: batch.id,
      placeCode: batch.placeCode,
      stationName: this.stationName(directory, batch.placeCode),
      createdAt: batch.createdAt,
      createdBy: batch.summary.createdBy,
      via: batch.summary.via,
      counts: batch.summary.counts,
      documents: batch.summary.documents,
      status: review ? review.decision : 'new',
      reviewedAt: review?.updatedAt ?? null,
      reviewedBy: review?.updatedBy ?? null,
    };
  }

  private manifestView(batch: BatchDoc, review: Pick<ReviewDoc, 'decision' | 'updatedAt' | 'updatedBy'> | null, directory: Map<string, DirectoryDoc>): CountyBatchView {
    const summary: BatchSummary = { createdBy: batch.createdBy, via: batch.via, counts: batch.counts, documents: batch.docs.length };
    return this.batchView({ id: batch._id, placeCode: batch.placeCode, createdAt: batch.createdAt, summary }, review, directory);
  }

  // ── Stations ──────────────────────────────────────────────────────────────────────────────

  async stations(args: ParsedArgsOf<'county.stations'>): Promise<CountyStationView[]> {
    const [directory, heartbeats, batches, reviews] = await Promise.all([
      this.directory(),
      this.request<ViewRows<string, { rev: string }, HeartbeatDoc>>('GET', `/${aggregateDb(this.county)}/_all_docs?include_docs=true&${range('heartbeat:')}`),
      this.batchSummaries(),
      this.reviewSummaries(),
    ]);
    const lastSync = new Map<string, string>();
    for (const row of heartbeats.body.rows) {
      if (row.doc?.type === 'heartbeat' && typeof row.doc.lastSyncAt === 'string') lastSync.set(row.doc.placeCode, row.doc.lastSyncAt);
    }
    const newestBatch = new Map<string, string>();
    const waiting = new Map<string, number>();
    for (const b of batches) {
      if (b.createdAt > (newestBatch.get(b.placeCode) ?? '')) newestBatch.set(b.placeCode, b.createdAt);
      if (!reviews.has(b.id)) waiting.set(b.placeCode, (waiting.get(b.placeCode) ?? 0) + 1);
    }
    const now = Date.parse(this.ctx.now());
    return [...directory.values()]
      .sort((a, b) => a.placeCode.localeCompare(b.placeCode))
      .map((station) => {
        // A station that sent batches before heartbeats existed: its newest batch reached us.
        const lastSyncAt = lastSync.get(station.placeCode) ?? newestBatch.get(station.placeCode) ?? null;
        const daysSinceSync = lastSyncAt === null ? null : Math.max(0, Math.floor((now - Date.parse(lastSyncAt)) / DAY_MS));
        return {
          placeCode: station.placeCode,
          name: this.stationName(directory, station.placeCode),
          level: station.level ?? (station.placeCode.length === 12 ? 'village' : 'township'),
          lastSyncAt,
          daysSinceSync,
          stale: daysSinceSync === null || daysSinceSync >= args.staleDays,
          batchesWaiting: waiting.get(station.placeCode) ?? 0,
        };
      });
  }

  // ── Batches ───────────────────────────────────────────────────────────────────────────────

  /** Batches as they reached the aggregate, newest first; a township's code takes in its villages. */
  async batches(args: ParsedArgsOf<'county.batches'>): Promise<CountyBatchView[]> {
    const [directory, batches] = await Promise.all([this.directory(), this.batchSummaries(args.placeCode)]);
    const reviews = batches.length ? await this.reviewSummaries(batches.map((b) => b.id)) : new Map<string, ReviewSummary>();
    return batches
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
    const batch = await this.getDoc<Manifest>(db, batchId);
    if (!batch || batch.type !== 'batch') return null;
    const [review, directory] = await Promise.all([this.getDoc<Review>(db, `${ID_PREFIX.review}${batchId}`), this.directory()]);
    const current = new Map<string, string>();
    for (const part of chunks(batch.docs.map((d) => d.id), FETCH_CHUNK)) {
      const r = await this.request<{ rows: { key: string; value?: { rev: string; deleted?: boolean } }[] }>('POST', `/${encodeURIComponent(db)}/_all_docs`, { keys: part });
      for (const row of r.body.rows) if (row.value && !row.value.deleted) current.set(row.key, row.value.rev);
    }
    const listed = await this.revisions(db, batch.docs.filter((d) => current.has(d.id)));
    // Where the listed revision is gone (compacted), the county judges the current one.
    const fallback = batch.docs.filter((d) => current.has(d.id) && !listed.has(`${d.id} ${d.rev}`)).map((d) => ({ id: d.id, rev: current.get(d.id)! }));
    const later = fallback.length ? await this.revisions(db, fallback) : new Map<string, AnyDoc>();
    const decided = new Map((review?.records ?? []).map((r) => [r.id, r]));
    const records: CountyRecordView[] = [];
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
        label: recordLabel(doc, entry.id),
        change: entry.rev.startsWith('1-') ? 'new' : 'updated',
        currentRev,
        problems: doc ? this.problems(doc) : [],
        decision: decision?.decision ?? null,
        reason: decision?.reason ?? '',
      });
    }
    return { batch: this.manifestView(batch, review, directory), records, checksumOk: batchChecksum(batch.docs) === batch.checksum, missing };
  }

  /** County rules: a resident passes the registration form's checks and matches its ID number. */
  private problems(doc: AnyDoc): FieldIssue[] {
    if (doc.type !== 'resident') return [];
    const resident = doc as unknown as ResidentDoc;
    const input = {
      idNumber: resident.idNumber,
      name: resident.name,
      phone: resident.phone,
      householdType: resident.householdType,
      address: resident.address,
      education: resident.education,
      skills: resident.skills,
      employmentCertificateNo: resident.employmentCertificateNo,
      targetGroups: resident.targetGroups,
      careCategories: resident.careCategories,
      registration: resident.registration,
    };
    const parsed = residentRegisterSchema.safeParse(input, { reportInput: true });
    const issues: FieldIssue[] = parsed.success ? [] : (validationError(parsed.error).issues ?? []);
    const id = checkIdNumber(String(resident.idNumber ?? ''), this.ctx.today());
    if (id.ok) {
      if (resident.birthDate !== id.birthDate) issues.push({ field: 'birthDate', messageKey: 'errors.county.notFromIdNumber' });
      if (resident.sex !== id.sex) issues.push({ field: 'sex', messageKey: 'errors.county.notFromIdNumber' });
      // The id is the county key's hash of the number: otherwise the person cannot meet their twin.
      const keys = this.sync.countyKeys();
      if (keys && doc._id !== `${ID_PREFIX.resident}${residentKey(keys.identityKey, id.idNumber)}`) issues.push({ field: 'id', messageKey: 'errors.county.identityKey' });
    }
    return issues;
  }

  // ── Decisions ─────────────────────────────────────────────────────────────────────────────

  /**
   * Writes (or updates) `review:<batch>` into the station's database, from where the station
   * pulls it; records not named keep their earlier decision. The same revision is copied into the
   * aggregate at once, so the batch lists show the decision without waiting for replication.
   */
  async review(args: ParsedArgsOf<'county.review'>, user: SessionUser): Promise<CountyBatchView> {
    const db = stationDb(batchPlace(args.batchId));
    const batch = await this.getDoc<Manifest>(db, args.batchId);
    if (!batch || batch.type !== 'batch') fail({ code: 'NOT_FOUND', field: 'batchId', messageKey: 'errors.county.batchNotFound' });
    const inBatch = new Set(batch.docs.map((d) => d.id));
    const outside: FieldIssue[] = args.records.flatMap((r, i) => (inBatch.has(r.id) ? [] : [{ field: `records.${i}.id`, messageKey: 'errors.county.recordNotInBatch', params: { id: r.id } }]));
    if (outside.length) throw new LeyeError({ code: 'VALIDATION', field: outside[0]!.field, messageKey: outside[0]!.messageKey, params: outside[0]!.params!, issues: outside });

    const reviewId = `${ID_PREFIX.review}${args.batchId}`;
    // Two county staff deciding at once: the second re-reads and merges onto the first.
    for (let attempt = 0; ; attempt++) {
      const existing = await this.getDoc<Review>(db, reviewId);
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
      const put = await this.request<{ rev?: string }>('PUT', `/${encodeURIComponent(db)}/${encodeURIComponent(reviewId)}`, doc, [409]);
      if (put.status === 409) {
        if (attempt < 3) continue;
        fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
      }
      await this.copyRevision(db, aggregateDb(this.county), reviewId).catch(() => undefined);
      return this.manifestView(batch, doc, await this.directory());
    }
  }

  /** Lets the station change a record the county accepted; recorded in the station's database. */
  async unlock(args: ParsedArgsOf<'county.unlock'>, user: SessionUser): Promise<{ id: string }> {
    const db = stationDb(args.placeCode);
    const target = await this.getDoc<AnyDoc>(db, args.id);
    if (!target) fail({ code: 'NOT_FOUND', field: 'id', messageKey: 'errors.notFound' });
    const stamp = this.ctx.stamp(user, args.placeCode);
    const doc: UnlockDoc = { _id: `${ID_PREFIX.unlock}${args.id}:${stamp.createdAt}`, type: 'unlock', ...stamp, targetId: args.id, reason: args.reason };
    await this.request('PUT', `/${encodeURIComponent(db)}/${encodeURIComponent(doc._id)}`, doc);
    await this.ctx.audit(user, 'unlock', args.id, args.placeCode, args.reason);
    return { id: doc._id };
  }

  // ── Conflicts ─────────────────────────────────────────────────────────────────────────────

  /** Every revision of a record in the aggregate that is still a live leaf, the winner first. */
  private async leaves(id: string): Promise<AnyDoc[]> {
    const winner = await this.getDoc<AnyDoc & { _conflicts?: string[] }>(aggregateDb(this.county), id, '?conflicts=true');
    if (!winner) return [];
    const losers = winner._conflicts ?? [];
    const found = losers.length ? await this.revisions(aggregateDb(this.county), losers.map((rev) => ({ id, rev }))) : new Map<string, AnyDoc>();
    delete winner._conflicts;
    return [winner, ...losers.flatMap((rev) => found.get(`${id} ${rev}`) ?? [])];
  }

  /** Records that met in the aggregate with different content (e.g. one person registered twice). */
  async conflicts(): Promise<CountyConflictView[]> {
    const db = aggregateDb(this.county);
    const r = await this.request<ViewRows<string | null, number, AnyDoc & { _conflicts?: string[] }>>('GET', `/${db}/${REVIEW_VIEWS}/conflicts?include_docs=true&conflicts=true`);
    const conflicted = r.body.rows.filter((row) => row.doc && (row.doc._conflicts?.length ?? 0) > 0);
    if (conflicted.length === 0) return [];
    const losers = await this.revisions(
      db,
      conflicted.flatMap((row) => row.doc!._conflicts!.map((rev) => ({ id: row.id, rev }))),
    );
    const directory = await this.directory();
    return conflicted
      .map((row) => {
        const winner = row.doc!;
        const docs = [winner, ...winner._conflicts!.flatMap((rev) => losers.get(`${row.id} ${rev}`) ?? [])];
        const revisions: ConflictRevisionView[] = docs.map((doc) => ({
          rev: doc._rev,
          placeCode: String(doc.placeCode ?? ''),
          stationName: this.stationName(directory, String(doc.placeCode ?? '')),
          updatedAt: String(doc.updatedAt ?? ''),
          updatedBy: String(doc.updatedBy ?? ''),
          winner: doc === winner,
          fields: flattenFields(doc),
        }));
        return { id: row.id, type: String(winner.type ?? ''), label: recordLabel(winner, row.id), revisions, differing: differingFields(revisions) };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * Keeps keepRev's values (with the fields taken from other revisions), writes them as the next
   * revision of keepRev's branch and deletes the other branches, so the record has one leaf
   * again. First, `resolution:<id>:<time>` records every replaced revision in full; it goes to
   * the aggregate and, with the same revision, into each involved station's database.
   */
  async resolve(args: ParsedArgsOf<'county.resolve'>, user: SessionUser): Promise<{ id: string; rev: string }> {
    const db = aggregateDb(this.county);
    const leaves = await this.leaves(args.id);
    if (leaves.length < 2) fail({ code: 'CONFLICT', messageKey: 'errors.county.conflictGone' });
    const byRev = new Map(leaves.map((d) => [d._rev, d]));
    const keep = byRev.get(args.keepRev);
    if (!keep) fail({ code: 'CONFLICT', field: 'keepRev', messageKey: 'errors.county.revisionGone' });
    const known = new Set(['placeCode', ...leaves.flatMap((d) => Object.keys(flattenFields(d)))]);
    for (const [field, rev] of Object.entries(args.fields)) {
      if (!byRev.has(rev)) fail({ code: 'CONFLICT', field: `fields.${field}`, messageKey: 'errors.county.revisionGone' });
      if (!known.has(field)) {
        const issue: FieldIssue = { field: `fields.${field}`, messageKey: 'errors.county.unknownField', params: { name: field } };
        throw new LeyeError({ code: 'VALIDATION', ...issue, issues: [issue] });
      }
    }

    const stamp = this.ctx.stamp(user, this.county);
    const merged: Record<string, unknown> = structuredClone(keep);
    for (const [field, rev] of Object.entries(args.fields)) setPath(merged, field, getPath(byRev.get(rev)!, field));
    merged.updatedBy = stamp.updatedBy;
    merged.updatedAt = stamp.updatedAt;

    const content = (doc: AnyDoc) => Object.fromEntries(Object.entries(doc).filter(([key]) => key !== '_rev'));
    const resolution: ResolutionDoc = {
      _id: `resolution:${args.id}:${stamp.createdAt}`,
      type: 'resolution',
      ...stamp,
      targetId: args.id,
      keptRev: args.keepRev,
      fields: args.fields,
      reason: args.reason,
      revisions: leaves.map((doc, i) => ({ rev: doc._rev, placeCode: String(doc.placeCode ?? ''), winner: i === 0, doc: content(doc) })),
      resultRev: null,
    };
    const recorded = await this.request<{ rev: string }>('PUT', `/${db}/${encodeURIComponent(resolution._id)}`, resolution);

    const writes = [merged, ...leaves.filter((d) => d !== keep).map((d) => ({ _id: d._id, _rev: d._rev, _deleted: true }))];
    const results = (await this.request<{ id: string; rev?: string; error?: string }[]>('POST', `/${db}/_bulk_docs`, { docs: writes })).body;
    const result = results[0];
    if (!result?.rev) {
      // Nothing was resolved (someone changed the record meanwhile): the record of it goes too.
      await this.request('DELETE', `/${db}/${encodeURIComponent(resolution._id)}?rev=${recorded.body.rev}`, undefined, [404, 409]).catch(() => undefined);
      if (result?.error === 'conflict') fail({ code: 'CONFLICT', field: 'keepRev', messageKey: 'errors.county.revisionGone' });
      if (result?.error === 'forbidden' || result?.error === 'unauthorized') fail({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' });
      throw new Error(`resolving ${args.id}: ${result?.error ?? 'no result'}`);
    }
    await this.request('PUT', `/${db}/${encodeURIComponent(resolution._id)}`, { ...resolution, _rev: recorded.body.rev, resultRev: result.rev });

    // Each station involved gets what became of its own revision: the merged revision where it was
    // kept, the deletion where it was not (its next sync takes them in, so it stops sending the
    // old one), and a notice with the reason. The aggregate holds it all whatever happens here.
    const successor = new Map<string, string>([[keep._rev, result.rev]]);
    leaves.filter((d) => d !== keep).forEach((d, i) => {
      const rev = results[i + 1]?.rev;
      if (rev) successor.set(d._rev, rev);
    });
    const places = [...new Set(leaves.map((d) => String(d.placeCode ?? '')))].filter((p) => /^\d{9}(\d{3})?$/.test(p) && p.startsWith(this.county));
    await Promise.all(
      places.map((place) =>
        this.notifyStation(db, place, {
          resolution,
          kept: keep.placeCode === place,
          label: recordLabel(leaves.find((d) => d.placeCode === place) ?? null, args.id),
          revs: leaves.filter((d) => d.placeCode === place).flatMap((d) => successor.get(d._rev) ?? []),
          user,
        }).catch(() => undefined),
      ),
    );
    return { id: args.id, rev: result.rev };
  }

  private async notifyStation(fromDb: string, place: string, what: { resolution: ResolutionDoc; kept: boolean; label: string; revs: string[]; user: SessionUser }): Promise<void> {
    const toDb = stationDb(place);
    const id = what.resolution.targetId;
    const docs: AnyDoc[] = [];
    for (const rev of what.revs) {
      const doc = await this.getDoc<AnyDoc>(fromDb, id, `?revs=true&rev=${encodeURIComponent(rev)}`);
      if (doc) docs.push(doc);
    }
    if (docs.length > 0) await this.request('POST', `/${encodeURIComponent(toDb)}/_bulk_docs`, { docs, new_edits: false });
    const notice: ResolutionNoticeDoc = {
      _id: `${what.resolution._id}:${place}`,
      type: 'resolution',
      ...this.ctx.stamp(what.user, place),
      targetId: id,
      resolutionId: what.resolution._id,
      reason: what.resolution.reason,
      kept: what.kept,
      revs: what.revs,
      label: what.label,
    };
    await this.request('PUT', `/${encodeURIComponent(toDb)}/${encodeURIComponent(notice._id)}`, notice);
  }
}

/** accepted or returned when every record of the batch was decided alike, partial otherwise. */
function decisionOf(total: number, records: { decision: 'accepted' | 'returned' }[]): ReviewDoc['decision'] {
  if (records.length === total && records.every((r) => r.decision === 'accepted')) return 'accepted';
  if (records.length === total && records.every((r) => r.decision === 'returned')) return 'returned';
  return 'partial';
}

function differingFields(revisions: ConflictRevisionView[]): string[] {
  const names = new Set(revisions.flatMap((r) => Object.keys(r.fields)));
  return [...names].filter((name) => new Set(revisions.map((r) => r.fields[name] ?? '\u0000missing')).size > 1).sort();
}
