// The audit log: append-only entries (`audit:<place>:<ISO time>:<random>`; `audit:<ISO time>:<random>` before ids carried places), on disk before the action they
// record goes on, and the index that lists and filters them without reading every document.
import type { AuditActionName, AuditEntryView } from '../../../shared/access/contract';
import { auditLabel } from '../../../shared/documents/labels';
import type { SessionUser } from '../../../shared/rpc/handlers';
import type { PouchDB as P } from 'pouchdb-node';
import type { Cache } from '../app';
import { docId, placeOfId } from '../../../shared/documents/registry';
import { randomId } from '../residents/identity';
import { ID_PREFIX, type AuditAction, type AuditDoc, type Stamp, type StationConfig } from '../store/docs';
import type { StationDb } from '../store/db';

const AUDIT_PAGE = 2000;

/** An entry's id without its place, `audit:<ISO time>:<random>`: the log's order and its date ranges. */
function timeKey(id: string): string {
  const place = placeOfId(id);
  return place === null ? id : `${ID_PREFIX.audit}${id.slice(ID_PREFIX.audit.length + place.length + 1)}`;
}

export interface AuditFilter {
  action?: AuditActionName | undefined;
  user?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditLogDeps {
  db: StationDb;
  now(): string;
  /** The station's configuration, or STATION_NOT_SET_UP. */
  station(): StationConfig;
  stamp(user: SessionUser, placeCode: string): Stamp;
}

export class AuditLog {
  constructor(private readonly deps: AuditLogDeps) {}

  /** Appends an entry (on disk before this resolves); resolves to its id. `reason` is left out of a reveal. */
  async append(user: SessionUser, entry: { action: AuditAction; targetId: string; field: string; reason?: string }): Promise<string> {
    const config = this.deps.station();
    const audit: AuditDoc = {
      _id: docId.audit(config.placeCode, this.deps.now(), randomId(8)),
      type: 'audit',
      ...entry,
      ...this.deps.stamp(user, config.placeCode),
    };
    await this.deps.db.put(audit);
    // In the log's index at once (the changes feed brings it too, a moment later).
    this.changed(audit._id, audit, false);
    return audit._id;
  }

  /** What the changes feed keeps current: every audit document the database gets (own writes, replicated ones). */
  readonly feed: Cache = {
    ensure: async () => undefined,
    accepts: (id) => id.startsWith(ID_PREFIX.audit),
    apply: (change: P.Change<object>) => this.changed(change.id, change.doc as { action?: unknown; createdBy?: unknown } | undefined, change.deleted === true),
  };

  // ── The index ─────────────────────────────────────────────────────────────────────────────
  // Filters read only this (id, action, user per entry): listing 50,000 entries must not read
  // 50,000 documents. Built from the database the first time an admin asks, then kept current
  // from the changes feed (`changed`); only the shown page's documents are read.

  private index: Map<string, { action: string; by: string }> | null = null;
  private ids: string[] = [];
  private sorted = true;
  private building: Promise<void> | null = null;
  private built = false;

  private changed(id: string, doc: { action?: unknown; createdBy?: unknown } | undefined, deleted: boolean): void {
    if (!this.index || deleted || !doc) return;
    // While the first read runs, the id list is made from the map at its end.
    if (!this.index.has(id) && this.built) {
      if (this.ids.length && timeKey(id) < timeKey(this.ids[this.ids.length - 1]!)) this.sorted = false;
      this.ids.push(id);
    }
    this.index.set(id, { action: String(doc.action), by: String(doc.createdBy) });
  }

  private async entries(): Promise<{ ids: string[]; index: Map<string, { action: string; by: string }> }> {
    if (!this.building) {
      this.building = (async () => {
        // Live from the start: what the changes feed brings while the read goes on joins it.
        const index = new Map<string, { action: string; by: string }>();
        this.index = index;
        let startkey: string = ID_PREFIX.audit;
        for (;;) {
          const page = await this.deps.db.allDocs<AuditDoc>({ include_docs: true, startkey, endkey: `${ID_PREFIX.audit}\ufff0`, limit: AUDIT_PAGE + 1 });
          const rows = startkey === ID_PREFIX.audit ? page.rows : page.rows.slice(1);
          for (const row of rows) if (row.doc?.type === 'audit') index.set(row.id, { action: row.doc.action, by: row.doc.createdBy });
          if (page.rows.length <= AUDIT_PAGE) break;
          startkey = page.rows[page.rows.length - 1]!.id;
        }
        this.ids = [...index.keys()];
        this.sorted = false;
        this.built = true;
      })();
    }
    await this.building;
    if (!this.sorted) {
      this.ids = this.ids
        .map((id) => ({ id, key: timeKey(id) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((e) => e.id);
      this.sorted = true;
    }
    return { ids: this.ids, index: this.index! };
  }

  /** Ids of the entries matching a filter, newest first; an id without its place is `audit:<ISO time>:<random>`, so a date range is a range of those. */
  async matching(filter: AuditFilter): Promise<string[]> {
    const { ids, index } = await this.entries();
    const low = filter.from ? `${ID_PREFIX.audit}${new Date(`${filter.from}T00:00:00`).toISOString()}` : '';
    const high = filter.to ? `${ID_PREFIX.audit}${new Date(Date.parse(`${filter.to}T00:00:00`) + 86_400_000).toISOString()}` : '\uffff';
    const user = filter.user?.trim() || undefined;
    const out: string[] = [];
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i]!;
      const key = timeKey(id);
      if (key >= high) continue;
      if (key < low) break;
      const entry = index.get(id)!;
      if (filter.action && entry.action !== filter.action) continue;
      if (user && entry.by !== user) continue;
      out.push(id);
    }
    return out;
  }

  /** The entries of some ids, in their order, read in pages. */
  async views(ids: string[], visit: (entry: AuditEntryView) => void): Promise<void> {
    for (let i = 0; i < ids.length; i += AUDIT_PAGE) {
      const page = await this.deps.db.allDocs<AuditDoc>({ keys: ids.slice(i, i + AUDIT_PAGE), include_docs: true });
      for (const row of page.rows) {
        const doc = 'doc' in row ? row.doc : undefined;
        if (!doc) continue;
        visit({
          id: doc._id,
          at: doc.createdAt,
          action: doc.action,
          by: doc.createdBy,
          placeCode: doc.placeCode,
          targetId: doc.targetId,
          field: doc.field,
          reason: doc.reason ?? '',
          byName: doc.createdBy,
          what: auditLabel({ action: doc.action, targetId: doc.targetId, field: doc.field, reason: doc.reason }),
          target: null,
        });
      }
    }
  }
}
