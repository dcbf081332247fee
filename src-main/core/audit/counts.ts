// The audit log's kept counts: entries by local day, action and account, kept in memory from the
// changes feed and saved in `_local/audit-counts`, so the list's total is known without reading
// every entry (50,000 of them took seconds): a filter's total is a sum over a few hundred keys.
import { placeOfId } from '../../../shared/documents/registry';
import type { AuditDoc } from '../store/docs';
import { ID_PREFIX } from '../store/docs';
import type { StationDb } from '../store/db';
import { SavedCopy, readFactsTo, type Followed } from '../store/keptFacts';

export const SAVED_AUDIT_COUNTS = '_local/audit-counts';
// Bump when what is counted changes: an older saved copy is then read again from the entries.
const COUNTS_FORMAT = 1;
const SAVE_AFTER = 2_000;
const REBUILD_AFTER = 50_000;
const SEP = '\u0000';

interface SavedCounts {
  _id: typeof SAVED_AUDIT_COUNTS;
  _rev?: string;
  format: number;
  /** The machine's time zone when counted (days are local days, as the filter's dates are). */
  zone: string;
  seq: number;
  counts: [string, number][];
}

/** An entry's time (`audit:<place>:<ISO time>:<random>`, or `audit:<ISO time>:<random>` before ids carried places). */
export function timeOfId(id: string): string {
  const place = placeOfId(id);
  const rest = id.slice(ID_PREFIX.audit.length + (place === null ? 0 : place.length + 1));
  return rest.slice(0, rest.lastIndexOf(':'));
}

/** The local day (YYYY-MM-DD) of an ISO time, as the list's date filter reads days. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const zone = () => `${Intl.DateTimeFormat().resolvedOptions().timeZone}|${new Date(0).getTimezoneOffset()}`;

export interface CountFilter {
  action?: string | undefined;
  user?: string | undefined;
  /** Local days, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export class AuditCounts implements Followed {
  seq = -1;
  private readonly byKey = new Map<string, number>();
  private readonly saved = new SavedCopy(SAVE_AFTER);
  private refreshing: Promise<void> | null = null;
  /**
   * The entries a fresh read counted, until the changes have been read past the sequence that read
   * could have seen: an entry written while the fresh read ran is in both, and counts once.
   */
  private freshIds: Set<string> | null = null;
  private freshUntil = -1;

  counts(id: string): boolean {
    return id.startsWith(ID_PREFIX.audit);
  }

  /** Entries matching a filter. */
  total(filter: CountFilter): number {
    let n = 0;
    for (const [key, count] of this.byKey) {
      const [day, action, user] = key.split(SEP) as [string, string, string];
      if (filter.from && day < filter.from) continue;
      if (filter.to && day > filter.to) continue;
      if (filter.action && action !== filter.action) continue;
      if (filter.user && user !== filter.user) continue;
      n += count;
    }
    return n;
  }

  /** Entries are written once and never changed: each comes once in the changes, once in a fresh read. */
  private apply(id: string, doc: Record<string, unknown> | undefined, deleted: boolean, fresh: boolean): void {
    const entry = doc as Partial<AuditDoc> | undefined;
    if (deleted || entry?.type !== 'audit') return;
    if (fresh) this.freshIds?.add(id);
    else if (this.freshIds?.has(id)) return;
    const key = `${localDay(timeOfId(id))}${SEP}${String(entry.action)}${SEP}${String(entry.createdBy)}`;
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
  }

  async refresh(db: StationDb, background = false): Promise<void> {
    if (!background) this.saved.hurry();
    // A catch-up already going on (the follower's) may have started before the latest writes: then another follows it.
    const target = Number((await db.info()).update_seq);
    for (let round = 0; round < 3; round++) {
      this.refreshing ??= this.doRefresh(db).finally(() => (this.refreshing = null));
      await this.refreshing;
      if (this.seq >= target) return;
    }
  }

  private async doRefresh(db: StationDb): Promise<void> {
    const seq = Number((await db.info()).update_seq);
    if (this.seq < 0) await this.loadSaved(db, seq);
    let fresh = false;
    this.seq = await readFactsTo(db, this.seq, seq, {
      prefixes: [ID_PREFIX.audit],
      rebuildAfter: REBUILD_AFTER,
      clear: () => {
        this.byKey.clear();
        this.freshIds = new Set();
        fresh = true;
      },
      apply: (id, doc, deleted) => this.apply(id, doc, deleted, fresh),
      skips: (id) => !id.startsWith(ID_PREFIX.audit),
    });
    // The fresh read may have seen entries written up to now; the changes after `seq` bring them again.
    if (fresh) this.freshUntil = Number((await db.info()).update_seq);
    else if (this.freshIds && this.seq >= this.freshUntil) this.freshIds = null;
    if (this.saved.due(this.seq)) this.save(db);
  }

  private async loadSaved(db: StationDb, current: number): Promise<void> {
    const apply = (saved: SavedCounts) => {
      if (saved.format !== COUNTS_FORMAT || saved.zone !== zone() || !(saved.seq <= current)) return false;
      for (const [key, n] of saved.counts) this.byKey.set(key, n);
      return true;
    };
    const seq = await this.saved.restore(db, SAVED_AUDIT_COUNTS, apply, () => this.byKey.clear());
    if (seq >= 0) this.seq = seq;
  }

  saveIfBehind(db: StationDb, atLeast = 1): void {
    if (this.seq >= 0 && this.seq - this.saved.seq >= atLeast) this.save(db);
  }

  private save(db: StationDb): void {
    if (this.saved.busy) return;
    const doc: SavedCounts = { _id: SAVED_AUDIT_COUNTS, format: COUNTS_FORMAT, zone: zone(), seq: this.seq, counts: [...this.byKey] };
    this.saved.save(db, doc);
  }
}
