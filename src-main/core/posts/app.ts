// Public-welfare posts and their attendance: the handlers.
import type { PouchDB as P } from 'pouchdb-node';
import { createApp, type Cache } from '../app';
import { ID_PREFIX, type AttendanceDoc } from '../store/docs';
import type { PostsService } from './posts';

/** Posts, holders and closed months: what every posts handler (and forms, sheets, statistics) reads. */
export function postsCaches(posts: PostsService): Cache[] {
  return [posts.posts, posts.assignments, posts.closes, posts.exits.exits, posts.exits.withdrawals];
}

/** Attendance marks are not held whole: the changes feed keeps the cached months current. */
function attendanceFeed(posts: PostsService): Cache {
  return {
    ensure: async () => undefined,
    accepts: (id) => id.startsWith(ID_PREFIX.attendance),
    apply: (change: P.Change<object>) => {
      if (change.doc && !change.deleted) posts.applyAttendance(change.doc as unknown as AttendanceDoc & { _rev: string });
    },
  };
}

export function postsApp(posts: PostsService) {
  return createApp(
    'posts',
    {
      'posts.list': async () => posts.list(),
      'posts.get': async (args) => posts.get(args.postId),
      'posts.save': async (args, session) => posts.save(args, session.user!),
      'posts.assign': async (args, session) => posts.assign(args, session.user!),
      'posts.endAssignment': async (args, session) => posts.holder((await posts.exits.end(args, session.user!))._id),
      'posts.withdrawExit': async (args, session) => posts.holder((await posts.exits.withdraw(args, session.user!))._id),
      'attendance.month': async (args) => posts.month(args.postId, args.month),
      'attendance.set': async (args, session) => posts.setMarks(args, session.user!),
      'attendance.history': async (args) => posts.history(args.postId, args.residentId, args.date),
      'attendance.summary': async (args) => posts.summary(args.postId, args.month),
      'attendance.closeMonth': async (args, session) => posts.closeMonth(args, session.user!),
      'attendance.reopenMonth': async (args, session) => posts.reopenMonth(args, session.user!),
    },
    { caches: [...postsCaches(posts), attendanceFeed(posts)] },
  );
}
