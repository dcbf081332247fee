import { describe, expect, it } from 'vitest';
import type { CountyStationView } from '../../shared/rpc/handlers';
import { stationWorklist, townshipTotals } from './countyTotals';

const station = (placeCode: string, worklist?: { due: number; overdue: number; asOf: string } | null): CountyStationView =>
  ({ placeCode, name: '', level: placeCode.length === 12 ? 'village' : 'township', lastSyncAt: null, daysSinceSync: null, stale: true, batchesWaiting: 0, ...(worklist === undefined ? {} : { worklist }) }) as CountyStationView;
const at = '2026-12-06T01:00:00.000Z';

describe("the county's 待办 counts", () => {
  it('reads a station’s counts, null when it sent none', () => {
    expect(stationWorklist(station('370102001002', { due: 2, overdue: 1, asOf: at }))).toEqual({ due: 2, overdue: 1, asOf: at });
    expect(stationWorklist(station('370102001002', null))).toBeNull();
    expect(stationWorklist(station('370102001002'))).toBeNull();
  });

  it('sums them per township (the township station and its villages), leaving out stations without counts', () => {
    const totals = townshipTotals([
      station('370102001002', { due: 2, overdue: 1, asOf: at }),
      station('370102001', { due: 1, overdue: 0, asOf: at }),
      station('370102001001'),
      station('370102002001', null),
    ]);
    expect(totals).toEqual([
      { code: '370102001', name: '解放路街道', stations: 3, reporting: 2, due: 3, overdue: 1 },
      { code: '370102002', name: expect.any(String), stations: 1, reporting: 0, due: 0, overdue: 0 },
    ]);
  });
});
