// Employment status (就业登记): the handlers.
import { createApp } from '../app';
import type { EmploymentService } from './employment';
import { defaultMonths } from './months';

export function employmentApp(employment: EmploymentService, today: () => string) {
  return createApp('employment', {
    'employment.record': async (args, session) => employment.record(args, session.user!),
    'employment.correct': async (args, session) => employment.correct(args, session.user!),
    'employment.history': async (args) => employment.history(args.residentId),
    'employment.counts': async (args) => {
      const { from, to } = defaultMonths(today(), args);
      return employment.counts(from, to);
    },
  });
}
