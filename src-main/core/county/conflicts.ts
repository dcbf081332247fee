// Conflicts in the county aggregate: listed revision by revision, and resolved (a merge kept, the other branches deleted, the stations told).
import { describeRecord } from '../../../shared/documents/labels';
import { LeyeError, type FieldIssue } from '../../../shared/rpc/errors';
import type { ConflictRevisionView, CountyConflictView, ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import type { DocBase, ResolutionNoticeDoc } from '../store/docs';
import { flattenFields, getPath, recordLabel, setPath } from './records';
import { aggregateDb, stationDb, REVIEW_VIEWS, type AnyDoc, type CountyServer, type ViewRows } from './server';
import { docId, placeOfId } from '../../../shared/documents/registry';

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

export class ConflictResolution {
  constructor(
    private readonly ctx: CoreContext,
    private readonly server: CountyServer,
  ) {}

  /** Every revision of a record in the aggregate that is still a live leaf, the winner first. */
  private async leaves(id: string): Promise<AnyDoc[]> {
    const winner = await this.server.getDoc<AnyDoc & { _conflicts?: string[] }>(aggregateDb(this.server.county), id, '?conflicts=true');
    if (!winner) return [];
    const losers = winner._conflicts ?? [];
    const found = losers.length ? await this.server.revisions(aggregateDb(this.server.county), losers.map((rev) => ({ id, rev }))) : new Map<string, AnyDoc>();
    delete winner._conflicts;
    return [winner, ...losers.flatMap((rev) => found.get(`${id} ${rev}`) ?? [])];
  }

  /** Records that met in the aggregate with different content (e.g. one person registered twice). */
  async conflicts(): Promise<CountyConflictView[]> {
    const db = aggregateDb(this.server.county);
    const r = await this.server.request<ViewRows<string | null, number, AnyDoc & { _conflicts?: string[] }>>('GET', `/${db}/${REVIEW_VIEWS}/conflicts?include_docs=true&conflicts=true`);
    const conflicted = r.body.rows.filter((row) => row.doc && (row.doc._conflicts?.length ?? 0) > 0);
    if (conflicted.length === 0) return [];
    const losers = await this.server.revisions(
      db,
      conflicted.flatMap((row) => row.doc!._conflicts!.map((rev) => ({ id: row.id, rev }))),
    );
    const [directory, batches] = await Promise.all([this.server.directory(), this.server.batchSummaries()]);
    // Who wrote a revision, by name: the station accounts' display names as their batches carry them.
    const names = new Map<string, string>();
    for (const b of batches) if (b.summary.createdByName) names.set(`${b.placeCode} ${b.summary.createdBy}`, b.summary.createdByName);
    return conflicted
      .map((row) => {
        const winner = row.doc!;
        const docs = [winner, ...winner._conflicts!.flatMap((rev) => losers.get(`${row.id} ${rev}`) ?? [])];
        const revisions: ConflictRevisionView[] = docs.map((doc) => ({
          rev: doc._rev,
          placeCode: String(doc.placeCode ?? ''),
          stationName: this.server.stationName(directory, String(doc.placeCode ?? '')),
          updatedAt: String(doc.updatedAt ?? ''),
          updatedBy: String(doc.updatedBy ?? ''),
          updatedByName: names.get(`${String(doc.placeCode ?? '')} ${String(doc.updatedBy ?? '')}`) ?? '',
          winner: doc === winner,
          fields: flattenFields(doc),
        }));
        return { id: row.id, type: String(winner.type ?? ''), label: describeRecord(winner, row.id), revisions, differing: differingFields(revisions), suspectedForgery: fromOtherPlaces(row.id, revisions) };
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
    const db = aggregateDb(this.server.county);
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

    const stamp = this.ctx.stamp(user, this.server.county);
    const merged: Record<string, unknown> = structuredClone(keep);
    for (const [field, rev] of Object.entries(args.fields)) setPath(merged, field, getPath(byRev.get(rev)!, field));
    merged.updatedBy = stamp.updatedBy;
    merged.updatedAt = stamp.updatedAt;

    const content = (doc: AnyDoc) => Object.fromEntries(Object.entries(doc).filter(([key]) => key !== '_rev'));
    const resolution: ResolutionDoc = {
      _id: docId.resolution(args.id, stamp.createdAt),
      type: 'resolution',
      ...stamp,
      targetId: args.id,
      keptRev: args.keepRev,
      fields: args.fields,
      reason: args.reason,
      revisions: leaves.map((doc, i) => ({ rev: doc._rev, placeCode: String(doc.placeCode ?? ''), winner: i === 0, doc: content(doc) })),
      resultRev: null,
    };
    const recorded = await this.server.request<{ rev: string }>('PUT', `/${db}/${encodeURIComponent(resolution._id)}`, resolution);

    // The merged revision first, then each other branch's deletion, one request each: a
    // _bulk_docs holding several revisions of one id answers in an order PouchDB Server does not
    // keep (CouchDB does), and a deletion must never be taken for the merge or sent to the wrong station.
    const saved = await this.server.request<{ rev?: string; error?: string }>('PUT', `/${db}/${encodeURIComponent(args.id)}`, merged, [201, 202, 403, 409]);
    if (!saved.body.rev) {
      // Nothing was resolved (someone changed the record meanwhile): the record of it goes too.
      await this.server.request('DELETE', `/${db}/${encodeURIComponent(resolution._id)}?rev=${recorded.body.rev}`, undefined, [404, 409]).catch(() => undefined);
      if (saved.status === 409) fail({ code: 'CONFLICT', field: 'keepRev', messageKey: 'errors.county.revisionGone' });
      if (saved.status === 403) fail({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' });
      throw new Error(`resolving ${args.id}: ${saved.body.error ?? 'no result'}`);
    }
    const result = { rev: saved.body.rev };
    const successor = new Map<string, string>([[keep._rev, result.rev]]);
    for (const other of leaves.filter((d) => d !== keep)) {
      const gone = await this.server.request<{ rev?: string }>('DELETE', `/${db}/${encodeURIComponent(args.id)}?rev=${encodeURIComponent(other._rev)}`, undefined, [200, 202, 409]);
      if (gone.body.rev) successor.set(other._rev, gone.body.rev);
    }
    await this.server.request('PUT', `/${db}/${encodeURIComponent(resolution._id)}`, { ...resolution, _rev: recorded.body.rev, resultRev: result.rev });

    // Each station involved gets what became of its own revision: the merged revision where it was
    // kept, the deletion where it was not (its next sync takes them in, so it stops sending the
    // old one), and a notice with the reason. The aggregate holds it all whatever happens here.
    const places = [...new Set(leaves.map((d) => String(d.placeCode ?? '')))].filter((p) => /^\d{9}(\d{3})?$/.test(p) && p.startsWith(this.server.county));
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
      const doc = await this.server.getDoc<AnyDoc>(fromDb, id, `?revs=true&rev=${encodeURIComponent(rev)}`);
      if (doc) docs.push(doc);
    }
    if (docs.length > 0) await this.server.request('POST', `/${encodeURIComponent(toDb)}/_bulk_docs`, { docs, new_edits: false });
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
    await this.server.request('PUT', `/${encodeURIComponent(toDb)}/${encodeURIComponent(notice._id)}`, notice);
  }
}

/**
 * Whether a conflict's revisions come from different places, or one from another place than the
 * id carries: the county server refuses such a write of a station's own record, so only a legacy
 * id, a resident (one person, two villages) or a forgery gets here that way.
 */
function fromOtherPlaces(id: string, revisions: ConflictRevisionView[]): boolean {
  const places = new Set(revisions.map((r) => r.placeCode));
  const carried = placeOfId(id);
  return places.size > 1 || (carried !== null && !places.has(carried));
}

function differingFields(revisions: ConflictRevisionView[]): string[] {
  const names = new Set(revisions.flatMap((r) => Object.keys(r.fields)));
  return [...names].filter((name) => new Set(revisions.map((r) => r.fields[name] ?? '\u0000missing')).size > 1).sort();
}
