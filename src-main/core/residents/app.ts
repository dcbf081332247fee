// The residents' handlers.
import { createApp } from '../app';
import type { ResidentsService } from './residents';

export function residentsApp(residents: ResidentsService) {
  return createApp(
    'residents',
    {
      'residents.register': async (args, session) => residents.register(args, session.user!),
      'residents.update': async (args, session) => residents.update(args, session.user!),
      'residents.close': async (args, session) => residents.close(args, session.user!),
      'residents.reopen': async (args, session) => residents.reopen(args, session.user!),
      'residents.get': async (args) => residents.get(args.id),
      'residents.reveal': async (args, session) => residents.reveal(args, session.user!),
      'residents.search': async (args, session) => residents.search(args, session.user!),
    },
    { caches: [residents.feed] },
  );
}
