// Re-keying: the county's identity key replaces the station's provisional one.
import { LeyeError } from '../../../shared/rpc/errors';
import { residentKey } from '../residents/identity';
import { getOrNull, type StationDb } from '../store/db';
import type { ResidentDoc, StationConfig } from '../store/docs';
import type { StationService } from './station';

export interface RekeyDeps {
  db: StationDb;
  station: StationService;
  /** What sync knows: whether anything reached the county, and where the re-keyed ids start. */
  sync: { hasDelivered(): boolean; rekeyed(seq: number): Promise<void> };
}

/**
 * The county's identity key replaces the station's provisional one, so two villages registering
 * the same person produce the same id. Every id and reference that holds a resident key is
 * rewritten in one bulk write (records kept under the old ids are deleted in the same write).
 * Once anything reached the county under the old key, ids may no longer change.
 */
export async function adoptIdentityKey({ db, station, sync }: RekeyDeps, identityKey: string): Promise<void> {
  const config = station.require();
  if (config.identityKey === identityKey) return;
  const all = await db.allDocs<Record<string, unknown>>({ include_docs: true });
  const keys = new Map<string, string>();
  for (const row of all.rows) {
    const doc = row.doc as (ResidentDoc & { _rev: string }) | undefined;
    if (doc?.type === 'resident') keys.set(residentKey(config.identityKey, doc.idNumber), residentKey(identityKey, doc.idNumber));
  }
  if (keys.size > 0 && sync.hasDelivered()) throw new LeyeError({ code: 'VALIDATION', field: 'setupCode', messageKey: 'errors.sync.identityKeyChanged' });
  const swap = (text: string) => text.replace(/[a-z2-7]{26}/g, (token) => keys.get(token) ?? token);
  const writes: { _id: string; _rev?: string; _deleted?: boolean }[] = [];
  for (const row of all.rows) {
    if (!row.doc || row.id.startsWith('_')) continue;
    const json = JSON.stringify(row.doc);
    const next = swap(json);
    if (next === json) continue;
    const moved = JSON.parse(next) as { _id: string; _rev?: string };
    if (moved._id !== row.id) {
      writes.push({ _id: row.id, _rev: row.value.rev, _deleted: true });
      delete moved._rev;
    } else {
      moved._rev = row.value.rev;
    }
    writes.push(moved);
  }
  if (writes.length > 0) {
    const results = await db.bulkDocs(writes);
    const failed = results.filter((r) => 'error' in r && r.error);
    if (failed.length > 0) throw new Error(`re-keying residents failed for ${failed.length} documents`);
    await sync.rekeyed(Number((await db.info()).update_seq));
  }
  const stored = await getOrNull<StationConfig>(db, '_local/station');
  const next: StationConfig = { ...config, identityKey, ...(stored?._rev ? { _rev: stored._rev } : {}) };
  next._rev = (await db.put(next)).rev;
  station.replaceConfig(next);
}
