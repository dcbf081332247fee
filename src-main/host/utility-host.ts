// Entry run by Electron's utilityProcess: the main process hands over one MessagePort per
// window; each becomes a connection to the same core. No 'electron' import: the parent port
// is a global of the utility process, typed here by what we use.
import { Core } from '../core/core';
import { parseHostArgs } from './args';
import { attachConnection } from './connection';

interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('utility-host runs inside Electron utilityProcess only; use node-host for Node.');
  process.exit(1);
}

const args = parseHostArgs(process.argv.slice(2));
if (!args.dataDir) {
  console.error('utility-host needs --data-dir');
  process.exit(1);
}
const corePromise = Core.open({ dataDir: args.dataDir });
corePromise.catch((error: unknown) => {
  console.error('Leye core failed to open its data folder:', error instanceof Error ? error.message : error);
  process.exit(1);
});

parentPort.on('message', (event) => {
  const data = event.data as { kind?: string } | null;
  const port = event.ports[0];
  if (data?.kind !== 'connect' || !port) return;
  void corePromise.then((core) => {
    const connection = attachConnection(core, (message) => port.postMessage(message));
    port.on('message', (e) => connection.receive(e.data));
    port.on('close', () => connection.close());
    port.start();
    port.postMessage({ kind: 'ready' });
  });
});

const shutdown = () => void corePromise.then((core) => core.close()).finally(() => process.exit(0));
process.on('SIGTERM', shutdown);
