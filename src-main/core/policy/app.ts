// Policy parameters: the handlers.
import { createApp } from '../app';
import type { StationService } from '../station/station';
import type { PolicyStore } from './policy';

export function policyApp(policies: PolicyStore, station: StationService) {
  return createApp(
    'policy',
    {
      'policy.list': async () => policies.list(),
      'policy.save': async (args, session) => policies.save(args, session.user!, station.stamp(session.user!, station.require().placeCode)),
    },
    // Loaded at start (registration checks working age against it); the feed keeps it current.
    { caches: [policies.cache] },
  );
}
