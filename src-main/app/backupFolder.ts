// The backup folder (a USB stick) is chosen in the system's folder dialog: the renderer asks,
// main shows the dialog, and only the folder the clerk picked goes back to the page, which hands
// it to the core (`backup.settings` checks it again). Only our own top-level windows may ask.
// At first run, a backup file to restore is picked in the open-file dialog the same way: its
// folder and name go to the core (`backup.firstRun*`), which reads only backup files by name.
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { backupZhCN } from '../../shared/backup/texts';
import { BACKUP_FILE_CHANNEL, BACKUP_FOLDER_CHANNEL } from './channels';
import { isAppUrl } from './security';

function askingWindow(isAppWindow: (win: BrowserWindow) => boolean, event: IpcMainInvokeEvent): BrowserWindow {
  const win = BrowserWindow.fromWebContents(event.sender);
  const frame = event.senderFrame;
  const top = event.sender.mainFrame;
  if (!win || !isAppWindow(win) || !frame || frame.processId !== top.processId || frame.frameToken !== top.frameToken || !isAppUrl(frame.url)) {
    throw new Error('folder dialog refused: not an app window');
  }
  return win;
}

export function registerBackupFolderDialog(isAppWindow: (win: BrowserWindow) => boolean): void {
  ipcMain.handle(BACKUP_FOLDER_CHANNEL, async (event) => {
    const parent = askingWindow(isAppWindow, event);
    const choice = await dialog.showOpenDialog(parent, { properties: ['openDirectory', 'createDirectory'] });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });
  ipcMain.handle(BACKUP_FILE_CHANNEL, async (event) => {
    const parent = askingWindow(isAppWindow, event);
    // Named in Chinese, the app's first language: main has no i18next.
    const choice = await dialog.showOpenDialog(parent, { properties: ['openFile'], filters: [{ name: backupZhCN.backup.firstRun.fileFilter, extensions: ['leyebak'] }] });
    const picked = choice.canceled ? undefined : choice.filePaths[0];
    return picked ? { folder: path.dirname(picked), file: path.basename(picked) } : null;
  });
}
