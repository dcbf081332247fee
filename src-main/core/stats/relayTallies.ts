// A township's villages as this machine holds them (relay copies), each with its tally: one set
// per core, read by the dashboard and by the employment counts, so a copy is read once for both.
import { stationLevel } from '../../../shared/places';
import type { StationDb } from '../store/db';
import type { SyncService } from '../sync/sync';
import { Tally } from './tally';

const tallies = new WeakMap<SyncService, Map<string, Tally>>();

/**
 * The relay copies of a township's villages, each brought up to date: none away from a township.
 * Only places under the township count (a village file imported here may add any other place).
 */
export async function villageTallies(sync: SyncService, station: string): Promise<{ place: string; tally: Tally }[]> {
  if (stationLevel(station) !== 'township') return [];
  let byPlace = tallies.get(sync);
  if (!byPlace) tallies.set(sync, (byPlace = new Map()));
  const out: { place: string; tally: Tally }[] = [];
  for (const place of sync.relayPlaces().filter((p) => p.startsWith(station))) {
    let tally = byPlace.get(place);
    if (!tally) byPlace.set(place, (tally = new Tally(true)));
    await tally.refresh(sync.relay(place) as unknown as StationDb);
    out.push({ place, tally });
  }
  return out;
}
