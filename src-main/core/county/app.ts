// The county's review of what stations sent: the handlers, and the guard in front of them.
import { stationLevel } from '../../../shared/places';
import { LeyeError } from '../../../shared/rpc/errors';
import { createApp } from '../app';
import type { StationService } from '../station/station';
import type { SyncService } from '../sync/sync';
import type { CountyService } from './county';

/** County review runs only at a county station connected to the county server. */
export function countyGuard(county: CountyService, station: StationService, sync: SyncService): () => CountyService {
  return () => {
    if (stationLevel(station.require().placeCode) !== 'county') throw new LeyeError({ code: 'FORBIDDEN', messageKey: 'errors.county.notCounty' });
    if (!sync.isConnected()) throw new LeyeError({ code: 'VALIDATION', messageKey: 'errors.county.notConnected' });
    return county;
  };
}

export function countyApp(county: () => CountyService) {
  return createApp('county', {
    'county.stations': async (args) => county().stations(args),
    'county.batches': async (args) => county().batches(args),
    'county.batch': async (args) => county().batch(args.batchId),
    'county.review': async (args, session) => county().review(args, session.user!),
    'county.unlock': async (args, session) => county().unlock(args, session.user!),
    'county.conflicts': async () => county().conflicts(),
    'county.resolve': async (args, session) => county().resolve(args, session.user!),
  });
}
