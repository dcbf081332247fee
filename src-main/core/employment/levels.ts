// The employment counts at every level, by the one shared function (shared/employment/counts.ts):
// a village counts its own entries; a township its own and its villages' relay copies (each
// person under the village they are registered in); a county the aggregate's views.
import { employmentCounts, type CountFacts, type EntryFact, type ResidentFact } from '../../../shared/employment/counts';
import type { EmploymentCountsView } from '../../../shared/employment/contract';
import { placeName, stationLevel } from '../../../shared/places';
import type { CoreContext } from '../context';
import { villageTallies } from '../stats/relayTallies';
import type { SyncService } from '../sync/sync';
import { countyEmploymentFacts } from './countyFacts';
import type { EmploymentService } from './employment';

export interface CountsDeps {
  ctx: CoreContext;
  sync: SyncService;
  employment: EmploymentService;
}

/** Several databases' facts as one: an entry once (by id), a resident as the first source has them. */
export function mergeFacts(sources: readonly CountFacts[]): CountFacts {
  const entries = new Map<string, EntryFact>();
  const residents = new Map<string, ResidentFact>();
  for (const source of sources) {
    for (const e of source.entries) if (!entries.has(e.id)) entries.set(e.id, e);
    for (const [id, r] of source.residents) if (!residents.has(id)) residents.set(id, r);
  }
  return { entries: [...entries.values()], residents };
}

/** The facts this station counts: its own, a township's villages' copies too, or the county's aggregate. */
export async function countFacts(deps: CountsDeps, from: string, to: string): Promise<CountFacts> {
  const station = deps.ctx.station().placeCode;
  if (stationLevel(station) === 'county') return countyEmploymentFacts(deps.sync, station, from, to);
  const villages = await villageTallies(deps.sync, station);
  return mergeFacts([await deps.employment.ownFacts(), ...villages.map(({ tally }) => ({ entries: [...tally.employment.values()], residents: tally.residentFacts }))]);
}

/** The three counts for months `from`…`to` at this station's level, with the places' names (and their townships'). */
export async function countsAt(deps: CountsDeps, from: string, to: string): Promise<EmploymentCountsView> {
  const facts = await countFacts(deps, from, to);
  const result = employmentCounts(facts.entries, facts.residents, from, to);
  const placeCode = deps.ctx.station().placeCode;
  const codes = new Set([placeCode]);
  for (const { place } of result.byPlace) {
    codes.add(place);
    if (place.length === 12) codes.add(place.slice(0, 9));
  }
  const placeNames = Object.fromEntries([...codes].map((p) => [p, placeName(p) ?? p]));
  return { ...result, placeCode, placeNames };
}
