// The county server as the county staff account sees it: requests with clear errors, documents and revisions, the station directory, batch and review summaries.
import { placeName } from '../../../shared/places';
import { fail, type CoreContext } from '../context';
import type { BatchDoc, ReviewDoc } from '../store/docs';
import { ID_PREFIX } from '../store/docs';
import type { SyncService } from '../sync/sync';
import { classifyFailure } from '../sync/http';

/** Documents fetched per `_bulk_get`: a 50,000-record batch stays within request deadlines. */
export const FETCH_CHUNK = 1000;

export const refDb = 'county_ref';
export const stationDb = (place: string) => `station_${place}`;
export const aggregateDb = (county: string) => `county_${county}_aggregate`;
export const REVIEW_VIEWS = '_design/review/_view';

/** The station directory entry the county provisions in county_ref (`station:<code>`). */
export interface DirectoryDoc {
  _id: string;
  type: 'station';
  placeCode: string;
  name: string;
  level?: 'village' | 'township';
}

export type AnyDoc = Record<string, unknown> & { _id: string; _rev: string };
export type Manifest = BatchDoc & { _rev: string };
export type Review = ReviewDoc & { _rev: string };
export interface ViewRows<K, V, D = never> {
  rows: { id: string; key: K; value: V; doc?: D }[];
}
export interface ReviewSummary {
  decision: ReviewDoc['decision'];
  updatedAt: string;
  updatedBy: string;
}
export interface BatchSummary {
  createdBy: string;
  /** The station's display name for createdBy (older manifests: the login name). */
  createdByName?: string;
  via: BatchDoc['via'];
  counts: Record<string, number>;
  documents: number;
}

export const range = (prefix: string) => `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(prefix + '\ufff0'))}`;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** HTTP with the county staff account (through the station's sync connection). */
export class CountyServer {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sync: Pick<SyncService, 'serverFetch'>,
  ) {}

  get county(): string {
    return this.ctx.station().placeCode;
  }

  // ── HTTP with the county staff account ────────────────────────────────────────────────────

  /** One request; a 2xx (or a status in `ok`) is returned, anything else is a clear error. */
  async request<T>(method: string, path: string, body?: unknown, ok: number[] = []): Promise<{ status: number; body: T }> {
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

  async getDoc<T>(db: string, id: string, query = ''): Promise<T | null> {
    const r = await this.request<T>('GET', `/${encodeURIComponent(db)}/${encodeURIComponent(id)}${query}`, undefined, [404]);
    return r.status === 404 ? null : r.body;
  }

  /** The listed revisions (those still on the server; a compacted or unknown one is left out). */
  async revisions(db: string, wanted: { id: string; rev: string }[]): Promise<Map<string, AnyDoc>> {
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
  async copyRevision(fromDb: string, toDb: string, id: string): Promise<void> {
    const doc = await this.getDoc<AnyDoc>(fromDb, id, '?revs=true');
    if (!doc) return;
    await this.request('POST', `/${encodeURIComponent(toDb)}/_bulk_docs`, { docs: [doc], new_edits: false });
  }

  async directory(): Promise<Map<string, DirectoryDoc>> {
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

  stationName(directory: Map<string, DirectoryDoc>, place: string): string {
    return directory.get(place)?.name ?? placeName(place) ?? place;
  }

  /** Batch manifests in the aggregate (without their id lists), optionally of one area. */
  async batchSummaries(area?: string): Promise<{ id: string; placeCode: string; createdAt: string; summary: BatchSummary }[]> {
    const keys = area
      ? `startkey=${encodeURIComponent(JSON.stringify([area]))}&endkey=${encodeURIComponent(JSON.stringify([area + '\ufff0']))}`
      : '';
    const r = await this.request<ViewRows<[string, string], BatchSummary>>('GET', `/${aggregateDb(this.county)}/${REVIEW_VIEWS}/batches?${keys}`);
    return r.body.rows.map((row) => ({ id: row.id, placeCode: row.key[0], createdAt: row.key[1], summary: row.value }));
  }

  async reviewSummaries(batchIds?: string[]): Promise<Map<string, ReviewSummary>> {
    const path = `/${aggregateDb(this.county)}/${REVIEW_VIEWS}/reviews`;
    const r = batchIds
      ? await this.request<ViewRows<string, ReviewSummary>>('POST', path, { keys: batchIds })
      : await this.request<ViewRows<string, ReviewSummary>>('GET', path);
    return new Map(r.body.rows.map((row) => [row.key, row.value]));
  }
}
