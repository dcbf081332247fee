// The Electron security checklist (issue 6) as a test. The Electron binary cannot run here, so
// the main process is loaded against a recording fake of the 'electron' module: every window's
// webPreferences, the session's permission handlers, the app:// protocol's CSP, the handlers
// every web contents gets, and each IPC channel called from a foreign sender. A static pass over
// the sources catches settings that only a code path the fake does not reach would use.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

interface FakeFrame {
  processId: number;
  frameToken: string;
  url: string;
}

const fake = vi.hoisted(() => {
  const record = {
    windows: [] as { options: Record<string, unknown>; win: unknown }[],
    handles: new Map<string, Listener>(),
    ons: new Map<string, Listener>(),
    appEvents: new Map<string, Listener[]>(),
    protocolHandlers: new Map<string, Listener>(),
    privileged: [] as unknown[],
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    headersReceived: [] as Listener[],
    openExternal: [] as unknown[],
    sandboxEnabled: false,
    readyResolve: null as (() => void) | null,
    userData: '',
    dialogs: 0,
  };
  return { record };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { record } = fake;
  let nextId = 1;

  class FakeWebContents extends Emitter {
    id = nextId++;
    mainFrame: FakeFrame;
    posted: unknown[] = [];
    sent: unknown[] = [];
    windowOpenHandler: Listener | null = null;
    constructor(url = '') {
      super();
      this.mainFrame = { processId: this.id, frameToken: `top-${this.id}`, url };
    }
    isDestroyed() {
      return false;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    postMessage(...args: unknown[]) {
      this.posted.push(args);
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
    async executeJavaScript() {
      return 'ready';
    }
    print(_options: unknown, callback: (ok: boolean) => void) {
      callback(true);
    }
    async printToPDF() {
      return Buffer.from('%PDF-1.4');
    }
  }

  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    webContents: FakeWebContents;
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.webContents = new FakeWebContents();
      BrowserWindow.all.push(this);
      record.windows.push({ options, win: this });
      // Electron emits this for every new web contents.
      for (const listener of record.appEvents.get('web-contents-created') ?? []) listener({}, this.webContents);
    }
    static fromWebContents(contents: unknown) {
      return BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
    }
    async loadURL(url: string) {
      this.webContents.mainFrame.url = url;
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    destroy() {
      this.destroyed = true;
    }
  }

  class MessageChannelMain {
    port1 = { name: 'port1' };
    port2 = { name: 'port2' };
  }

  const app = {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    enableSandbox: () => {
      record.sandboxEnabled = true;
    },
    on(event: string, listener: Listener) {
      record.appEvents.set(event, [...(record.appEvents.get(event) ?? []), listener]);
      return app;
    },
    whenReady: () =>
      new Promise<void>((resolve) => {
        record.readyResolve = resolve;
      }),
    getPath: () => record.userData,
    quit: () => {},
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => {
        record.permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: Listener) => {
        record.permissionCheck = handler;
      },
      webRequest: {
        onHeadersReceived: (handler: Listener) => {
          record.headersReceived.push(handler);
        },
      },
    },
  };

  const core = Object.assign(new Emitter(), { postMessage: () => {}, kill: () => {} });

  return {
    BrowserWindow,
    MessageChannelMain,
    app,
    session,
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (items: unknown) => items },
    ipcMain: {
      handle: (channel: string, handler: Listener) => record.handles.set(channel, handler),
      on: (channel: string, handler: Listener) => record.ons.set(channel, handler),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privileged.push(...schemes),
      handle: (scheme: string, handler: Listener) => record.protocolHandlers.set(scheme, handler),
    },
    safeStorage: { isEncryptionAvailable: () => false },
    utilityProcess: {
      fork: () => {
        setTimeout(() => core.emit('spawn'), 0);
        return core;
      },
    },
    dialog: {
      showOpenDialog: async () => {
        record.dialogs += 1;
        return { canceled: true, filePaths: [] };
      },
      showSaveDialog: async () => {
        record.dialogs += 1;
        return { canceled: false, filePath: path.join(record.userData, 'form.pdf') };
      },
    },
    shell: {
      openExternal: async (url: unknown) => {
        record.openExternal.push(url);
      },
    },
    default: {},
  };
});

const { record } = fake;
const APP_PAGE = 'app://leye/index.html';
const PRINT_ROUTE = '#/print/attendance/post%3AGY-050/2026-10';

interface Win {
  webContents: EventEmitter & { id: number; mainFrame: FakeFrame; posted: unknown[]; sent: unknown[]; windowOpenHandler: Listener | null };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function mainWindow(): Win {
  return record.windows[0]!.win as Win;
}

/** An IPC event as Electron builds it: which web contents and which frame sent the message. */
function ipcEvent(contents: Win['webContents'], frame: FakeFrame) {
  return { sender: contents, senderFrame: frame, returnValue: undefined, reply: () => {} };
}

/** Senders that must never get an answer: another page, a subframe, a foreign origin. */
function foreignSenders(): { label: string; event: ReturnType<typeof ipcEvent> }[] {
  const own = mainWindow().webContents;
  const stranger = Object.assign(new EventEmitter(), {
    id: 999,
    mainFrame: { processId: 999, frameToken: 'stranger', url: APP_PAGE },
    posted: [] as unknown[],
    sent: [] as unknown[],
    windowOpenHandler: null,
    isDestroyed: () => false,
  });
  return [
    { label: 'web contents that is not one of our windows', event: ipcEvent(stranger, stranger.mainFrame) },
    { label: 'a subframe of our window', event: ipcEvent(own, { processId: own.mainFrame.processId, frameToken: 'iframe-1', url: APP_PAGE }) },
    { label: 'an out-of-process frame', event: ipcEvent(own, { processId: 4242, frameToken: own.mainFrame.frameToken, url: APP_PAGE }) },
    { label: 'our window showing a foreign page', event: ipcEvent(own, { ...own.mainFrame, url: 'https://evil.example/index.html' }) },
  ];
}

beforeAll(async () => {
  record.userData = mkdtempSync(path.join(os.tmpdir(), 'leye-security-'));
  await import('./main');
  record.readyResolve?.();
  await tick();
  expect(record.windows.length).toBeGreaterThan(0);
});

describe('Electron security checklist', () => {
  const webPreferences = () => record.windows.map((w) => (w.options.webPreferences ?? {}) as Record<string, unknown>);

  it('turns the sandbox on for every renderer', () => {
    expect(record.sandboxEnabled).toBe(true);
  });

  it('isolates every window: context isolation, sandbox, no Node, web security, no insecure content, no webview', async () => {
    // The print window too: ask for a print from our own window (it opens a hidden window).
    const own = mainWindow().webContents;
    await record.handles.get('leye:print')!(ipcEvent(own, own.mainFrame), PRINT_ROUTE);
    expect(record.windows.length).toBeGreaterThanOrEqual(2);
    for (const prefs of webPreferences()) {
      expect(prefs.contextIsolation).toBe(true);
      expect(prefs.sandbox).toBe(true);
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInWorker).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames).toBe(false);
      expect(prefs.webSecurity).toBe(true);
      expect(prefs.allowRunningInsecureContent).toBe(false);
      expect(prefs.webviewTag).toBe(false);
      expect(prefs.experimentalFeatures).toBe(false);
      expect(prefs.enableBlinkFeatures).toBeUndefined();
      expect(typeof prefs.preload).toBe('string');
      expect(path.isAbsolute(prefs.preload as string)).toBe(true);
    }
  });

  it('loads our pages only from the app:// scheme, never file://', () => {
    for (const { win } of record.windows) expect((win as Win).webContents.mainFrame.url).toMatch(/^app:\/\/leye\//);
    expect(record.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
  });

  it('denies every permission request and check (camera, notifications, geolocation …)', () => {
    expect(record.permissionRequest).toBeTypeOf('function');
    expect(record.permissionCheck).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      record.permissionRequest!(mainWindow().webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(record.permissionCheck!(mainWindow().webContents, permission, 'app://leye', {})).toBe(false);
    }
  });

  it('sends a strict Content-Security-Policy with every app:// response, found or not', async () => {
    const handler = record.protocolHandlers.get('app');
    expect(handler).toBeTypeOf('function');
    for (const request of [
      { method: 'GET', url: 'app://leye/index.html' },
      { method: 'GET', url: 'app://leye/../../etc/passwd' },
      { method: 'POST', url: 'app://leye/index.html' },
    ]) {
      const response = (await handler!(request)) as Response;
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('keeps every web contents on app://leye: navigation, redirects, new windows and webviews refused', () => {
    const created = record.appEvents.get('web-contents-created') ?? [];
    expect(created.length).toBeGreaterThan(0);
    const contents = Object.assign(new EventEmitter(), { windowOpenHandler: null as Listener | null, setWindowOpenHandler(h: Listener) { this.windowOpenHandler = h; } });
    for (const listener of created) listener({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
      contents.emit(event, away, away.url);
      expect(away.preventDefault, `${event} to a foreign site`).toHaveBeenCalled();
      const home = { url: 'app://leye/index.html#/residents', preventDefault: vi.fn() };
      contents.emit(event, home, home.url);
      expect(home.preventDefault, `${event} inside the app`).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    for (const url of ['https://evil.example/', 'app://leye/index.html', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('gives our own window a port to the core (the control for the refusals below)', async () => {
    const own = mainWindow().webContents;
    const port = record.ons.get('leye:port-request');
    expect(port).toBeTypeOf('function');
    own.posted.length = 0;
    port!(ipcEvent(own, own.mainFrame));
    await tick();
    expect(own.posted.length).toBe(1);
  });

  it('refuses every IPC channel to a foreign sender', async () => {
    // Every channel main registers is called below, so a new channel is checked without listing it here.
    const channels = [...record.handles.keys(), ...record.ons.keys()];
    expect(channels).toEqual(expect.arrayContaining(['leye:port-request', 'leye:print', 'leye:print-pdf']));
    for (const { label, event } of foreignSenders()) {
      const windowsBefore = record.windows.length;
      const dialogsBefore = record.dialogs;
      for (const [channel, handler] of record.handles) {
        await expect(Promise.resolve().then(() => handler(event, PRINT_ROUTE, 'form.pdf')), `${channel} from ${label}`).rejects.toThrow(/refused/);
      }
      for (const [channel, handler] of record.ons) {
        event.sender.posted.length = 0;
        event.sender.sent.length = 0;
        handler(event);
        await tick();
        expect(event.sender.posted, `${channel} from ${label}`).toEqual([]);
        expect(event.sender.sent, `${channel} from ${label}`).toEqual([]);
      }
      // Nothing was opened on its behalf: no print window, no save dialog.
      expect(record.windows.length).toBe(windowsBefore);
      expect(record.dialogs).toBe(dialogsBefore);
    }
  });

  it('never hands a URL to shell.openExternal', () => {
    expect(record.openExternal).toEqual([]);
  });
});

describe('Electron security checklist, static pass over src-main/app', () => {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }));

  it('reads the main-process sources', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['main.ts', 'security.ts', 'printing.ts', 'preload.ts']));
  });

  const banned: [string, RegExp][] = [
    ['nodeIntegration: true', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/],
    ['contextIsolation: false', /contextIsolation\s*:\s*false/],
    ['sandbox: false', /sandbox\s*:\s*false/],
    ['webSecurity: false', /webSecurity\s*:\s*false/],
    ['allowRunningInsecureContent', /allowRunningInsecureContent\s*:\s*true/],
    ['webviewTag: true', /webviewTag\s*:\s*true/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['file:// pages', /loadFile\s*\(|['"`]file:\/\//],
    ['the remote module', /@electron\/remote|enableRemoteModule/],
    ['exposing ipcRenderer', /exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/],
  ];
  for (const [label, pattern] of banned) {
    it(`has no ${label}`, () => {
      for (const { file, text } of sources) expect(pattern.test(text), `${file}: ${label}`).toBe(false);
    });
  }

  it('calls shell.openExternal only with a constant https URL', () => {
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/openExternal\s*\(\s*([^)]*)\)/g)) {
        expect(match[1], `${file}: shell.openExternal(${match[1]})`).toMatch(/^'https:\/\/[^'$]+'$/);
      }
    }
  });
});
