// CouchDB replication (changes → revisions → _bulk_docs with new_edits: false), in pages, with
// the next page read while the other side stores the current one. PouchDB's own replicator does
// one step at a time with small batches, which leaves both the station and the county server
// idle half the time. Only the CouchDB HTTP API is used on the server side (through PouchDB's
// http adapter), so any CouchDB 3.x works. Writes with new_edits: false are idempotent: a page
// sent twice after a cut stores nothing twice.
import { createHash } from 'node:crypto';
import type { PouchDB as P } from 'pouchdb-node';
import { getOrNull } from '../store/db';

/**
 * Whether a document carries its revision history (`_revisions`) with its `_rev` at the head:
 * what a write with `new_edits: false` stores as the very same revision (backups, USB files).
 */
export function headsOwnHistory(doc: { _rev?: unknown; _revisions?: unknown }): boolean {
  const revisions = doc._revisions as { start?: unknown; ids?: unknown } | null | undefined;
  return (
    typeof doc._rev === 'string' &&
    typeof revisions === 'object' &&
    revisions !== null &&
    Number.isSafeInteger(revisions.start) &&
    Array.isArray(revisions.ids) &&
    revisions.ids.length > 0 &&
    revisions.ids.every((id) => typeof id === 'string') &&
    doc._rev === `${revisions.start as number}-${revisions.ids[0] as string}`
  );
}

export interface ReplicateOptions {
  /** The local database that keeps the checkpoint (a `_local` document: it never replicates). */
  home: P.Database;
  /** Names the source/target pair, so another server or database starts from scratch. */
  pair: string;
  /** Documents per page (one _bulk_docs request). */
  pageSize?: number;
  /** Only changes that pass are sent. */
  accept?: (change: { id: string; seq: number | string; deleted: boolean; doc?: object }) => boolean;
  /**
   * Ask the target which revisions it lacks before reading them. Off for the station's own push,
   * where everything after the checkpoint is new to the server; on where the target may already
   * hold most of it (relay copies that were pulled from the same database). `'fetched'`: ask
   * only about the revisions that would have to be read from the source, and write the ones that
   * came with the changes as they are: a write with `new_edits: false` leaves a revision the
   * target holds untouched, and asking costs a local target as much as the write (pulls).
   */
  diff?: boolean | 'fetched';
  /** A design document filter of the source (`ddoc/name`), run by the server. */
  filter?: string;
  onProgress?: (written: number) => void;
  /**
   * After each page is stored on the other side and before its checkpoint: the revisions the
   * target took. The sync keeps them for the batch manifest, so a cut loses none of them.
   */
  onStored?: (docs: { id: string; rev: string }[]) => Promise<void>;
  /**
   * A pull into a local copy that is empty when it begins: after each page is stored, its
   * documents with the copy's sequence before and after them, when they are exactly what moved it
   * (one new sequence each) and each is its id's winning revision (the source had no other leaf):
   * facts kept of the copy take them in without reading them back. Pages are then written one at
   * a time, so nothing of ours moves the sequence between the two readings; anything else that
   * wrote meanwhile (a file import) shows in the difference, and that page is not reported.
   */
  filling?: (page: FilledPage) => void;
}

/** Documents a pull stored into a copy it fills, and the copy's sequence before and after them. */
export interface FilledPage {
  docs: P.RevisedDoc[];
  from: number;
  to: number;
}

/** A first revision's history is the revision itself: one the changes brought needs no reading. */
function inHand(wanted: { revs: string[] }, doc: { _rev?: string } | undefined): doc is P.RevisedDoc {
  const [rev] = wanted.revs;
  return wanted.revs.length === 1 && rev !== undefined && doc?._rev === rev && rev.startsWith('1-');
}

export interface ReplicateResult {
  written: number;
  /** Documents the target's validation refused, with its reason. */
  refused: { id: string; reason: string }[];
}

interface Checkpoint {
  _id: string;
  _rev?: string;
  since: number | string;
}

interface Page {
  count: number;
  lastSeq: number | string;
  docs: P.RevisedDoc[];
  /** Every document the only leaf of its id at the source (none of its conflicts). */
  singleLeaves: boolean;
}

export async function replicate(source: P.Database, target: P.Database, options: ReplicateOptions): Promise<ReplicateResult> {
  const pageSize = options.pageSize ?? 1000;
  const checkpointId = `_local/replication-${createHash('sha256').update(`${options.pair} ${options.filter ?? ''}`).digest('hex').slice(0, 24)}`;
  let checkpoint: Checkpoint = (await getOrNull<Checkpoint>(options.home, checkpointId)) ?? { _id: checkpointId, since: 0 };
  const result: ReplicateResult = { written: 0, refused: [] };

  // Documents come with the changes: one pass over the source instead of two.
  // batch_size: PouchDB's http adapter otherwise fetches a page 25 changes at a time.
  const changesAfter = (since: number | string) => {
    const changes = source.changes<object>({ since, limit: pageSize, batch_size: pageSize, style: 'all_docs', include_docs: true, ...(options.filter ? { filter: options.filter } : {}) });
    // Awaited by the next read; a failure is seen there.
    changes.catch(() => undefined);
    return changes;
  };
  let nextChanges = changesAfter(checkpoint.since);
  const read = async (): Promise<Page> => {
    const changes = await nextChanges;
    // The source's next page is asked for before this one is checked and diffed: pulling from
    // the county, reading the changes is the server's slowest step, and now it never waits on ours.
    if (changes.results.length > 0) nextChanges = changesAfter(changes.last_seq);
    const current = new Map<string, P.RevisedDoc>();
    let wanted: { id: string; revs: string[] }[] = [];
    let singleLeaves = true;
    for (const c of changes.results) {
      if (c.id.startsWith('_design/') || (options.accept && !options.accept({ id: c.id, seq: c.seq, deleted: c.deleted === true, ...(c.doc ? { doc: c.doc } : {}) }))) continue;
      if (c.changes.length !== 1) singleLeaves = false;
      wanted.push({ id: c.id, revs: c.changes.map((r) => r.rev) });
      if (c.doc) current.set(c.id, c.doc as unknown as P.RevisedDoc);
    }
    const asked = options.diff === 'fetched' ? wanted.filter((w) => !inHand(w, current.get(w.id))) : options.diff ? wanted : [];
    if (asked.length > 0) {
      const missing = await target.revsDiff(Object.fromEntries(asked.map((w) => [w.id, w.revs])));
      const askedIds = new Set(asked.map((w) => w.id));
      wanted = wanted.flatMap((w) => (!askedIds.has(w.id) ? [w] : missing[w.id]?.missing?.length ? [{ id: w.id, revs: missing[w.id]!.missing! }] : []));
    }
    const docs: P.RevisedDoc[] = [];
    const fetch: { id: string; rev: string }[] = [];
    for (const w of wanted) {
      for (const rev of w.revs) {
        const doc = current.get(w.id);
        // The changes' own object (read once, kept nowhere else) takes its history: no copy.
        if (inHand({ revs: [rev] }, doc)) docs.push(Object.assign(doc, { _revisions: { start: 1, ids: [rev.slice(2)] } }));
        else fetch.push({ id: w.id, rev });
      }
    }
    if (fetch.length > 0) {
      const got = await source.bulkGet({ docs: fetch, revs: true });
      for (const r of got.results) for (const d of r.docs) if ('ok' in d) docs.push(d.ok);
    }
    return { count: changes.results.length, lastSeq: changes.last_seq, docs, singleLeaves };
  };

  // A local copy that keeps its own checkpoint (pulls) takes it in the page's own write: one
  // synced write per page instead of two, and a page and its checkpoint land together or not at
  // all. Writes to a database run one at a time in the order given, so each page's checkpoint
  // revision is known in advance ('0-1', '0-2'…); if an earlier page's write failed, the next
  // one's checkpoint no longer matches and is refused (409), so it never passes a page not stored.
  const checkpointInPage = options.home === target && !options.onStored;
  let nextCheckpointRev = checkpoint._rev;
  const withCheckpoint = (page: Page): (P.RevisedDoc | Checkpoint)[] => {
    if (!checkpointInPage) return page.docs;
    const doc: Checkpoint = { _id: checkpointId, since: page.lastSeq, ...(nextCheckpointRev ? { _rev: nextCheckpointRev } : {}) };
    nextCheckpointRev = `0-${Number(nextCheckpointRev?.split('-')[1] ?? 0) + 1}`;
    return [...page.docs, doc];
  };

  // A copy being filled reports its pages with the sequences around them (see `filling`).
  const sequenceOf = async () => Number((await target.info()).update_seq);
  let filledTo = -1;
  if (options.filling) {
    const info = await target.info();
    if (Number(info.update_seq) === 0 && info.doc_count === 0) filledTo = 0;
  }

  // Two pages in flight: the server validates one while its storage writes the other. Pages
  // are settled (recorded, checkpointed) strictly in order, so a cut resumes at the first page
  // not known to be stored, and anything sent after it is sent again, harmlessly. A local copy
  // being filled takes one at a time (its writes run one at a time anyway).
  const depth = filledTo === 0 ? 1 : 2;
  const inFlight: { page: Page; stored: Promise<(P.PutResult | P.BulkError)[]>; rev?: string }[] = [];
  const settle = async () => {
    const { page, stored, rev } = inFlight.shift()!;
    const results = await stored;
    const refusedIds = new Set<string>();
    for (const r of results) {
      if (!('error' in r && r.error)) continue;
      // Into a local copy a write with new_edits: false refuses nothing but a stale checkpoint.
      if (checkpointInPage && (r as { status?: number }).status === 409) throw Object.assign(new Error(`checkpoint ${checkpointId} moved meanwhile`), { status: 409 });
      refusedIds.add(r.id ?? '');
      result.refused.push({ id: r.id ?? '', reason: r.reason ?? r.message ?? String(r.error) });
    }
    if (filledTo >= 0) {
      const from = filledTo;
      filledTo = await sequenceOf();
      const moved = filledTo - from;
      if (page.singleLeaves && refusedIds.size === 0 && moved > 0 && moved === page.docs.length) options.filling!({ docs: page.docs, from, to: filledTo });
    }
    result.written += page.docs.length - refusedIds.size;
    options.onProgress?.(result.written);
    if (options.onStored && page.docs.length > 0) {
      await options.onStored(page.docs.filter((d) => !refusedIds.has(d._id)).map((d) => ({ id: d._id, rev: d._rev })));
    }
    // Everything up to here is stored on the other side: a cut resumes after it.
    checkpoint = { ...checkpoint, since: page.lastSeq };
    if (rev) checkpoint._rev = rev;
    else checkpoint._rev = (await options.home.put(checkpoint)).rev;
  };

  let next = read();
  try {
    for (;;) {
      const page = await next;
      if (page.count === 0) break;
      // Read ahead: the next page is read here while the target stores this one.
      next = read();
      const docs = withCheckpoint(page);
      const stored = docs.length > 0 ? target.bulkDocs(docs as P.RevisedDoc[], { new_edits: false }) : Promise.resolve([]);
      // Settled in order below; a failure is seen there (or in the finally block).
      stored.catch(() => undefined);
      inFlight.push({ page, stored, ...(checkpointInPage ? { rev: nextCheckpointRev } : {}) });
      if (inFlight.length >= depth) await settle();
    }
    while (inFlight.length > 0) await settle();
  } finally {
    // A failure above leaves the read-ahead and later writes running; their outcome no longer matters.
    next.catch(() => undefined);
  }
  return result;
}
