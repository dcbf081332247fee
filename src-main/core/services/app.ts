// Service records and the resident's timeline: the handlers.
import { createApp } from '../app';
import { notFound } from '../context';
import type { EmploymentService } from '../employment/employment';
import type { ModuleDeps } from '../modules';
import { sessionCaches } from '../training/app';
import { DecisionIndex } from './decisions';
import { ServicesService } from './services';
import { timeline, type TimelineDeps } from './timeline';

export function servicesApp(deps: ModuleDeps & { employment: EmploymentService }) {
  const { ctx, posts, training, employment } = deps;
  const services = new ServicesService(ctx);
  const decisions = new DecisionIndex();
  const sources: TimelineDeps = { ctx, posts, training, decisions, employment };
  return createApp(
    'services',
    {
      'services.record': async (args, session) => services.record(args, session.user!),
      'services.result': async (args, session) => services.result(args, session.user!),
      'services.correct': async (args, session) => services.correct(args, session.user!),
      'services.list': async (args) => services.list(args.residentId),
      'services.timeline': async (args) => {
        const resident = await ctx.residentDoc(args.residentId);
        if (!resident) notFound('residentId');
        return timeline({ resident, services: await services.entries(args.residentId) }, sources);
      },
    },
    // The timeline reads assignments (and their posts' names), sessions, enrolments and the county's reviews.
    { caches: [posts.posts, posts.assignments, ...sessionCaches(training), decisions.reviews] },
  );
}
