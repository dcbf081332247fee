// Backups: the handlers (the first-run ones answer only before a station is set up).
import type { RestoreResult } from '../../../shared/backup/contract';
import { LeyeError } from '../../../shared/rpc/errors';
import type { ParsedArgsOf } from '../../../shared/rpc/handlers';
import { createApp } from '../app';
import type { Session } from '../session';
import type { AuditLog } from '../audit/audit';
import type { BackupService } from './backup';

export interface BackupDeps {
  backups: BackupService;
  /** Setting or changing the passphrase is an account setting, in the audit log. */
  audit: AuditLog;
  /** The station's place, or STATION_NOT_SET_UP. */
  placeCode(): string;
  /** Checks, stages and swaps; the core reopens on the restored data. */
  restore(args: ParsedArgsOf<'backup.restore'>, session: Session): Promise<RestoreResult>;
  /** No station here yet (first run): the only time a restore needs no account. */
  firstRun(): boolean;
  /** Like `restore`, from a file in `folder` (with its passphrase), from any station; refused once a station is set up. */
  restoreFirstRun(folder: string, args: { file: string; passphrase?: string }, session: Session): Promise<RestoreResult>;
}

/** Refuses a first-run handler on a station that is set up (before it reads any file). */
export function assertFirstRun(deps: BackupDeps): void {
  if (!deps.firstRun()) throw new LeyeError({ code: 'STATION_ALREADY_SET_UP', messageKey: 'errors.backup.firstRunOnly' });
}

export function backupApp(deps: BackupDeps) {
  const firstRunFolder = async (folder: string | null) => {
    assertFirstRun(deps);
    return deps.backups.firstRunFolder(folder);
  };
  return createApp('backup', {
    'backup.firstRunFiles': async (args) => deps.backups.list(null, await firstRunFolder(args.folder)),
    'backup.firstRunCheck': async (args) => deps.backups.contents(await firstRunFolder(args.folder), args.file, args.passphrase),
    'backup.firstRunRestore': async (args, session) => deps.restoreFirstRun(await firstRunFolder(args.folder), { file: args.file, passphrase: args.passphrase }, session),
    'backup.status': async () => deps.backups.status(),
    'backup.settings': async (args) => deps.backups.updateSettings(args),
    'backup.passphrase': async (args, session) => {
      const before = deps.backups.status().passphraseSet;
      const status = await deps.backups.setPassphrase(args);
      await deps.audit.append(session.user!, { action: 'account', targetId: 'settings', field: 'backupPassphrase', reason: before ? 'changed' : 'set' });
      return status;
    },
    'backup.now': async () => deps.backups.backupNow('manual'),
    'backup.list': async () => deps.backups.list(deps.placeCode()),
    'backup.restore': async (args, session) => deps.restore(args, session),
  });
}
