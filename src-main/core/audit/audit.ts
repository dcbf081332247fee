// The audit log: append-only entries (`audit:<place>:<ISO time>:<random>`; `audit:<ISO time>:<random>` before ids carried places), on disk before the action they
// record goes on, listed newest first a page at a time (./pages.ts) with totals from kept counts (./counts.ts).
import type { AuditActionName, AuditEntryView } from '../../../shared/access/contract';
import { auditLabel } from '../../../shared/documents/labels';
import type { SessionUser } from '../../../shared/rpc/handlers';
import type { Cache } from '../app';
import { docId } from '../../../shared/documents/registry';
import { randomId } from '../residents/identity';
import type { AuditAction, AuditDoc, Stamp, StationConfig } from '../store/docs';
import type { StationDb } from '../store/db';
import { FactsFollower } from '../store/keptFacts';
import { AuditCounts } from './counts';
import { newestFirst, type PageFilter } from './pages';

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
  /** The kept counts, following the changes feed (own writes, replicated ones) in the background from the start. */
  private readonly counts = new AuditCounts();
  private readonly follower: FactsFollower;

  constructor(private readonly deps: AuditLogDeps) {
    this.follower = new FactsFollower(this.counts, deps.db);
    this.follower.start();
  }

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
    return audit._id;
  }

  /** What the changes feed calls for every audit document the database gets. */
  get feed(): Cache {
    return this.follower.feed;
  }

  /** Documents the last page read (tests: a page never reads the whole log). */
  lastRead = 0;

  /**
   * A page of the entries matching a filter, newest first, and how many match: the page reads
   * back only as far as it reaches (a date filter is a key range), the total comes from the kept
   * counts (read while the page is).
   */
  async page(filter: AuditFilter, offset: number, limit: number): Promise<{ total: number; items: AuditEntryView[] }> {
    const items: AuditEntryView[] = [];
    const [read] = await Promise.all([newestFirst(this.deps.db, pageFilter(filter), offset, limit, (doc) => items.push(view(doc))), this.counts.refresh(this.deps.db)]);
    this.lastRead = read;
    return { total: this.counts.total({ ...filter, user: filter.user?.trim() || undefined }), items };
  }

  /** Every entry matching a filter (at most `max`), newest first. */
  async each(filter: AuditFilter, max: number, visit: (entry: AuditEntryView) => void): Promise<void> {
    await newestFirst(this.deps.db, pageFilter(filter), 0, max, (doc) => visit(view(doc)));
  }
}

/** The list's filter as the pages read it: a date range is local days, from the first's midnight to the day after the last. */
function pageFilter(filter: AuditFilter): PageFilter {
  return {
    action: filter.action,
    user: filter.user?.trim() || undefined,
    low: filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : undefined,
    high: filter.to ? new Date(Date.parse(`${filter.to}T00:00:00`) + 86_400_000).toISOString() : undefined,
  };
}

function view(doc: AuditDoc): AuditEntryView {
  return {
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
  };
}
