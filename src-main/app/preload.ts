// The sandboxed preload: asks main for a MessagePort to the core, runs the RPC client over it
// and exposes only { call, subscribe } as window.leye. The page gets no port, no ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createClient, type Carrier } from '../../shared/rpc/client';
import type { RpcError } from '../../shared/rpc/errors';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import type { PrintBridge } from '../../shared/print/contract';
import type { CallMessage, HostMessage } from '../../shared/rpc/protocol';
import { BACKUP_FILE_CHANNEL, BACKUP_FOLDER_CHANNEL, CORE_LOST_CHANNEL, PORT_CHANNEL, PORT_REQUEST_CHANNEL, PRINT_CHANNEL, PRINT_PDF_CHANNEL } from './channels';
import type { BackupFolderBridge } from '../../shared/backup/contract';

const DISCONNECTED: RpcError = { code: 'INTERNAL', messageKey: 'errors.disconnected' };

let port: MessagePort | null = null;
/** Which start of the core the port leads to (main numbers them). */
let portGeneration = 0;
/** Calls made while there is no port (before the first, or while the core restarts). */
let queue: CallMessage[] = [];
let receive: (message: HostMessage) => void = () => {};

const carrier: Carrier = {
  post(message) {
    if (port) port.postMessage(message);
    else queue.push(message);
  },
  onMessage(receiver) {
    receive = receiver;
  },
};

const client = createClient(carrier, { rejectWithPlainError: true });

function dropPort(): void {
  if (!port) return;
  port.onmessage = null;
  port.close();
  port = null;
  // Replies to calls sent on the old port will never come: fail them rather than hang.
  client.failAll(DISCONNECTED);
}

ipcRenderer.on(PORT_CHANNEL, (event, generation: unknown) => {
  const next = event.ports[0];
  if (!next) return;
  dropPort(); // a port while holding one means the core restarted
  port = next;
  portGeneration = typeof generation === 'number' ? generation : 0;
  port.onmessage = (message: MessageEvent<unknown>) => {
    const data = message.data;
    if (typeof data === 'object' && data !== null && 'kind' in data) receive(data as HostMessage);
  };
  port.start();
  const waiting = queue;
  queue = [];
  for (const message of waiting) port.postMessage(message);
});

ipcRenderer.on(CORE_LOST_CHANNEL, (_event, generation: unknown) => {
  // Ignore a notice about an older core than the one our port already leads to.
  if (generation === portGeneration) dropPort();
});

ipcRenderer.send(PORT_REQUEST_CHANNEL);

const bridge: LeyeBridge = {
  call: (name, args) => client.call(name, args),
  subscribe: (event, listener) => client.subscribe(event, listener),
};

contextBridge.exposeInMainWorld('leye', bridge);

// Printing a form: main checks the route and opens it in a hidden window (see app/printing.ts).
const printBridge: PrintBridge = {
  print: (hash) => ipcRenderer.invoke(PRINT_CHANNEL, String(hash)) as Promise<{ printed: boolean }>,
  savePdf: (hash, fileName) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, String(hash), String(fileName)) as Promise<{ saved: boolean; fileName: string }>,
};
contextBridge.exposeInMainWorld('leyePrint', printBridge);

// The backup folder, chosen in the system dialog (see app/backupFolder.ts).
const backupFolderBridge: BackupFolderBridge = {
  chooseFolder: () => ipcRenderer.invoke(BACKUP_FOLDER_CHANNEL) as Promise<string | null>,
  chooseFile: () => ipcRenderer.invoke(BACKUP_FILE_CHANNEL) as Promise<{ folder: string; file: string } | null>,
};
contextBridge.exposeInMainWorld('leyeBackup', backupFolderBridge);
