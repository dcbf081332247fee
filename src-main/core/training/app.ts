// Training sessions and the course catalogue: the handlers.
import { createApp, type Cache } from '../app';
import type { TrainingService } from './training';

/** Sessions and enrolments: what forms, sheets and statistics read of training. */
export function sessionCaches(training: TrainingService): Cache[] {
  return [training.sessions, training.enrolments];
}

export function trainingApp(training: TrainingService) {
  return createApp(
    'training',
    {
      'training.list': async () => training.list(),
      'courses.list': async () => training.listCourses(),
      'courses.save': async (args, session) => training.saveCourse(args, session.user!),
      'training.get': async (args) => training.get(args.sessionId),
      'training.save': async (args, session) => training.save(args, session.user!),
      'training.enrol': async (args, session) => training.enrol(args, session.user!),
      'training.signIn': async (args, session) => training.signIn(args, session.user!),
      'training.signIns': async (args) => training.signIns(args.sessionId, args.date, args.half),
      'training.attendance': async (args) => training.attendance(args.sessionId),
    },
    { caches: [...sessionCaches(training), training.courses] },
  );
}
