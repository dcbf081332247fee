// Employment status (就业登记): the handlers.
import { createApp } from '../app';
import type { CoreContext } from '../context';
import type { SyncService } from '../sync/sync';
import type { EmploymentService } from './employment';
import { countsAt } from './levels';
import { defaultMonths } from './months';

export function employmentApp(deps: { ctx: CoreContext; sync: SyncService; employment: EmploymentService }) {
  const { ctx, employment } = deps;
  return createApp('employment', {
    'employment.record': async (args, session) => employment.record(args, session.user!),
    'employment.correct': async (args, session) => employment.correct(args, session.user!),
    'employment.history': async (args) => employment.history(args.residentId),
    'employment.counts': async (args) => {
      const { from, to } = defaultMonths(ctx.today(), args);
      return countsAt(deps, from, to);
    },
  });
}
