// The county's view of the stations' 待办: each station's due and overdue counts (its last
// heartbeat's, `CountyStationView.worklist`), summed per township (a township station and its
// villages). A station that never sent counts is left out of the sums and shown as '—'.
import { placeName } from '../../shared/places';
import type { CountyStationView } from '../../shared/rpc/handlers';

export type StationWorklist = NonNullable<CountyStationView['worklist']>;

/** The station's counts, or null when it has sent none (an older station, or never synced). */
export function stationWorklist(station: CountyStationView): StationWorklist | null {
  return station.worklist ?? null;
}

export interface TownshipTotal {
  code: string;
  name: string;
  stations: number;
  /** Stations whose counts are known (the others count as '—'). */
  reporting: number;
  due: number;
  overdue: number;
}

/** Per township (by code), the sums of its stations' counts. */
export function townshipTotals(stations: readonly CountyStationView[]): TownshipTotal[] {
  const byCode = new Map<string, TownshipTotal>();
  for (const station of stations) {
    const code = station.placeCode.slice(0, 9);
    const total = byCode.get(code) ?? { code, name: placeName(code) ?? code, stations: 0, reporting: 0, due: 0, overdue: 0 };
    total.stations += 1;
    const counts = stationWorklist(station);
    if (counts) {
      total.reporting += 1;
      total.due += counts.due;
      total.overdue += counts.overdue;
    }
    byCode.set(code, total);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
