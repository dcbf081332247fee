// The MessagePort carrier: Electron's main process hands the utility process one port per window
// over its parent port; each port becomes a connection to the same core. Typed by what we use of
// Electron's MessagePortMain, so this file needs no 'electron' import and runs in tests on Node.
import type { Core } from '../core/core';
import { attachConnection } from './connection';

export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

export interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
}

/** Answers every `{kind: 'connect'}` message that brings a port, once the core is open. */
export function serveParentPort(parentPort: ParentPort, core: Promise<Core>): void {
  parentPort.on('message', (event) => {
    const data = event.data as { kind?: string } | null;
    const port = event.ports[0];
    if (data?.kind !== 'connect' || !port) return;
    void core.then((opened) => {
      const connection = attachConnection(opened, (message) => port.postMessage(message));
      port.on('message', (e) => connection.receive(e.data));
      port.on('close', () => connection.close());
      port.start();
      port.postMessage({ kind: 'ready' });
    });
  });
}
