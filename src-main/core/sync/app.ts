// Live sync with the county server: the handlers.
import { LeyeError } from '../../../shared/rpc/errors';
import { createApp } from '../app';
import type { StationService } from '../station/station';
import { fieldError } from '../validation';
import { parseSetupCode, type SyncService } from './sync';

export interface SyncAppDeps {
  sync: SyncService;
  station: StationService;
  /** Once connected: the county's reference copy joins the station's policies, posts and courses. */
  followReference(): Promise<void>;
}

export function syncApp({ sync, station, followReference }: SyncAppDeps) {
  return createApp('sync', {
    'sync.status': async () => sync.status(),
    'sync.connect': async (args, session) => {
      const config = station.require();
      const connection =
        'setupCode' in args
          ? parseSetupCode(args.setupCode)
          : { url: args.url.replace(/\/+$/, ''), username: args.username, password: args.password, placeCode: config.placeCode };
      if (!connection) throw new LeyeError(fieldError('setupCode', 'errors.sync.setupCode'));
      const status = await sync.connect(connection, session.user!);
      await followReference();
      return status;
    },
    'sync.now': async (_args, session) => sync.syncNow(session.user!),
    'sync.batches': async () => sync.batches(),
    'sync.resolutions': async () => sync.resolutions(),
    'sync.quarantine': async () => sync.quarantined(),
  });
}
