// Reading the audit log newest first without reading all of it: entry ids sort by time within
// each place (`audit:<place>:<ISO time>:<random>`; before ids carried places, `audit:<ISO time>:
// <random>`, by year here), so each such run of ids is read backwards in pages (`allDocs`
// descending, a date filter as its key range) and the runs are merged by time.
import { placeOfId } from '../../../shared/documents/registry';
import { ID_PREFIX, type AuditDoc } from '../store/docs';
import type { StationDb } from '../store/db';
import { timeOfId } from './counts';

const HIGH = '\ufff0';
/** Entries read at a time from one run (more when a page asks for more). */
const MIN_READ = 50;
const MAX_READ = 2000;

export interface PageFilter {
  action?: string | undefined;
  user?: string | undefined;
  /** ISO times: entries at or after `low`, before `high`. */
  low?: string | undefined;
  high?: string | undefined;
}

/** The run an id belongs to: `audit:<place>:`, or `audit:<year>-` for an id without a place. */
function runOf(id: string): string {
  const place = placeOfId(id);
  return place === null ? id.slice(0, ID_PREFIX.audit.length + 5) : `${ID_PREFIX.audit}${place}:`;
}

/** The runs of ids the log has, found from the end (one read each). */
async function runs(db: StationDb): Promise<string[]> {
  const out: string[] = [];
  let startkey = `${ID_PREFIX.audit}${HIGH}`;
  let skip = 0;
  for (;;) {
    const page = await db.allDocs({ descending: true, startkey, endkey: ID_PREFIX.audit, limit: 1, skip });
    const id = page.rows[0]?.id;
    if (!id || !id.startsWith(ID_PREFIX.audit) || id === ID_PREFIX.audit) return out;
    const run = runOf(id);
    out.push(run);
    // Every other id of the run sorts after the run itself; an id that is the run is passed by skipping it.
    startkey = run;
    skip = id === run ? 1 : 0;
  }
}

/** One run read backwards. */
class Cursor {
  private buffer: AuditDoc[] = [];
  private at = 0;
  private done = false;
  private startkey: string;
  private readonly endkey: string;
  private first = true;

  constructor(
    private readonly db: StationDb,
    run: string,
    filter: PageFilter,
    private readonly batch: number,
    private readonly counter: { read: number },
  ) {
    // Ids without a place are `audit:<ISO>`: the time bounds are the same prefix and time.
    const base = run.endsWith(':') ? run : ID_PREFIX.audit;
    this.startkey = filter.high ? min(`${run}${HIGH}`, `${base}${filter.high}`) : `${run}${HIGH}`;
    this.endkey = filter.low ? max(run, `${base}${filter.low}`) : run;
  }

  /** The newest entry not yet taken, or null when the run is over. */
  async peek(): Promise<AuditDoc | null> {
    while (this.at >= this.buffer.length) {
      if (this.done) return null;
      const page = await this.db.allDocs<AuditDoc>({ descending: true, include_docs: true, startkey: this.startkey, endkey: this.endkey, limit: this.batch, skip: this.first ? 0 : 1 });
      this.first = false;
      if (page.rows.length < this.batch) this.done = true;
      else this.startkey = page.rows[page.rows.length - 1]!.id;
      this.counter.read += page.rows.length;
      this.buffer = page.rows.flatMap((row) => (row.doc?.type === 'audit' ? [row.doc] : []));
      this.at = 0;
    }
    return this.buffer[this.at]!;
  }

  take(): void {
    this.at += 1;
  }
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** Newest first: a larger time first, then a larger id (as the log was always ordered). */
function newer(a: AuditDoc, b: AuditDoc): boolean {
  const ta = timeOfId(a._id);
  const tb = timeOfId(b._id);
  return ta !== tb ? ta > tb : a._id > b._id;
}

/**
 * Visits the entries matching a filter, newest first, from the `offset`-th for at most `limit`;
 * reads only as far back as it needs. Answers how many documents it read.
 */
export async function newestFirst(db: StationDb, filter: PageFilter, offset: number, limit: number, visit: (doc: AuditDoc) => void): Promise<number> {
  const counter = { read: 0 };
  if (limit <= 0) return 0;
  const batch = Math.max(MIN_READ, Math.min(MAX_READ, offset + limit));
  const cursors = (await runs(db)).map((run) => new Cursor(db, run, filter, batch, counter));
  let skipped = 0;
  let taken = 0;
  while (taken < limit) {
    let best: { cursor: Cursor; doc: AuditDoc } | null = null;
    for (const cursor of cursors) {
      const doc = await cursor.peek();
      if (doc && (!best || newer(doc, best.doc))) best = { cursor, doc };
    }
    if (!best) break;
    best.cursor.take();
    const doc = best.doc;
    if (filter.action && doc.action !== filter.action) continue;
    if (filter.user && doc.createdBy !== filter.user) continue;
    if (skipped < offset) {
      skipped += 1;
      continue;
    }
    visit(doc);
    taken += 1;
  }
  return counter.read;
}
