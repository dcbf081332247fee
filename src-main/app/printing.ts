// Printing a form (DESIGN.md, "Printing"): the renderer asks for a print route; main opens it in
// a hidden window that shares the asking window's login, waits until the route says it is ready
// (data and fonts loaded), then shows the system print dialog or writes a PDF the clerk named.
// Only our own top-level windows may ask, and only for `#/print/…` routes.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { PRINT_CHANNEL, PRINT_PDF_CHANNEL } from './channels';
import { parsePrintHash, pdfFileName } from './printRequest';
import { APP_ENTRY_URL, isAppUrl, windowOptions } from './security';

/** A form that is not ready by then (core gone, a broken route) is given up rather than hung on. */
const READY_TIMEOUT_MS = 30_000;

export interface PrintHost {
  preloadPath: string;
  /** True for the app's own (visible) windows: the only ones that may ask to print. */
  isAppWindow(win: BrowserWindow): boolean;
  /** Registers a hidden print window as a window of `opener`'s session (it gets a port to the core). */
  adopt(win: BrowserWindow, opener: WebContents): void;
}

const READY_PROBE = `(() => {
  const form = document.querySelector('[data-print-ready="true"]');
  if (form && form.getAttribute('data-print-hash') === window.location.hash) return 'ready';
  return document.querySelector('[data-testid="print-error"]') ? 'error' : '';
})()`;

function askingWindow(host: PrintHost, event: IpcMainInvokeEvent): BrowserWindow {
  const win = BrowserWindow.fromWebContents(event.sender);
  const frame = event.senderFrame;
  const top = event.sender.mainFrame;
  if (!win || !host.isAppWindow(win) || !frame || frame.processId !== top.processId || frame.frameToken !== top.frameToken || !isAppUrl(frame.url)) {
    throw new Error('print refused: not an app window');
  }
  return win;
}

async function openPrintWindow(host: PrintHost, opener: WebContents, hash: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({ ...windowOptions(host.preloadPath), show: false });
  host.adopt(win, opener);
  try {
    await win.loadURL(`${APP_ENTRY_URL}${hash}`);
    const until = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const state = (await win.webContents.executeJavaScript(READY_PROBE)) as string;
      if (state === 'ready') return win;
      if (state === 'error') throw new Error('print refused: the form could not be filled');
      if (Date.now() > until) throw new Error('print failed: the form was not ready in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    win.destroy();
    throw error;
  }
}

export function registerPrinting(host: PrintHost): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, rawHash: unknown) => {
    askingWindow(host, event);
    const hash = parsePrintHash(rawHash);
    if (!hash) throw new Error('print refused: not a print route');
    const win = await openPrintWindow(host, event.sender, hash);
    try {
      const printed = await new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)));
      return { printed };
    } finally {
      win.destroy();
    }
  });

  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, rawHash: unknown, rawName: unknown) => {
    const parent = askingWindow(host, event);
    const hash = parsePrintHash(rawHash);
    if (!hash) throw new Error('print refused: not a print route');
    // The clerk chooses the file first: a cancelled save fills (and audit-logs) nothing.
    const choice = await dialog.showSaveDialog(parent, { defaultPath: pdfFileName(rawName), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false, fileName: '' };
    const win = await openPrintWindow(host, event.sender, hash);
    try {
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      await writeFile(choice.filePath, pdf);
      // The renderer learns the file's name, never its path.
      return { saved: true, fileName: path.basename(choice.filePath) };
    } finally {
      win.destroy();
    }
  });
}
