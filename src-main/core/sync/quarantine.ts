// Quarantine: pulled documents that fail their schema are kept out of the station and listed (ids and reasons only, no content).
import type { QuarantineView } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import { documentProblem } from '../store/docSchemas';
import { getOrNull, type StationDb } from '../store/db';

/** Pulled documents that failed their schema (ids and reasons only: no content is kept). */
interface QuarantineDoc {
  _id: '_local/quarantine';
  _rev?: string;
  items: QuarantineView[];
}

/** The most entries kept; a county sending more bad documents than this has a bigger problem. */
const QUARANTINE_KEPT = 1000;

/** What the sync keeps aside while pulling one database, then records in one write. */
export interface Screening {
  source: string;
  refused: QuarantineView[];
  passed: string[];
}

export function newScreening(source: string): Screening {
  return { source, refused: [], passed: [] };
}

/** true if a pulled document is valid; otherwise it is noted for the quarantine list. */
export function screen(ctx: CoreContext, screening: Screening, doc: Record<string, unknown>): boolean {
  const id = typeof doc._id === 'string' ? doc._id : '';
  if (doc._deleted === true) return true;
  const problem = documentProblem(doc);
  if (!problem) {
    screening.passed.push(id);
    return true;
  }
  const rev = typeof doc._rev === 'string' ? doc._rev : '';
  screening.refused.push({ id, rev, source: screening.source, field: problem.field, messageKey: problem.messageKey, at: ctx.now() });
  return false;
}

/** Records what a pull kept aside; a valid revision of a record kept aside before releases it. */
export async function keepAside(db: StationDb, screening: Screening): Promise<void> {
  const stored = (await getOrNull<QuarantineDoc>(db, '_local/quarantine')) ?? { _id: '_local/quarantine' as const, items: [] };
  const key = (q: { source: string; id: string }) => `${q.source} ${q.id}`;
  const replaced = new Set([...screening.passed.map((id) => key({ source: screening.source, id })), ...screening.refused.map(key)]);
  const kept = stored.items.filter((q) => !replaced.has(key(q)));
  if (screening.refused.length === 0 && kept.length === stored.items.length) return;
  const items = [...screening.refused, ...kept].slice(0, QUARANTINE_KEPT);
  await db.put({ ...stored, items });
}

/** Documents pulled from the county that failed their schema, newest first. */
export async function quarantined(db: StationDb): Promise<QuarantineView[]> {
  const stored = await getOrNull<QuarantineDoc>(db, '_local/quarantine');
  return [...(stored?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));
}
