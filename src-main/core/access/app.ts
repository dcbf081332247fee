// The accounts' handlers: the session's idle lock, one's own password, and the admin's accounts.
// (`auth.login`/`auth.logout` answer with the station's status: station/app.ts.)
import { createApp } from '../app';
import type { AccessService } from './access';

export function accessApp(access: AccessService) {
  return createApp('access', {
    // The gate in front (checkSession) already counted the call as activity.
    'auth.active': async () => ({ idleLockMinutes: access.idleLockMinutes }),
    'auth.lock': async (_args, session) => {
      session.locked = true;
      return { locked: true };
    },
    'auth.unlock': async (args, session) => access.unlock(session, args.password),
    'auth.changePassword': async (args, session) => access.changePassword(session, args.currentPassword, args.newPassword),

    'users.list': async () => access.users(),
    'users.create': async (args, session) => access.createUser(args, session.user!),
    'users.update': async (args, session) => access.updateUser(args, session.user!),
    'users.resetPassword': async (args, session) => access.resetPassword(args.loginName, args.password, session.user!),
    'users.unlock': async (args, session) => access.unlockUser(args.loginName, session.user!),
    'users.settings': async () => ({ idleLockMinutes: access.idleLockMinutes }),
    'users.saveSettings': async (args, session) => access.saveSettings(args.idleLockMinutes, session.user!),
  });
}
