// Backups: the handlers (the first-run ones answer only before a station is set up).
import { createApp } from '../app';
import { assertFirstRun, type BackupDeps } from './backup';

export function backupApp(deps: BackupDeps) {
  const firstRunFolder = async (folder: string | null) => {
    assertFirstRun(deps);
    return deps.backups.firstRunFolder(folder);
  };
  return createApp('backup', {
    'backup.firstRunFiles': async (args) => deps.backups.list(null, await firstRunFolder(args.folder)),
    'backup.firstRunCheck': async (args) => deps.backups.contents(await firstRunFolder(args.folder), args.file),
    'backup.firstRunRestore': async (args, session) => deps.restoreFirstRun(await firstRunFolder(args.folder), args.file, session),
    'backup.status': async () => deps.backups.status(),
    'backup.settings': async (args) => deps.backups.updateSettings(args),
    'backup.now': async () => deps.backups.backupNow('manual'),
    'backup.list': async () => deps.backups.list(deps.placeCode()),
    'backup.restore': async (args, session) => deps.restore(args, session),
  });
}
