// The county's decisions pulled into the station (reviews, unlocks, resolution notices, with the records they lock or unlock) and the conflict resolutions applied here.
import type { PouchDB as P } from 'pouchdb-node';
import type { ResolutionView } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import type { ResolutionNoticeDoc } from '../store/docs';
import { getOrNull, prefixRange } from '../store/db';
import { decisionTargets, pullLockedRecords } from './countyLocks';
import { keepAside, newScreening, screen, type Screening } from './quarantine';
import type { SyncStateStore } from './state';
import { PREFIX } from '../../../shared/documents/registry';

function isResolutionNotice(doc: object): doc is ResolutionNoticeDoc {
  const d = doc as Partial<ResolutionNoticeDoc>;
  return d.type === 'resolution' && typeof d.targetId === 'string' && Array.isArray(d.revs) && d.revs.every((r) => typeof r === 'string');
}

export interface DecisionPull {
  ctx: CoreContext;
  state: SyncStateStore;
  /** The station's database on the server (the quarantine's source name). */
  source: string;
  /** Id prefixes of what the county writes into a station's database. */
  fromCounty: readonly string[];
  /** Documents taken in (called after each page, 0 included). */
  pulled(count: number): void;
}

/**
 * The county's decisions in the station's database (reviews, unlocks, resolutions), found by
 * their id prefixes: reading the whole changes feed would mean reading back everything the
 * station itself just sent. Only the id index is read, then the revisions missing here.
 */
export async function pullFromCounty(remote: P.Database, pull: DecisionPull): Promise<void> {
  const screening = newScreening(pull.source);
  try {
    await pullDecisions(remote, screening, pull);
  } finally {
    await keepAside(pull.ctx.db, screening);
  }
}

async function pullDecisions(remote: P.Database, screening: Screening, pull: DecisionPull): Promise<void> {
  const { ctx } = pull;
  for (const prefix of pull.fromCounty) {
    const rows = (await remote.allDocs<object>(prefixRange(prefix))).rows;
    if (rows.length === 0) continue;
    const missing = await ctx.db.revsDiff(Object.fromEntries(rows.map((r) => [r.id, [r.value.rev]])));
    const wanted = Object.entries(missing).flatMap(([id, m]) => (m.missing ?? []).map((rev) => ({ id, rev })));
    for (let i = 0; i < wanted.length; i += 500) {
      const got = await remote.bulkGet({ docs: wanted.slice(i, i + 500), revs: true });
      const docs = got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d && screen(ctx, screening, d.ok as unknown as Record<string, unknown>) ? [d.ok] : [])));
      // The records a decision names come first (locked, or unlocked), so a decision never
      // arrives without them: a cut before the decision is stored pulls them again next time.
      const records = await pullLockedRecords(ctx, remote, decisionTargets(docs), screening);
      if (docs.length > 0) await ctx.db.bulkDocs(docs, { new_edits: false });
      pull.pulled(records + docs.length);
      for (const doc of docs) if (isResolutionNotice(doc)) await applyResolution(remote, doc, screening, pull);
    }
  }
}

/**
 * A conflict the county resolved: the revisions it wrote into this station's database (the
 * merged record, or the deletion of this station's copy) come in with their history, so the
 * station holds what the county holds and stops sending the replaced revision. A change the
 * clerk made meanwhile stays a live branch and goes up as a new conflict for the county.
 */
async function applyResolution(remote: P.Database, notice: ResolutionNoticeDoc, screening: Screening, { ctx, state }: DecisionPull): Promise<void> {
  if (notice.revs.length === 0) return;
  const missing = (await ctx.db.revsDiff({ [notice.targetId]: notice.revs }))[notice.targetId]?.missing ?? [];
  if (missing.length === 0) return;
  const got = await remote.bulkGet({ docs: missing.map((rev) => ({ id: notice.targetId, rev })), revs: true });
  // The county's merged record is checked like any other pulled document.
  const docs = got.results.flatMap((r) => r.docs.flatMap((d) => ('ok' in d && screen(ctx, screening, d.ok as unknown as Record<string, unknown>) ? [d.ok] : [])));
  if (docs.length === 0) return;
  await ctx.db.bulkDocs(docs, { new_edits: false });
  const current = await getOrNull<{ _rev: string }>(ctx.db, notice.targetId);
  const written = { ...state.value.countyWritten, ...(current && notice.revs.includes(current._rev) ? { [notice.targetId]: current._rev } : {}) };
  await state.update({ countyWritten: written });
}

/** The county's notices of resolved conflicts that involved this station, newest first. */
export async function resolutions(ctx: CoreContext): Promise<ResolutionView[]> {
  const rows = await ctx.db.allDocs<object>({ include_docs: true, ...prefixRange(PREFIX.resolution) });
  return rows.rows
    .flatMap((r) => (r.doc && isResolutionNotice(r.doc) ? [r.doc] : []))
    .map((n) => ({ id: n._id, targetId: n.targetId, label: n.label ?? '', kept: n.kept, reason: n.reason, createdAt: n.createdAt, createdBy: n.createdBy }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
