// The Electron main process: one secured window onto app://leye, and the station core in a
// utility process that each window reaches over its own MessagePort (see DESIGN.md).
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  MessageChannelMain,
  app,
  ipcMain,
  protocol,
  safeStorage,
  session,
  utilityProcess,
  type IpcMainEvent,
  type MenuItemConstructorOptions,
  type UtilityProcess,
  type WebContents,
} from 'electron';
import type { SecretReply, SecretRequest } from '../host/secretMessages';
import { MAIN_LOG_FILE, StationLog } from '../core/log/log';
import { CORE_LOST_CHANNEL, PORT_CHANNEL, PORT_REQUEST_CHANNEL } from './channels';
import { registerPrinting } from './printing';
import { registerBackupFolderDialog } from './backupFolder';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  mimeType,
  resolveAppFile,
  windowOptions,
} from './security';

// dist/main/main.cjs → dist/renderer, dist/host, dist/main/preload.cjs
const rendererDir = path.join(__dirname, '../renderer');
const hostPath = path.join(__dirname, '../host/utility-host.cjs');
const preloadPath = path.join(__dirname, 'preload.cjs');

const windows = new Set<BrowserWindow>();
/** Hidden windows printing a form, each sharing the login of the window that asked. */
const printWindows = new Set<BrowserWindow>();
/** The core session of each page: its own id, or for a print window its opener's. */
const sessionOf = new Map<WebContents, number>();
let core: UtilityProcess | null = null;
let coreReady = false;
let quitting = false;
let crashes = 0;
/** Counts core starts; ports and "core lost" notices carry it so a late notice cannot drop a newer port. */
let generation = 0;
/** Core exits and restarts, for the support bundle (the core cannot log its own death). */
let mainLog: StationLog | null = null;
/** Pages that asked for a port: they get a new one each time the core (re)starts. */
const wantsPort = new Set<WebContents>();

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same LevelDB files, which LevelDB locks: hand over and leave.
  app.quit();
} else {
  // Must happen before 'ready'; 'standard' gives app://leye a real origin for 'self' and fetch.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  app.enableSandbox();
  hardenWebContents();
  app.on('second-instance', () => {
    const win = [...windows][0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => core?.kill());
  void app.whenReady().then(() => {
    serveRenderer();
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    ipcMain.on(PORT_REQUEST_CHANNEL, onPortRequest);
    registerPrinting({
      preloadPath,
      isAppWindow: (win) => windows.has(win),
      adopt: (win, opener) => {
        printWindows.add(win);
        sessionOf.set(win.webContents, sessionOf.get(opener) ?? opener.id);
        win.on('closed', () => printWindows.delete(win));
      },
    });
    registerBackupFolderDialog((win) => windows.has(win));
    Menu.setApplicationMenu(buildMenu());
    startCore();
    createWindow();
    app.on('activate', () => {
      if (windows.size === 0) createWindow();
    });
  });
}

// ── windows ────────────────────────────────────────────────────────────────────────────────

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath));
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  win.on('page-title-updated', (event) => event.preventDefault()); // keep 乐业驿站
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return plain(404, 'Not Found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not Found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** Every web contents, ours or not: no leaving app://leye, no popups, no webviews. */
function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    const stayHome = (event: Electron.Event, url: string) => {
      if (!isAppUrl(url)) event.preventDefault();
    };
    contents.on('will-navigate', (event) => stayHome(event, event.url));
    contents.on('will-redirect', (event) => stayHome(event, event.url));
    // will-navigate sees only the top frame; an iframe's navigation is its own event.
    contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function buildMenu(): Menu | null {
  const items: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin') items.push({ role: 'appMenu' });
  // Windows/Linux need no menu for copy and paste; macOS needs the Edit menu for ⌘C/⌘V.
  if (process.platform === 'darwin') items.push({ role: 'editMenu', label: '编辑' });
  if (!app.isPackaged) {
    items.push({
      label: '开发',
      submenu: [{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }],
    });
  }
  return items.length > 0 ? Menu.buildFromTemplate(items) : null;
}

// ── the core and the port handshake ──────────────────────────────────────────────────────────

function startCore(): void {
  const dataDir = path.join(app.getPath('userData'), 'station-data');
  mkdirSync(dataDir, { recursive: true });
  mainLog ??= new StationLog({ dir: path.join(dataDir, 'logs'), name: MAIN_LOG_FILE, files: 2 });
  const child = utilityProcess.fork(hostPath, ['--data-dir', dataDir], { serviceName: 'Leye core' });
  const startedAt = Date.now();
  const started = ++generation;
  core = child;
  child.once('spawn', () => {
    if (core !== child) return;
    coreReady = true;
    for (const contents of wantsPort) connect(contents);
  });
  child.on('message', (message: unknown) => answerSecret(child, message));
  child.once('exit', (code) => {
    if (core !== child) return;
    core = null;
    coreReady = false;
    if (quitting) return;
    for (const contents of wantsPort) if (!contents.isDestroyed()) contents.send(CORE_LOST_CHANNEL, started);
    // Back off on a crash loop (0.5 s … 30 s); a core that ran a minute starts the count afresh.
    crashes = Date.now() - startedAt > 60_000 ? 1 : crashes + 1;
    const delay = Math.min(30_000, 500 * 2 ** (crashes - 1));
    console.error(`Leye core exited with code ${code}; restarting in ${delay} ms`);
    mainLog?.error('core.exited', { code, restartInMs: delay, crashes });
    setTimeout(() => {
      if (!quitting && !core) startCore();
    }, delay);
  });
}

/**
 * The core seals the county account's password with the operating system's key store, which
 * only the main process may use; without one (a Linux session with no keyring) it refuses
 * rather than storing the password in the clear.
 */
function answerSecret(child: UtilityProcess, message: unknown): void {
  const request = message as SecretRequest | null;
  if (request?.kind !== 'secret' || typeof request.id !== 'number' || typeof request.value !== 'string') return;
  let reply: SecretReply;
  try {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('no operating system key store');
    const value =
      request.op === 'seal'
        ? safeStorage.encryptString(request.value).toString('base64')
        : safeStorage.decryptString(Buffer.from(request.value, 'base64'));
    reply = { kind: 'secret-reply', id: request.id, value };
  } catch (error) {
    reply = { kind: 'secret-reply', id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  child.postMessage(reply);
}

function onPortRequest(event: IpcMainEvent): void {
  const contents = event.sender;
  const frame = event.senderFrame;
  const win = BrowserWindow.fromWebContents(contents);
  // Only the top frame of one of our windows, showing our own page, gets a line to the core.
  if (!frame || !win || !(windows.has(win) || printWindows.has(win)) || win.webContents !== contents) return;
  const top = contents.mainFrame;
  if (frame.processId !== top.processId || frame.frameToken !== top.frameToken || !isAppUrl(frame.url)) return;
  if (!wantsPort.has(contents)) {
    wantsPort.add(contents);
    if (!sessionOf.has(contents)) sessionOf.set(contents, contents.id);
    contents.once('destroyed', () => {
      wantsPort.delete(contents);
      sessionOf.delete(contents);
    });
  }
  if (coreReady) connect(contents);
  // Otherwise the 'spawn' of the (re)starting core connects it.
}

function connect(contents: WebContents): void {
  if (!core || contents.isDestroyed() || !isAppUrl(contents.mainFrame.url)) return;
  const { port1, port2 } = new MessageChannelMain();
  // Same session number, same login: a print window prints as the clerk whose window asked.
  core.postMessage({ kind: 'connect', session: sessionOf.get(contents) ?? contents.id }, [port1]);
  contents.postMessage(PORT_CHANNEL, generation, [port2]);
}
