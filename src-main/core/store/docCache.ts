// Small document sets the core consults on every call (policies, posts, assignments, training
// sessions, enrolments) are held in memory: loaded at start, kept current from own writes and
// the changes feed. Reading them from PouchDB each time would cost ~0.1-0.2 ms per document.
import type { PouchDB as P } from 'pouchdb-node';
import { prefixRange, type StationDb } from './db';

function revNumber(rev: string | undefined): number {
  return rev ? Number.parseInt(rev, 10) || 0 : 0;
}

export class DocCache<T extends { _id: string; _rev?: string }> {
  private readonly docs = new Map<string, T & { _rev: string }>();
  private loading: Promise<void> | null = null;
  private changes = 0;

  constructor(readonly prefix: string) {}

  /**
   * Loads the set on first use, so a start of the core does not wait for sets the clerk may not
   * open; until then the changes feed has nothing to keep current.
   */
  ensure(db: StationDb): Promise<void> {
    this.loading ??= db.allDocs<T>({ include_docs: true, ...prefixRange(this.prefix) }).then((result) => {
      for (const row of result.rows) if (row.doc) this.put(row.doc as T & { _rev: string });
    });
    return this.loading;
  }

  /** Grows with every change of the set: an index built over it is current while this stays the same. */
  get version(): number {
    return this.changes;
  }

  accepts(id: string): boolean {
    return id.startsWith(this.prefix);
  }

  /** Keeps the newer revision (own writes arrive directly and again through the feed). */
  put(doc: T & { _rev: string }): void {
    const existing = this.docs.get(doc._id);
    if (existing && revNumber(existing._rev) > revNumber(doc._rev)) return;
    this.docs.set(doc._id, doc);
    this.changes += 1;
  }

  apply(change: P.Change<object>): void {
    if (!this.loading) return;
    if (change.deleted) {
      if (this.docs.delete(change.id)) this.changes += 1;
    }
    else if (change.doc) this.put(change.doc as unknown as T & { _rev: string });
  }

  get(id: string): (T & { _rev: string }) | null {
    return this.docs.get(id) ?? null;
  }

  values(): (T & { _rev: string })[] {
    return [...this.docs.values()];
  }

  /** Documents whose id starts with a longer prefix. */
  withPrefix(prefix: string): (T & { _rev: string })[] {
    return this.values().filter((d) => d._id.startsWith(prefix));
  }
}
