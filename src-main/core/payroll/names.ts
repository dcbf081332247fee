// What the payroll calls a village or township: the county's station directory (as last pulled
// into the reference copy) first, as the county's own screens do, then the places table; null when
// nothing names it (the screen, the print and the .xlsx then say "unknown village (code)").
import { placeName } from '../../../shared/places';
import { prefixRange } from '../store/db';
import { ID_PREFIX } from '../store/docs';
import type { SyncService } from '../sync/sync';

export type PlaceNames = (code: string) => string | null;

/** A name is a name, not the code written where the provisioner knew no name. */
const named = (name: unknown, code: string): name is string => typeof name === 'string' && name.trim() !== '' && name.trim() !== code && !/^\d+$/.test(name.trim());

export async function placeNames(sync: Pick<SyncService, 'referenceDb'>): Promise<PlaceNames> {
  const rows = await sync.referenceDb().allDocs<{ type?: string; placeCode?: string; name?: string }>({ include_docs: true, ...prefixRange(ID_PREFIX.station) });
  const directory = new Map<string, string>();
  for (const { doc } of rows.rows) {
    if (doc?.type === 'station' && typeof doc.placeCode === 'string' && named(doc.name, doc.placeCode)) directory.set(doc.placeCode, doc.name.trim());
  }
  return (code) => directory.get(code) ?? placeName(code);
}
